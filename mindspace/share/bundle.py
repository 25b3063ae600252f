"""Export bundles, format version 1 (specified in docs/bundle-format.md).

Plaintext container (only ever exists inside the age encryption):

    "MSBNDL\\0\\1" | manifest length (u32 BE) | manifest (canonical JSON) | Ed25519 signature (64)
    | item bytes in manifest order | zero padding up to the size bucket

The signature covers exactly the manifest bytes; the manifest lists every item with its
length and SHA-256. The whole container is age-encrypted to the recipients' X25519 keys, so a
carrier sees only a padded size.

`open_bundle` checks, in this order, stopping at the first failure with a `BundleError` whose
`reason` is one of `REASONS`: decrypts for me -> signature valid -> signer is a known verified
contact (callback) -> I am a listed recipient -> every item's length and hash match (and the
padding is clean). Parsers enforce the `MAX_*` limits. Pure functions, any thread.
"""

from __future__ import annotations

import hashlib
import json
import re
import uuid
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import Any

from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PublicKey

from mindspace.core.errors import UserError
from mindspace.core.rules import utc_now
from mindspace.share import age_format as age
from mindspace.share.identity import Identity

FORMAT = "mindspace-bundle"
FORMAT_VERSION = 1
MAGIC = b"MSBNDL\x00\x01"
SIGNATURE_SIZE = 64
MIN_BUCKET = 32 * 1024
MAX_MANIFEST = 4 * 1024 * 1024
MAX_ITEMS = 20_000
MAX_ITEM = 128 * 1024 * 1024
MAX_PLAINTEXT = 256 * 1024 * 1024
MAX_CIPHERTEXT = age.encrypted_size(MAX_PLAINTEXT, 1) + 16 * 1024
KINDS = ("share", "envelope", "ack", "research")
_HEX64 = re.compile(r"^[0-9a-f]{64}$")
_HEX32 = re.compile(r"^[0-9a-f]{32}$")
_TYPE = re.compile(r"^[a-z][a-z0-9_]{0,31}$")

REASONS = {
    "not_for_me": "not for me",
    "corrupted": "corrupted",
    "unsupported": "unsupported",
    "bad_signature": "bad signature",
    "unknown_sender": "unknown sender",
    "not_recipient": "not a listed recipient",
    "replayed": "replayed",
    "too_large": "too large",
}

# the command line's exit code per reason (see `mindspace share --help`)
EXIT_CODES = {"not_for_me": 10, "corrupted": 11, "bad_signature": 12, "unknown_sender": 13,
              "not_recipient": 14, "replayed": 15, "unsupported": 16, "too_large": 17}


class BundleError(UserError):
    """A bundle that must not be imported. `str()` is one line starting with the reason;
    `exit_code` is the command line's code for that reason."""

    def __init__(self, reason: str, detail: str) -> None:
        super().__init__(f"{REASONS[reason]}: {detail}")
        self.reason = reason
        self.detail = detail
        self.exit_code = EXIT_CODES[reason]


@dataclass(frozen=True)
class Party:
    name: str
    sign_public: bytes
    enc_public: bytes

    def to_json(self) -> dict[str, str]:
        return {
            "name": self.name,
            "sign_key": self.sign_public.hex(),
            "enc_key": self.enc_public.hex(),
        }


@dataclass(frozen=True)
class Item:
    """One shared record: `data` is the exact bytes that travel (JSON, CSV, PDF or audio)."""

    type: str
    id: str
    revision: str
    data: bytes
    media_type: str = "application/json"
    version: int = 1
    date: str | None = None

    def entry(self) -> dict[str, Any]:
        out: dict[str, Any] = {
            "type": self.type,
            "id": self.id,
            "version": self.version,
            "revision": self.revision,
            "media_type": self.media_type,
            "length": len(self.data),
            "sha256": hashlib.sha256(self.data).hexdigest(),
        }
        if self.date:
            out["date"] = self.date
        return out


@dataclass
class SealedBundle:
    bundle_id: str
    manifest: dict[str, Any]
    manifest_bytes: bytes
    ciphertext: bytes
    plaintext_size: int
    padded_size: int

    @property
    def manifest_hash(self) -> str:
        return hashlib.sha256(self.manifest_bytes).hexdigest()


@dataclass
class OpenedBundle:
    manifest: dict[str, Any]
    manifest_bytes: bytes
    sender: Party
    sender_device: str
    items: list[Item] = field(default_factory=list)

    @property
    def bundle_id(self) -> str:
        return str(self.manifest["bundle_id"])

    @property
    def kind(self) -> str:
        return str(self.manifest["kind"])

    @property
    def created_at(self) -> str:
        return str(self.manifest["created_at"])

    @property
    def manifest_hash(self) -> str:
        return hashlib.sha256(self.manifest_bytes).hexdigest()


def bucket_size(size: int) -> int:
    """The padded size: the next power of two, at least `MIN_BUCKET`."""
    bucket = MIN_BUCKET
    while bucket < size:
        bucket *= 2
    return bucket


