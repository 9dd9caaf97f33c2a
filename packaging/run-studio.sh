#!/usr/bin/env bash
# Installs what is missing, builds Quorum Studio (release preset) and starts it with the default
# HA topology running in the cluster engine (10x). Without a display it runs under Xvfb, saves a
# screenshot, prints its path and exits.
#   packaging/run-studio.sh [FILE.yaml] [--screenshot PATH]
set -euo pipefail
cd "$(dirname "$0")/.."

bash packaging/setup.sh
cmake --preset release >/dev/null
cmake --build --preset release --target quorum-studio quorumctl

app=build/release/app/quorum-studio/quorum-studio
if [[ -n "${DISPLAY:-}" || -n "${WAYLAND_DISPLAY:-}" ]]; then
  exec "$app" --run 10 "$@"
fi

shot="${QUORUM_SCREENSHOT:-$PWD/build/screenshots/quorum-studio.png}"
mkdir -p "$(dirname "$shot")"
echo "No display: running under Xvfb and saving a screenshot."
xvfb-run -a -s '-screen 0 1600x1000x24' "$app" --run 10 --screenshot "$shot" "$@"
echo "Screenshot: $shot"
