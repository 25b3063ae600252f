#!/usr/bin/env bash
# Set up (first time) and start MindSpace.
set -euo pipefail
cd "$(dirname "$0")"
./scripts/setup.sh
exec .venv/bin/mindspace "$@"
