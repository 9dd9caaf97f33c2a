#!/usr/bin/env bash
# Installs what is missing, builds everything with the ci preset (warnings are errors) and runs
# every test. Exit status is ctest's.
set -euo pipefail
cd "$(dirname "$0")/.."

bash packaging/setup.sh
# Another checkout of the same sources (a fresh clone for CI) reuses ccache's objects: paths are
# taken relative to the checkout, and the build folder is not part of the hash.
export CCACHE_BASEDIR="$PWD" CCACHE_NOHASHDIR=1
cmake --preset ci
cmake --build --preset ci
ctest --preset ci -j "$(nproc)"
