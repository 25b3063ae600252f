"""Faults found by trying to break the vault from the command line, each reproduced first.

Read-only folders and full disks are real: a private mount namespace (`unshare -rm`) bind-mounts
the data folder read-only, or mounts a small tmpfs. Those tests skip where namespaces are not
allowed.
"""

from __future__ import annotations

import json
import os
import shlex
import shutil
import signal
import subprocess
import sys
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest

from mindspace.app import AppServices
from tests.cli.helpers import run_cli
from tests.conftest import PASSPHRASE

PW = PASSPHRASE + "\n"
PAGE = 4096


def _init(data: Path) -> None:
    res = run_cli("vault", "init", "--passphrase-stdin", stdin=PW, data_dir=data)
    assert res.returncode == 0, res.stderr


def _namespaces_work() -> bool:
    if shutil.which("unshare") is None:
        return False
    return subprocess.run(["unshare", "-rm", "true"], capture_output=True).returncode == 0


needs_ns = pytest.mark.skipif(not _namespaces_work(), reason="no user/mount namespaces here")


def _in_namespace(setup: str, *args: str, stdin: str, data: Path) -> subprocess.CompletedProcess:
    """Run `mindspace --data-dir data args` after `setup` (shell) in a private mount namespace."""
    cmd = shlex.join([sys.executable, "-m", "mindspace", "--data-dir", str(data), *args])
    env = {**os.environ, "MINDSPACE_KDF_CALIBRATE": "0"}
    return subprocess.run(
        ["unshare", "-rm", "sh", "-c", f"{setup} && exec {cmd}"],
        input=stdin, capture_output=True, text=True, env=env, timeout=120,
    )


# ---- 3. one throttle for every path that tests a secret --------------------------------------
def _stamp_last_failure(path: Path, ahead: float) -> None:
    """Move the recorded last failure ``ahead`` seconds past now (the count stays)."""
    obj = json.loads(path.read_text(encoding="utf-8"))
    obj["last_failure"] = time.time() + ahead
    path.write_text(json.dumps(obj), encoding="utf-8")


def test_change_passphrase_is_throttled_and_counted(tmp_path: Path) -> None:
    data = tmp_path / "v"
    _init(data)
    for i in range(3):
        res = run_cli("vault", "change-passphrase", "--passphrase-stdin",
                      stdin=f"wrong {i}\nanother long passphrase 77\n", data_dir=data)
        assert res.returncode == 3, res.stderr
    svc = AppServices(data)
    assert svc.vault.throttle.failures() == 3
    # the delay runs from the last failure; restamped a little ahead so that it is still running
    # when the next process checks, however slowly a loaded machine starts it
    _stamp_last_failure(svc.vault.throttle.path, ahead=3.0)
    start = time.monotonic()
    res = run_cli("vault", "change-passphrase", "--passphrase-stdin",
                  stdin="wrong again\nanother long passphrase 77\n", data_dir=data)
    assert res.returncode == 3
    assert time.monotonic() - start >= 1.0  # the delay after three failures was served
    assert "too many wrong attempts: waiting" in res.stderr  # told why nothing happens
    assert svc.vault.throttle.failures() == 4
    # a right old passphrase through change-passphrase also waits and then works
    _stamp_last_failure(svc.vault.throttle.path, ahead=2.0)
    res = run_cli("vault", "change-passphrase", "--passphrase-stdin",
                  stdin=PW + "another long passphrase 77\n", data_dir=data)
    assert res.returncode == 0 and "too many wrong attempts: waiting" in res.stderr
    assert svc.vault.throttle.failures() == 0


def test_parallel_unlocks_cannot_share_a_delay(tmp_path: Path) -> None:
    data = tmp_path / "v"
    _init(data)
    svc = AppServices(data)

    def attempt(i: int) -> int:
        return run_cli("vault", "unlock-check", "--passphrase-stdin",
                       stdin=f"wrong guess {i}\n", data_dir=data).returncode

    start = time.monotonic()
    with ThreadPoolExecutor(6) as pool:
        codes = list(pool.map(attempt, range(6)))
    elapsed = time.monotonic() - start
    assert codes == [3] * 6
    assert svc.vault.throttle.failures() == 6  # every guess was counted, none lost in a race
    assert elapsed >= 1 + 2 + 4  # guesses 4, 5 and 6 each served their delay in turn


