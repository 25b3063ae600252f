"""The audit log's hash chain (pure rules): hashes, links, order and the first broken row."""

from __future__ import annotations

import dataclasses
import hashlib
import json

import pytest

from mindspace.core.audit import (
    GENESIS,
    MAX_DETAIL,
    AuditKind,
    AuditRow,
    check_kind,
    next_row,
    row_hash,
    verify_chain,
)
from mindspace.core.errors import ValidationError


def chain(n: int) -> list[AuditRow]:
    rows: list[AuditRow] = []
    for i in range(n):
        rows.append(next_row(rows[-1] if rows else None, f"2026-03-0{i % 9 + 1}T10:00:00+00:00",
                             AuditKind.SHARE_EXPORT, f"to Dr T: {i} mood check-ins"))
    return rows


def test_hash_is_sha256_of_canonical_json() -> None:
    row = next_row(None, "2026-03-01T10:00:00+00:00", "contact.add", "Dr Tess (therapist)")
    body = json.dumps(
        {"seq": 1, "time": row.time, "kind": "contact.add", "detail": "Dr Tess (therapist)",
         "prev_hash": GENESIS},
        sort_keys=True, separators=(",", ":"), ensure_ascii=False,
    ).encode()
    assert row.hash == hashlib.sha256(body).hexdigest()
    assert row.prev_hash == GENESIS and row.seq == 1


def test_rows_link_and_a_whole_chain_verifies() -> None:
    rows = chain(5)
    assert [r.seq for r in rows] == [1, 2, 3, 4, 5]
    assert all(b.prev_hash == a.hash for a, b in zip(rows, rows[1:], strict=False))
    result = verify_chain(rows)
    assert result.ok and result.rows == 5


@pytest.mark.parametrize("field", ["time", "kind", "detail"])
def test_an_edited_field_is_the_first_broken_row(field: str) -> None:
    rows = chain(5)
    rows[2] = dataclasses.replace(rows[2], **{field: "edited"})
    result = verify_chain(rows)
    assert not result.ok and result.first_broken == 3
    assert "changed" in result.reason


def test_an_edited_row_with_a_recomputed_hash_breaks_the_next_link() -> None:
    rows = chain(5)
    r = rows[1]
    new_hash = row_hash(r.seq, r.time, r.kind, "nothing shared", r.prev_hash)
    rows[1] = dataclasses.replace(r, detail="nothing shared", hash=new_hash)
    result = verify_chain(rows)
    assert result.first_broken == 3 and "link" in result.reason


def test_a_missing_and_a_reordered_row_are_found() -> None:
    rows = chain(5)
    missing = verify_chain(rows[:2] + rows[3:])
    assert missing.first_broken == 4 and "missing" in missing.reason
    swapped = verify_chain([rows[0], rows[2], rows[1], rows[3]])
    assert swapped.first_broken == 3


def test_kinds_and_details_are_checked() -> None:
    with pytest.raises(ValidationError, match="unknown audit kind"):
        check_kind("journal.read")
    row = next_row(None, "2026-03-01T10:00:00+00:00", "share.export", "a\nb  " + "x" * 500)
    assert "\n" not in row.detail and len(row.detail) == MAX_DETAIL
