#!/usr/bin/env bash
# An exported ONNX model in ONNX Runtime (onnxruntime-node, one thread) next
# to Stratus's own predict: single-row and 10,000-row batch latency (medians).
# Trains and registers a model of the shared heart-failure file (BUDGET
# seconds, default 20; ALGORITHMS, comma-separated, restricts the search),
# exports it as ONNX and as a package (for its schema and sample).
#   bench/onnx_benchmark.sh [BUDGET] [ALGORITHMS]
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
cli="$root/build/release/app/cli/stratus-cli"
csv="$root/../shared/data/heart_failure_clinical_records_dataset.csv"
budget="${1:-20}"
algorithms="${2:-}"
runtime="$root/build/onnxruntime/node_modules"
[ -f "$csv" ] || { echo "skipped: $csv is absent" >&2; exit 0; }
[ -d "$runtime/onnxruntime-node" ] || npm install --silent --no-audit --no-fund --ignore-scripts --prefix "$root/build/onnxruntime" onnxruntime-node
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
ws="$work/bench.stratus"

"$cli" --workspace "$ws" dataset import "$csv" --name heart-failure > /dev/null
allowed=()
[ -z "$algorithms" ] || allowed=(--allowed "$algorithms")
run=$("$cli" --workspace "$ws" automl --dataset heart-failure --label DEATH_EVENT --budget-seconds "$budget" --seed 1 \
  "${allowed[@]}" --json | /usr/bin/python3 -c 'import json,sys; print(json.load(sys.stdin)["parent_run_id"])')
"$cli" --workspace "$ws" model register --run "$run" --name heart > /dev/null
"$cli" --workspace "$ws" model export heart --format onnx --output "$work/heart.onnx" > /dev/null
"$cli" --workspace "$ws" model export heart --format package --output "$work/heart.stratus-model" > /dev/null
/usr/bin/python3 - "$work/heart.stratus-model" "$work/inputs.json" <<'PY'
import json, sys
p = json.load(open(sys.argv[1]))
# Numbers (integers and booleans as 1/0 too) are double inputs, NaN when missing; the rest strings.
types = {"decimal": "double", "integer": "double", "boolean": "double", "categorical": "string", "text": "string"}
def value(column, v):
    return (1.0 if v else 0.0) if isinstance(v, bool) else v
inputs = {c["name"]: {"type": types[c["type"]], "values": [value(c, p["sample"][c["name"]])]} for c in p["input_schema"]}
json.dump(inputs, open(sys.argv[2], "w"))
print("model:", p["properties"]["algorithm"], "- ONNX file", end=" ")
PY
echo "$(du -k "$work/heart.onnx" | cut -f1) KB"
ort=$(NODE_PATH="$runtime" node "$root/bench/onnx_latency.js" "$work/heart.onnx" "$work/inputs.json")
own=$("$root/build/release/bench/bench_predict" "$ws" heart)
/usr/bin/python3 - "$ort" "$own" <<'PY'
import json, sys
ort, own = json.loads(sys.argv[1]), json.loads(sys.argv[2])
print(f"{'':28}{'single row':>14}{'10,000 rows':>14}")
print(f"{'ONNX Runtime (1 thread)':28}{ort['single_row_ms']:>11.3f} ms{ort['batch_10000_ms']:>11.1f} ms")
print(f"{'Stratus predict':28}{own['single_row_ms']:>11.3f} ms{own['batch_10000_ms']:>11.1f} ms")
PY
