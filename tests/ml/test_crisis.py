"""CrisisDetector: named cases (idioms, negation, third person, past, fiction) and the eval set."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from mindspace.ml import crisis_text
from mindspace.ml.crisis import CrisisDetector, CrisisResult, combine, normalise
from tests.ml.crisis_checks import assert_prefilter_finds_every_match

EVAL = Path(__file__).resolve().parents[1] / "data" / "crisis_eval.jsonl"
DET = CrisisDetector()


def level(text: str) -> str:
    return DET.detect(text).level


@pytest.mark.parametrize("text", [
    "This traffic is killing me.", "I'd die for a pizza.", "I'm killing it at work",
    "We were dying of laughter", "I could kill for a coffee", "my phone is dead",
    "The deadline is Friday", "I nearly killed myself laughing at that video",
    "I'd rather die than sing karaoke", "I want to die of embarrassment",
    "I'm hopeless at cooking", "im dead 😂",
])
def test_idioms_and_hyperbole_are_not_flagged(text: str) -> None:
    assert level(text) == "none"


@pytest.mark.parametrize("text", [
    "I'm dead tired and I want to die", "Death would be a relief.", "I hope I never wake up.",
    "Please tell my mom I'm sorry.", "I wouldn't mind dying.",
    "My family would be happier without me.",
    "I'm going to step off the ledge tonight.", "I have a knife and I'm going to use it on myself.",
    "i want to cut so bad", "Suicide is on my mind constantly.", "I want my life to be over.",
])
def test_indirect_and_passive_wordings_are_flagged(text: str) -> None:
    assert level(text) != "none"


@pytest.mark.parametrize("text", [
    "I'd die for a pizza", "I'm killing it at work", "bored to death in that meeting",
    "scared to death of spiders", "over my dead body", "she is drop dead gorgeous",
    "stuck in a dead end job", "that was a killer workout", "my phone died again",
    "I'm dead on my feet", "I nearly died laughing", "I'm dying to see that film",
    "goodbye 2024, hello new year", "this heat is going to be the death of me",
])
def test_more_idioms_stay_safe(text: str) -> None:
    assert level(text) == "none"


def test_method_and_goodbye_cues_together_are_urgent() -> None:
    assert level("There is no point in living. Goodbye, I love you all.") == "urgent"
    assert level("I have the pills lined up and I'll take them tonight.") == "urgent"


def test_sentence_prefilter_finds_the_same_matches_as_a_full_scan() -> None:
    rows = [json.loads(x) for x in EVAL.read_text(encoding="utf-8").splitlines() if x]
    assert_prefilter_finds_every_match(DET, (row["text"] for row in rows))


def test_repeated_sentences_find_the_same_matches_as_the_first() -> None:
    """Each repeat of a sentence yields the matches the first occurrence did, at its own place
    (repeats are searched only with the patterns that matched the first time)."""
    block = ("Walked the dog to the bridge after work. I keep saving my pills in a drawer. "
             "Forgot to take all my meds this morning. ")
    norm = normalise(block * 30)
    starts, ends = DET._sentences(norm)
    by_sentence: dict[str, list[list[tuple[str, int]]]] = {}
    for p, m, k in DET._matches(norm, starts, ends):
        text = norm[starts[k]:ends[k]]
        by_sentence.setdefault(text, []).append([(p.regex.pattern, m.start() - starts[k])])
    one = normalise(block)
    s1, e1 = DET._sentences(one)
    first: dict[str, list[list[tuple[str, int]]]] = {}
    for p, m, k in DET._matches(one, s1, e1):
        first.setdefault(one[s1[k]:e1[k]], []).append([(p.regex.pattern, m.start() - s1[k])])
    assert first
    for text, hits in first.items():
        assert by_sentence[text] == hits * 30, text


@pytest.mark.parametrize("text", [
    "I would never kill myself.", "I'm not suicidal.", "I don't want to die.",
    "I have no plans to hurt myself", "Killing myself is not something I would ever do.",
    "i'm not going to kill myself, don't worry",
])
def test_negated_statements_are_not_flagged(text: str) -> None:
    assert level(text) == "none"


@pytest.mark.parametrize("text", [
    "Zero thoughts of self harm today, therapy homework done.",
    "There's no part of me that wants to end my life, I'm just exhausted.",
    "Not once this month did I think about killing myself.",
    "No dark thoughts about killing myself lately, which feels good.",
    "I'm frustrated, but hurting myself won't fix anything and I'm not going to.",
    "I'm exhausted but taking my own life isn't on my mind at all.",
])
def test_negation_scope_covers_leads_and_negated_gerund_subjects(text: str) -> None:
    assert level(text) == "none"


@pytest.mark.parametrize("text,expected", [
    ("I'm not okay, I don't want to be here anymore.", "urgent"),
    ("It's not that I want to die, I just don't want to exist.", "urgent"),
    ("I used to be happy, now I just want to die.", "urgent"),
    ("I don't want to die slowly, I want to do it quickly tonight.", "urgent"),
    ("I never wanted to die before, but now I do.", "concern"),
    ("There's no reason to live.", "concern"),
    ("I see no way out except ending it.", "concern"),
])
def test_negation_traps_stay_flagged(text: str, expected: str) -> None:
    assert level(text) == expected


@pytest.mark.parametrize("text", [
    "Two years ago I attempted suicide. Therapy saved me and I'm glad I'm alive.",
    "I used to cut, 400 days clean today.",
    "Back in college I wanted to die, now I'm happy.",
    "I once took a handful of pills. That was eight years ago and I'm okay now.",
    "In my twenties I overdosed twice. I'm sober and happy at forty.",
    "I used to think about suicide every day. It's been over a year since I had that thought.",
    "Three years ago I tried to kill myself. My sister visited. We talked about the garden. "
    "Today I celebrated with my family, I'm glad to be here.",  # resolution 3 sentences later
])
def test_a_later_resolution_anywhere_in_the_entry_resolves_earlier_past_events(
        text: str) -> None:
    assert level(text) == "none"


@pytest.mark.parametrize("text", [
    "Years ago I tried to kill myself. I got better for a while. Lately the thoughts are back.",
    "Years ago I tried to kill myself. I got better. Now I am thinking about it again.",
    "I tried to kill myself two years ago, I'm doing better but it's getting worse again.",
])
def test_a_relapse_after_the_resolution_keeps_the_past_event_flagged(text: str) -> None:
    assert level(text) != "none"


@pytest.mark.parametrize("text", [
    "My friend said she wants to die.", "The character killed himself.",
    "I'm worried my roommate is suicidal.", 'In the movie he says "I want to die".',
    "My brother told me he has been cutting himself.",
    "The news reported a rise in suicide rates.",
    "We watched a documentary about self-harm awareness.",
])
def test_third_person_fiction_and_news_are_not_flagged(text: str) -> None:
    assert level(text) == "none"


def test_resolved_past_is_none_and_unresolved_past_is_concern() -> None:
    assert level("Years ago I tried to end my life, I'm in a better place now.") == "none"
    assert level("I used to self harm but I haven't in 3 years.") == "none"
    assert level("The anniversary of my overdose is today. Four years.") == "none"
    assert level("The suicidal phase is behind me.") == "none"
    # long ago and nothing says it is back: past, not current
    assert level("When I was 19 I tried to kill myself.") == "none"
    assert level("My old journals are so dark. I wanted to die in every entry.") == "none"
    unresolved = DET.detect("Last month I tried to kill myself.")
    assert unresolved.level == "concern"
    assert "past" in unresolved.reasons[0]
    assert level("When I was 19 I tried to kill myself. Lately I feel that way again.") != "none"
    assert level("I used to want to die. These days I do again.") != "none"
    assert level("I tried to kill myself last night.") == "urgent"  # recent, not past


@pytest.mark.parametrize("text", [
    "Mood 4/10. Suicidal thoughts: none.",
    "Check-in: self-harm urges 0/10, sleep bad",
    "SI: denies. SH: none.",
    "I haven't had a single thought about hurting myself since the breakup.",
    "if i have to sit through one more zoom call i'm gonna kill myself lol",
    "writing goodbye letters to my students since I'm retiring in June",
    "I can't take this job anymore. Starting to apply elsewhere",
    "Passive thoughts about death? None. Active? None.",
    "The screening form asked about thoughts of harming myself. Ticked 'never'.",
    "Suicidal? No. Stressed about the wedding? Yes.",
    "No chance I'd ever hurt myself.",
    "1 year self harm free!",
    "The suicidal thoughts went away two years into treatment.",
    "A singer I grew up with died by suicide today.",
    "Did a suicide risk assessment training at work.",
    "not having any self harm urges this week which is huge",
    "recovery day 730 from self harm. proud",
    "friend from uni texted 'i don't want to be here anymore'. called her straight away",
    "My coworker said 'if this project fails I'll kill myself' as a joke.",
    "I was suicidal at uni. I'm not now.",
    "old me: wanted to die. current me: wants the new zelda",
    "The intrusive suicidal thoughts from my postpartum depression are gone.",
    "Today marks one year since I took my last overdose.",
    "I went from wanting to die every day to wanting to see what happens next.",
    "I want to die. I called my teacher mum in front of the whole class.",
    "so hungover I want to die",
    "I'll kill myself if I have to listen to that song one more time on the office radio",
    "overdosed on christmas chocolate, need a lie down",
    "wish i could disappear for a week on holiday",
    "the hairdresser cut my fringe way too short, I want to die",
    "I would rather hang myself than do another group project lol",
    "i will die on this hill: cereal goes in before the milk",
    "I can't do this anymore with my flatmate, I'm moving out",
])
def test_checkins_denials_and_jokes_are_not_flagged(text: str) -> None:
    assert level(text) == "none"


@pytest.mark.parametrize("text", [
    "Mood 2/10. Suicidal thoughts: 8/10.",
    "self harm urges 7/10 tonight",
    "I want to kill myself lol",
    "I can't take this pain anymore",
    "Do I want to die? No one would even notice.",
    "Am I suicidal? Yes.",
    "There is no way out, I want to die.",
    "Truth is I never stopped wanting to die.",
    "I was self harm free since uni but after the breakup I've started again.",
    "I kept hitting my head against the wall until it stopped.",
    "day 3 of wanting to die. it's getting louder",
    "I keep thinking 'I don't want to be here anymore'",
    "I told her \"I want to die\" and she cried",
    "The suicidal thoughts from last year are back.",
    "If I have to go through one more day like this I will kill myself",
    "if this pain comes back one more time I will kill myself",
    "I'm so embarrassed to still be alive. I want to die tonight.",
    "I would rather die than go on like this",
    "I overdosed on my pills last night",
    "I want to overdose on something",
    "I wish I could disappear forever",
])
def test_checkins_with_risk_still_flag(text: str) -> None:
    assert level(text) != "none"


@pytest.mark.parametrize("text,expected", [
    ("I want to kill myself.", "urgent"),
    ("i wanna die", "urgent"),
    ("kms", "urgent"),
    ("I want to kil myself", "urgent"),
    ("I cut myself again last night.", "urgent"),
    ("Everyone would be better off without me.", "concern"),
    ("I won't be needing my things much longer.", "concern"),
    ("I wish I could go to sleep and not wake up.", "concern"),
    ("I feel like such a burden to everyone.", "concern"),
])
def test_risk_statements_are_flagged(text: str, expected: str) -> None:
    assert level(text) == expected


def test_plan_and_time_raise_the_score_and_are_explained() -> None:
    base = DET.detect("I want to end my life.")
    planned = DET.detect("I want to end my life. I have the pills and it will be tonight.")
    assert planned.level == "urgent" and planned.score > base.score
    assert any("pills" in r and "tonight" in r for r in planned.reasons)


def test_different_kinds_of_signals_together_become_urgent() -> None:
    assert level("I'm a burden to everyone.") == "concern"
    assert level("I'm a burden to everyone and I wish I was dead.") == "urgent"
    assert level("I wrote a note for my family and I'm going to do it tonight") == "urgent"
    assert level("I'm going to do it tonight") == "none"  # weak alone


def test_empty_emoji_and_non_english_text() -> None:
    assert DET.detect("").level == "none"
    assert DET.detect("🙂🙂🙂").level == "none"
    assert DET.detect("Hoy fue un buen día").level == "none"
    assert DET.detect("quiero morir").level == "urgent"


def test_whole_of_a_1mb_document_is_scanned() -> None:
    filler = "Today I walked to the park and made soup for dinner. " * 20000
    assert len(filler) > 1_000_000
    assert DET.detect(filler).level == "none"
    assert DET.detect(filler + "I want to kill myself.").level == "urgent"
    assert DET.detect("I want to kill myself. " + filler).level == "urgent"


def test_result_is_deterministic_and_serialisable() -> None:
    a = DET.detect("I feel hopeless and trapped")
    b = DET.detect("I feel hopeless and trapped")
    assert a == b
    assert set(a.to_dict()) == {"level", "score", "reasons"}
    assert 0.0 <= a.score <= 1.0


def test_combine_raises_none_to_concern_but_never_lowers() -> None:
    text = "Everything feels empty today and I am so alone."
    plain = DET.detect(text)
    assert plain.level == "none" and plain.markers
    raised = combine(plain, {"sadness": 0.8, "fear": 0.1}, -0.8)
    assert raised.level == "concern" and "model signals" in raised.reasons[-1]
    assert combine(plain, {"sadness": 0.8}, -0.2).level == "none"  # sentiment not negative
    assert combine(plain, None, None) is plain  # model absent
    urgent = DET.detect("I want to kill myself")
    assert combine(urgent, {"joy": 0.99}, 0.9).level == "urgent"
    calm = CrisisResult("none", 0.0)
    assert combine(calm, {"sadness": 0.9}, {"compound": -0.9}).level == "none"  # no markers


def _eval(split: str) -> tuple[float, float]:
    rows = [json.loads(x) for x in EVAL.read_text(encoding="utf-8").splitlines() if x]
    rows = [r for r in rows if r["split"] == split]
    risk = [r for r in rows if r["label"] == "risk"]
    safe = [r for r in rows if r["label"] == "safe"]
    assert len(risk) >= 20 and len(safe) >= 20
    recall = sum(level(r["text"]) != "none" for r in risk) / len(risk)
    fpr = sum(level(r["text"]) != "none" for r in safe) / len(safe)
    return recall, fpr


def test_eval_set_size() -> None:
    rows = [json.loads(x) for x in EVAL.read_text(encoding="utf-8").splitlines() if x]
    assert sum(r["label"] == "risk" for r in rows) >= 120
    assert sum(r["label"] == "safe" for r in rows) >= 180
    assert {r["split"] for r in rows} == {"dev", "heldout"}


def test_dev_split_meets_targets() -> None:
    recall, fpr = _eval("dev")
    assert recall >= 0.95 and fpr <= 0.10


def test_heldout_false_positive_rate_meets_target() -> None:
    _, fpr = _eval("heldout")
    assert fpr <= 0.10


def test_heldout_recall_of_the_patterns_alone_keeps_its_floor() -> None:
    """Without the learned layer the patterns catch the wordings they know; on new wording
    their recall is far below the target (0.41 here), which the learned layer closes (see
    test_crisis_model.py::test_fresh_blind_sets_meet_the_targets)."""
    recall, _ = _eval("heldout")
    assert recall >= 0.40


def test_screen_is_the_pattern_result_and_reports_safe_frames() -> None:
    text = "My friend said she wants to die. I would never kill myself. I want to end my life."
    result, ctx = DET.screen(text)
    assert result == DET.detect(text) and result.model is None and result.model_error is None
    assert set(result.to_dict()) == {"level", "score", "reasons"}
    assert [DET.safe_frame(ctx, k) is not None for k in range(3)] == [True, True, False]


@pytest.mark.parametrize("text", [
    "ugh mondays make me want to die lol, coffee please",
    "If one more person asks when I'm having kids I'm jumping off a bridge haha.",
    "if i have to rewrite this report a third time i'm gonna kill myself lol",
    "I can't do this anymore, this bread has failed twice. Buying a loaf.",
    "gonna die if i don't get a coffee soon",
    "Bungee jumped off a bridge in Queenstown today!",
    "I'm dead curious what's in the box.",
    "If dad sees the scratch on the car he'll kill me.",
])
def test_jokes_sports_and_cravings_are_idioms(text: str) -> None:
    assert level(text) == "none"


@pytest.mark.parametrize("text", [
    "I had a relapse of cutting in March, told my counsellor, and worked through it. "
    "No incidents since.",
    "During the divorce I honestly thought my son would be better off without me. Now we have "
    "Saturday football and I know how wrong I was.",
    "My therapist discharged me today! I no longer have any thoughts of ending things.",
    "Two years ago today I was in hospital after hurting myself. Today I'm at a graduation.",
    "Sober three years, and with that, the suicidal thoughts mostly went.",
    "The urges to cut used to come every day. Now it's been 300 days.",
    "The urge to hurt myself used to come every week. I can't remember the last time it came.",
    "Found my old goodbye letter while packing. I tore it up.",
    "I wrote goodbye letters once. I'm still here.",
    "Told my GP I haven't had a single thought of ending things since summer.",
    "Answered no to all the suicide questions on the form, honestly.",
    "One of my clients disclosed suicidal thoughts today and I followed the protocol.",
    "Wrote my essay on risk factors for suicide in teens.",
])
def test_past_that_is_over_denials_and_other_people_are_not_flagged(text: str) -> None:
    assert level(text) == "none"


@pytest.mark.parametrize("text", [
    "The doctor asked if I was suicidal and I said no. I lied. I think about it all the time.",
    "After almost a year without thinking about suicide, it's all I can think about again.",
    "Bought another box of paracetamol from a different pharmacy so they wouldn't ask questions.",
    "they'd have a better life without a mess like me around",
    "It'll all be over soon and they won't have to worry about me ever again.",
    "i want to die lol",
    "life makes me want to die lol",
    "I can't do this anymore, this pain is too much.",
    "I used to think about suicide and now I do again.",
    "I had a relapse last night and cut again.",
    "I no longer want to live.",
    "no one would miss me if i was gone",
])
def test_denials_taken_back_relapses_and_indirect_goodbyes_flag(text: str) -> None:
    assert level(text) != "none"


def test_a_joke_marker_is_not_a_joke_when_the_writer_says_they_mean_it() -> None:
    assert level("mondays make me want to die lol") == "none"
    assert level("mondays make me want to die, not kidding") != "none"


@pytest.mark.parametrize(("text", "expected"), [
    ("been saving up tabelts for weeks, nearly enough now", "urgent"),
    ("noboby would even notice if i was gone", "concern"),
    ("i keep thinkng about jumping off the bridg tonight", "urgent"),
    ("honestly i just want to dissapear for good", "concern"),
])
def test_misspelt_risk_words_are_read_as_the_word(text: str, expected: str) -> None:
    assert level(text) == expected


@pytest.mark.parametrize(("word", "kept"), [
    ("will", "will"), ("wife", "wife"), ("faking", "faking"), ("stopped", "stopped"),
    ("tidies", "tidies"), ("tabelts", "tablets"), ("killnig", "killing"), ("noboby", "nobody"),
    ("dissapear", "disappear"), ("parracetamol", "paracetamol"), ("jelous", "jealous"),
    ("address", "address"), ("pillows", "pillows"), ("bottle", "bottle"),
])
def test_only_words_outside_the_word_list_are_respelt(word: str, kept: str) -> None:
    assert normalise(f"i think that {word}") == f"i think that {kept}"


def test_misspelling_fixes_leave_the_other_languages_alone() -> None:
    for text in ("tomei todos os comprimidos", "quiero morirme", "je veux mourir",
                 "ich will nicht mehr leben", "Todo dia peço a Deus que me leve logo.",
                 "J'ai écrit à chacun une lettre. Demain matin ce sera terminé.",
                 "terminei com ele e to leve demais", "Mein letzter Eintrag. Danke an alle."):
        respelt = set(normalise(text).replace(".", " ").split()) & set(crisis_text._SPELLED)
        assert not respelt, text


def test_the_word_list_is_the_encoder_vocabularys_whole_words() -> None:
    vocab = json.loads((Path(__file__).resolve().parents[2] / "models" / "sentence-encoder"
                        / "tokenizer.json").read_text(encoding="utf-8"))["model"]["vocab"]
    words = sorted(w for w in vocab
                   if w.isalpha() and w.isascii() and w.islower() and len(w) >= 4)
    assert crisis_text._english_words() == frozenset(words)


def test_respelled_writes_out_only_misspelt_risk_words_in_english_text() -> None:
    assert crisis_text.respelled("I swalowed the tabelts, sorry") == \
        "I swallowed the tablets, sorry"
    for text in ("I am fine, thanks for asking", "Tomei todos os comprimidos hoje",
                 "ich habe die tabelts und bin müde"):
        assert crisis_text.respelled(text) == text
