#!/usr/bin/env bash
# Smoke test of the built bundle (run scripts/build_bundle.sh first).
#
# 1. Static checks of dist/MindSpace/: size budget, nothing that must not ship (torch,
#    transformers, QtWebEngine, Qt3D, tkinter, test folders), required files (license notice,
#    desktop entry, icon, Qt platform plugins xcb/wayland/offscreen, every model file listed in
#    models/manifest.json with its sha256), every shared library resolves its dependencies.
# 2. Runtime checks of the frozen app, inside a fresh network namespace that only has loopback
#    (unshare -n) and under `strace -f`: any connect/send/bind to an AF_INET/AF_INET6 address by
#    the app fails the test. With QT_QPA_PLATFORM=offscreen and a throw-away HOME/data dir:
#    --version; analyze-text on two sentences (emotions checked); vault init + journal add +
#    journal search; transcribe / analyze-voice on a spoken WAV (when those commands exist);
#    share round trip (identity + QR, contacts, age export, open); the GUI on a fresh data dir
#    (create screen) and on the CLI's vault (unlock screen) must show its window and exit 0
#    (MINDSPACE_EXIT_AFTER_SHOW=1); no journal text may appear in any file the app wrote.
# Prints timings; exits non-zero on any failure. Needs root or unprivileged user namespaces for
# unshare; installs strace with apt-get when it is missing and we are root.
# Env: MINDSPACE_SMOKE_REQUIRE_ALL=1 turns "command not available yet" skips into failures.
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$(pwd)
DIST="$ROOT/dist/MindSpace"
APP="$DIST/MindSpace"
INTERNAL="$DIST/_internal"
PY="$ROOT/.venv/bin/python"
[ -x "$PY" ] || PY=python3
BUDGET_MIB=${MINDSPACE_BUNDLE_BUDGET_MIB:-800}
REQUIRE_ALL=${MINDSPACE_SMOKE_REQUIRE_ALL:-0}

now() { date +%s.%N; }
secs() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.2f", b - a }'; }
fail() { echo "SMOKE FAIL: $*" >&2; exit 1; }
ok() { echo "  ok  $*"; }
skip() {
  if [ "$REQUIRE_ALL" = "1" ]; then fail "$* (MINDSPACE_SMOKE_REQUIRE_ALL=1)"; fi
  echo "  SKIP $*"
}

# ================================ outside the namespace ========================================
if [ "${1:-}" != "--inside-netns" ]; then
  t0=$(now)
  [ -x "$APP" ] || fail "$APP not found; run scripts/build_bundle.sh first"
  if ! command -v strace >/dev/null 2>&1; then
    if [ "$(id -u)" -eq 0 ] && command -v apt-get >/dev/null 2>&1; then
      echo "Installing strace ..."
      apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq strace >/dev/null
    fi
    command -v strace >/dev/null 2>&1 || fail "strace is required (apt-get install strace)"
  fi

  echo "== static checks of dist/MindSpace"
  bytes=$(du -sb "$DIST" | cut -f1)
  mib=$(( bytes / 1048576 ))
  over_budget=0
  if [ "$mib" -lt "$BUDGET_MIB" ]; then
    ok "size ${mib} MiB unpacked (< ${BUDGET_MIB} MiB)"
  else  # reported at the end, after the runtime checks have run
    over_budget=1
    echo "  FAIL size ${mib} MiB unpacked; budget is < ${BUDGET_MIB} MiB (largest parts below)"
    (cd "$INTERNAL" && du -sm -- * | sort -rn | head -8 | awk '{ printf "         %5d MiB  %s\n", $1, $2 }')
  fi

  forbidden=$(cd "$INTERNAL" && find . \( -iname 'torch' -o -iname 'libtorch*' -o -iname 'transformers' \
      -o -iname '*WebEngine*' -o -iname '*Qt3D*' -o -iname 'tkinter' -o -iname '_tkinter*' \
      -o -iname '_tcl_data' -o -iname '_tk_data' -o -iname 'libtcl*' -o -iname 'libtk*' \
      -o \( -type d \( -name tests -o -name test \) \) \) -print | head -20)
  [ -z "$forbidden" ] || fail "bundle contains what must not ship:
