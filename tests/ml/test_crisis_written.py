"""Crisis screen on language as people write it, in English, Spanish, French, German and
Portuguese (pattern screen alone, deterministic): conditional plans with a method or place,
goodbyes without a risk word, envy of the dead, calm acceptance, slang, burden, and negated
forms that are themselves risk; and the hard negatives: good news, grief, study and work,
media, hyperbole, resolved past, other people's words."""

from __future__ import annotations

import pytest

from mindspace.ml.crisis import CrisisDetector, CrisisResult

_DETECTOR = CrisisDetector()


def screen_text(text: str) -> CrisisResult:
    return _DETECTOR.detect(text)


FLAGGED = {
    "en": [
        "if the landlord evicts us on friday i am jumping off the multi storey car park, "
        "i have decided",
        "one more fight like that and i'm downing the whole packet of painkillers in the "
        "bathroom cabinet",
        "took the dog for a long walk and kissed her head. my sister has no idea it was the "
        "last time",
        "read an obituary today and honestly i was envious of the man who died",
        "everyone at the memorial was sobbing and all i could think was they are the lucky ones",
        "the idea of dying does not frighten me anymore",
        "death has started to feel comforting, like a plan",
        "my parents deserve a calmer life without me in it",
        "been thinking about the forever nap a lot this week",
        "if nobody answers tonight, the bridge over the canal is where i'm going",
    ],
    "es": [
        "si me vuelven a suspender me tiro del puente de la autopista",
        "llevo semanas juntando pastillas en un cajón",
        "ya no me da miedo pensar en matarme",
        "no tengo ganas de vivir, todo me pesa",
        "en el entierro pensé: qué suerte tiene, ya descansó y yo sigo aquí",
        "estoy pensando en desvivirme, no es broma",
    ],
    "fr": [
        "si je perds ce boulot je saute du pont de la rocade",
        "j'ai envie de me foutre en l'air",
        "la mort ne me fait plus peur",
        "je me suis encore scarifiée hier",
        "j'aimerais m'endormir et plus jamais me réveiller",
        "je vois aucun avenir pour moi",
    ],
    "de": [
        "Ich habe keine Lust mehr auf das Leben und denke daran, mich umzubringen.",
        "kein bock mehr aufs leben",
        "wenn ich rausfliege, spring ich vom dach des parkhauses",
        "hab mich letzte woche wieder geritzt",
        "ich sehe keine zukunft für mich",
        "meine familie wäre ohne mich besser dran",
        "sterben macht mir keine angst mehr",
    ],
    "pt": [
        "se eu perder o emprego eu pulo do viaduto",
        "tô juntando comprimidos há um mês",
        "não tenho vontade de viver",
        "pensar em morrer já não me assusta",
        "quero pôr fim a tudo isso",
        "tô pensando em me m4t4r",
    ],
}
NOT_FLAGGED = {
    "en": [
        "toxicology lecture today: paracetamol overdose management and the antidote",
        "nursing exam on friday, revising opioid overdose symptoms and naloxone doses",
        "a stranger in the comments said they were going to kms tonight, i reported it",
        "tired of everything this week but nothing a long bath can't fix",
        "the documentary about the bridge jumpers was hard to watch",
        "i'm not jealous of anyone, i just miss my grandma",
    ],
    "es": [
        "hoy cumplo dos años sin autolesionarme, muy orgullosa",
        "examen de toxicología: sobredosis de paracetamol y su antídoto",
        "hace cinco años quería matarme. hoy me gradué y estoy feliz",
        "no me quiero morir, quiero vivir muchos años",
    ],
    "fr": [
        "je vais en finir avec ce dossier ce soir",
        "partiel de pharmaco demain : surdose d'opioïdes et antidote",
        "je ne veux pas mourir, je veux guérir",
        "il y a dix ans je voulais mourir. aujourd'hui je suis heureuse",
    ],
    "de": [
        "Klausur in Toxikologie morgen: Überdosis Paracetamol und das Antidot",
        "ich will nicht sterben, ich will leben",
        "ich beneide sie um ihren Urlaub",
        "ich spring vom Sofa auf, wenn das Telefon klingelt",
        "keine Lust mehr auf Regen, ich will Sonne",
    ],
    "pt": [
        "prova de farmacologia amanhã: sobredose de paracetamol e antídoto",
        "faz um ano sem me cortar, estou orgulhosa",
        "não quero morrer, quero ver meus filhos crescerem",
        "morri umas dez vezes no mesmo chefe do jogo",
    ],
}


def _cases(table: dict[str, list[str]]) -> list[tuple[str, str]]:
    return [(lang, text) for lang, texts in table.items() for text in texts]


