"""The WebDAV relay client against a real wsgidav server on 127.0.0.1."""

from __future__ import annotations

from pathlib import Path

import pytest

from mindspace.share.relay_base import RelayError, RelayNotFoundError, new_name
from mindspace.share.relay_webdav import WebDavRelay
from tests.share.conftest import WEBDAV_PASSWORD, WEBDAV_USER


def test_put_list_get_delete(webdav_server: tuple[str, Path]) -> None:
    url, root = webdav_server
    relay = WebDavRelay(url, WEBDAV_USER, WEBDAV_PASSWORD)
    assert relay.list() == []  # creates the collection
    name = new_name()
    relay.put(name, b"\x00\x01payload")
    assert relay.list() == [name]
    assert (root / "mindspace-relay" / name).read_bytes() == b"\x00\x01payload"
    assert relay.get(name, 1000) == b"\x00\x01payload"
    with pytest.raises(RelayError, match="already exists"):
        relay.put(name, b"other")  # immutable
    assert relay.get(name, 1000) == b"\x00\x01payload"
    with pytest.raises(RelayError, match="more data"):
        relay.get(name, 3)
    relay.delete(name)
    relay.delete(name)  # deleting twice is fine
    assert relay.list() == []
    with pytest.raises(RelayNotFoundError):
        relay.get(name, 1000)


def test_wrong_password_and_unreachable(webdav_server: tuple[str, Path]) -> None:
    url, _ = webdav_server
    with pytest.raises(RelayError, match="user name or password") as info:
        WebDavRelay(url, WEBDAV_USER, "wrong").list()
    assert "wrong" not in str(info.value)
    with pytest.raises(RelayError, match="cannot reach"):
        WebDavRelay("http://127.0.0.1:9/x/", WEBDAV_USER, "pw", timeout=2).list()
    with pytest.raises(RelayError):
        WebDavRelay("ftp://example.org/x")


def test_other_files_are_ignored(webdav_server: tuple[str, Path]) -> None:
    url, root = webdav_server
    relay = WebDavRelay(url, WEBDAV_USER, WEBDAV_PASSWORD)
    relay.list()
    (root / "mindspace-relay" / "notes.txt").write_text("not ours")
    assert relay.list() == []
    with pytest.raises(RelayError):
        relay.get("../notes.txt", 100)