def canonical_json(obj: Any) -> bytes:
    return json.dumps(obj, sort_keys=True, separators=(",", ":"), ensure_ascii=False).encode(
        "utf-8"
    )


def make_manifest(
    sender: Identity,
    recipients: Sequence[Party],
    items: Sequence[Item],
    kind: str = "share",
    extra: dict[str, Any] | None = None,
    bundle_id: str | None = None,
    created_at: str | None = None,
) -> bytes:
    if kind not in KINDS:
        raise ValueError(f"unknown bundle kind {kind}")
    if len(items) > MAX_ITEMS:
        raise ValueError(f"at most {MAX_ITEMS} items fit in one bundle")
    manifest: dict[str, Any] = {
        "format": FORMAT,
        "format_version": FORMAT_VERSION,
        "kind": kind,
        "bundle_id": bundle_id or uuid.uuid4().hex,
        "created_at": created_at or utc_now(),
        "sender": {
            "name": sender.display_name,
            "sign_key": sender.sign_public.hex(),
            "enc_key": sender.enc_public.hex(),
            "device_id": sender.device_id,
        },
        "recipients": [r.to_json() for r in recipients],
        "items": [item.entry() for item in items],
    }
    if extra:
        manifest.update(extra)
    return canonical_json(manifest)


def container_size(manifest_bytes: bytes, items: Sequence[Item]) -> int:
    return len(MAGIC) + 4 + len(manifest_bytes) + SIGNATURE_SIZE + sum(len(i.data) for i in items)


def seal(
    sender: Identity, recipients: Sequence[Party], items: Sequence[Item], manifest_bytes: bytes
) -> SealedBundle:
    """Sign the manifest, pack, pad and encrypt to every recipient."""
    if not recipients:
        raise ValueError("a bundle needs at least one recipient")
    used = container_size(manifest_bytes, items)
    if used > MAX_PLAINTEXT:
        raise BundleError(
            "too_large", f"the selection is {used} bytes; the limit is {MAX_PLAINTEXT}"
        )
    signature = sender.sign(manifest_bytes)
    body = b"".join(
        [MAGIC, len(manifest_bytes).to_bytes(4, "big"), manifest_bytes, signature]
        + [i.data for i in items]
    )
    padded = body + bytes(bucket_size(len(body)) - len(body))
    ciphertext = age.encrypt(padded, [r.enc_public for r in recipients])
    manifest = json.loads(manifest_bytes)
    return SealedBundle(
        manifest["bundle_id"], manifest, manifest_bytes, ciphertext, used, len(padded)
    )


