"""Print sharing figures: age throughput, bundle seal/open time, safety-number time.

Usage: MINDSPACE_KDF_CALIBRATE=0 .venv/bin/python bench/share_bench.py
"""

from __future__ import annotations

import os
import time
import uuid

from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
from cryptography.hazmat.primitives.asymmetric.x25519 import X25519PrivateKey

from mindspace.share import age_format as age
from mindspace.share.bundle import Item, Party, make_manifest, open_bundle, seal
from mindspace.share.identity import Identity
from mindspace.share.safety_number import safety_number


def person(name: str) -> Identity:
    return Identity(
        name,
        "patient",
        Ed25519PrivateKey.generate(),
        X25519PrivateKey.generate(),
        uuid.uuid4().hex,
        "2026-01-01T00:00:00+00:00",
    )


def timed(fn, repeat: int = 3) -> float:  # type: ignore[no-untyped-def]
    best = float("inf")
    for _ in range(repeat):
        start = time.perf_counter()
        fn()
        best = min(best, time.perf_counter() - start)
    return best


def main() -> None:
    alice, bob = person("Alice"), person("Bob")
    bob_party = Party("Bob", bob.sign_public, bob.enc_public)
    for size in (10_000, 1_000_000, 20_000_000):
        data = os.urandom(size)
        blob = age.encrypt(data, [bob.enc_public])
        enc = timed(lambda d=data: age.encrypt(d, [bob.enc_public]))
        dec = timed(lambda b=blob: age.decrypt(b, [bob.enc_private]))
        print(
            f"age {size / 1e6:6.2f} MB: encrypt {enc * 1000:7.1f} ms, decrypt {dec * 1000:7.1f} ms"
        )
        items = [Item("voice_audio", "a", "1", data, "audio/wav")]
        manifest = make_manifest(alice, [bob_party], items)
        sealed = seal(alice, [bob_party], items, manifest)
        t_seal = timed(lambda i=items, m=manifest: seal(alice, [bob_party], i, m))
        t_open = timed(lambda c=sealed.ciphertext: open_bundle(c, bob, lambda p, d: None))
        print(
            f"bundle {size / 1e6:6.2f} MB -> file {len(sealed.ciphertext) / 1e6:6.2f} MB:"
            f" seal {t_seal * 1000:7.1f} ms, verify+open {t_open * 1000:7.1f} ms"
        )
    t_sn = timed(
        lambda: safety_number(alice.sign_public, alice.enc_public, bob.sign_public, bob.enc_public)
    )
    print(f"safety number (2 x 5200 SHA-512 rounds): {t_sn * 1000:.1f} ms")


if __name__ == "__main__":
    main()
