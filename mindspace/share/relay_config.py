"""The relay choice as a small JSON-able dict, and the relay it names.

`{"type": "folder", "folder": "/abs/path"}` or `{"type": "webdav", "url": ..., "user": ...,
"password": ...}`. The app keeps it inside the vault's settings (`SETTING`); `public` strips the
password before it is shown anywhere. Errors: `RelayError` (one line).
"""

from __future__ import annotations

from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

from mindspace.share.relay_base import Relay, RelayError

SETTING = "share.relay"
RelayConfig = dict[str, Any]


def public(config: RelayConfig | None) -> RelayConfig | None:
    """The configuration without its password (None if not configured)."""
    if not config:
        return None
    return {k: v for k, v in config.items() if k != "password"}


LOOPBACK = frozenset({"127.0.0.1", "::1", "localhost"})


def check_transport(url: str | None, user: str | None, allow_insecure_http: bool = False) -> None:
    """Refuse to send a WebDAV password over plain http:// to another computer.

    Plain http:// is fine without a user (the envelopes are encrypted anyway) and to this
    computer (127.0.0.1, ::1, localhost); otherwise it needs `allow_insecure_http`.
    """
    if not url or not user or allow_insecure_http:
        return
    parsed = urlsplit(url)
    if parsed.scheme.lower() == "http" and (parsed.hostname or "").lower() not in LOOPBACK:
        raise RelayError(
            f"refusing to send the WebDAV password unencrypted to {parsed.hostname}: use an"
            " https:// address (or --allow-insecure-http if you accept that anyone on the"
            " network can read the password)"
        )


def make_config(
    folder: str | None,
    url: str | None,
    user: str | None,
    password: str | None,
    allow_insecure_http: bool = False,
) -> RelayConfig:
    """Check and build a configuration: exactly one of a folder or a WebDAV address."""
    if bool(folder) == bool(url):
        raise RelayError("choose exactly one relay: a folder or a WebDAV address")
    check_transport(url, user, allow_insecure_http)
    if folder:
        return {"type": "folder", "folder": str(Path(folder).expanduser().absolute())}
    from mindspace.share.relay_webdav import WebDavRelay

    WebDavRelay(str(url), user, password)  # validates the address
    return {"type": "webdav", "url": url, "user": user, "password": password}


def relay_from_config(config: RelayConfig | None) -> Relay:
    if not config:
        raise RelayError("no sync relay is configured (share relay set --folder or --webdav)")
    if config.get("type") == "folder":
        from mindspace.share.relay_folder import FolderRelay

        return FolderRelay(Path(config["folder"]))
    from mindspace.share.relay_webdav import WebDavRelay

    return WebDavRelay(config["url"], config.get("user"), config.get("password"))