@pytest.mark.parametrize(("lang", "text"), _cases(FLAGGED))
def test_written_risk_is_flagged(lang: str, text: str) -> None:
    result = screen_text(text)
    assert result.level in ("concern", "urgent"), (lang, text, result.ignored)


@pytest.mark.parametrize(("lang", "text"), _cases(NOT_FLAGGED))
def test_hard_negatives_are_not_flagged(lang: str, text: str) -> None:
    result = screen_text(text)
    assert result.level == "none", (lang, text, result.reasons)


def test_german_negated_phrase_that_is_itself_risk_keeps_the_plan() -> None:
    """"keine Lust mehr auf das Leben" is risk language, not a negation of what follows."""
    result = CrisisDetector().detect(
        "Ich habe keine Lust mehr auf das Leben und denke daran, mich umzubringen.")
    assert result.level == "urgent"
    assert any("umzubringen" in r for r in result.reasons)
    assert any("leben" in r for r in result.reasons)


@pytest.mark.parametrize("text", [
    "no tengo ganas de vivir",  # es: "no" is part of the risk phrase
    "je n'ai plus envie de vivre",
    "keine Kraft mehr zu leben",
    "não tenho mais vontade de viver",
    "I don't want to be alive anymore",
])
def test_negated_forms_that_are_risk_are_flagged_in_every_language(text: str) -> None:
    assert screen_text(text).level != "none", text


@pytest.mark.parametrize("text", [
    "no quiero matarme", "je ne vais pas me tuer", "ich will mich nicht umbringen",
    "não vou me matar", "I am not going to kill myself",
])
def test_a_negation_in_front_still_cancels_an_explicit_phrase(text: str) -> None:
    assert screen_text(text).level == "none", (text, screen_text(text).reasons)


def test_a_plan_with_a_method_and_a_place_is_never_a_joke() -> None:
    text = "lol if i fail the driving test again i'm jumping off the car park roof, i mean it"
    result = screen_text(text)
    assert result.level == "urgent", result.ignored


# Recent events, deaths reported of someone else, and the forms added from retired blind rounds
# seven to nine (the wordings here are new; the sets themselves are development data).
RECENT_FLAGGED = [
    "tried to hang myself on sunday and the belt snapped. home now, nobody asked",
    "nine days since i swallowed the lot and woke up on a ward, and i still think about "
    "finishing the job",
    "my uncle hung himself in march and honestly i think he had the right idea",
    "the dead don't have to get up at 5 for a shift. starting to think they got it right",
    "just took about 30 of my quetiapine, feel floaty",
    "mum drives me to every appointment. everyone would be better off if they did not have to "
    "look after me anymore",
    "been reading which part of the railway has no fencing near the station",
    "j'ai fait une TS le mois dernier et j'y pense encore tous les soirs",
    "ihr wart die Besten, danke. Den Schlüssel hab ich bei Tom gelassen",
    "si me echan del piso, me cuelgo. ya está decidido",
    "tomei tudo de uma vez ontem à noite e acordei no hospital",
    "mi familia estaría mejor sin mí, de verdad",
    "quiero seguir adelgazando hasta desaparecer",
    "Oma ist gestorben und ehrlich gesagt bin ich neidisch",
    "je t'embrasse une dernière fois, prends soin du chat",
    "vorgestern hab ich versucht, mir das Leben zu nehmen",
    "no mês passado tentei me matar e ainda penso nisso",
    "j'ai tenté de me suicider il y a trois semaines",
]
RECENT_NOT_FLAGGED = [
    "three years since lee died of an overdose; lit a candle for him",
    "ça fait deux ans que mon cousin est mort d'une overdose",
    "Vor einem Jahr ist mein Bruder an einer Überdosis gestorben.",
    "the pharmacist said the pack size is capped because of overdose risk",
    "took 20 of my year nines on the museum trip, exhausted",
    "used to think everyone would be better off without me. don't anymore",
    "Obrigado por tudo, pessoal, foi o meu último dia no escritório.",
    "my grandad had the right idea about saving, bless him",
    "há quinze anos tentei me matar; hoje sou avó e feliz",
    "tentei fazer pão de queijo ontem e queimou tudo",
]


@pytest.mark.parametrize("text", RECENT_FLAGGED)
def test_recent_events_and_indirect_forms_are_flagged(text: str) -> None:
    result = screen_text(text)
    assert result.level != "none", (text, result.ignored)


@pytest.mark.parametrize("text", RECENT_NOT_FLAGGED)
def test_deaths_of_others_and_resolved_burden_stay_quiet(text: str) -> None:
    result = screen_text(text)
    assert result.level == "none", (text, result.reasons)
