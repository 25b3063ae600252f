from __future__ import annotations

from mindspace.ml.language import MIN_LETTERS, SCREENED_LANGUAGES, identify


def test_identifies_common_languages() -> None:
    cases = {
        "I went for a walk and felt calm.": "en",
        "Hoy fue un buen día con mis amigos.": "es",
        "Je suis très fatigué aujourd'hui.": "fr",
        "Mein Tag war heute wirklich schön.": "de",
        "Estou cansado hoje, mas foi um bom dia.": "pt",
        "Oggi sono felice, ho visto i miei amici.": "it",
    }
    for text, code in cases.items():
        assert identify(text).code == code, text


def test_short_or_uncertain_text_is_undetermined_and_read_as_english() -> None:
    for text in ("", "ok", "bad day", "🙂🙂🙂", "x" * (MIN_LETTERS - 1)):
        reading = identify(text)
        assert reading.code == "und" and reading.english_models and reading.screened
        assert reading.english_only_note() is None


def test_screened_and_english_only_flags() -> None:
    es = identify("Hoy fue un buen día con mis amigos.")
    assert es.screened and not es.english_models
    assert "English only" in (es.english_only_note() or "") and es.screen_note() is None
    it = identify("Oggi sono felice, ho visto i miei amici.")
    assert not it.screened and "reads only" in (it.screen_note() or "")
    assert set(SCREENED_LANGUAGES) == {"en", "es", "fr", "de", "pt"}
