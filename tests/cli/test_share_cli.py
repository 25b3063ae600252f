"""`mindspace share ...`: the command-line contract, run in-process on real vaults."""

from __future__ import annotations

import io
import json
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from mindspace.cli import main
from tests.share.helpers import PASSPHRASE, run_webdav_server

PW = PASSPHRASE + "\n"


def run(
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
    data: Path,
    *args: str,
    stdin: str = PW,
) -> tuple[int, str, str]:
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(stdin.encode("utf-8"))))
    code = main(["--data-dir", str(data), *args])
    out, err = capsys.readouterr()
    assert "Traceback" not in err
    return code, out, err


@pytest.fixture
def cli(capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch):  # type: ignore[no-untyped-def]
    return lambda data, *args, stdin=PW: run(capsys, monkeypatch, data, *args, stdin=stdin)


def setup_pair(cli, tmp_path: Path) -> tuple[Path, Path, dict, dict]:  # type: ignore[no-untyped-def]
    pat, tess = tmp_path / "pat", tmp_path / "tess"
    ids = []
    for data, name, role in ((pat, "Pat Patient", "patient"), (tess, "Dr Tess", "therapist")):
        assert cli(data, "vault", "init", "--passphrase-stdin")[0] == 0
        code, out, err = cli(
            data,
            "share",
            "identity",
            "--passphrase-stdin",
            "--json",
            "--name",
            name,
            "--role",
            role,
            "--card-out",
            str(data.parent / f"{role}.mscard"),
        )
        assert code == 0, err
        ids.append(json.loads(out))
    return pat, tess, ids[0], ids[1]


