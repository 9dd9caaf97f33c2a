#!/usr/bin/env bash
# Installs every Debian 12 package Quorum Studio needs to build, test, run and package.
# Idempotent: packages already present are left alone, and apt-get update runs only when
# something is missing. Uses sudo when not run as root.
#
#   packaging/setup.sh           build + test + run dependencies
#   packaging/setup.sh --print   list the packages and exit
set -euo pipefail

PACKAGES=(
  # toolchain
  build-essential cmake ninja-build ccache pkg-config git file dpkg-dev
  # Qt 6 (Widgets, Charts, Svg, Test, Linguist tools)
  qt6-base-dev qt6-base-dev-tools qt6-charts-dev qt6-svg-dev qt6-tools-dev qt6-tools-dev-tools
  qt6-l10n-tools qt6-translations-l10n qt6-qpa-plugins libgl-dev libqt6opengl6-dev libxkbcommon-dev
  # engine libraries
  libyaml-cpp-dev libspdlog-dev libfmt-dev libsqlite3-dev nlohmann-json3-dev libjemalloc-dev libzstd-dev
  libgrpc++-dev libprotobuf-dev protobuf-compiler protobuf-compiler-grpc
  # headless runs, screenshots, fonts
  xvfb xauth imagemagick fonts-dejavu-core
  # real tools that check generated artifacts (tests/engine/generate)
  haproxy nginx libnginx-mod-stream keepalived etcd-server etcd-client yamllint openssl
)

if [[ "${1:-}" == "--print" ]]; then
  printf '%s\n' "${PACKAGES[@]}"
  exit 0
fi

SUDO=""
if [[ "$(id -u)" -ne 0 ]]; then
  if command -v sudo >/dev/null 2>&1; then
    SUDO="sudo"
  else
    echo "setup.sh: run as root or install sudo" >&2
    exit 1
  fi
fi

missing=()
for pkg in "${PACKAGES[@]}"; do
  if ! dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q "install ok installed"; then
    missing+=("$pkg")
  fi
done

if [[ ${#missing[@]} -eq 0 ]]; then
  echo "setup.sh: all ${#PACKAGES[@]} packages are installed"
else
  echo "setup.sh: installing ${#missing[@]} package(s): ${missing[*]}"
  export DEBIAN_FRONTEND=noninteractive
  $SUDO apt-get update -qq
  $SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}"
fi

# Test-only npm packages: the Kubernetes schema validator of tests/engine/generate (kubernetes-models,
# pinned by its package-lock.json). Skipped when that lock file is already installed.
# Node.js comes from Debian unless a node with npm is already on the machine.
schema_dir="$(cd "$(dirname "$0")/.." && pwd)/tests/engine/generate/schema"
if ! command -v npm >/dev/null 2>&1; then
  echo "setup.sh: installing nodejs and npm"
  export DEBIAN_FRONTEND=noninteractive
  $SUDO apt-get update -qq
  $SUDO apt-get install -y -qq --no-install-recommends nodejs npm
fi
# node_modules/.quorum-lock is a copy of the lock file that npm ci was run with.
if cmp -s "$schema_dir/package-lock.json" "$schema_dir/node_modules/.quorum-lock" 2>/dev/null; then
  echo "setup.sh: npm packages of tests/engine/generate/schema are installed"
else
  echo "setup.sh: npm ci in tests/engine/generate/schema"
  (cd "$schema_dir" && npm ci --no-audit --no-fund --loglevel=error &&
     cp package-lock.json node_modules/.quorum-lock)
fi
echo "setup.sh: done"
