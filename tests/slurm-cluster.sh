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
# database, so job states are read with squeue and scontrol (jobs stay known
# for MinJobAge = 300 s after they end); only one slurmd runs per host.
set -euo pipefail

dir=${STRATUS_SLURM_DIR:-/tmp/stratus-slurm}
conf=$dir/slurm.conf
sudo=""
[ "$(id -u)" -eq 0 ] || sudo=sudo

start() {
  if ! command -v slurmctld >/dev/null || ! command -v munged >/dev/null; then
    $sudo env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends slurm-wlm munge >/dev/null
  fi
  # A fresh cluster each time: no jobs or node states left from an earlier one.
  if pgrep -x slurmctld >/dev/null || pgrep -x slurmd >/dev/null; then stop; fi
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
  if ! pgrep -x munged >/dev/null; then
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

stop() {
  SLURM_CONF=$conf scontrol shutdown >/dev/null 2>&1 || true
  sleep 1
  $sudo pkill -x slurmd 2>/dev/null || true
  $sudo pkill -x slurmctld 2>/dev/null || true
  $sudo pkill -x munged 2>/dev/null || true
  # Wait until they are gone, so that a start right after starts them anew.
  for _ in $(seq 1 50); do
    pgrep -x slurmd >/dev/null || pgrep -x slurmctld >/dev/null || pgrep -x munged >/dev/null || return 0
    sleep 0.2
  done
  for daemon in slurmd slurmctld munged; do $sudo pkill -9 -x $daemon 2>/dev/null || true; done
}

case "${1:-}" in
  start) start ;;
  stop) stop ;;
  status) SLURM_CONF=$conf sinfo && SLURM_CONF=$conf squeue ;;
  *) echo "usage: tests/slurm-cluster.sh start|stop|status" >&2; exit 2 ;;
esac