# ---- opening ---------------------------------------------------------------------------------
def _no_duplicates(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    out: dict[str, Any] = {}
    for key, value in pairs:
        if key in out:
            raise ValueError(f"duplicate key {key!r}")
        out[key] = value
    return out


def strict_json(data: bytes) -> Any:
    """Parse UTF-8 JSON rejecting duplicate keys (ValueError on anything malformed)."""
    try:
        return json.loads(data.decode("utf-8"), object_pairs_hook=_no_duplicates)
    except (UnicodeDecodeError, RecursionError) as exc:
        raise ValueError(str(exc)) from None


def _key(obj: Any, name: str) -> bytes:
    value = obj.get(name) if isinstance(obj, dict) else None
    if not isinstance(value, str) or not _HEX64.match(value):
        raise BundleError("corrupted", f"the manifest has no valid {name}")
    return bytes.fromhex(value)


def _party(obj: Any) -> Party:
    name = obj.get("name") if isinstance(obj, dict) else None
    if not isinstance(name, str) or not 0 < len(name) <= 200:
        raise BundleError("corrupted", "the manifest names a party without a valid name")
    return Party(name, _key(obj, "sign_key"), _key(obj, "enc_key"))


def _check_items(entries: Any) -> list[dict[str, Any]]:
    if not isinstance(entries, list) or len(entries) > MAX_ITEMS:
        raise BundleError("corrupted", "the manifest's item list is malformed or too long")
    seen: set[tuple[str, str]] = set()
    for entry in entries:
        ok = (
            isinstance(entry, dict)
            and isinstance(entry.get("type"), str)
            and _TYPE.match(entry["type"])
            and isinstance(entry.get("id"), str)
            and 0 < len(entry["id"]) <= 128
            and isinstance(entry.get("version"), int)
            and isinstance(entry.get("revision"), str)
            and len(entry["revision"]) <= 64
            and isinstance(entry.get("media_type"), str)
            and isinstance(entry.get("length"), int)
            and not isinstance(entry.get("length"), bool)
            and 0 <= entry["length"] <= MAX_ITEM
            and isinstance(entry.get("sha256"), str)
            and _HEX64.match(entry["sha256"])
            and (entry.get("date") is None or isinstance(entry.get("date"), str))
        )
        if not ok:
            raise BundleError("corrupted", "the manifest lists a malformed item")
        key = (entry["type"], entry["id"])
        if key in seen:
            raise BundleError("corrupted", "the manifest lists the same item twice")
        seen.add(key)
    return entries


def open_bundle(
    data: bytes,
    me: Identity,
    check_sender: Callable[[Party, str], None],
) -> OpenedBundle:
    """Decrypt and verify a bundle; returns it only if every check passed.

    `check_sender(party, device_id)` must raise `BundleError("unknown_sender", ...)` unless the
    signer is a known, verified contact whose keys match the manifest.
    """
    if len(data) > MAX_CIPHERTEXT:
        raise BundleError("too_large", f"the file is larger than the {MAX_PLAINTEXT} byte limit")
    try:
        plain = age.decrypt(data, [me.enc_private], max_plaintext=MAX_PLAINTEXT)
    except age.AgeNoMatchError:
        raise BundleError("not_for_me", "this bundle was not encrypted to your identity") from None
    except age.AgeError as exc:
        raise BundleError("corrupted", f"the encryption layer is damaged ({exc})") from None
    if len(plain) < len(MAGIC) + 4 + SIGNATURE_SIZE or not plain.startswith(MAGIC):
        raise BundleError("corrupted", "this is not a MindSpace bundle (bad magic)")
    size = int.from_bytes(plain[len(MAGIC) : len(MAGIC) + 4], "big")
    start = len(MAGIC) + 4
    if size > MAX_MANIFEST or start + size + SIGNATURE_SIZE > len(plain):
        raise BundleError("corrupted", "the manifest length is out of bounds")
    manifest_bytes = plain[start : start + size]
    signature = plain[start + size : start + size + SIGNATURE_SIZE]
    try:
        manifest = strict_json(manifest_bytes)
    except ValueError:
        raise BundleError("corrupted", "the manifest is not valid JSON") from None
    if not isinstance(manifest, dict):
        raise BundleError("corrupted", "the manifest is not a JSON object")
    sender_obj = manifest.get("sender")
    sign_key = _key(sender_obj, "sign_key")
    try:
        Ed25519PublicKey.from_public_bytes(sign_key).verify(signature, manifest_bytes)
    except (InvalidSignature, ValueError):
        raise BundleError("bad_signature", "the signature does not match the manifest") from None
    # the signature holds: everything below was written by the holder of sign_key
    if manifest.get("format") != FORMAT:
        raise BundleError("corrupted", "the manifest is not a MindSpace bundle manifest")
    if manifest.get("format_version") != FORMAT_VERSION:
        raise BundleError(
            "unsupported",
            f"bundle format version {manifest.get('format_version')!r} is not supported;"
            " update MindSpace",
        )
    if manifest.get("kind") not in KINDS:
        raise BundleError("corrupted", "the manifest has an unknown kind")
    if not isinstance(manifest.get("bundle_id"), str) or not _HEX32.match(manifest["bundle_id"]):
        raise BundleError("corrupted", "the manifest has no valid bundle id")
    if not isinstance(manifest.get("created_at"), str) or len(manifest["created_at"]) > 40:
        raise BundleError("corrupted", "the manifest has no valid creation time")
    sender = _party(sender_obj)
    device = sender_obj.get("device_id") if isinstance(sender_obj, dict) else None
    if not isinstance(device, str) or not _HEX32.match(device):
        raise BundleError("corrupted", "the manifest has no valid sender device")
    recipients_obj = manifest.get("recipients")
    if not isinstance(recipients_obj, list) or not 0 < len(recipients_obj) <= 64:
        raise BundleError("corrupted", "the manifest has no valid recipient list")
    recipients = [_party(r) for r in recipients_obj]
    entries = _check_items(manifest.get("items"))

    check_sender(sender, device)

    if not any(
        r.sign_public == me.sign_public and r.enc_public == me.enc_public for r in recipients
    ):
        raise BundleError(
            "not_recipient",
            f"{sender.name} did not address this bundle to you (it was forwarded or misdirected)",
        )

    items: list[Item] = []
    offset = start + size + SIGNATURE_SIZE
    for entry in entries:
        end = offset + entry["length"]
        if end > len(plain):
            raise BundleError("corrupted", "an item is truncated")
        chunk = plain[offset:end]
        if hashlib.sha256(chunk).hexdigest() != entry["sha256"]:
            raise BundleError(
                "corrupted", f"item {entry['type']} {entry['id']} does not match its hash"
            )
        items.append(
            Item(
                entry["type"],
                entry["id"],
                entry["revision"],
                chunk,
                entry["media_type"],
                entry["version"],
                entry.get("date"),
            )
        )
        offset = end
    if len(plain) != bucket_size(offset) or plain.count(0, offset) != len(plain) - offset:
        raise BundleError("corrupted", "the padding is not clean")
    return OpenedBundle(manifest, manifest_bytes, sender, device, items)