$forbidden"
  ok "no torch / transformers / QtWebEngine / Qt3D / tkinter / test folders"

  for f in THIRD_PARTY_LICENSES.md README.txt mindspace.desktop mindspace.png mindspace.svg \
      install-desktop-entry.sh _internal/VERSION; do
    [ -s "$DIST/$f" ] || fail "missing $f"
  done
  grep -q "LGPL-3.0" "$DIST/THIRD_PARTY_LICENSES.md" || fail "license notice does not mention Qt's LGPL"
  [ -s "$DIST/licenses/common/LGPL-3.0" ] || echo "  note: LGPL-3.0 text not bundled (no /usr/share/common-licenses)"
  grep -q '^Exec=' "$DIST/mindspace.desktop" && grep -q '^Icon=mindspace' "$DIST/mindspace.desktop" \
    || fail "mindspace.desktop lacks Exec/Icon"
  want_version=$("$PY" -c 'import tomllib; print(tomllib.load(open("pyproject.toml","rb"))["project"]["version"])')
  [ "$(tr -d '\n' <"$DIST/_internal/VERSION")" = "$want_version" ] || fail "VERSION file != pyproject version"
  ok "notice, README, desktop entry, icon, VERSION ${want_version}"

  for plugin in libqxcb.so libqoffscreen.so libqwayland.so; do
    [ -f "$INTERNAL/PySide6/Qt/plugins/platforms/$plugin" ] || fail "Qt platform plugin $plugin missing"
  done
  ok "Qt platform plugins xcb, wayland, offscreen"

  if [ -f "$ROOT/models/manifest.json" ]; then
    [ -f "$INTERNAL/models/manifest.json" ] || fail "models/manifest.json is not in the bundle"
    cmp -s "$ROOT/models/manifest.json" "$INTERNAL/models/manifest.json" \
      || echo "  note: models/manifest.json changed since this bundle was built (rebuild to ship it)"
    "$PY" - "$INTERNAL/models/manifest.json" "$INTERNAL" <<'EOF' || fail "model files in the bundle do not match its manifest.json"
import hashlib, json, sys
from pathlib import Path
manifest, internal = Path(sys.argv[1]), Path(sys.argv[2])
bad, n = [], 0
for m in json.loads(manifest.read_text())["models"]:
    base = internal / m["package"] if m.get("package") else internal / "models"
    files = m.get("files") or {"model": {"path": m["path"], "sha256": m.get("sha256")}}
    for role, f in files.items():
        p = base / f["path"]
        n += 1
        if not p.is_file():
            bad.append(f"{m['name']}/{role}: {p} missing")
            continue
        if f.get("sha256"):
            h = hashlib.sha256()
            with p.open("rb") as fh:
                for chunk in iter(lambda: fh.read(1 << 20), b""):
                    h.update(chunk)
            if h.hexdigest() != f["sha256"]:
                bad.append(f"{m['name']}/{role}: sha256 mismatch")
for b in bad:
    print("   ", b, file=sys.stderr)
if bad:
    sys.exit(1)
print(f"  ok  {n} model files of the bundled manifest.json present with matching sha256")
EOF
  fi

  # Every bundled shared object must resolve its dependencies from the bundle or the base
  # system (glibc, X11/Wayland/GL client libs). Allowed to be absent: GTK (only the optional
  # gtk3 platform theme) and TBB (numba's optional threading layer).
  unresolved=$(cd "$INTERNAL" && find . -type f \( -name '*.so' -o -name '*.so.*' \) -print0 \
    | LD_LIBRARY_PATH="$INTERNAL" xargs -0 -n 50 ldd 2>/dev/null \
    | awk '/^\.\// { f = $1 } /not found/ { print f ": " $1 }' \
    | grep -v -E '(libgtk-3|libgdk-3|libtbb)\.so' | sort -u || true)
  [ -z "$unresolved" ] || fail "shared libraries with unresolved dependencies:
$unresolved"
  ok "all shared libraries resolve their dependencies"

  # A spoken sentence for the voice checks (generated before entering the namespace).
  WORK=$(mktemp -d /tmp/mindspace-smoke.XXXXXX)
  trap 'rm -rf "$WORK"' EXIT
  if command -v espeak-ng >/dev/null 2>&1; then
    espeak-ng -s 150 -w "$WORK/voice.wav" "I went for a walk by the sea this morning and I feel calm." \
      >/dev/null 2>&1 || rm -f "$WORK/voice.wav"
  fi
  echo "static checks: $(secs "$t0" "$(now)") s"

  if unshare -n true 2>/dev/null; then ns=(unshare -n)
  elif unshare -rn true 2>/dev/null; then ns=(unshare -rn)
  else fail "cannot create a network namespace (need root or user namespaces for unshare)"
  fi
  set +e
  SMOKE_WORK="$WORK" "${ns[@]}" -- bash "$0" --inside-netns
  rc=$?
  set -e
  [ $rc -eq 0 ] || exit $rc
  [ "$over_budget" -eq 0 ] || fail "bundle is ${mib} MiB unpacked; budget is < ${BUDGET_MIB} MiB"
  echo "SMOKE OK (total $(secs "$t0" "$(now)") s)"
  exit 0
