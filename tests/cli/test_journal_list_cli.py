"""`mindspace journal list` reads the journal a page at a time and streams what it reads: the
same entries, in the same order and format, as reading everything at once."""

from __future__ import annotations

import json
from datetime import datetime, timedelta
from pathlib import Path

import pytest

from mindspace.app import AppServices
from tests.cli.helpers import run_cli

PW = "correct horse battery staple 42\n"


@pytest.fixture(scope="module")
def journal(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, list[dict]]:
    data = tmp_path_factory.mktemp("list") / "data"
    services = AppServices(data)
    services.create_vault(PW.strip())
    start = datetime(2024, 1, 1, 9)
    items = [
        (f"Entry «{i}»", f"body {i}", start + timedelta(hours=(i * 37) % 1300),
         ["odd"] if i % 2 else [])
        for i in range(1234)  # more than two pages, dates out of order and repeated
    ]
    services.journal.add_many(items)
    everything = [
        {"id": e.id, "date": e.entry_at.isoformat(), "title": e.title, "tags": e.tags}
        for e in services.journal.list()
    ]
    services.close()
    return data, everything


def _list(data: Path, *args: str) -> list[dict]:
    out = run_cli("journal", "list", "--passphrase-stdin", "--json", *args, stdin=PW,
                  data_dir=data)
    assert out.returncode == 0, out.stderr
    assert out.stdout.count("\n") == 1  # one JSON object on one line
    return list(json.loads(out.stdout)["entries"])


def test_pages_give_the_whole_journal_in_order(journal: tuple[Path, list[dict]]) -> None:
    data, everything = journal
    assert len(everything) == 1234
    assert _list(data) == everything


def test_limit_and_tag(journal: tuple[Path, list[dict]]) -> None:
    data, everything = journal
    assert _list(data, "--limit", "501") == everything[:501]
    assert _list(data, "--limit", "1") == everything[:1]
    odd = [e for e in everything if e["tags"] == ["odd"]]
    assert _list(data, "--tag", "odd") == odd and len(odd) == 617
    assert _list(data, "--tag", "odd", "--limit", "600") == odd[:600]
    assert _list(data, "--tag", "nothing-has-this") == []


def test_human_output(journal: tuple[Path, list[dict]]) -> None:
    data, everything = journal
    out = run_cli("journal", "list", "--passphrase-stdin", "--limit", "700", stdin=PW,
                  data_dir=data)
    assert out.returncode == 0, out.stderr
    lines = out.stdout.splitlines()
    assert lines == [f"{e['id']}  {e['date']}  {e['title']}" for e in everything[:700]]
    none = run_cli("journal", "list", "--passphrase-stdin", "--tag", "zzz", stdin=PW,
                   data_dir=data)
    assert none.stdout == "No entries.\n"


@pytest.mark.parametrize("bad", ["0", "-3"])
def test_bad_limit_is_refused_before_the_passphrase(journal: tuple[Path, list[dict]],
                                                    bad: str) -> None:
    data, _ = journal
    out = run_cli("journal", "list", "--passphrase-stdin", "--limit", bad, stdin="",
                  data_dir=data)
    assert out.returncode == 2 and "--limit" in out.stderr and out.stdout == ""
