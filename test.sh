#!/usr/bin/env bash
# Set up (first time) and run the whole test suite headless.
set -euo pipefail
cd "$(dirname "$0")"
MINDSPACE_SETUP_TESTS=1 ./scripts/setup.sh
export QT_QPA_PLATFORM=offscreen
export MINDSPACE_KDF_CALIBRATE=${MINDSPACE_KDF_CALIBRATE:-0}
export PYTHONDONTWRITEBYTECODE=1
set +e
.venv/bin/python -m pytest -q -p no:cacheprovider "$@"
rc=$?
set -e
if [ $rc -eq 5 ]; then
  echo "no tests were collected" >&2
fi
exit $rc