def test_gui_path_is_refused_while_throttled(tmp_path: Path) -> None:
    from mindspace.app.errors import ThrottledError, WrongPassphraseError

    data = tmp_path / "v"
    _init(data)
    svc = AppServices(data)
    for _ in range(3):
        with pytest.raises(WrongPassphraseError):
            svc.unlock("wrong")
    for attempt in (lambda: svc.unlock(PASSPHRASE),
                    lambda: svc.change_passphrase(PASSPHRASE, "another long passphrase 77"),
                    lambda: svc.unlock_with_recovery("AAAAA-AAAAA")):
        with pytest.raises(ThrottledError):
            attempt()
    assert svc.vault.throttle.failures() == 3


# ---- 4. damage in the middle of the vault is found --------------------------------------------
def _flip(path: Path, offset: int) -> None:
    data = bytearray(path.read_bytes())
    data[offset] ^= 0xFF
    path.write_bytes(bytes(data))


def test_vault_check_finds_a_damaged_middle_page(tmp_path: Path) -> None:
    data = tmp_path / "v"
    _init(data)
    filler = AppServices(data)
    filler.unlock(PASSPHRASE)
    for i in range(40):
        filler.journal.add(f"t{i}", "words " * 200)
    filler.close()
    whole = run_cli("vault", "check", "--passphrase-stdin", "--json", stdin=PW, data_dir=data)
    assert whole.returncode == 0 and '"ok":true' in whole.stdout
    db = data / "vault.db"
    pages = db.stat().st_size // PAGE
    _flip(db, (pages // 2) * PAGE + 200)
    listing = run_cli("journal", "list", "--passphrase-stdin", stdin=PW, data_dir=data)
    assert listing.returncode in (0, 1)  # may or may not touch the page
    res = run_cli("vault", "check", "--passphrase-stdin", "--json", stdin=PW, data_dir=data)
    assert res.returncode == 1
    assert '"ok":false' in res.stdout and "damaged" in res.stdout
    assert "restore" in res.stdout  # what to do
    assert "ERROR CORE" not in res.stderr + listing.stderr


def test_damaged_first_page_is_not_reported_as_a_wrong_passphrase(tmp_path: Path) -> None:
    data = tmp_path / "v"
    _init(data)
    _flip(data / "vault.db", 100)
    res = run_cli("journal", "list", "--passphrase-stdin", stdin=PW, data_dir=data)
    assert res.returncode == 1  # not 3
    assert "damaged" in res.stderr and "passphrase is right" in res.stderr
    assert "ERROR CORE" not in res.stderr and "Traceback" not in res.stderr


def test_a_damaged_blob_is_reported(tmp_path: Path) -> None:
    data = tmp_path / "v"
    svc = AppServices(data)
    svc.create_vault(PASSPHRASE)
    blob_id = svc.blobs.put(b"\x00\x01" * 50_000, "audio/wav")
    svc.lock()
    _flip(data / "blobs" / f"{blob_id}.blob", 5000)
    res = run_cli("vault", "check", "--passphrase-stdin", "--json", stdin=PW, data_dir=data)
    assert res.returncode == 1 and "audio" in res.stdout


# ---- 5. read-only folders and full disks say so --------------------------------------------------
@needs_ns
def test_read_only_folder_still_reads(tmp_path: Path) -> None:
    data = tmp_path / "v"
    _init(data)
    run_cli("journal", "add", "--passphrase-stdin", "--title", "kept", stdin=PW + "body",
            data_dir=data)
    ro = f"mount --bind {shlex.quote(str(data))} {shlex.quote(str(data))} && " \
         f"mount -o remount,bind,ro {shlex.quote(str(data))}"
    listing = _in_namespace(ro, "journal", "list", "--passphrase-stdin", stdin=PW, data=data)
    assert listing.returncode == 0, listing.stderr
    assert "kept" in listing.stdout
    write = _in_namespace(ro, "journal", "add", "--passphrase-stdin", "--title", "new",
                          stdin=PW + "x", data=data)
    assert write.returncode == 1 and "read-only" in write.stderr
    wrong = _in_namespace(ro, "vault", "unlock-check", "--passphrase-stdin", stdin="nope\n",
                          data=data)
    assert wrong.returncode == 3  # a wrong passphrase is still a wrong passphrase


@needs_ns
def test_full_disk_says_so_and_keeps_the_vault(tmp_path: Path) -> None:
    data = tmp_path / "small"
    data.mkdir()
    setup = f"mount -t tmpfs -o size=700k tmpfs {shlex.quote(str(data))}"
    init = shlex.join([sys.executable, "-m", "mindspace", "--data-dir", str(data), "vault",
                       "init", "--passphrase-stdin"])
    script = f"printf '%s\\n' {shlex.quote(PASSPHRASE)} | {init} >/dev/null"
    res = _in_namespace(f"{setup} && {script}", "journal", "add", "--passphrase-stdin",
                        "--title", "big", stdin=PW + "x" * 600_000, data=data)
    assert res.returncode == 1
    assert "disk is full" in res.stderr and "Traceback" not in res.stderr


def test_invalid_utf8_in_arguments_is_named(tmp_path: Path) -> None:
    data = tmp_path / "v"
    _init(data)
    env = {**os.environ, "MINDSPACE_KDF_CALIBRATE": "0"}
    for flag in ("--title", "--tag"):
        args = [sys.executable, "-m", "mindspace", "--data-dir", str(data), "journal", "add",
                "--passphrase-stdin", "--title", "ok", flag, b"bad \xff bytes"]
        proc = subprocess.run(args, input=PW.encode(), capture_output=True, env=env)
        err = proc.stderr.decode()
        assert proc.returncode == 2 and f"{flag} is not valid UTF-8" in err, err


# ---- 6. an interrupted set-up never leaves a vault nobody can open ------------------------------
def test_init_killed_at_any_moment_leaves_nothing_or_a_working_vault(tmp_path: Path) -> None:
    env = {**os.environ, "MINDSPACE_KDF_CALIBRATE": "0"}
    outcomes = set()
    for i, delay in enumerate([0.05, 0.15, 0.3, 0.45, 0.6, 0.75, 0.9, 1.1, 1.4, 2.0]):
        data = tmp_path / f"v{i}"
        proc = subprocess.Popen(
            [sys.executable, "-m", "mindspace", "--data-dir", str(data), "vault", "init",
             "--passphrase-stdin"],
            stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.PIPE, env=env,
        )
        assert proc.stdin is not None
        proc.stdin.write(PW.encode())
        proc.stdin.close()
        time.sleep(delay)
        proc.send_signal(signal.SIGKILL)
        proc.wait()
        svc = AppServices(data)
        if svc.vault_exists():
            svc.unlock(PASSPHRASE)
            assert svc.journal.count() == 0
            svc.close()
            outcomes.add("vault")
        else:
            assert not (data / "vault.db").exists()  # no orphan: init can simply run again
            _init(data)
            outcomes.add("nothing")
    assert outcomes  # (which moments were hit depends on the machine's speed)


def test_interrupted_renames_are_finished_or_rolled_back(tmp_path: Path) -> None:
    data = tmp_path / "v"
    _init(data)
    # killed between the two renames: vault.db is in place, the key file still has its .new name
    (data / "keyfile.json").rename(data / "keyfile.json.new")
    assert AppServices(data).vault_exists()
    res = run_cli("vault", "unlock-check", "--passphrase-stdin", stdin=PW, data_dir=data)
    assert res.returncode == 0
    # killed before the first rename: only .new files, which are discarded
    other = tmp_path / "w"
    other.mkdir()
    (other / "vault.db.new").write_bytes(b"partial")
    (other / "keyfile.json.new").write_bytes(b"{}")
    assert not AppServices(other).vault_exists()
    assert sorted(p.name for p in other.iterdir()) == []


def test_orphaned_database_gets_a_way_out(tmp_path: Path) -> None:
    data = tmp_path / "v"
    _init(data)
    (data / "keyfile.json").unlink()
    res = run_cli("vault", "unlock-check", "--passphrase-stdin", stdin=PW, data_dir=data)
    assert res.returncode == 1 and "key file keyfile.json is missing" in res.stderr
    assert "--move-aside" in res.stderr
    again = run_cli("vault", "init", "--passphrase-stdin", stdin=PW, data_dir=data)
    assert again.returncode != 0 and "refusing to overwrite" in again.stderr
    moved = run_cli("vault", "init", "--passphrase-stdin", "--move-aside", stdin=PW,
                    data_dir=data)
    assert moved.returncode == 0, moved.stderr
    assert [p.name for p in data.glob("vault.db.orphaned-*")]  # kept, not deleted


# ---- 7. smaller -----------------------------------------------------------------------------
def test_every_file_is_private_whatever_the_umask(tmp_path: Path) -> None:
    data = tmp_path / "v"
    old = os.umask(0o022)
    try:
        _init(data)
        run_cli("journal", "add", "--passphrase-stdin", "--title", "t", stdin=PW + "b",
                data_dir=data)
        run_cli("vault", "unlock-check", "--passphrase-stdin", stdin="wrong\n", data_dir=data)
        svc = AppServices(data)
        svc.unlock(PASSPHRASE)
        svc.blobs.put(b"audio", "audio/wav")
        svc.save_preferences(svc.load_preferences())
        svc.journal.add("open", "while open")  # -wal and -shm exist now
        files = [p for p in data.rglob("*") if p.is_file()]
        assert {p.name for p in files} >= {"vault.db", "vault.db-wal", "keyfile.json",
                                           "unlock-throttle.json", "preferences.json"}
        loose = {str(p.relative_to(data)): oct(p.stat().st_mode & 0o777)
                 for p in files if p.stat().st_mode & 0o077}
        svc.close()
    finally:
        os.umask(old)
    assert loose == {}
    assert data.stat().st_mode & 0o777 == 0o700


def test_entries_and_notes_can_come_on_stdin_as_json(tmp_path: Path) -> None:
    data = tmp_path / "v"
    _init(data)
    entry = '{"title": "private title", "body": "private body", "tags": ["a b"]}'
    res = run_cli("journal", "add", "--passphrase-stdin", "--stdin-json", "--json",
                  stdin=PW + entry, data_dir=data)
    assert res.returncode == 0, res.stderr
    note = '{"mood": 4, "note": "private note", "emotions": ["calm"], "sleep": 7}'
    res = run_cli("mood", "add", "--passphrase-stdin", "--stdin-json", stdin=PW + note,
                  data_dir=data)
    assert res.returncode == 0, res.stderr
    svc = AppServices(data)
    svc.unlock(PASSPHRASE)
    got = svc.journal.list()[0]
    assert (got.title, got.body, got.tags) == ("private title", "private body", ["a b"])
    assert svc.mood.list()[0].note == "private note"
    svc.close()
    for bad, message in (('{"title": 3}', "must be a str"), ('{"colour": "x"}', "unknown field"),
                         ("[1]", "one JSON object"), ("{oops", "not a JSON object")):
        res = run_cli("journal", "add", "--passphrase-stdin", "--stdin-json", stdin=PW + bad,
                      data_dir=data)
        assert res.returncode == 2 and message in res.stderr, res.stderr


def test_an_empty_entry_is_refused(tmp_path: Path) -> None:
    data = tmp_path / "v"
    _init(data)
    res = run_cli("journal", "add", "--passphrase-stdin", "--title", "  ", stdin=PW + "\n\n",
                  data_dir=data)
    assert res.returncode == 2 and "needs a title or some text" in res.stderr