fi

# ================================ inside the namespace =========================================
WORK=${SMOKE_WORK:?}
command -v ip >/dev/null 2>&1 && ip link set lo up 2>/dev/null || true
# /proc/net/dev lists this namespace's interfaces (/sys/class/net still shows the host's).
ifaces=$(awk -F: 'NR > 2 { gsub(/ /, "", $1); if ($1 != "lo") print $1 }' /proc/net/dev)
[ -z "$ifaces" ] || fail "network namespace has interfaces besides lo: $ifaces"
echo "== runtime checks (network namespace with loopback only, strace on)"

export HOME="$WORK/home" TMPDIR="$WORK/tmp" XDG_CONFIG_HOME="$WORK/home/.config"
export XDG_DATA_HOME="$WORK/home/.local/share" XDG_CACHE_HOME="$WORK/home/.cache"
export XDG_RUNTIME_DIR="$WORK/runtime" QT_QPA_PLATFORM=offscreen MINDSPACE_KDF_CALIBRATE=0
unset MINDSPACE_DATA_DIR MINDSPACE_DEBUG PYTHONPATH PYTHONHOME LD_LIBRARY_PATH || true
mkdir -p "$HOME" "$TMPDIR" "$XDG_RUNTIME_DIR"
chmod 700 "$XDG_RUNTIME_DIR"
TRACES="$WORK/traces"
mkdir -p "$TRACES"
n=0
SECRET_WORD="lighthousequietude"   # journal text that must never land on disk in plaintext

# run_app TIMEOUT STDIN_TEXT ARGS... : runs the frozen app under strace; stdout -> $WORK/out,
# stderr -> $WORK/err; sets $rc (124 = timed out).
run_app() {
  local limit=$1 input=$2
  shift 2
  n=$((n + 1))
  echo "$n: MindSpace $*" >>"$TRACES/index"
  set +e
  printf '%s' "$input" | timeout --kill-after=5 "$limit" strace -f -qq -e signal=none \
    -e trace=connect,bind,sendto,sendmsg,sendmmsg -o "$TRACES/$n.log" \
    "$APP" "$@" >"$WORK/out" 2>"$WORK/err"
  rc=$?
  set -e
  if [ $rc -eq 124 ] || [ $rc -eq 137 ]; then
    fail "'MindSpace $*' did not finish within ${limit}s (hang?)"
  fi
}
need_ok() {
  [ "$rc" -eq 0 ] || { cat "$WORK/err" >&2; fail "'MindSpace $*' exited with $rc"; }
  if grep -q "Traceback (most recent call last)" "$WORK/err"; then
    cat "$WORK/err" >&2; fail "'MindSpace $*' printed a traceback"
  fi
}
has_command() {  # the frozen CLI knows this subcommand
  "$APP" "$1" --help >/dev/null 2>&1
}

# ---- timings without strace (first run after unpacking = cold start) ----------------------------
t=$(now); "$APP" --version >"$WORK/out" 2>&1 || fail "--version failed"; t_version_cold=$(secs "$t" "$(now)")
t=$(now); "$APP" --version >/dev/null 2>&1; t_version_warm=$(secs "$t" "$(now)")

run_app 60 "" --version
need_ok --version
[ "$(cat "$WORK/out")" = "MindSpace $(tr -d '\n' <"$INTERNAL/VERSION")" ] \
  || fail "--version printed '$(cat "$WORK/out")'"
ok "--version: $(cat "$WORK/out")  (cold ${t_version_cold} s, warm ${t_version_warm} s)"

