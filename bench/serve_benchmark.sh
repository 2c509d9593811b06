#!/usr/bin/env bash
# Endpoint load benchmark on loopback (single-row requests, keep-alive), side
# by side with a Flask + gunicorn scikit-learn scorer of the same data and
# payload. Trains an AutoML model on the shared heart-failure file (BUDGET
# seconds, default 20; ALGORITHMS restricts the search, e.g. LogisticRegression),
# registers it, serves it with `stratus-cli serve`, then prints:
#   1. throughput and p50/p99 latency, wrk -t1 -c16 for 10 s, both servers, and the ratio
#   2. resident memory of the endpoint across 1,000,000 requests
#   3. errors in 60 s at 64 connections
#   bench/serve_benchmark.sh [BUDGET] [ALGORITHMS]      (QUICK=1: part 1 only)
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
cli="$root/build/release/app/cli/stratus-cli"
csv="$root/../shared/data/heart_failure_clinical_records_dataset.csv"
budget="${1:-20}"
algorithms="${2:-}"
[ -f "$csv" ] || { echo "skipped: $csv is absent" >&2; exit 0; }
work="$(mktemp -d)"
pids=()
trap 'kill "${pids[@]}" 2>/dev/null || true; rm -rf "$work"' EXIT
ws="$work/bench.stratus"

"$cli" --workspace "$ws" dataset import "$csv" --name heart-failure > /dev/null
args=(--dataset heart-failure --label DEATH_EVENT --budget-seconds "$budget" --seed 1 --json)
[ -n "$algorithms" ] && args+=(--allowed "$algorithms")
run=$("$cli" --workspace "$ws" automl "${args[@]}" | /usr/bin/python3 -c 'import json,sys; print(json.load(sys.stdin)["parent_run_id"])')
"$cli" --workspace "$ws" model register --run "$run" --name heart > /dev/null
"$cli" --workspace "$ws" serve --model heart --port 0 > "$work/serve.out" 2>&1 &
pids+=($!); serve_pid=$!
for _ in $(seq 100); do grep -q '^Key: ' "$work/serve.out" && break; sleep 0.1; done
uri=$(sed -n 's/^Scoring URI: //p' "$work/serve.out")
key=$(sed -n 's/^Key: //p' "$work/serve.out")
algorithm=$(sed -n 's/^Serving heart (\(.*\))$/\1/p' "$work/serve.out")

row='{"data":[{"age":"60","anaemia":"false","creatinine_phosphokinase":"500","diabetes":"false","ejection_fraction":"38","high_blood_pressure":"false","platelets":"260000","serum_creatinine":"1.1","serum_sodium":"137","sex":"true","smoking":"false","time":"200"}]}'
cat > "$work/post.lua" <<LUA
wrk.method = "POST"
wrk.body = '$row'
wrk.headers["Content-Type"] = "application/json"
wrk.headers["Authorization"] = "Bearer $key"
LUA
curl -sf -H "Authorization: Bearer $key" -H 'Content-Type: application/json' -d "$row" "$uri" > "$work/answer.json"
echo "Stratus endpoint: $algorithm, $uri -> $(cat "$work/answer.json")"

# wrk output -> "requests/s p50 p99 errors"
summary() {
  /usr/bin/python3 - "$1" <<'PY'
import re, sys
text = open(sys.argv[1]).read()
def ms(label):
    m = re.search(r"^\s+%s\s+([\d.]+)(us|ms|s)\b" % label, text, re.M)
    v = float(m.group(1)); return v / 1000 if m.group(2) == "us" else v * 1000 if m.group(2) == "s" else v
rps = float(re.search(r"Requests/sec:\s+([\d.]+)", text).group(1))
total = int(re.search(r"(\d+) requests in", text).group(1))
non2xx = re.search(r"Non-2xx or 3xx responses: (\d+)", text)
sock = re.search(r"Socket errors: connect (\d+), read (\d+), write (\d+), timeout (\d+)", text)
errors = (int(non2xx.group(1)) if non2xx else 0) + (sum(map(int, sock.groups())) if sock else 0)
print(f"{rps:.0f} {ms('50%'):.3f} {ms('99%'):.3f} {errors} {total}")
PY
}
rss_mb() { awk '/^VmRSS/ {printf "%.1f", $2 / 1024}' "/proc/$1/status"; }

