#!/usr/bin/env python3
"""AutoML on a Slurm profile against the local pool, on the test cluster.

Needs a Slurm cluster (tests/slurm-cluster.sh start; export the SLURM_CONF it
prints). Prints:
  1. the per-trial overhead of running trials on Slurm: tiny trials
     (LogisticRegression on the heart-failure file) one at a time on a local
     profile and on a Slurm profile with one worker job; each trial's latency
     is its child run's created -> ended time; the overhead is the mean
     difference (the first trial pays for the worker job's submission, queue
     and start and the plan's build; the others for the shared folder's
     round trip);
  2. the speed-up of a fixed-trial AutoML run (forests and boosting on a
     generated ROWS-row dataset, 3-fold CV, seeded) with 1, 2 and 4 concurrent
     jobs, next to the local pool with 1 and 2 threads; and whether every
     leaderboard is the same.
  bench/slurm_benchmark.py [--trials N] [--rows R] [--big-trials M]
"""
import argparse, json, os, shutil, subprocess, sys, tempfile, time
from datetime import datetime

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
CLI = os.environ.get("STRATUS_CLI", os.path.join(ROOT, "build/release/app/cli/stratus-cli"))
HEART = os.path.join(ROOT, "..", "shared", "data", "heart_failure_clinical_records_dataset.csv")


def cli(ws, *args, check=True):
    p = subprocess.run([CLI, "--workspace", ws, *args], capture_output=True, text=True)
    if check and p.returncode != 0:
        sys.exit(f"stratus-cli {' '.join(args)} failed: {p.stderr.strip()}")
    return p.stdout


def when(text):
    return datetime.fromisoformat(text.replace("Z", "+00:00")).timestamp()


def automl(ws, dataset, compute, trials, algorithms, cv, experiment):
    start = time.monotonic()
    out = cli(ws, "automl", "--dataset", dataset, "--label", "DEATH_EVENT", "--max-trials", str(trials),
              "--seed", "1", "--cv", str(cv), "--allowed", algorithms, "--no-ensembles", "--compute", compute,
              "--experiment", experiment, "--json")
    wall = time.monotonic() - start
    parent = json.loads(out)["parent_run_id"]
    run = json.loads(cli(ws, "runs", "show", parent, "--json"))
    trials = sorted((c for c in run["children"] if c["kind"] == "trial"), key=lambda c: c["config"]["iteration"])
    return wall, trials


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--trials", type=int, default=12, help="tiny trials for the overhead (default 12)")
    ap.add_argument("--rows", type=int, default=20000, help="rows of the generated dataset for the speed-up (default 20000)")
    ap.add_argument("--big-trials", type=int, default=8, help="trials of the speed-up runs (default 8)")
    args = ap.parse_args()
    if subprocess.run(["sinfo", "-h"], capture_output=True).returncode != 0:
        sys.exit("no Slurm cluster answers: run tests/slurm-cluster.sh start and export the SLURM_CONF it prints")
    if not os.path.exists(HEART):
        sys.exit(f"{HEART} is absent")
    partition = os.environ.get("STRATUS_SLURM_PARTITION", "debug")
    cpus = subprocess.run(["sinfo", "-h", "-p", partition, "-o", "%c %D"], capture_output=True, text=True).stdout.split()
    work = tempfile.mkdtemp(prefix="stratus-slurm-bench-")
    try:
        ws = os.path.join(work, "bench.stratus")
        shared = os.path.join(work, "shared")
        cli(ws, "dataset", "import", HEART, "--name", "heart")
        cli(ws, "dataset", "sample", "--rows", str(args.rows), "--name", "generated")
        for n in (1, 2):
            cli(ws, "compute", "create", f"local{n}", "--max-concurrent", str(n), "--threads-per-trial", "1")
        for n in (1, 2, 4):
            cli(ws, "compute", "create", f"slurm{n}", "--kind", "slurm", "--partition", partition, "--shared-folder", shared,
                "--max-concurrent", str(n), "--cpus-per-job", "1", "--worker-command", CLI)
        print(f"cluster: partition {partition}, {cpus[1] if len(cpus) > 1 else '?'} node(s) of {cpus[0] if cpus else '?'} CPUs; "
              f"this machine {os.cpu_count()} cores")

        # 1. Per-trial overhead.
        lat = {}
        for compute in ("local1", "slurm1"):
            wall, trials = automl(ws, "heart", compute, args.trials, "LogisticRegression", 5, f"overhead-{compute}")
            lat[compute] = (wall, [when(t["ended_at"]) - when(t["created_at"]) for t in trials], trials)
        local_mean = sum(lat["local1"][1]) / len(lat["local1"][1])
        slurm_mean = sum(lat["slurm1"][1]) / len(lat["slurm1"][1])
        queue = [t["config"]["fidelity"].get("queue_seconds", 0) for t in lat["slurm1"][2]]
        queue_mean = sum(queue) / len(queue)
        print(f"\n1. Per-trial overhead ({args.trials} LogisticRegression trials on 299 rows, 5-fold CV, one at a time)")
        first, rest = lat["slurm1"][1][0], lat["slurm1"][1][1:]
        print(f"   local pool   : {local_mean * 1000:7.0f} ms per trial  (run {lat['local1'][0]:.1f} s)")
        print(f"   Slurm worker : {slurm_mean * 1000:7.0f} ms per trial  (run {lat['slurm1'][0]:.1f} s): the first trial "
              f"{first * 1000:.0f} ms (the worker job's submission, queue and start), the others {sum(rest) / len(rest) * 1000:.0f} ms")
        print(f"   overhead     : {(slurm_mean - local_mean) * 1000:7.0f} ms per trial; the worker job waited {queue_mean * 1000:.0f} ms "
              f"on average in Slurm's queue (squeue submit -> start, whole seconds)")

        # 2. Speed-up with concurrent jobs.
        algorithms = "RandomForest,ExtremeRandomTrees,XGBoostClassifier"
        print(f"\n2. A fixed-trial run: {args.big_trials} trials of {algorithms} on {args.rows} generated rows, 3-fold CV, seed 1")
        boards, walls = {}, {}
        for compute in ("local1", "local2", "slurm1", "slurm2", "slurm4"):
            wall, trials = automl(ws, "generated", compute, args.big_trials, algorithms, 3, f"speed-{compute}")
            walls[compute] = wall
            boards[compute] = [(t["algorithm"], t["status"], t["metrics"].get("AUC_weighted")) for t in trials]
            work_s = sum(t["duration_seconds"] for t in trials)
            print(f"   {compute:7s}: {wall:6.1f} s wall, trials' own time {work_s:6.1f} s, speed-up x{walls.get('slurm1', walls['local1']) / wall:.2f} "
                  f"(against {'slurm1' if 'slurm1' in walls else 'local1'})")
        same = all(b == boards["local1"] for b in boards.values())
        print(f"   every leaderboard the same as local1's: {'yes' if same else 'NO'}")
        per_trial = (walls["slurm1"] - walls["local1"]) / args.big_trials
        print(f"   Slurm's cost per trial on {args.rows} rows (slurm1 - local1): {per_trial:.2f} s")
    finally:
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