# ---- text analysis ----------------------------------------------------------------------------
check_emotion() {  # $1 = expected top emotion, $2 = sentiment sign (+/-); reads $WORK/out
  "$PY" - "$1" "$2" "$WORK/out" <<'EOF'
import json, sys
expected, sign, path = sys.argv[1], sys.argv[2], sys.argv[3]
LABELS = {"anger", "disgust", "fear", "joy", "sadness", "surprise", "neutral"}
docs = [json.loads(line) for line in open(path, encoding="utf-8") if line.strip()]
found = []
def walk(node):
    if isinstance(node, dict):
        numeric = {k: v for k, v in node.items() if k in LABELS and isinstance(v, (int, float))}
        if len(numeric) >= 5:
            found.append(numeric)
        for v in node.values():
            walk(v)
    elif isinstance(node, list):
        for v in node:
            walk(v)
walk(docs)
if not found:
    sys.exit(f"no emotion probabilities in the output: {docs!r:.300}")
probs = found[0]
top = max(probs, key=probs.get)
if not all(0.0 <= v <= 1.0 for v in probs.values()):
    sys.exit(f"probabilities outside [0, 1]: {probs}")
if top != expected:
    sys.exit(f"expected top emotion {expected!r}, got {top!r}: {probs}")
compound = docs[0].get("sentiment", {}).get("compound") if isinstance(docs[0], dict) else None
if compound is None:
    sys.exit("no sentiment in the output (VADER lexicon missing from the bundle?)")
if (compound > 0) != (sign == "+"):
    sys.exit(f"sentiment {compound} has the wrong sign (expected {sign})")
print(f"{top} {probs[top]:.2f}, sentiment {compound:+.2f}")
EOF
}
if has_command analyze-text; then
  t=$(now)
  run_app 120 "I am so happy and grateful, today was a wonderful day with my best friends." \
    analyze-text --json
  need_ok analyze-text
  joy=$(check_emotion joy +) || fail "analyze-text (happy sentence): $(cat "$WORK/out")"
  t_text=$(secs "$t" "$(now)")
  run_app 120 "I miss her so much. I cried all night and I feel empty and alone." analyze-text --json
  need_ok analyze-text
  sad=$(check_emotion sadness -) || fail "analyze-text (sad sentence): $(cat "$WORK/out")"
  ok "analyze-text: happy -> ${joy}, sad -> ${sad}  (${t_text} s incl. model load)"
else
  skip "analyze-text is not in this build yet (text model not landed)"
fi

# ---- vault, journal add, search ------------------------------------------------------------------
DATA="$WORK/data-cli"
PASS="smoke test: Quiet harbour, 7 lanterns & a kettle!"
t=$(now)
run_app 120 "$PASS"$'\n' --data-dir "$DATA" vault init --passphrase-stdin --json
need_ok vault init
grep -q '"recovery_code"' "$WORK/out" || fail "vault init printed no recovery code"
run_app 60 "$PASS"$'\n' --data-dir "$DATA" journal add --passphrase-stdin --json \
  --title "Smoke walk" --tag smoke --text "Walked past the ${SECRET_WORD} at dawn and felt steady."
need_ok journal add
entry_id=$("$PY" -c 'import json,sys; print(json.load(open(sys.argv[1]))["id"])' "$WORK/out") \
  || fail "journal add printed no id: $(cat "$WORK/out")"
run_app 60 "$PASS"$'\n' --data-dir "$DATA" journal search --passphrase-stdin --json "$SECRET_WORD"
need_ok journal search
"$PY" - "$entry_id" "$WORK/out" <<'EOF' || fail "journal search did not find the entry: $(cat "$WORK/out")"
import json, sys
res = json.load(open(sys.argv[2]))["results"]
sys.exit(0 if [r["id"] for r in res] == [sys.argv[1]] else 1)
EOF
run_app 60 "wrong passphrase"$'\n' --data-dir "$DATA" journal list --passphrase-stdin --json
[ "$rc" -eq 3 ] || fail "a wrong passphrase should exit 3, got $rc"
ok "vault init, journal add, search finds it, wrong passphrase refused  ($(secs "$t" "$(now)") s)"

