"""Key hierarchy: passphrase / recovery code -> Argon2id KEK -> wrapped data root key (DRK).

The key file (`keyfile.json`) holds two wraps of the same random 32-byte DRK, each with
ChaCha20-Poly1305. The associated data of each wrap is the canonical JSON of the vault id, the
format version and that wrap's KDF parameters, so editing the parameters breaks decryption.
Parameters below the floor (64 MiB, t=3) are refused before any derivation.
Derivation is CPU-bound (~0.3-1 s); callers run it off the GUI thread.
"""

from __future__ import annotations

import base64
import json
import os
import secrets
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Any

from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.ciphers.aead import ChaCha20Poly1305
from cryptography.hazmat.primitives.kdf.argon2 import Argon2id
from cryptography.hazmat.primitives.kdf.hkdf import HKDF

from mindspace.storage.errors import KeyFileError, WrongPassphraseError
from mindspace.storage.files import private_write

FORMAT = "mindspace-keyfile"
FORMAT_VERSION = 1
MIN_MEMORY_KIB = 64 * 1024
MIN_ITERATIONS = 3
DEFAULT_LANES = 4
MAX_MEMORY_KIB = 1024 * 1024
RECOVERY_ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ"  # Crockford base32: no I, L, O, U
RECOVERY_GROUPS = 6  # 6 groups of 5 symbols = 150 bits, of which 128 are random + 22 check bits


def _b64(data: bytes) -> str:
    return base64.b64encode(data).decode("ascii")


def _unb64(text: str) -> bytes:
    return base64.b64decode(text.encode("ascii"), validate=True)


@dataclass(frozen=True)
class KdfParams:
    memory_kib: int
    iterations: int
    lanes: int
    salt: bytes

    def check_floor(self) -> None:
        if self.memory_kib < MIN_MEMORY_KIB or self.iterations < MIN_ITERATIONS or self.lanes < 1:
            raise KeyFileError(
                "the key file asks for key-derivation settings below the safety floor; refusing it"
            )
        if self.memory_kib > 4 * MAX_MEMORY_KIB or self.iterations > 64 or len(self.salt) < 16:
            raise KeyFileError("the key file's key-derivation settings are not plausible")

    def derive(self, secret: bytes) -> bytes:
        self.check_floor()
        kdf = Argon2id(
            salt=self.salt,
            length=32,
            iterations=self.iterations,
            lanes=self.lanes,
            memory_cost=self.memory_kib,
        )
        return kdf.derive(secret)

    def to_json(self) -> dict[str, Any]:
        return {
            "alg": "argon2id",
            "memory_kib": self.memory_kib,
            "iterations": self.iterations,
            "lanes": self.lanes,
            "salt": _b64(self.salt),
        }

    @classmethod
    def from_json(cls, obj: dict[str, Any]) -> KdfParams:
        try:
            if obj["alg"] != "argon2id":
                raise KeyFileError("the key file uses an unknown key-derivation function")
            return cls(
                memory_kib=int(obj["memory_kib"]),
                iterations=int(obj["iterations"]),
                lanes=int(obj["lanes"]),
                salt=_unb64(obj["salt"]),
            )
        except (KeyError, TypeError, ValueError) as exc:
            raise KeyFileError("the key file is damaged (KDF settings unreadable)") from exc


# Fixed Argon2id settings for every new wrap, chosen for a 2-core laptop: one derivation took
# 0.6-0.8 s on a busy 2-core machine (docs/benchmarks.md). They do not depend on
# how loaded the machine is at the moment a vault is made (a time-calibrated choice fell to the
# floor under load). Key files made with other settings keep working and are rewrapped with
# these at the next passphrase change.
STANDARD_MEMORY_KIB = 128 * 1024
STANDARD_ITERATIONS = 3


def standard_params() -> KdfParams:
    """The settings for a new wrap (fresh salt). Tests may ask for the floor instead with
    MINDSPACE_KDF_CALIBRATE=0 (faster; never used by the app)."""
    if os.environ.get("MINDSPACE_KDF_CALIBRATE", "1") == "0":
        return KdfParams(MIN_MEMORY_KIB, MIN_ITERATIONS, DEFAULT_LANES, secrets.token_bytes(16))
    return KdfParams(STANDARD_MEMORY_KIB, STANDARD_ITERATIONS, DEFAULT_LANES,
                     secrets.token_bytes(16))


@dataclass(frozen=True)
class Wrap:
    kdf: KdfParams
    nonce: bytes
    ciphertext: bytes

    def to_json(self) -> dict[str, Any]:
        return {"kdf": self.kdf.to_json(), "nonce": _b64(self.nonce), "ct": _b64(self.ciphertext)}

    @classmethod
    def from_json(cls, obj: dict[str, Any]) -> Wrap:
        try:
            return cls(KdfParams.from_json(obj["kdf"]), _unb64(obj["nonce"]), _unb64(obj["ct"]))
        except (KeyError, TypeError, ValueError) as exc:
            raise KeyFileError("the key file is damaged (a key wrap is unreadable)") from exc


