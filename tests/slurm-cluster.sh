#!/usr/bin/env bash
# A real Slurm cluster on this machine, for the tests of Slurm compute
# profiles (issue 20) and by hand: munged, slurmctld and one slurmd on
# 127.0.0.1 with this machine's CPUs, state under $STRATUS_SLURM_DIR
# (default /tmp/stratus-slurm). Debian 12's slurm-wlm 22.05 and munge.
#
#   tests/slurm-cluster.sh start   installs what is missing, writes slurm.conf, starts the
#                                  daemons and waits until sinfo shows the node idle;
#                                  prints the SLURM_CONF to export
#   tests/slurm-cluster.sh stop    stops them
#   tests/slurm-cluster.sh status  sinfo and squeue
#
# Known limits, measured on the CI machine's kind: sacct needs slurmdbd and a
# database, so job states are read with squeue (jobs stay known for
# MinJobAge = 300 s after they end); only one slurmd runs per host. Its own
# ports (16817, 16818) and pid files: a machine's own Slurm is left alone.
set -euo pipefail

dir=${STRATUS_SLURM_DIR:-/tmp/stratus-slurm}
conf=$dir/slurm.conf
sudo=""
[ "$(id -u)" -eq 0 ] || sudo=sudo

start() {
  if ! command -v slurmctld >/dev/null || ! command -v munged >/dev/null; then
    $sudo env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends slurm-wlm munge >/dev/null
  fi
  # A fresh cluster each time: no jobs or node states left from an earlier one of ours.
  stop
  rm -rf "$dir/state" "$dir/spool"
  mkdir -p "$dir/state" "$dir/spool" "$dir/log"
  local host cpus memory
  host=$(hostname -s)
  cpus=$(nproc)
  memory=$(($(awk '/MemTotal/ {print $2}' /proc/meminfo) / 1024 * 8 / 10))
  cat >"$conf" <<EOF
ClusterName=stratus-test
SlurmctldHost=$host(127.0.0.1)
AuthType=auth/munge
ProctrackType=proctrack/linuxproc
TaskPlugin=task/none
SchedulerType=sched/backfill
SelectType=select/cons_tres
SelectTypeParameters=CR_Core_Memory
DefMemPerCPU=512
SlurmctldPort=16817
SlurmdPort=16818
StateSaveLocation=$dir/state
SlurmdSpoolDir=$dir/spool
SlurmctldPidFile=$dir/slurmctld.pid
SlurmdPidFile=$dir/slurmd.pid
SlurmctldLogFile=$dir/log/slurmctld.log
SlurmdLogFile=$dir/log/slurmd.log
SlurmUser=$(id -un)
ReturnToService=2
MpiDefault=none
JobAcctGatherType=jobacct_gather/none
AccountingStorageType=accounting_storage/none
MinJobAge=300
NodeName=$host NodeAddr=127.0.0.1 CPUs=$cpus RealMemory=$memory State=UNKNOWN
PartitionName=debug Nodes=$host Default=YES MaxTime=INFINITE State=UP
EOF
  # munge: a key of its own if the package made none, the daemon as the munge user.
  if [ ! -s /etc/munge/munge.key ]; then
    $sudo /usr/sbin/mungekey --create --force >/dev/null 2>&1 || true
  fi
  $sudo mkdir -p /run/munge
  $sudo chown munge:munge /run/munge
  # A munged already running (the machine's own) is used as it is; one started here is stopped by stop.
  if ! pgrep -x munged >/dev/null; then
    touch "$dir/munged.ours"
    if [ -z "$sudo" ]; then
      su -s /bin/sh munge -c "/usr/sbin/munged --force" </dev/null >/dev/null 2>&1 || /usr/sbin/munged --force </dev/null >/dev/null 2>&1
    else
      sudo -u munge /usr/sbin/munged --force </dev/null >/dev/null 2>&1
    fi
  fi
  for _ in $(seq 1 50); do
    [ -S /run/munge/munge.socket.2 ] && break
    sleep 0.2
  done
  export SLURM_CONF=$conf
  # The daemons fork away from this shell: they must not hold its output open.
  $sudo env SLURM_CONF="$conf" /usr/sbin/slurmctld -f "$conf" </dev/null >/dev/null 2>&1
  $sudo env SLURM_CONF="$conf" /usr/sbin/slurmd -f "$conf" </dev/null >/dev/null 2>&1
  for _ in $(seq 1 60); do
    if sinfo -h -o "%T" 2>/dev/null | grep -qx idle; then
      echo "export SLURM_CONF=$conf"
      return 0
    fi
    sleep 1
  done
  echo "slurm-cluster: the node did not become idle; see $dir/log" >&2
  sinfo >&2 || true
  return 1
}

# Stops only what start started: the daemons of our pid files (never a machine's own Slurm).
stop() {
  SLURM_CONF=$conf scontrol shutdown >/dev/null 2>&1 || true
  local pids=()
  for f in "$dir/slurmd.pid" "$dir/slurmctld.pid"; do
    [ -s "$f" ] && pids+=("$(cat "$f")")
  done
  if [ -e "$dir/munged.ours" ] && [ -s /run/munge/munged.pid ]; then
    pids+=("$(cat /run/munge/munged.pid)")
  fi
  [ ${#pids[@]} -gt 0 ] && $sudo kill "${pids[@]}" 2>/dev/null || true
  for _ in $(seq 1 50); do
    local alive=""
    for pid in "${pids[@]}"; do kill -0 "$pid" 2>/dev/null && alive=yes; done
    [ -z "$alive" ] && break
    sleep 0.2
  done
  for pid in "${pids[@]}"; do $sudo kill -9 "$pid" 2>/dev/null || true; done
  rm -f "$dir/slurmd.pid" "$dir/slurmctld.pid" "$dir/munged.ours"
}

case "${1:-}" in
  start) start ;;
  stop) stop ;;
  status) SLURM_CONF=$conf sinfo && SLURM_CONF=$conf squeue ;;
  *) echo "usage: tests/slurm-cluster.sh start|stop|status" >&2; exit 2 ;;
esac
