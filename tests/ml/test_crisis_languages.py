"""Crisis screen in Spanish, French, German, Portuguese and English slang: true positives are
flagged, everyday idioms and negations are not (pattern screen alone, deterministic)."""

from __future__ import annotations

import pytest

from mindspace.app.screen import screen_text
from mindspace.ml.crisis_text import normalise

URGENT = {
    "es": ["Quiero morir, tengo las pastillas.", "Ya no quiero vivir.",
           "Me voy a matar esta noche.", "Me corto los brazos otra vez.",
           "Voy a tirarme del puente cuando salga del trabajo."],
    "fr": ["Je veux mourir.", "J'ai envie d'en finir.", "Je ne veux plus vivre.",
           "Je me scarifie tous les soirs.", "Je vais me jeter du pont ce soir."],
    "de": ["Ich will nicht mehr leben.", "Ich will einfach sterben.",
           "Ich bringe mich heute Nacht um.", "Ich ritze mich wieder.",
           "Ich habe einen Abschiedsbrief geschrieben."],
    "pt": ["Quero morrer.", "Não quero mais viver.", "Vou me matar hoje.",
           "Me cortei de novo ontem à noite.", "Vou tomar todos os comprimidos."],
    "en": ["thinking about unaliving", "i want to unalive myself", "kms tonight",
           "I keep thinking I should just unalive"],
}
CONCERN = {
    "es": ["Estarían mejor sin mí.", "Ojalá no despertara mañana."],
    "fr": ["Ils seraient mieux sans moi.", "J'aimerais ne jamais me réveiller."],
    "de": ["Ohne mich wären alle besser dran.", "Ich wünschte, ich wäre tot."],
    "pt": ["Todos estariam melhor sem mim.", "Queria dormir e não acordar mais."],
}
SAFE = {
    "es": ["No quiero morir.", "Me muero de risa con esta serie.",
           "Este examen me está matando.", "Me corté el pelo ayer.",
           "Quiero morir de la vergüenza jaja", "No puedo más con este calor, necesito vacaciones",
           "Tomo mis pastillas cada mañana.", "Hoy fue un buen día con mis amigos.",
           "Mi abuela murió hace años, la echo de menos.", "No quiero vivir en esta ciudad."],
    "fr": ["Je ne veux pas mourir.", "Je vais mourir de honte.", "Ce boulot me tue.",
           "Je me coupe les cheveux.", "Je me suis coupée en cuisinant.", "Je suis mort de rire.",
           "Je vais en finir avec ce projet ce soir."],
    "de": ["Ich will nicht sterben.", "Ich lach mich tot.", "Die Hitze bringt mich um.",
           "Ich schneide mich beim Kochen.", "Ich will vor Scham sterben.",
           "Ich kann nicht mehr warten auf den Urlaub.",
           "Ich sage dir, dass ich nicht sterben will.",
           "Ich bringe mich um 8 Uhr zum Bahnhof."],
    "pt": ["Não quero morrer.", "Estou morrendo de rir.", "Esse trabalho está me matando.",
           "Quero morrer de vergonha.", "Cortei o cabelo hoje.", "Me machuquei jogando futebol.",
           "Vou me matar de estudar para essa prova."],
    "en": ["this exam is killing me", "kmsl that video", "I'm going to catch the bus home",
           "the unalive trend on tiktok is weird"],
}


def _cases(table: dict[str, list[str]]) -> list[tuple[str, str]]:
    return [(lang, text) for lang, texts in table.items() for text in texts]


@pytest.mark.parametrize(("lang", "text"), _cases(URGENT))
def test_explicit_risk_is_urgent(lang: str, text: str) -> None:
    assert screen_text(text).level == "urgent", (lang, text)


@pytest.mark.parametrize(("lang", "text"), _cases(CONCERN))
def test_indirect_and_passive_risk_is_flagged(lang: str, text: str) -> None:
    assert screen_text(text).level in ("concern", "urgent"), (lang, text)


@pytest.mark.parametrize(("lang", "text"), _cases(SAFE))
def test_idioms_negations_and_ordinary_text_are_not_flagged(lang: str, text: str) -> None:
    assert screen_text(text).level == "none", (lang, text, screen_text(text).reasons)


def test_spanish_plan_names_the_method() -> None:
    result = screen_text("quiero morir, tengo las pastillas")
    assert result.level == "urgent"
    assert any("pastillas" in r for r in result.reasons)


def test_normalise_removes_accents_but_keeps_other_scripts() -> None:
    assert normalise("Não, ich möchte den Día") == "nao, ich mochte den dia"
    assert normalise("今日は") == "今日は"


def test_german_im_is_not_expanded_to_i_am() -> None:
    assert "im bad" in normalise("Die Tabletten liegen schon im Bad, das ist mir egal.")
    assert normalise("im done and im tired") == "i am done and i am tired"
