#!/usr/bin/env python3
"""On paper: what a Slurm cluster of N nodes gives for a run measured on this machine.

Reads a finished AutoML run (`stratus-cli runs show RUN --json`) and replays its
trials on N worker jobs, each running one trial at a time like this machine's
run did: every trial keeps its measured seconds, starts when a worker is free
and, for a successive-halving promotion, not before the trial it was promoted
from has ended; a worker's first trial also pays --plan-seconds (reading the
staged table and building the plan), and every trial --overhead-seconds (the
shared folder's round trip). Prints the search's length on this machine and on
N workers, and how many of the run's trials N workers would have done within
the search time this machine took (the budget's search phase).
  bench/slurm_estimate.py --workspace WS --run RUN_ID [--nodes 3] [--plan-seconds S] [--overhead-seconds S]
"""
import argparse, heapq, json, os, subprocess
from datetime import datetime

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
CLI = os.environ.get("STRATUS_CLI", os.path.join(ROOT, "build/release/app/cli/stratus-cli"))


def when(text):
    return datetime.fromisoformat(text.replace("Z", "+00:00")).timestamp()


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--workspace", required=True)
    ap.add_argument("--run", required=True)
    ap.add_argument("--nodes", type=int, default=3)
    ap.add_argument("--plan-seconds", type=float, default=0.0)
    ap.add_argument("--overhead-seconds", type=float, default=0.1)
    args = ap.parse_args()
    run = json.loads(subprocess.run([CLI, "--workspace", args.workspace, "runs", "show", args.run, "--json"],
                                    capture_output=True, text=True, check=True).stdout)
    trials = sorted((c for c in run["children"] if c["kind"] == "trial" and c.get("started_at") and c.get("ended_at")),
                    key=lambda c: c["config"]["iteration"])
    t0 = min(when(t["started_at"]) for t in trials)
    local_end = max(when(t["ended_at"]) for t in trials) - t0
    free = [(0.0, k, True) for k in range(args.nodes)]  # (free at, worker, first trial still to come)
    heapq.heapify(free)
    ends, done_in_time = {}, 0
    for t in trials:
        seconds = when(t["ended_at"]) - when(t["started_at"])
        parent = t["config"].get("fidelity", {}).get("promoted_from", -1)
        at, k, first = heapq.heappop(free)
        start = max(at, ends.get(parent, 0.0))
        end = start + seconds + args.overhead_seconds + (args.plan_seconds if first else 0.0)
        ends[t["config"]["iteration"]] = end
        done_in_time += end <= local_end
        heapq.heappush(free, (end, k, False))
    cluster_end = max(ends.values())
    busy = sum(when(t["ended_at"]) - when(t["started_at"]) for t in trials)
    print(f"run {args.run}: {len(trials)} trials, {busy:.0f} trial-seconds; search on this machine {local_end:.0f} s")
    print(f"on {args.nodes} workers (one trial each at a time, +{args.plan_seconds:.1f} s for a worker's first trial, "
          f"+{args.overhead_seconds:.2f} s each): the same trials in {cluster_end:.0f} s "
          f"(x{local_end / cluster_end:.2f}); {done_in_time} of them within {local_end:.0f} s")


if __name__ == "__main__":
    main()
