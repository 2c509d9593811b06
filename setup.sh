#!/usr/bin/env bash
# Stratus developer setup: installs the Debian packages the build needs (only
# the missing ones; as root or through sudo), configures and builds, then
#   ./setup.sh run  [studio args]   opens the studio on the default workspace
#   ./setup.sh test                 runs the whole test suite (what CI runs)
#   ./setup.sh build                only builds
#   ./setup.sh bench                runs the import benchmark
#   ./setup.sh bench-automl [args]  Stratus against scikit-learn/XGBoost on held-out folds (bench/automl_benchmark.py)
#   ./setup.sh bench-scale [ROWS] [BUDGET]  AutoML on 1,000,000 x 40 rows in 5 minutes (bench/automl_scale.sh)
set -euo pipefail
cd "$(dirname "$0")"
action="${1:-run}"
[ $# -gt 0 ] && shift

packages=(
  cmake ninja-build g++ pkg-config
  qt6-base-dev qt6-base-dev-tools qt6-svg-dev libqt6sql6-sqlite libgl-dev
  qt6-tools-dev qt6-tools-dev-tools qt6-l10n-tools
  libcpp-httplib-dev                       # the endpoints' HTTP server
  libqcustomplot-dev libqcustomplot2.1-qt6
  libdlib-dev libxgboost-dev
  libjpeg-dev libblas-dev liblapack-dev   # named by dlib's CMake package, not pulled in by it
)
case "$action" in
  bench) packages+=(python3-pandas time) ;;
  bench-automl) packages+=(python3-sklearn python3-xgboost python3-scipy) ;;
  bench-scale) packages+=(python3-numpy time) ;;
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

[ -f build/release/build.ninja ] || cmake --preset release >/dev/null
cmake --build --preset release

case "$action" in
  build) ;;
  test)
    QT_QPA_PLATFORM=offscreen ctest --preset release -j "$(nproc)" ;;
  bench)
    exec bench/import_benchmark.sh "$@" ;;
  bench-automl)
    exec /usr/bin/python3 bench/automl_benchmark.py "$@" ;;
  bench-scale)
    exec bench/automl_scale.sh "$@" ;;
  bench-studio)
    exec build/release/bench/bench_studio "$@" ;;
  run)
    if [ -z "${DISPLAY:-}" ] && [ -z "${WAYLAND_DISPLAY:-}" ]; then
      echo "setup: no display is available, so the studio cannot open a window."
      echo "setup: showing the default workspace with the headless CLI instead:"
      build/release/app/cli/stratus-cli dataset list
      exec build/release/app/cli/stratus-cli dataset show heart-failure-records
    fi
    exec build/release/app/studio/stratus "$@" ;;
  *)
    echo "usage: ./setup.sh [run|test|build|bench|bench-automl|bench-scale|bench-studio]" >&2; exit 2 ;;
esac