# ---- sharing: identity + QR, contacts, encrypted export, open on the therapist side -----------
if has_command share; then
  t=$(now)
  THER="$WORK/data-therapist"
  SHARE="$WORK/share"
  mkdir -p "$SHARE"
  run_app 120 "$PASS"$'\n' --data-dir "$THER" vault init --passphrase-stdin --json
  need_ok vault init
  run_app 60 "$PASS"$'\n' --data-dir "$DATA" share identity --passphrase-stdin --json \
    --name Sam --role patient --card-out "$SHARE/patient.card" --qr-out "$SHARE/patient.png"
  need_ok share identity
  [ "$(head -c 4 "$SHARE/patient.png" | od -An -c | tr -d ' ')" = "211PNG" ] || fail "QR code is not a PNG"
  run_app 60 "$PASS"$'\n' --data-dir "$THER" share identity --passphrase-stdin --json \
    --name "Dr Lee" --role therapist --card-out "$SHARE/therapist.card"
  need_ok share identity
  run_app 60 "$PASS"$'\n' --data-dir "$DATA" share add-contact --passphrase-stdin --json --verified \
    "$SHARE/therapist.card"
  need_ok share add-contact
  run_app 60 "$PASS"$'\n' --data-dir "$THER" share add-contact --passphrase-stdin --json --verified \
    "$SHARE/patient.card"
  need_ok share add-contact
  run_app 120 "$PASS"$'\n' --data-dir "$DATA" share export --passphrase-stdin --json --to "Dr Lee" \
    --out "$SHARE/bundle.age"
  need_ok share export
  run_app 120 "$PASS"$'\n' --data-dir "$THER" share open --passphrase-stdin --json "$SHARE/bundle.age"
  need_ok share open
  "$PY" - "$WORK/out" <<'EOF' || fail "share open did not import the bundle: $(cat "$WORK/out")"
import json, sys
d = json.load(open(sys.argv[1]))
items = d.get("items", {})
sys.exit(0 if d.get("imported") and items.get("journal_entry") == 1 and items.get("report_pdf") == 1 else 1)
EOF
  ok "share: identity + QR, verified contacts, age export, opened with PDF report  ($(secs "$t" "$(now)") s)"
else
  skip "share is not in this build yet"
fi

# ---- voice ----------------------------------------------------------------------------------------
if [ ! -f "$WORK/voice.wav" ]; then
  skip "voice checks (espeak-ng not installed to synthesise speech)"
elif has_command transcribe; then
  t=$(now)
  run_app 300 "" transcribe --json "$WORK/voice.wav"
  need_ok transcribe
  "$PY" - "$WORK/out" <<'EOF' || fail "transcript is wrong: $(cat "$WORK/out")"
import json, sys
text = json.load(open(sys.argv[1]))["text"].lower()
missing = [w for w in ("walk", "morning", "calm") if w not in text]
sys.exit(f"missing {missing} in {text!r}" if missing else 0)
EOF
  ok "transcribe: $("$PY" -c 'import json,sys; print(json.load(open(sys.argv[1]))["text"])' "$WORK/out")  ($(secs "$t" "$(now)") s)"
  if has_command analyze-voice; then
    t=$(now)
    run_app 300 "" analyze-voice --json "$WORK/voice.wav"
    need_ok analyze-voice
    "$PY" -c 'import json,sys; d=json.load(open(sys.argv[1])); assert isinstance(d, dict) and d' "$WORK/out" \
      || fail "analyze-voice printed no JSON object: $(cat "$WORK/out")"
    ok "analyze-voice  ($(secs "$t" "$(now)") s incl. prosody JIT)"
  else
    skip "analyze-voice is not in this build yet"
  fi
else
  skip "transcribe is not in this build yet"
fi