wrk -t1 -c16 -d3s -s "$work/post.lua" "$uri" > /dev/null # warm-up
wrk -t1 -c16 -d10s --latency -s "$work/post.lua" "$uri" > "$work/stratus.txt"
read -r s_rps s_p50 s_p99 s_err _ <<< "$(summary "$work/stratus.txt")"

# The anchor: Flask + gunicorn, one sync worker per core.
port=$(/usr/bin/python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
HEART_CSV="$csv" gunicorn --chdir "$root/bench" -w "$(nproc)" -b "127.0.0.1:$port" --log-level warning flask_scorer:app > "$work/flask.out" 2>&1 &
pids+=($!)
for _ in $(seq 200); do curl -sf -H 'Content-Type: application/json' -d "$row" "http://127.0.0.1:$port/score" > "$work/flask_answer.json" 2>/dev/null && break; sleep 0.1; done
echo "Flask + gunicorn ($(nproc) workers, scikit-learn RandomForest): -> $(cat "$work/flask_answer.json")"
wrk -t1 -c16 -d10s --latency -s "$work/post.lua" "http://127.0.0.1:$port/score" > "$work/flask.txt"
read -r f_rps f_p50 f_p99 f_err _ <<< "$(summary "$work/flask.txt")"
kill "${pids[1]}"; wait "${pids[1]}" 2>/dev/null || true

printf '\n%-26s %12s %10s %10s %8s\n' "wrk -t1 -c16 10 s" "requests/s" "p50 ms" "p99 ms" "errors"
printf '%-26s %12s %10s %10s %8s\n' "Stratus ($algorithm)" "$s_rps" "$s_p50" "$s_p99" "$s_err"
printf '%-26s %12s %10s %10s %8s\n' "Flask + gunicorn" "$f_rps" "$f_p50" "$f_p99" "$f_err"
echo "ratio: $(/usr/bin/python3 -c "print(f'{$s_rps / max($f_rps, 1):.1f}x')") the Flask scorer's throughput"

[ -n "${QUICK:-}" ] && exit 0
# Memory across 1,000,000 requests: RSS after a 100,000-request warm-up, then every ~200,000.
echo
metrics() { curl -sf "${uri%/score}/metrics" | /usr/bin/python3 -c 'import json,sys; print(json.load(sys.stdin)["requests"])'; }
start_rss=""; start_n=0
while :; do
  n=$(metrics)
  if [ -z "$start_rss" ] && [ "$n" -ge 100000 ]; then start_rss=$(rss_mb "$serve_pid"); start_n=$n; fi
  [ -n "$start_rss" ] && echo "after $n requests: RSS $(rss_mb "$serve_pid") MB"
  [ -n "$start_rss" ] && [ "$n" -ge $((start_n + 1000000)) ] && break
  wrk -t1 -c16 -d10s -s "$work/post.lua" "$uri" > /dev/null
done
end_rss=$(rss_mb "$serve_pid")
echo "RSS across 1,000,000 requests: $start_rss MB -> $end_rss MB ($(/usr/bin/python3 -c "print(f'{($end_rss - $start_rss) / $start_rss * 100:+.1f}%')"))"

echo
wrk -t2 -c64 -d60s --latency -s "$work/post.lua" "$uri" > "$work/c64.txt"
read -r c_rps c_p50 c_p99 c_err c_total <<< "$(summary "$work/c64.txt")"
echo "60 s at 64 connections: $c_total requests, $c_rps requests/s, p50 $c_p50 ms, p99 $c_p99 ms, errors: $c_err"