def test_identity_exchange_export_open(cli, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    pat, tess, pat_id, tess_id = setup_pair(cli, tmp_path)
    assert pat_id["created"] and len(pat_id["fingerprint"].replace(" ", "")) == 30
    assert pat_id["card"]["sign_key"] and pat_id["code"].startswith("MS1-")
    again = json.loads(cli(pat, "share", "identity", "--passphrase-stdin", "--json")[1])
    assert not again["created"] and again["card"] == pat_id["card"]

    # the therapist adds the patient from the text code, the patient adds the card file
    (tmp_path / "pat-code.txt").write_text(pat_id["code"] + "\n")
    code, out, _ = cli(
        tess,
        "share",
        "add-contact",
        str(tmp_path / "pat-code.txt"),
        "--passphrase-stdin",
        "--verified",
        "--json",
    )
    added = json.loads(out)
    assert code == 0 and added["outcome"] == "added" and added["contact"]["verified"]
    code, out, _ = cli(
        pat,
        "share",
        "add-contact",
        str(tmp_path / "therapist.mscard"),
        "--passphrase-stdin",
        "--json",
    )
    theirs = json.loads(out)
    assert theirs["safety_number"] == added["safety_number"]  # identical on both sides
    assert len(theirs["safety_number"].split()) == 12

    cli(
        pat,
        "journal",
        "add",
        "--passphrase-stdin",
        "--title",
        "Week one",
        "--tag",
        "therapy",
        "--date",
        "2026-03-02",
        stdin=PW + "Slept better this week.\n",
    )
    cli(
        pat,
        "journal",
        "add",
        "--passphrase-stdin",
        "--title",
        "Old",
        "--date",
        "2026-01-01",
        stdin=PW + "Outside the range.\n",
    )
    cli(
        pat,
        "mood",
        "add",
        "--passphrase-stdin",
        "--mood",
        "4",
        "--emotion",
        "calm",
        "--date",
        "2026-03-03",
    )
    out_file = tmp_path / "to-tess.msbundle"
    export = [
        "share",
        "export",
        "--passphrase-stdin",
        "--to",
        "Dr Tess",
        "--from",
        "2026-03-01",
        "--to-date",
        "2026-03-31",
        "--include",
        "journal,mood",
        "--out",
        str(out_file),
        "--json",
    ]
    code, _, err = cli(pat, *export)
    assert code == 1 and "not verified" in err and not out_file.exists()
    cli(pat, "share", "verify", "Dr Tess", "--passphrase-stdin")
    code, out, err = cli(pat, *export)
    assert code == 0, err
    written = json.loads(out)
    assert written["size"] == out_file.stat().st_size == written["file_size"]
    assert {i["type"] for i in written["items"]} == {
        "journal_entry",
        "mood_checkin",
        "report_csv",
        "report_pdf",
    }

    code, out, err = cli(tess, "share", "open", str(out_file), "--passphrase-stdin", "--json")
    assert code == 0, err
    opened = json.loads(out)
    assert opened["from"] == "Pat Patient" and opened["items"]["journal_entry"] == 1
    code, _, err = cli(tess, "share", "open", str(out_file), "--passphrase-stdin", "--json")
    assert code == 15 and err.startswith("mindspace: error: replayed:") and err.count("\n") == 1
    # the patient cannot open a bundle meant for the therapist
    code, _, err = cli(pat, "share", "open", str(out_file), "--passphrase-stdin")
    assert code == 10 and "not for me" in err
    corrupt = tmp_path / "corrupt.msbundle"
    data = bytearray(out_file.read_bytes())
    data[-100] ^= 1
    corrupt.write_bytes(bytes(data))
    code, _, err = cli(tess, "share", "open", str(corrupt), "--passphrase-stdin")
    assert code == 11 and "corrupted" in err
    inbox = json.loads(cli(tess, "share", "inbox", "--passphrase-stdin", "--json")[1])
    assert len(inbox["bundles"]) == 1


def test_bad_inputs_are_one_line_errors(cli, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    pat, tess, _, _ = setup_pair(cli, tmp_path)
    junk = tmp_path / "junk.mscard"
    junk.write_bytes(b"\xff\x00 not a card")
    code, _, err = cli(pat, "share", "add-contact", str(junk), "--passphrase-stdin")
    assert code == 2 and "not text" in err
    junk.write_text("MS1-AAAAA-BBBBB")
    assert "too short" in cli(pat, "share", "add-contact", str(junk), "--passphrase-stdin")[2]
    code, _, err = cli(pat, "share", "add-contact", str(tmp_path / "missing"), "--passphrase-stdin")
    assert code == 2 and "cannot read" in err
    code, _, err = cli(
        pat, "share", "export", "--passphrase-stdin", "--to", "Nobody", "--out", str(tmp_path / "x")
    )
    assert code == 1 and "no contact" in err
    code, _, err = cli(
        pat,
        "share",
        "export",
        "--passphrase-stdin",
        "--to",
        "x",
        "--from",
        "March",
        "--out",
        str(tmp_path / "x"),
    )
    assert code == 2 and "--from" in err
    code, _, err = cli(
        pat,
        "share",
        "export",
        "--passphrase-stdin",
        "--to",
        "x",
        "--include",
        "dreams",
        "--out",
        str(tmp_path / "x"),
    )
    assert code == 2 and "--include" in err
    code, _, err = cli(pat, "share", "open", str(tmp_path), "--passphrase-stdin")
    assert code == 1 and "folder" in err
    (tmp_path / "random.bin").write_bytes(b"hello")
    code, _, err = cli(pat, "share", "open", str(tmp_path / "random.bin"), "--passphrase-stdin")
    assert code == 11 and "corrupted" in err
    code, _, err = cli(pat, "share", "sync", "--passphrase-stdin")
    assert code == 1 and "no sync relay" in err
    code, _, err = cli(pat, "share", "identity", "--passphrase-stdin", stdin="wrong passphrase\n")
    assert code == 3


@pytest.fixture
def webdav_server(tmp_path: Path) -> Iterator[tuple[str, Path]]:
    with run_webdav_server(tmp_path / "dav", "relay-user", "relay pw 1") as served:
        yield served


def test_relay_config_and_sync(cli, tmp_path: Path, webdav_server) -> None:  # type: ignore[no-untyped-def]
    WEBDAV_USER, WEBDAV_PASSWORD = "relay-user", "relay pw 1"  # noqa: N806
    url, root = webdav_server
    pat, tess, pat_id, tess_id = setup_pair(cli, tmp_path)
    (tmp_path / "p.txt").write_text(pat_id["code"])
    (tmp_path / "t.txt").write_text(tess_id["code"])
    cli(tess, "share", "add-contact", str(tmp_path / "p.txt"), "--passphrase-stdin", "--verified")
    cli(pat, "share", "add-contact", str(tmp_path / "t.txt"), "--passphrase-stdin", "--verified")
    for data in (pat, tess):
        code, out, err = cli(
            data,
            "share",
            "relay",
            "set",
            "--webdav",
            url,
            "--user",
            WEBDAV_USER,
            "--passphrase-stdin",
            "--json",
            stdin=PW + WEBDAV_PASSWORD + "\n",
        )
        assert code == 0, err
        assert "password" not in out
    cli(pat, "mood", "add", "--passphrase-stdin", "--mood", "3")
    code, out, err = cli(
        pat,
        "share",
        "export",
        "--passphrase-stdin",
        "--to",
        "Dr Tess",
        "--include",
        "mood",
        "--relay",
        "--json",
    )
    assert code == 0, err
    assert json.loads(cli(pat, "share", "sync", "--passphrase-stdin", "--json")[1])["uploaded"] == 1
    code, out, _ = cli(tess, "share", "sync", "--passphrase-stdin", "--json")
    assert code == 0 and len(json.loads(out)["received"]) == 1
    assert json.loads(cli(pat, "share", "sync", "--passphrase-stdin", "--json")[1])["deleted"] == 1
    shown = json.loads(cli(pat, "share", "relay", "show", "--passphrase-stdin", "--json")[1])
    assert shown["relay"]["url"] == url and "password" not in shown["relay"]


def test_insecure_webdav_password_is_refused(cli, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    pat, _tess, _p, _t = setup_pair(cli, tmp_path)
    args = ("share", "relay", "set", "--webdav", "http://dav.example.org/x/", "--user", "u")
    code, out, err = cli(pat, *args, "--passphrase-stdin", stdin=PW + "pw\n")
    assert code == 1 and "unencrypted" in err and "https://" in err
    code, _, err = cli(pat, *args, "--allow-insecure-http", "--passphrase-stdin", stdin=PW + "pw\n")
    assert code == 0, err
    local = ("share", "relay", "set", "--webdav", "http://localhost:8080/x/", "--user", "u")
    assert cli(pat, *local, "--passphrase-stdin", stdin=PW + "pw\n")[0] == 0


def test_sync_exit_codes_alarms_and_rejoin(cli, tmp_path: Path, webdav_server) -> None:  # type: ignore[no-untyped-def]
    url, root = webdav_server
    pat, tess, pat_id, tess_id = setup_pair(cli, tmp_path)
    (tmp_path / "p.txt").write_text(pat_id["code"])
    (tmp_path / "t.txt").write_text(tess_id["code"])
    cli(tess, "share", "add-contact", str(tmp_path / "p.txt"), "--passphrase-stdin", "--verified")
    cli(pat, "share", "add-contact", str(tmp_path / "t.txt"), "--passphrase-stdin", "--verified")
    for data in (pat, tess):
        set_relay = ("share", "relay", "set", "--webdav", url, "--user", "relay-user")
        assert cli(data, *set_relay, "--passphrase-stdin", stdin=PW + "relay pw 1\n")[0] == 0
    export = ("share", "export", "--passphrase-stdin", "--to", "Dr Tess", "--include", "mood")
    cli(pat, "mood", "add", "--passphrase-stdin", "--mood", "3")
    assert cli(pat, *export, "--relay")[0] == 0
    assert cli(pat, "share", "sync", "--passphrase-stdin")[0] == 0
    (envelope,) = list((root / "mindspace-relay").iterdir())
    whole = envelope.read_bytes()
    envelope.write_bytes(b"")  # the server answers 200 with no bytes
    code, out, _ = cli(tess, "share", "sync", "--passphrase-stdin")
    assert code == 21 and "Not delivered yet" in out
    code, out, _ = cli(tess, "share", "status", "--passphrase-stdin")
    assert code == 21 and "Unread relay file" in out
    envelope.write_bytes(whole)
    code, out, _ = cli(tess, "share", "sync", "--passphrase-stdin", "--json")
    assert code == 0 and len(json.loads(out)["received"]) == 1
    assert cli(pat, "share", "sync", "--passphrase-stdin")[0] == 0  # ack: cleaned up
    # the patient's vault is restored from an older backup: it signs envelope 1 again
    from mindspace.app import AppServices
    from tests.share.helpers import PASSPHRASE

    services = AppServices(pat)
    services.unlock(PASSPHRASE)
    services.vault.db.transaction(lambda c: c.execute("DELETE FROM share_sync_outbox"))
    services.close()
    assert cli(pat, *export, "--relay")[0] == 0
    assert cli(pat, "share", "sync", "--passphrase-stdin")[0] == 0
    code, out, _ = cli(tess, "share", "sync", "--passphrase-stdin")
    assert code == 20 and "ALARM" in out and "fork" in out
    code, out, _ = cli(tess, "share", "sync", "--passphrase-stdin", "--json")
    assert code == 20 and json.loads(out)["open_alarms"]  # not silent on later syncs
    code, out, _ = cli(tess, "share", "alarms", "--passphrase-stdin", "--json")
    (alarm,) = json.loads(out)["alarms"]
    assert alarm["kind"] == "fork" and "backup" in alarm["meaning"]
    assert cli(pat, "share", "sync", "--passphrase-stdin")[0] == 20  # mismatch on the patient
    code, out, err = cli(pat, "share", "rejoin", "--passphrase-stdin")
    assert code == 0 and "restart" in out, err
    assert cli(pat, "share", "sync", "--passphrase-stdin")[0] == 0
    code, out, _ = cli(tess, "share", "sync", "--passphrase-stdin")
    assert code == 20 and "restored from a backup" in out
    code, out, _ = cli(tess, "share", "alarms", "--passphrase-stdin", "--json")
    restart = [a for a in json.loads(out)["alarms"] if a["kind"] == "restart"]
    assert len(restart) == 1
    accept = ("share", "alarms", "--accept", str(restart[0]["id"]))
    assert cli(tess, *accept, "--passphrase-stdin")[0] == 0
    code, _, _ = cli(tess, "share", "alarms", "--dismiss", str(alarm["id"]), "--passphrase-stdin")
    assert code == 1  # resolved by the accepted restart already
    assert cli(tess, "share", "alarms", "--dismiss", "999", "--passphrase-stdin")[0] == 4
    cli(pat, "mood", "add", "--passphrase-stdin", "--mood", "5")
    assert cli(pat, *export, "--relay")[0] == 0
    assert cli(pat, "share", "sync", "--passphrase-stdin")[0] == 0
    code, out, _ = cli(tess, "share", "sync", "--passphrase-stdin", "--json")
    assert code == 0 and len(json.loads(out)["received"]) == 1
