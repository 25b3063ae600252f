#!/usr/bin/env bash
# Builds the self-contained MindSpace desktop bundle (Linux x86-64) in one command:
#   dist/MindSpace/                                  the one-folder app (run dist/MindSpace/MindSpace)
#   dist/MindSpace-<version>-linux-x86_64.tar.gz     the archive users download
#   dist/SHA256SUMS                                  its checksum (sha256sum -c SHA256SUMS)
# Uses the project's .venv, created/updated by scripts/setup.sh from requirements/dev.lock (which
# pins PyInstaller, the `package` extra, too). PyInstaller's work folder is .pyi-work/
# (git-ignored). The third-party notice is checked against requirements/runtime.lock: the build
# fails on a licence that cannot ship under GPL-3.0-or-later (build/notices.py).
# Options: --clean  rebuild from scratch (drops .pyi-work/ and PyInstaller's cache).
set -euo pipefail
cd "$(dirname "$0")/.."

clean=0
for arg in "$@"; do
  case "$arg" in
    --clean) clean=1 ;;
    -h|--help) sed -n '2,11p' "$0"; exit 0 ;;
    *) echo "build_bundle.sh: unknown option $arg" >&2; exit 2 ;;
  esac
done

now() { date +%s.%N; }
elapsed() { awk -v a="$1" -v b="$(now)" 'BEGIN { printf "%.1f s", b - a }'; }
t_start=$(now)

./scripts/setup.sh
PY=.venv/bin/python
"$PY" -c "import PyInstaller" >/dev/null 2>&1 || {
  echo "build_bundle.sh: PyInstaller missing from .venv (requirements/dev.lock pins it)" >&2
  exit 1
}
for tool in strip readelf; do
  command -v "$tool" >/dev/null 2>&1 || echo "note: '$tool' (binutils) not found; debug info is not stripped" >&2
done

version=$("$PY" -c 'import tomllib; print(tomllib.load(open("pyproject.toml", "rb"))["project"]["version"])')
arch=$(uname -m)
archive="MindSpace-${version}-linux-${arch}.tar.gz"

rm -rf dist/MindSpace
rm -f dist/MindSpace-*-linux-*.tar.* dist/SHA256SUMS
pyi_args=(--noconfirm --log-level WARN --workpath .pyi-work --distpath dist)
if [ "$clean" -eq 1 ]; then
  rm -rf .pyi-work
  pyi_args+=(--clean)
fi

echo "Building MindSpace ${version} with PyInstaller ..."
t_pyi=$(now)
# Never let a developer's user-site or PYTHONPATH leak into the bundle.
PYTHONNOUSERSITE=1 PYTHONPATH='' QT_QPA_PLATFORM=offscreen \
  "$PY" -m PyInstaller "${pyi_args[@]}" pyinstaller.spec
echo "PyInstaller: $(elapsed "$t_pyi")"

[ -x dist/MindSpace/MindSpace ] || { echo "build_bundle.sh: dist/MindSpace/MindSpace missing" >&2; exit 1; }

t_tar=$(now)
# Reproducible archive: sorted names, fixed owner and timestamps, no gzip name/time header.
epoch=$(git log -1 --format=%ct 2>/dev/null || date +%s)
tar --sort=name --owner=0 --group=0 --numeric-owner --mtime="@${epoch}" \
  --format=gnu -C dist -cf - MindSpace | gzip -n -6 >"dist/${archive}"
(cd dist && sha256sum "${archive}" >SHA256SUMS)
echo "Archive: $(elapsed "$t_tar")"

unpacked=$(du -sb dist/MindSpace | cut -f1)
packed=$(stat -c %s "dist/${archive}")
awk -v u="$unpacked" -v p="$packed" -v a="dist/${archive}" 'BEGIN {
  printf "Bundle:  dist/MindSpace/  %.0f MiB unpacked\n", u / 1048576
  printf "Archive: %s  %.0f MiB\n", a, p / 1048576 }'
cat dist/SHA256SUMS
echo "Total build time: $(elapsed "$t_start")"