# ---- GUI: first window on a fresh data dir --------------------------------------------------------
# With MINDSPACE_EXIT_AFTER_SHOW=1 the app (mindspace/ui/application.py) prints a line starting
# with "window-shown" once its first window (create-vault or unlock screen) is shown, then quits
# its event loop, locks and returns 0.
gui_run() {  # $1 = data dir, $2 = "trace" or "plain"; sets rc, t_shown
  local start pid
  rm -f "$WORK/gui.out" "$WORK/gui.err"  # never read the previous run's output
  : >"$WORK/gui.out"
  start=$(now)
  t_shown=""
  if [ "$2" = trace ]; then
    n=$((n + 1))
    echo "$n: MindSpace --data-dir $1 (GUI)" >>"$TRACES/index"
    MINDSPACE_EXIT_AFTER_SHOW=1 timeout --kill-after=5 90 strace -f -qq -e signal=none \
      -e trace=connect,bind,sendto,sendmsg,sendmmsg -o "$TRACES/$n.log" \
      "$APP" --data-dir "$1" >"$WORK/gui.out" 2>"$WORK/gui.err" </dev/null &
  else
    MINDSPACE_EXIT_AFTER_SHOW=1 timeout --kill-after=5 90 \
      "$APP" --data-dir "$1" >"$WORK/gui.out" 2>"$WORK/gui.err" </dev/null &
  fi
  pid=$!
  while kill -0 "$pid" 2>/dev/null; do
    if [ -z "$t_shown" ] && grep -q '^window-shown' "$WORK/gui.out" 2>/dev/null; then
      t_shown=$(secs "$start" "$(now)")
    fi
    sleep 0.05
  done
  set +e; wait "$pid"; rc=$?; set -e
  if [ -z "$t_shown" ] && grep -q '^window-shown' "$WORK/gui.out"; then
    t_shown=$(secs "$start" "$(now)")
  fi
  t_exit=$(secs "$start" "$(now)")
}
gui_check() {  # $1 = data dir, $2 = trace|plain, $3 = what
  gui_run "$1" "$2"
  if [ $rc -eq 124 ] || [ $rc -eq 137 ]; then
    cat "$WORK/gui.err" >&2
    fail "GUI ($3) did not exit within 90 s: it must honour MINDSPACE_EXIT_AFTER_SHOW=1 (docs/packaging.md)"
  fi
  [ $rc -eq 0 ] || { cat "$WORK/gui.out" "$WORK/gui.err" >&2; fail "GUI ($3) exited with $rc"; }
  [ -n "$t_shown" ] || { cat "$WORK/gui.out" "$WORK/gui.err" >&2; fail "GUI ($3) exited without printing window-shown"; }
  if grep -q "Traceback (most recent call last)" "$WORK/gui.err"; then
    cat "$WORK/gui.err" >&2; fail "GUI ($3) printed a traceback"
  fi
}
gui_check "$WORK/data-gui-1" plain "first start"
t_gui_cold=$t_shown
gui_check "$WORK/data-gui-2" trace "first start, traced"
gui_check "$DATA" trace "existing vault"
t_gui_unlock=$t_shown
ok "GUI: create-vault window on a fresh data dir after ${t_gui_cold} s; unlock window on the CLI's vault; exit 0"

# ---- no network, no plaintext -----------------------------------------------------------------------
if grep -E 'sa_family=AF_INET6?[,}]' "$TRACES"/*.log >"$WORK/net.txt" 2>/dev/null; then
  head -20 "$WORK/net.txt" >&2
  for f in $(cut -d: -f1 "$WORK/net.txt" | sort -u); do
    grep "^$(basename "$f" .log): " "$TRACES/index" >&2
  done
  fail "the app tried to use the network (AF_INET/AF_INET6 connect/bind/send above, by the runs listed)"
fi
calls=$(cat "$TRACES"/*.log | grep -c -E '^[0-9]+ +(connect|bind|sendto|sendmsg|sendmmsg)\(' || true)
ok "no AF_INET/AF_INET6 connect, bind or send in $n traced runs ($calls local socket calls)"
if grep -r -l -a "$SECRET_WORD" "$WORK/home" "$WORK/tmp" "$WORK"/data-* "$WORK/share" 2>/dev/null; then
  fail "journal text found in plaintext in the files above"
fi
ok "journal text not found in plaintext in HOME, TMPDIR, the data dirs or the shared bundle"
# Telemetry leftovers (ONNX Runtime writes ~/.cache/Microsoft/DeveloperTools/.onnxruntime/ and
# $TMPDIR/.ses unless ORT_DISABLE_TELEMETRY=1 is in force).
telemetry=$(find "$WORK/home" "$WORK/tmp" \( -iname 'Microsoft' -o -iname '*.onnxruntime*' \
  -o -name '.ses' -o -iname '*telemetry*' \) -print 2>/dev/null | head -5)
[ -z "$telemetry" ] || fail "telemetry files were written:
$telemetry"
left=$(cd "$WORK" && find home tmp -type f 2>/dev/null | sed -E 's#/[^/]*$##' | sort | uniq -c \
  | awk '{ printf "%s (%s files) ", $2, $1 }')
ok "no telemetry files; files the app left in HOME/TMPDIR: ${left:-none}"

echo "timings: --version cold ${t_version_cold} s / warm ${t_version_warm} s;" \
  "GUI first window ${t_gui_cold} s (unlock window, traced: ${t_gui_unlock} s)"
