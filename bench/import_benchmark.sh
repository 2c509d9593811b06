#!/usr/bin/env bash
# Import benchmark: generates a ROWS x COLUMNS numeric CSV (default 1,000,000 x 40),
# then prints Stratus's parse + type inference and whole-import throughput and
# peak memory next to pandas' read_csv (Debian's python3-pandas) on the same file.
#   bench/import_benchmark.sh [ROWS] [COLUMNS]
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
bin="$root/build/release/bench/bench_import"
rows="${1:-1000000}"
columns="${2:-40}"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
csv="$work/bench.csv"

"$bin" generate "$csv" "$rows" "$columns"
size_mb=$(python3 -c "import os,sys; print(f'{os.path.getsize(sys.argv[1])/1e6:.1f}')" "$csv")
echo "file: $rows rows x $columns columns, $size_mb MB"

field() { sed -n "s/.*$1=\([0-9.]*\).*/\1/p"; }
# Warm the page cache once so every reader starts alike.
cat "$csv" > /dev/null

parse=$("$bin" parse "$csv")
import=$("$bin" import "$csv" "$work/bench.stratus")
pandas=$(/usr/bin/time -f "peak_kb=%M" /usr/bin/python3 - "$csv" 2>&1 <<'PY'
import sys, time
import pandas as pd
t = time.perf_counter()
df = pd.read_csv(sys.argv[1])
s = time.perf_counter() - t
print(f"seconds={s:.3f}")
PY
)
p_s=$(echo "$parse" | field seconds); p_mem=$(echo "$parse" | field peak_mb)
i_s=$(echo "$import" | field seconds); i_mem=$(echo "$import" | field peak_mb)
pd_s=$(echo "$pandas" | field seconds); pd_kb=$(echo "$pandas" | field peak_kb)
python3 - "$size_mb" "$p_s" "$p_mem" "$i_s" "$i_mem" "$pd_s" "$pd_kb" <<'PY'
import sys
size, ps, pm, is_, im, pds, pdkb = map(float, sys.argv[1:])
pdm = pdkb / 1024
print(f"{'':34}{'seconds':>9}{'MB/s':>9}{'peak MB':>9}{'peak/file':>10}")
print(f"{'pandas read_csv':34}{pds:9.2f}{size/pds:9.1f}{pdm:9.0f}{pdm/size:10.2f}")
print(f"{'stratus parse + type inference':34}{ps:9.2f}{size/ps:9.1f}{pm:9.0f}{pm/size:10.2f}")
print(f"{'stratus whole import (workspace)':34}{is_:9.2f}{size/is_:9.1f}{im:9.0f}{im/size:10.2f}")
print(f"parse speed vs pandas: {pds/ps:.2f}x   (target >= 1.00x)")
print(f"whole import: {size/is_:.1f} MB/s (target >= 50), peak memory {im/size:.2f}x the file (target < 2.5x)")
PY
