#!/usr/bin/env bash
# Stratus developer setup: installs the Debian packages the build needs (only
# the missing ones; as root or through sudo), configures and builds, then
#   ./setup.sh run  [studio args]   opens the studio on the default workspace
#                                   (no display: runs `stratus-cli demo`, the lesson headless)
#   ./setup.sh test                 runs the whole test suite (what CI runs)
#   ./setup.sh build                only builds
#   ./setup.sh bench                runs the import benchmark
#   ./setup.sh bench-automl [args]  Stratus against scikit-learn/XGBoost on held-out folds (bench/automl_benchmark.py)
#   ./setup.sh bench-budget [args]  AutoML's held-out score by time budget on generated real-size data (bench/budget_benchmark.py)
#   ./setup.sh bench-scale [ROWS] [BUDGET]  AutoML on 1,000,000 x 40 rows in 5 minutes (bench/automl_scale.sh)
#   ./setup.sh bench-studio [N] [M] the studio's pages with N runs, M compared
#   ./setup.sh bench-serve [BUDGET] [ALGORITHMS]  endpoint load (wrk) against Flask + gunicorn (bench/serve_benchmark.sh)
#   ./setup.sh bench-onnx [BUDGET] [ALGORITHMS]  an exported ONNX model in ONNX Runtime next to Stratus's predict
#   ./setup.sh bench-forecast [args]  forecasting against statsmodels on real series and a panel (bench/forecast_benchmark.py)
#   ./setup.sh bench-slurm [args]   AutoML on the test Slurm cluster against the local pool (bench/slurm_benchmark.py)
#   ./setup.sh fuzz [SECONDS]       builds the libFuzzer target (clang) and fuzzes request parsing (default 600 s)
set -euo pipefail
cd "$(dirname "$0")"
action="${1:-run}"
[ $# -gt 0 ] && shift

packages=(
  cmake ninja-build g++ pkg-config
  qt6-base-dev qt6-base-dev-tools qt6-svg-dev libqt6sql6-sqlite libgl-dev
  qt6-tools-dev qt6-tools-dev-tools qt6-l10n-tools
  qt6-translations-l10n                    # Qt's own Korean (the wizards' Back, Next, Cancel)
  libcpp-httplib-dev                       # the endpoints' HTTP server
  curl python3-requests                    # the tests run the Consume tab's curl and Python snippets
  libqcustomplot-dev libqcustomplot2.1-qt6
  libdlib-dev libxgboost-dev
  libonnx-dev libprotobuf-dev              # ONNX's own library writes and checks the exported models
  libyaml-cpp-dev                          # pipeline files (YAML)
  libjpeg-dev libblas-dev liblapack-dev   # named by dlib's CMake package, not pulled in by it
)
# The ONNX tests run exported models in ONNX Runtime for Node; the Slurm
# tests run on a real Slurm cluster on this machine (tests/slurm-cluster.sh).
if [ "$action" = test ]; then
  packages+=(slurm-wlm munge)
  command -v node >/dev/null || packages+=(nodejs)
  command -v npm >/dev/null || packages+=(npm)
fi
case "$action" in
  bench) packages+=(python3-pandas time) ;;
  bench-automl) packages+=(python3-sklearn python3-xgboost python3-scipy) ;;
  bench-budget) packages+=(python3-sklearn python3-xgboost python3-scipy python3-matplotlib) ;;
  bench-scale) packages+=(python3-numpy time) ;;
  bench-serve) packages+=(wrk python3-flask gunicorn python3-sklearn python3-pandas) ;;
  bench-onnx) command -v npm >/dev/null || packages+=(nodejs npm) ;;
  bench-forecast) packages+=(python3-statsmodels python3-pandas python3-numpy) ;;
  bench-slurm) packages+=(slurm-wlm munge) ;;
  fuzz) packages+=(clang libclang-rt-14-dev) ;;
  run) packages+=(fonts-noto-cjk) ;;
esac

missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if [ ${#missing[@]} -gt 0 ]; then
  echo "setup: installing ${missing[*]}"
  sudo=""
  [ "$(id -u)" -eq 0 ] || sudo="sudo"
  $sudo env DEBIAN_FRONTEND=noninteractive apt-get update -qq
  $sudo env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi

if [ "$action" = fuzz ]; then
  # The libFuzzer target for request parsing, then a run (default: 10 minutes).
  [ -f build/fuzz/build.ninja ] || cmake --preset fuzz >/dev/null
  cmake --build --preset fuzz
  mkdir -p build/fuzz/corpus
  exec build/fuzz/tests/fuzz/fuzz_scorer -max_total_time="${1:-600}" -print_final_stats=1 build/fuzz/corpus tests/fuzz/corpus
fi

[ -f build/release/build.ninja ] || cmake --preset release >/dev/null
cmake --build --preset release

case "$action" in
  build) ;;
  test)
    # onnxruntime-node's install script would download extras it does not need here.
    if [ ! -d build/onnxruntime/node_modules/onnxruntime-node ] &&
       ! npm install --silent --no-audit --no-fund --ignore-scripts --prefix build/onnxruntime onnxruntime-node; then
      echo "setup: WARNING: npm could not install onnxruntime-node; tst_onnx will skip its ONNX Runtime checks" >&2
    fi
    # A Slurm controller and node on 127.0.0.1 for tst_slurm, stopped when the tests end.
    slurm_started=""
    if slurm_env=$(tests/slurm-cluster.sh start); then
      eval "$slurm_env"
      slurm_started=yes
      trap 'tests/slurm-cluster.sh stop' EXIT
    else
      echo "setup: WARNING: the test Slurm cluster did not start; tst_slurm will say why" >&2
    fi
    status=0
    QT_QPA_PLATFORM=offscreen ctest --preset release -j "$(nproc)" || status=$?
    exit $status ;;
  bench)
    exec bench/import_benchmark.sh "$@" ;;
  bench-automl)
    exec /usr/bin/python3 bench/automl_benchmark.py "$@" ;;
  bench-budget)
    exec /usr/bin/python3 bench/budget_benchmark.py "$@" ;;
  bench-scale)
    exec bench/automl_scale.sh "$@" ;;
  bench-studio)
    exec build/release/bench/bench_studio "$@" ;;
  bench-serve)
    exec bench/serve_benchmark.sh "$@" ;;
  bench-onnx)
    exec bench/onnx_benchmark.sh "$@" ;;
  bench-forecast)
    exec /usr/bin/python3 bench/forecast_benchmark.py "$@" ;;
  bench-slurm)
    # The test cluster (tests/slurm-cluster.sh) unless one already answers.
    if ! sinfo -h >/dev/null 2>&1; then
      eval "$(tests/slurm-cluster.sh start)"
      trap 'tests/slurm-cluster.sh stop' EXIT
    fi
    /usr/bin/python3 bench/slurm_benchmark.py "$@" ;;
  run)
    if [ -z "${DISPLAY:-}" ] && [ -z "${WAYLAND_DISPLAY:-}" ]; then
      echo "setup: no display is available, so the studio cannot open a window."
      echo "setup: running the lesson headless instead (stratus-cli demo, on the default workspace):"
      exec build/release/app/cli/stratus-cli demo
    fi
    exec build/release/app/studio/stratus "$@" ;;
  *)
    echo "usage: ./setup.sh [run|test|build|bench|bench-automl|bench-budget|bench-scale|bench-studio|bench-serve|bench-onnx|bench-forecast|bench-slurm|fuzz]" >&2; exit 2 ;;
esac
