"""A relay on a WebDAV collection (Nextcloud, ownCloud, Apache mod_dav, wsgidav...).

This is the only code in MindSpace that opens network connections, and only to the host of the
URL the user configured (no redirects are followed, no other host is ever contacted). It uses
the standard library's `http.client` with certificate verification for https. Methods block
(timeout `timeout` seconds per request); failures raise `RelayError` with a one-line message
that never contains the password.
"""

from __future__ import annotations

import base64
import http.client
import ssl
import xml.etree.ElementTree as ET
from urllib.parse import quote, unquote, urlsplit

from mindspace.share.relay_base import NAME_RE, RelayError, RelayNotFoundError, check_name

MAX_LISTING = 8 * 1024 * 1024
_PROPFIND = (
    b'<?xml version="1.0" encoding="utf-8"?>'
    b'<d:propfind xmlns:d="DAV:"><d:prop><d:resourcetype/></d:prop></d:propfind>'
)


class WebDavRelay:
    def __init__(
        self, url: str, user: str | None = None, password: str | None = None, timeout: float = 30
    ) -> None:
        parts = urlsplit(url)
        if parts.scheme not in ("http", "https") or not parts.hostname:
            raise RelayError("the WebDAV address must start with https:// (or http://)")
        if parts.query or parts.fragment:
            raise RelayError("the WebDAV address must not contain ? or #")
        self.url = url
        self.scheme = parts.scheme
        self.host = parts.hostname
        self.port = parts.port
        path = parts.path or "/"
        self.base = path if path.endswith("/") else path + "/"
        self.timeout = timeout
        self._auth = None
        if user is not None:
            token = base64.b64encode(f"{user}:{password or ''}".encode()).decode("ascii")
            self._auth = f"Basic {token}"

    def describe(self) -> str:
        port = f":{self.port}" if self.port else ""
        return f"WebDAV {self.scheme}://{self.host}{port}{self.base}"

    def _connection(self) -> http.client.HTTPConnection:
        if self.scheme == "https":
            return http.client.HTTPSConnection(
                self.host, self.port, timeout=self.timeout, context=ssl.create_default_context()
            )
        return http.client.HTTPConnection(self.host, self.port, timeout=self.timeout)

    def _request(
        self,
        method: str,
        path: str,
        body: bytes | None = None,
        headers: dict[str, str] | None = None,
        limit: int = MAX_LISTING,
    ) -> tuple[int, bytes]:
        all_headers = {"User-Agent": "MindSpace-relay", **(headers or {})}
        if self._auth:
            all_headers["Authorization"] = self._auth
        if body is not None:
            all_headers["Content-Length"] = str(len(body))
        conn = self._connection()
        try:
            conn.request(method, path, body=body, headers=all_headers)
            response = conn.getresponse()
            data = response.read(limit + 1)
            status = response.status
        except (OSError, http.client.HTTPException) as exc:
            raise RelayError(f"cannot reach the WebDAV relay at {self.host}: {exc}") from None
        finally:
            conn.close()
        if len(data) > limit:
            raise RelayError("the WebDAV relay sent more data than expected")
        if status in (401, 403):
            raise RelayError("the WebDAV relay refused the user name or password")
        return status, data

    def _path(self, name: str) -> str:
        return quote(self.base) + check_name(name)

    def list(self) -> list[str]:
        status, data = self._request(
            "PROPFIND",
            quote(self.base),
            _PROPFIND,
            {"Depth": "1", "Content-Type": "application/xml; charset=utf-8"},
        )
        if status == 404:
            created, _ = self._request("MKCOL", quote(self.base))
            if created not in (200, 201):
                raise RelayError(
                    f"the WebDAV folder does not exist and could not be created ({created})"
                )
            return []
        if status != 207:
            raise RelayError(f"the WebDAV relay answered {status} when listing the folder")
        if b"<!DOCTYPE" in data or b"<!ENTITY" in data:
            raise RelayError("the WebDAV relay sent an unexpected listing")
        try:
            root = ET.fromstring(data)
        except ET.ParseError:
            raise RelayError("the WebDAV relay sent a listing that is not valid XML") from None
        names = []
        for href in root.iter("{DAV:}href"):
            text = unquote((href.text or "").strip())
            name = text.rstrip("/").rsplit("/", 1)[-1]
            if NAME_RE.match(name):
                names.append(name)
        return sorted(set(names))

    def get(self, name: str, limit: int) -> bytes:
        status, data = self._request("GET", self._path(name), limit=limit)
        if status == 404:
            raise RelayNotFoundError(f"{name} is no longer on the WebDAV relay")
        if status != 200:
            raise RelayError(f"the WebDAV relay answered {status} when reading {name}")
        return data

    def put(self, name: str, data: bytes) -> None:
        status, _ = self._request(
            "PUT",
            self._path(name),
            data,
            {"If-None-Match": "*", "Content-Type": "application/octet-stream"},
        )
        if status == 412:
            raise RelayError(f"{name} already exists on the WebDAV relay")
        if status not in (200, 201, 204):
            raise RelayError(f"the WebDAV relay answered {status} when storing {name}")

    def delete(self, name: str) -> None:
        status, _ = self._request("DELETE", self._path(name))
        if status not in (200, 204, 404):
            raise RelayError(f"the WebDAV relay answered {status} when deleting {name}")
