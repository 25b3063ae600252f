#!/bin/sh
# Adds MindSpace to your desktop's application menu (for the current user only).
# Run it from the unpacked MindSpace folder:  ./install-desktop-entry.sh
# Remove again with:                          ./install-desktop-entry.sh --remove
set -eu
here=$(cd "$(dirname "$0")" && pwd)
apps="${XDG_DATA_HOME:-$HOME/.local/share}/applications"
icons="${XDG_DATA_HOME:-$HOME/.local/share}/icons/hicolor"
if [ "${1:-}" = "--remove" ]; then
  rm -f "$apps/mindspace.desktop" "$icons/256x256/apps/mindspace.png" \
    "$icons/scalable/apps/mindspace.svg"
  echo "MindSpace removed from the application menu (your data is untouched)."
  exit 0
fi
[ -x "$here/MindSpace" ] || { echo "MindSpace executable not found next to this script" >&2; exit 1; }
mkdir -p "$apps" "$icons/256x256/apps" "$icons/scalable/apps"
cp "$here/mindspace.png" "$icons/256x256/apps/mindspace.png"
cp "$here/mindspace.svg" "$icons/scalable/apps/mindspace.svg"
# Exec value per the desktop entry spec: quote the path, backslash-escape " ` $ \ inside the
# quotes, then escape every backslash again (string value), and double any %.
exec_path=$(printf '%s' "$here/MindSpace" | sed -e 's/[\\"`$]/\\&/g' -e 's/\\/\\\\/g' -e 's/%/%%/g')
while IFS= read -r line; do
  case $line in
    Exec=*) printf 'Exec="%s"\n' "$exec_path" ;;
    TryExec=*) printf 'TryExec=%s\n' "$here/MindSpace" ;;
    *) printf '%s\n' "$line" ;;
  esac
done <"$here/mindspace.desktop" >"$apps/mindspace.desktop"
chmod 644 "$apps/mindspace.desktop"
command -v update-desktop-database >/dev/null 2>&1 && update-desktop-database -q "$apps" || true
echo "MindSpace added to the application menu."
