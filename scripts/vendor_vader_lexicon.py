"""Recreate `resources/nltk_data/sentiment/vader_lexicon.zip` from the installed `vaderSentiment`
package (MIT), in the layout NLTK expects (`vader_lexicon/vader_lexicon.txt` inside the zip),
plus the package's emoji-description list (`vader_lexicon/emoji_utf8_lexicon.txt`), and copy
its license to `VADER-LICENSE.txt`. Run once after upgrading vaderSentiment:

    .venv/bin/python scripts/vendor_vader_lexicon.py

The zip is written deterministically (fixed timestamps), so re-running it on the same package
version gives a byte-identical file. No network access.
"""

from __future__ import annotations

import sys
import zipfile
from importlib import metadata
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
TARGET = ROOT / "resources" / "nltk_data" / "sentiment"
FIXED_TIME = (2020, 1, 1, 0, 0, 0)


def main() -> int:
    try:
        dist = metadata.distribution("vaderSentiment")
    except metadata.PackageNotFoundError:
        print("vaderSentiment is not installed (pip install vadersentiment==3.3.2)",
              file=sys.stderr)
        return 1
    files = {str(f).replace("\\", "/"): f for f in dist.files or []}
    lexicon = next((f for name, f in files.items() if name.endswith("vader_lexicon.txt")), None)
    emoji = next((f for name, f in files.items() if name.endswith("emoji_utf8_lexicon.txt")), None)
    license_ = next((f for name, f in files.items() if name.endswith("LICENSE.txt")), None)
    if lexicon is None or license_ is None or emoji is None:
        print("the installed vaderSentiment lacks vader_lexicon.txt or LICENSE.txt",
              file=sys.stderr)
        return 1
    data = Path(str(dist.locate_file(lexicon))).read_bytes()
    emoji_data = Path(str(dist.locate_file(emoji))).read_bytes()
    TARGET.mkdir(parents=True, exist_ok=True)
    out = TARGET / "vader_lexicon.zip"
    with zipfile.ZipFile(out, "w", compression=zipfile.ZIP_DEFLATED) as zf:
        for name, payload in (
            ("vader_lexicon/", b""),
            ("vader_lexicon/vader_lexicon.txt", data),
            ("vader_lexicon/emoji_utf8_lexicon.txt", emoji_data),
        ):
            info = zipfile.ZipInfo(name, date_time=FIXED_TIME)
            info.external_attr = (0o40755 << 16) | 0x10 if name.endswith("/") else 0o644 << 16
            info.compress_type = zipfile.ZIP_DEFLATED
            zf.writestr(info, payload)
    header = (f"VADER sentiment lexicon from vaderSentiment {dist.version} "
              "(https://github.com/cjhutto/vaderSentiment), MIT License.\n\n")
    lic_text = Path(str(dist.locate_file(license_))).read_text(encoding="utf-8")
    (TARGET / "VADER-LICENSE.txt").write_text(header + lic_text, encoding="utf-8")
    lines = data.count(b"\n")
    print(f"wrote {out.relative_to(ROOT)} ({out.stat().st_size} bytes, {lines} lines)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
