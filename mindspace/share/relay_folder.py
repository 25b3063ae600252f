"""A relay in a plain folder (Syncthing, Dropbox, a network share, a USB stick).

Files are written under a temporary name and then hard-linked (or, where links are not
supported, exclusively created) under their final name, so readers never see half a file and
nothing is ever overwritten. Blocking I/O; `RelayError` on failure.
"""

from __future__ import annotations

import os
from pathlib import Path

from mindspace.share.relay_base import NAME_RE, RelayError, RelayNotFoundError, check_name


class FolderRelay:
    def __init__(self, folder: Path) -> None:
        self.folder = Path(folder)

    def describe(self) -> str:
        return f"folder {self.folder}"

    def _ensure(self) -> None:
        try:
            self.folder.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            raise RelayError(
                f"cannot use the relay folder {self.folder}: {exc.strerror or exc}"
            ) from None

    def list(self) -> list[str]:
        self._ensure()
        try:
            return sorted(n for n in os.listdir(self.folder) if NAME_RE.match(n))
        except OSError as exc:
            raise RelayError(f"cannot list the relay folder: {exc.strerror or exc}") from None

    def get(self, name: str, limit: int) -> bytes:
        path = self.folder / check_name(name)
        try:
            with path.open("rb") as handle:
                data = handle.read(limit + 1)
        except FileNotFoundError:
            raise RelayNotFoundError(f"{name} is no longer in the relay folder") from None
        except OSError as exc:
            raise RelayError(
                f"cannot read {name} from the relay folder: {exc.strerror or exc}"
            ) from None
        if len(data) > limit:
            raise RelayError(f"{name} in the relay folder is larger than any valid envelope")
        return data

    def put(self, name: str, data: bytes) -> None:
        self._ensure()
        final = self.folder / check_name(name)
        tmp = self.folder / f".{name}.{os.getpid()}.part"
        try:
            with tmp.open("wb") as handle:
                handle.write(data)
                handle.flush()
                os.fsync(handle.fileno())
            try:
                os.link(tmp, final)
            except FileExistsError:
                raise RelayError(f"{name} already exists in the relay folder") from None
            except OSError:  # file systems without hard links
                with final.open("xb") as handle:
                    handle.write(data)
                    handle.flush()
                    os.fsync(handle.fileno())
        except FileExistsError:
            raise RelayError(f"{name} already exists in the relay folder") from None
        except OSError as exc:
            raise RelayError(f"cannot write to the relay folder: {exc.strerror or exc}") from None
        finally:
            tmp.unlink(missing_ok=True)

    def delete(self, name: str) -> None:
        try:
            (self.folder / check_name(name)).unlink(missing_ok=True)
        except OSError as exc:
            raise RelayError(
                f"cannot delete {name} from the relay folder: {exc.strerror or exc}"
            ) from None
