#!/usr/bin/env bash
# Startup to a painted window with the default topology: runs quorum-studio --startup-time N
# times under Xvfb (fresh server each run) and prints each figure and the median.
#   bench/startup.sh [BUILD_DIR] [RUNS]      (defaults: build/ci, 5)
set -euo pipefail
cd "$(dirname "$0")/.."
build="${1:-build/ci}"
runs="${2:-5}"
app="$build/app/quorum-studio/quorum-studio"
[[ -x "$app" ]] || { echo "bench/startup.sh: build $app first" >&2; exit 2; }
times=()
for ((i = 1; i <= runs; i++)); do
  t=$(xvfb-run -a -s '-screen 0 1600x1000x24' "$app" --startup-time 2>/dev/null | awk '/^startup/ {print $2}')
  echo "run $i: $t ms"
  times+=("$t")
done
printf '%s\n' "${times[@]}" | sort -n | awk '{a[NR]=$1} END {m=(NR%2)?a[(NR+1)/2]:(a[NR/2]+a[NR/2+1])/2; printf "median of %d: %.1f ms\n", NR, m}'
