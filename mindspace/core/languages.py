"""Names of the languages MindSpace tells apart (ISO 639-1 codes), for every layer."""

from __future__ import annotations

UNDETERMINED = "und"
# Languages the crisis pattern screen has curated patterns for (see ml.crisis_patterns_intl).
SCREENED_LANGUAGES: dict[str, str] = {
    "en": "English", "es": "Spanish", "fr": "French", "de": "German", "pt": "Portuguese",
}
_OTHER_NAMES = {"it": "Italian", "nl": "Dutch", "pl": "Polish", "ru": "Russian",
                "tr": "Turkish", "sv": "Swedish", "ca": "Catalan"}


def language_name(code: str) -> str:
    """English name of a code the screen knows, else the code itself."""
    return SCREENED_LANGUAGES.get(code) or _OTHER_NAMES.get(code, code)
