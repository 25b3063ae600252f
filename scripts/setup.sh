#!/usr/bin/env bash
# Installs what MindSpace needs on Debian/Ubuntu: system libraries for Qt and PortAudio (when run
# as root; otherwise prints the exact apt command) and a local virtual environment in .venv.
# Safe to run again: it only does what is missing.
set -euo pipefail
cd "$(dirname "$0")/.."

DEB_PACKAGES=(libegl1 libgl1 libxkbcommon-x11-0 libxcb-cursor0 libxcb-icccm4 libxcb-keysyms1
  libxcb-shape0 libxcb-randr0 libxcb-render-util0 libxcb-image0 libxcb-xinerama0 libxcb-xkb1
  libfontconfig1 libdbus-1-3 libwayland-cursor0 libwayland-egl1 libportaudio2 espeak-ng sox)
# test.sh also wants qemu-user (the int8 models are run under an emulated AVX2-only CPU to show
# they decide the same as on this one) and rclone (its WebDAV server is a second relay peer)
if [ "${MINDSPACE_SETUP_TESTS:-0}" = 1 ]; then
  DEB_PACKAGES+=(qemu-user rclone)
fi
missing=()
for pkg in "${DEB_PACKAGES[@]}"; do
  dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q "install ok installed" || missing+=("$pkg")
done
if [ ${#missing[@]} -gt 0 ]; then
  if [ "$(id -u)" -eq 0 ]; then
    echo "Installing system packages: ${missing[*]}"
    apt-get update -qq
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}" >/dev/null
  else
    echo "MindSpace needs these system packages. Please run:"
    echo "  sudo apt-get install -y ${missing[*]}"
    exit 1
  fi
fi

PY=${PYTHON:-python3}
if [ ! -x .venv/bin/python ]; then
  "$PY" -m venv .venv
fi
# Every Python dependency comes pinned with its hashes from requirements/*.lock (generated from
# pyproject.toml by scripts/lock.sh); the project itself is installed without dependencies and
# built with the locked setuptools (no build isolation, so nothing unpinned is fetched).
stamp=.venv/.mindspace-installed
want=$(cat pyproject.toml requirements/pip.lock requirements/dev.lock | sha256sum | cut -d' ' -f1)
if [ ! -f "$stamp" ] || [ "$(cat "$stamp")" != "$want" ]; then
  .venv/bin/python -m pip install -q --require-hashes -r requirements/pip.lock
  .venv/bin/python -m pip install -q --require-hashes -r requirements/dev.lock
  .venv/bin/python -m pip install -q --no-deps --no-build-isolation -e .
  echo "$want" >"$stamp"
fi
