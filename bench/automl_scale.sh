#!/usr/bin/env bash
# AutoML at scale: a ROWS x 40 binary classification dataset (default
# 1,000,000 rows; 40 numeric features, the label from a noisy nonlinear
# score), imported with `automl --train` and searched with a BUDGET-second
# experiment timeout (default 300). Prints the import and run times, the peak
# memory of the whole process, the model kept and its held-out score, and
# checks that the stored model predicts.
#   bench/automl_scale.sh [ROWS] [BUDGET]
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
cli="${STRATUS_CLI:-$root/build/release/app/cli/stratus-cli}"
rows="${1:-1000000}"
budget="${2:-300}"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

/usr/bin/python3 - "$work/scale.csv" "$rows" <<'PY'
import sys
import numpy as np
path, rows = sys.argv[1], int(sys.argv[2])
rng = np.random.default_rng(2026)
w = rng.normal(size=40) * (rng.random(40) < 0.5)
with open(path, "w") as f:
    f.write(",".join(f"x{i}" for i in range(40)) + ",y\n")
    for start in range(0, rows, 100000):
        x = rng.normal(size=(min(100000, rows - start), 40))
        score = x @ w + 0.8 * x[:, 0] * x[:, 1] + np.sin(2 * x[:, 2]) + rng.normal(scale=1.0, size=len(x))
        y = (score > np.median(score)).astype(int)
        np.savetxt(f, np.column_stack([x, y]), fmt=["%.5f"] * 40 + ["%d"], delimiter=",")
PY
echo "data: $rows rows x 40 features + label, $(du -m "$work/scale.csv" | cut -f1) MB"

start=$(date +%s.%N)
/usr/bin/time -f "peak_kb=%M" -o "$work/time.txt" "$cli" --workspace "$work/scale.stratus" automl \
  --train "$work/scale.csv" --label y --budget-seconds "$budget" --seed 1 --json --debug-log "$work/log.txt" \
  > "$work/result.json"
end=$(date +%s.%N)
head -n 2000 "$work/scale.csv" > "$work/input.csv"
"$cli" --workspace "$work/scale.stratus" predict --run "$(/usr/bin/python3 -c 'import json,sys; print(json.load(open(sys.argv[1]))["parent_run_id"])' "$work/result.json")" \
  --input "$work/input.csv" --output "$work/predicted.csv" --proba

/usr/bin/python3 - "$work" "$start" "$end" "$budget" <<'PY'
import csv, datetime, json, sys
work, start, end, budget = sys.argv[1], float(sys.argv[2]), float(sys.argv[3]), int(sys.argv[4])
stamp = lambda s: datetime.datetime.fromisoformat(s.replace("Z", "+00:00")).timestamp()
lines = [l.rstrip("\n") for l in open(f"{work}/log.txt")]
run_start = stamp(lines[0].split(" ")[0])
run_end = stamp(lines[-1].split(" ")[0])
peak = int(open(f"{work}/time.txt").read().split("peak_kb=")[1]) / 1024
result = json.load(open(f"{work}/result.json"))
board = [r for r in result["leaderboard"] if r["status"] == "Completed"]
best = next(r for r in result["leaderboard"] if r["run_id"] == result["best_child_run_id"])
rows = list(csv.DictReader(open(f"{work}/predicted.csv")))
print(f"process: {end - start:.1f} s (import and loading {run_start - start:.1f} s), "
      f"AutoML run: {run_end - run_start:.1f} s of a {budget} s budget, status {result['status']}")
print(f"peak memory: {peak:.0f} MB")
print(f"trials completed: {len(board)}; model kept: {best['algorithm']} "
      f"AUC_weighted {best['AUC_weighted']:.4f} (on the 10% holdout of the search sample)")
print(f"predict: {len(rows)} rows predicted from the stored model")
for l in lines:
    if "refit" in l or "sample" in l or "importance" in l or "timeout" in l:
        print("log: " + l[:200])
PY