def _associated_data(vault_id: str, purpose: str, kdf: KdfParams) -> bytes:
    header = {"format": FORMAT, "version": FORMAT_VERSION, "vault_id": vault_id, "purpose": purpose}
    header["kdf"] = kdf.to_json()
    return json.dumps(header, sort_keys=True, separators=(",", ":")).encode("utf-8")


def wrap_key(drk: bytes, secret: bytes, vault_id: str, purpose: str, kdf: KdfParams) -> Wrap:
    kek = kdf.derive(secret)
    nonce = secrets.token_bytes(12)
    ct = ChaCha20Poly1305(kek).encrypt(nonce, drk, _associated_data(vault_id, purpose, kdf))
    return Wrap(kdf, nonce, ct)


def unwrap_key(wrap: Wrap, secret: bytes, vault_id: str, purpose: str) -> bytes:
    kek = wrap.kdf.derive(secret)
    try:
        return ChaCha20Poly1305(kek).decrypt(
            wrap.nonce, wrap.ciphertext, _associated_data(vault_id, purpose, wrap.kdf)
        )
    except InvalidTag:
        raise WrongPassphraseError() from None


def normalise_passphrase(passphrase: str) -> bytes:
    import unicodedata

    return unicodedata.normalize("NFKC", passphrase).encode("utf-8")


# ---- recovery codes ---------------------------------------------------------------------------


def new_recovery_code() -> str:
    """128 random bits + a 22-bit check, as 6 groups of 5 Crockford base32 symbols."""
    value = int.from_bytes(secrets.token_bytes(16), "big")
    check = int.from_bytes(HKDF_check(value.to_bytes(16, "big")), "big") >> 10  # 22 bits
    number = (value << 22) | check
    symbols = []
    for _ in range(RECOVERY_GROUPS * 5):
        symbols.append(RECOVERY_ALPHABET[number & 31])
        number >>= 5
    text = "".join(reversed(symbols))
    return "-".join(text[i : i + 5] for i in range(0, len(text), 5))


def HKDF_check(data: bytes) -> bytes:  # noqa: N802 - short helper name mirrors the primitive
    import hashlib

    return hashlib.sha256(b"mindspace-recovery-check" + data).digest()[:4]


def parse_recovery_code(code: str) -> bytes:
    """Return the canonical secret bytes of a recovery code, tolerant of case, spaces, O/I/L."""
    cleaned = code.upper().replace("-", "").replace(" ", "").strip()
    cleaned = cleaned.replace("O", "0").replace("I", "1").replace("L", "1")
    if len(cleaned) != RECOVERY_GROUPS * 5 or any(c not in RECOVERY_ALPHABET for c in cleaned):
        raise WrongPassphraseError(
            "that is not a recovery code (expected 6 groups of 5 characters)"
        )
    number = 0
    for c in cleaned:
        number = (number << 5) | RECOVERY_ALPHABET.index(c)
    value, check = number >> 22, number & ((1 << 22) - 1)
    raw = value.to_bytes(16, "big")
    if int.from_bytes(HKDF_check(raw), "big") >> 10 != check:
        raise WrongPassphraseError("the recovery code has a typo (its check digits do not match)")
    return raw


# ---- key file ---------------------------------------------------------------------------------


@dataclass
class KeyFile:
    vault_id: str
    passphrase_wrap: Wrap
    recovery_wrap: Wrap

    def to_json(self) -> dict[str, Any]:
        return {
            "format": FORMAT,
            "version": FORMAT_VERSION,
            "vault_id": self.vault_id,
            "passphrase": self.passphrase_wrap.to_json(),
            "recovery": self.recovery_wrap.to_json(),
        }

    def save(self, path: Path) -> None:
        """Atomic write: temp file in the same folder, fsync, rename (0600)."""
        data = json.dumps(self.to_json(), indent=2).encode("utf-8")
        private_write(path, data, "saving the key file")

    @classmethod
    def load(cls, path: Path) -> KeyFile:
        try:
            obj = json.loads(path.read_bytes())
        except FileNotFoundError:
            raise KeyFileError(f"no key file at {path}") from None
        except (ValueError, OSError) as exc:
            raise KeyFileError("the key file is damaged and cannot be read") from exc
        if not isinstance(obj, dict) or obj.get("format") != FORMAT:
            raise KeyFileError("this is not a MindSpace key file")
        if obj.get("version") != FORMAT_VERSION:
            raise KeyFileError(f"unsupported key file version {obj.get('version')!r}")
        try:
            return cls(
                vault_id=str(obj["vault_id"]),
                passphrase_wrap=Wrap.from_json(obj["passphrase"]),
                recovery_wrap=Wrap.from_json(obj["recovery"]),
            )
        except (KeyError, TypeError) as exc:
            raise KeyFileError("the key file is damaged (fields missing)") from exc


def derive_subkey(drk: bytes, purpose: str, length: int = 32) -> bytes:
    """HKDF-SHA256 subkey of the data root key for one named purpose (e.g. 'sqlcipher')."""
    return HKDF(
        algorithm=hashes.SHA256(), length=length, salt=None, info=f"mindspace/{purpose}".encode()
    ).derive(drk)


def kdf_summary(kdf: KdfParams) -> dict[str, Any]:
    summary = asdict(kdf)
    summary.pop("salt")
    return summary
