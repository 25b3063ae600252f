#!/usr/bin/env bash
# Regenerates the pinned, hashed lock files from the dependency lists in pyproject.toml:
#   requirements/dev.lock      runtime + `dev` + `package` extras (what scripts/setup.sh installs:
#                              ./test.sh, ./run.sh, CI and scripts/build_bundle.sh)
#   requirements/runtime.lock  runtime dependencies only, the same versions as dev.lock (what the
#                              bundle ships; build/notices.py checks their licences against it)
#   requirements/pip.lock      the pip that scripts/setup.sh installs first (PIP_VERSION below)
# pip-compile keeps the versions already in a lock file; to move on, pass its options through:
#   scripts/lock.sh                                   after editing pyproject.toml
#   scripts/lock.sh --upgrade-package onnxruntime     one package (and what it needs)
#   scripts/lock.sh --upgrade                         everything
# pip-tools runs from its own pinned virtual environment, .venv-lock/ (git-ignored), and uses the
# pip configuration of this machine (indexes, find-links), so the hashes are those pip installs.
set -euo pipefail
cd "$(dirname "$0")/.."

PIP_TOOLS_VERSION=7.7.0
PIP_VERSION=26.3
PY=${PYTHON:-python3}
if [ ! -x .venv-lock/bin/pip-compile ] ||
   ! .venv-lock/bin/pip-compile --version 2>/dev/null | grep -q " ${PIP_TOOLS_VERSION}\$"; then
  "$PY" -m venv .venv-lock
  .venv-lock/bin/python -m pip install -q "pip==${PIP_VERSION}" "pip-tools==${PIP_TOOLS_VERSION}"
fi

export CUSTOM_COMPILE_COMMAND="scripts/lock.sh"
common=(--quiet --resolver=backtracking --generate-hashes --allow-unsafe --strip-extras
        --no-emit-index-url --no-emit-find-links --no-emit-trusted-host)
mkdir -p requirements
.venv-lock/bin/pip-compile "${common[@]}" --extra dev --extra package \
  --output-file requirements/dev.lock "$@" pyproject.toml
# Runtime only, constrained to exactly the versions just locked for development.
.venv-lock/bin/pip-compile "${common[@]}" --constraint requirements/dev.lock \
  --output-file requirements/runtime.lock pyproject.toml
echo "pip==${PIP_VERSION}" | .venv-lock/bin/pip-compile "${common[@]}" --no-annotate \
  --output-file requirements/pip.lock -
echo "Wrote requirements/dev.lock, requirements/runtime.lock and requirements/pip.lock"
