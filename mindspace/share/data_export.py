"""The user's own data as files: one JSON document, or one CSV file per kind in a zip archive,
optionally encrypted with age to a passphrase (scrypt recipient, via pyrage). Pure: data in,
bytes out; writing the file is the caller's job.

The data is a mapping kind -> list of records (dicts of plain values), with the columns of each
kind given by the caller so a kind without records still gets its header. In CSV cells a list
of words is joined with `` | `` and anything nested is written as JSON.
"""

from __future__ import annotations

import csv
import io
import json
import zipfile
from collections.abc import Mapping, Sequence
from datetime import datetime
from typing import Any

FORMAT_NAME = "mindspace-export"
FORMAT_VERSION = 1
Records = Mapping[str, Sequence[Mapping[str, Any]]]


def to_json(data: Records, exported_at: datetime, app_version: str) -> bytes:
    document = {
        "format": FORMAT_NAME,
        "version": FORMAT_VERSION,
        "app_version": app_version,
        "exported_at": exported_at.replace(microsecond=0).isoformat(),
        **{kind: list(records) for kind, records in data.items()},
    }
    return json.dumps(document, ensure_ascii=False, indent=1).encode("utf-8")


def _cell(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, list | tuple) and all(isinstance(v, str) for v in value):
        return " | ".join(value)
    if isinstance(value, dict | list | tuple):
        return json.dumps(value, ensure_ascii=False, separators=(",", ":"))
    return str(value)


def to_csv_zip(
    data: Records, columns: Mapping[str, Sequence[str]], exported_at: datetime, readme: str
) -> bytes:
    """A zip archive with ``<kind>.csv`` (UTF-8, header row, RFC 4180 quoting) per kind and a
    README.txt that says what the columns mean."""
    stamp = exported_at.timetuple()[:6]
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as archive:
        for kind, names in columns.items():
            text = io.StringIO()
            writer = csv.writer(text, lineterminator="\r\n")
            writer.writerow(names)
            for record in data.get(kind, ()):
                writer.writerow([_cell(record.get(name)) for name in names])
            info = zipfile.ZipInfo(f"{kind}.csv", date_time=stamp)
            info.compress_type = zipfile.ZIP_DEFLATED
            archive.writestr(info, text.getvalue().encode("utf-8"))
        info = zipfile.ZipInfo("README.txt", date_time=stamp)
        archive.writestr(info, readme.encode("utf-8"))
    return out.getvalue()


def encrypt_to_passphrase(data: bytes, passphrase: str) -> bytes:
    """age v1 (scrypt recipient) ciphertext of `data`; `age -d` or pyrage opens it."""
    from pyrage import passphrase as age_passphrase

    return bytes(age_passphrase.encrypt(data, passphrase))


def decrypt_with_passphrase(data: bytes, passphrase: str) -> bytes:
    from pyrage import passphrase as age_passphrase

    return bytes(age_passphrase.decrypt(data, passphrase))
