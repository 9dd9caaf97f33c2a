#!/usr/bin/env bash
# Installs what is missing, builds everything with the ci preset (warnings are errors) and runs
# every test. Exit status is ctest's.
set -euo pipefail
cd "$(dirname "$0")/.."

bash packaging/setup.sh
cmake --preset ci
cmake --build --preset ci
ctest --preset ci -j "$(nproc)"
