"""Contact cards: my public identity as a file, a short text code and a QR code.

A card holds a display name, a role hint and the two public identity keys (Ed25519 for
signatures, X25519 for encryption). It carries no secret. Three interchangeable forms:

* file (`.mscard`): one JSON object, `{"type": "mindspace-contact", "version": 1, ...}`;
* text code: `MS1-` then RFC 4648 base32 of (version byte, both keys, the name in UTF-8 up to
  48 bytes, a 4-byte SHA-256 checksum), in dash-separated groups of five;
* QR code (via `segno`): the text code, so a scan gives both keys.

Parsing is strict and size-limited; `CardError` has a one-line message for the user.
"""

from __future__ import annotations

import base64
import hashlib
import io
import json
from dataclasses import dataclass
from pathlib import Path

from mindspace.core.errors import ValidationError

CARD_TYPE = "mindspace-contact"
CARD_VERSION = 1
CODE_PREFIX = "MS1-"
MAX_CARD_BYTES = 64 * 1024
MAX_NAME_BYTES = 48
ROLES = ("patient", "therapist", "contact", "study")  # the code stores the index


class CardError(ValidationError):
    """Not a valid MindSpace contact card (message names what is wrong)."""


def clean_name(name: str) -> str:
    name = " ".join(str(name).split())
    raw = name.encode("utf-8")[:MAX_NAME_BYTES]
    name = raw.decode("utf-8", "ignore").strip()
    if not name:
        raise CardError("the contact card has no name")
    return name


@dataclass(frozen=True)
class ContactCard:
    name: str
    sign_public: bytes
    enc_public: bytes
    role: str = "contact"

    def __post_init__(self) -> None:
        if len(self.sign_public) != 32 or len(self.enc_public) != 32:
            raise CardError("the contact card's keys have the wrong length")
        if self.role not in ROLES:
            raise CardError(f"unknown role {self.role!r} in the contact card")

    # ---- JSON file --------------------------------------------------------------------------
    def to_json(self) -> dict[str, object]:
        return {
            "type": CARD_TYPE,
            "version": CARD_VERSION,
            "name": self.name,
            "role": self.role,
            "sign_key": self.sign_public.hex(),
            "enc_key": self.enc_public.hex(),
        }

    def to_file_bytes(self) -> bytes:
        return (json.dumps(self.to_json(), ensure_ascii=False, indent=2) + "\n").encode("utf-8")

    @classmethod
    def from_json(cls, obj: object) -> ContactCard:
        if not isinstance(obj, dict) or obj.get("type") != CARD_TYPE:
            raise CardError("this is not a MindSpace contact card")
        if obj.get("version") != CARD_VERSION:
            raise CardError(f"unsupported contact card version {obj.get('version')!r}")
        try:
            sign = bytes.fromhex(str(obj["sign_key"]))
            enc = bytes.fromhex(str(obj["enc_key"]))
        except (KeyError, ValueError):
            raise CardError("the contact card's keys are missing or malformed") from None
        role = obj.get("role", "contact")
        return cls(clean_name(str(obj.get("name", ""))), sign, enc, str(role))

    # ---- text code ----------------------------------------------------------------------------
    def to_code(self) -> str:
        role_byte = ROLES.index(self.role)
        payload = (
            bytes([CARD_VERSION, role_byte])
            + self.sign_public
            + self.enc_public
            + clean_name(self.name).encode("utf-8")
        )
        payload += hashlib.sha256(payload).digest()[:4]
        text = base64.b32encode(payload).decode("ascii").rstrip("=")
        return CODE_PREFIX + "-".join(text[i : i + 5] for i in range(0, len(text), 5))

    @classmethod
    def from_code(cls, code: str) -> ContactCard:
        text = "".join(code.split()).upper()
        if not text.startswith(CODE_PREFIX):
            raise CardError("this is not a MindSpace contact code (it should start with MS1-)")
        text = text[len(CODE_PREFIX) :].replace("-", "")
        if len(text) > 400:
            raise CardError("the contact code is too long")
        try:
            payload = base64.b32decode(text + "=" * (-len(text) % 8))
        except ValueError:
            raise CardError("the contact code contains characters that do not belong") from None
        if len(payload) < 2 + 64 + 1 + 4:
            raise CardError("the contact code is too short: some characters are missing")
        body, check = payload[:-4], payload[-4:]
        if hashlib.sha256(body).digest()[:4] != check:
            raise CardError("the contact code has a typo (its checksum does not match)")
        if body[0] != CARD_VERSION or body[1] >= len(ROLES):
            raise CardError("unsupported contact code version")
        try:
            name = body[66:].decode("utf-8")
        except UnicodeDecodeError:
            raise CardError("the contact code's name is not valid text") from None
        return cls(clean_name(name), body[2:34], body[34:66], ROLES[body[1]])

    # ---- QR -----------------------------------------------------------------------------------
    def qr_png(self, scale: int = 6) -> bytes:
        """PNG image of a QR code holding the text code (both keys and the name)."""
        import segno

        buffer = io.BytesIO()
        segno.make(self.to_code(), error="m").save(buffer, kind="png", scale=scale, border=4)
        return buffer.getvalue()


def parse_card_bytes(data: bytes) -> ContactCard:
    """A card from a file's bytes: the JSON form or a text code."""
    if len(data) > MAX_CARD_BYTES:
        raise CardError("the contact card file is too large")
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise CardError(
            "the contact card is not text (expected a .mscard file or a code)"
        ) from None
    stripped = text.strip()
    if stripped.startswith("{"):
        try:
            obj = json.loads(stripped)
        except ValueError:
            raise CardError("the contact card file is damaged (not valid JSON)") from None
        return ContactCard.from_json(obj)
    return ContactCard.from_code(stripped)


def read_card_file(path: Path) -> ContactCard:
    try:
        with path.open("rb") as handle:
            data = handle.read(MAX_CARD_BYTES + 1)
    except OSError as exc:
        raise CardError(f"cannot read the contact card {path}: {exc.strerror or exc}") from None
    return parse_card_bytes(data)
