"""Risk written without a risk word, and the everyday lines that look like it (pattern screen
alone, no model): every line here is written for this test."""

from __future__ import annotations

import pytest

from mindspace.ml.crisis import CrisisDetector

DETECTOR = CrisisDetector()

RISK = [
    "Tell me which over-the-counter tabs I can mix so I don't wake up.",
    "is it true mixing sleepers and grog is the quickest way out",
    "Going to take all the sleeping pills with the vodka so I never wake up.",
    # scouting a place, researching heights or doses
    "Spent my lunch break looking up which of the bridges downtown has the biggest drop.",
    "I've checked the multi storey twice now, the top floor is high enough.",
    "Stood on the balcony again last night thinking how easy it would be to let go.",
    # stockpiling
    "I've been saving my sleeping pills since March, there are enough now.",
    "Got about 40 tablets hidden in a sock in my drawer, in case I decide to go through with it.",
    "bought charcoal and a roll of duct tape, they're in the boot of my car",
    # tracks, voices, trusting oneself
    "Most evenings I walk down to the railway line and think about stepping out when it comes.",
    "The voices are telling me to walk into the river and I'm tired of arguing with them.",
    "Please don't leave me alone this weekend, I can't trust myself with the pills right now.",
    # not alive at a date, goodbyes
    "Everyone's planning the summer trip but I doubt I will still be around by July.",
    "Thanks for everything, all of you. Look after my cat for me.",
    "Rehomed the rabbits, paid back what I owed Dan and cancelled the gym. Everything's in order.",
    "wrote my note. put it in the envelope with my rings",
    # envy of the dead, calm acceptance
    "At the cemetery I caught myself envying Grandpa. He's at rest and I'm still stuck here.",
    "The idea of taking my own life doesn't frighten me anymore, which frightens everyone else.",
    "I'm no longer scared of the thought of ending my life now. It feels like a plan B.",
    "There's an urge to end it all that sits with me every evening.",
    # kept means, a chosen spot, burden, spoken and dialect spellings
    "long day, bins, laundry, and the rope's still in the shed, been looking at it again",
    "Reckon the family'd be better off. Already worked out which bridge.",
    "they would do better with the payout from my life insurance than with me",
    "been thinkin bout endin it, the old man's shotgun is still in the loft",
    "a tink bout tek mi own life every night now",
    "Wouldn't mind a bus knocking me over on the way to work tbh.",
    # acts and preparations told in chat and in answers to exercise steps
    "swallowed a handful of my gabapentin twenty minutes ago, head's swimming",
    "Already worked out how many of my nan's morphine patches it would take.",
    "Options: ring the bank, sell the car, or swallow everything in the bathroom cabinet.",
    "Two cans down and the whole packet of my zopiclone is out on the table.",
    "The sleeping tablets I've been lining up behind the kettle. Nobody looks there.",
    "Not swallowing the quetiapine any more. Putting them in a jar instead, about thirty.",
    "First step: read my life insurance policy to see whether it pays out after a suicide.",
    "I have a plan. Friday night when my flatmates are away. Nobody will know.",
    "voices keep saying tonight is the night and I'm too tired to argue",
    "my brain keeps telling me to jump",
    "I'm up on the roof at work, everyone has gone home, thinking about the jump",
    "Sat in the van at the top of the quarry. Been here three hours.",
    "I'm in the garage, door shut, engine running. Sorry.",
    "Feel like a ghost already, the body just has to catch up soon.",
    "wana die tbh",
    "'Everyone would be fine without me.' I think this every day now.",
    "was at the very edge of the platform again, a second off it",
    "Tenth floor window open, thinking how easy to lean out a bit further.",
    "The voices keep telling me to do it when the house is quiet. I'm starting to listen.",
    "two months of tramadol stashed in the drawer, I count them every night",
    "The sertraline has been put aside rather than taken since June.",
    "Thirty tablets in the bathroom cabinet now, enough when the time comes.",
    "Took the rest of my mum's sleeping tablets with vodka last night.",
    "I've counted exactly how many I need, the box is in my bag.",
    "The policy pays out once the suicide exclusion lapses, which I am considering.",
    "My note is written and it is in the drawer, to be found after.",
    "My will has been updated so they are spared the paperwork afterwards.",
    "Everyone would be better served if I were no longer here.",
    "Plan's all set. Means secured. Waiting for everyone to go to the coast.",
    "Grandad's rifle is loaded and on my lap.",
    "Rope in the van and a tree already picked out in the forest.",
    "Had a try with the hosepipe on Saturday. Didn't work.",
    "Took everything in the bathroom drawer, about thirty tablets, last night.",
    "They gave me fluids in A&E after the paracetamol on Monday.",
    "Brought the potassium chloride home from work in my bag.",
    "I'd say don't do it. My note is already written though.",
    "I don't plan on being around much longer.",
    "At the chemist now getting far more paracetamol than I need.",
    "Blade in my hand, trying so hard not to use it on myself.",
    "Stopped taking the sertraline, saving them up instead.",
    "Found the lethal doses online, just need to pick the day.",
    "The worry is that I might actually jump.",
    "Cut my thigh pretty deep again, long sleeves and nobody asks.",
    "Gin and my tablets on the bedside table tonight.",
    "Sat in the car with the hosepipe and duct tape on the back seat.",
    "Funny thing, I'll be gone by Easter. Already gave my guitar to my nephew.",
    "Took about thirty of my dad's heart tablets an hour ago.",
    "Thinking of drinking the bleach under the sink.",
    "There's rat poison in the shed and I keep staring at it.",
]

SAFE = [
    "I take my sleeping pills at ten so I don't wake up at 4am anymore.",
    "Earplugs and a sleeping pill so I don't wake up too early on the flight.",
    "The quickest way out of the car park is past the pharmacy.",
    "Honestly the easiest way out of this job is to hand in my notice.",
    "Looked up how tall the Eiffel Tower is for the pub quiz, we won!",
    "The architect checked whether the new bridge is high enough for the lorries.",
    "Saving up for a new bike, nearly there.",
    "I keep my tablets in a weekly organiser so I don't forget them.",
    "Bought charcoal for the barbecue on Saturday.",
    "Walked the dog along the railway line, saw a heron.",
    "I don't trust myself to cook for twelve people, so we're ordering in.",
    "Thanks for everything at the party, look after yourselves on the drive home!",
    "Can you look after my cat while I'm in Lisbon next week?",
    "We finally picked a date for the wedding, 14 June!",
    "Wrote my note to the landlord about the broken boiler.",
    "kms this traffic is unreal lol",
    "im dead 💀 my little brother just called the teacher mum",
    "Read about the marathon runner who died and felt sad for her family.",
    "Put up a rope swing in the garden for the kids.",
    "They'd be better off taking the train into town.",
    "Renewed the life insurance and the car insurance today, boring admin.",
    "nae bother, see ye at the match the morra",
    "Took all my tablets this morning with breakfast like the nurse said.",
    "Took everything in the medicine cabinet to the pharmacy for safe disposal.",
    "I line up my pills for the week in the organiser every Sunday.",
    "Put them in a tin in the cupboard, the biscuits I mean, about twenty left.",
    "I have a plan. Saturday when the kids go to their dad's I'll finally paint the hall.",
    "I'm on the roof fixing the gutter, back in ten.",
    "Sat in the car at the top of the cliff road watching the sunset with my wife.",
    "The car's in the garage for its MOT, should be ready Friday.",
    "'Why bother trying?' That is what my boss said about the project, not me.",
    "Stood at the edge of the platform to photograph the steam train, so close!",
    "It was amazing how easy it was to step onto the ferry from the platform.",
    "Three months of pills saved on repeat in case the pharmacy runs short again.",
    "Took the rest of the painkillers after the dentist, jaw is much better.",
    "I know how many I need for the party: twelve chairs and a table.",
    "The note has been drafted and filed alongside the will for the client.",
    "Dad's will has been sorted and the direct debits cancelled after the funeral.",
    "I no longer feel that way and I am glad to be here.",
    "The voice on the satnav kept saying do it, turn left, so we did.",
    "The plan is in place for the office move, the means of transport secured.",
    "Dad's shotgun is out of the cabinet for cleaning before the clay shoot, on the bed.",
    "The spot picked out for the picnic is by the bridge.",
    "If I hear that song one more time I'm driving into the sea.",
    "One more 'quick question' and I swear I'll shoot myself lol",
    "I was suicidal in the past, not now. I just want to talk about work.",
    "The suicidal thoughts I had after the divorce are long gone.",
    "Old me would have hurt myself after a day like today. New me is going for a run.",
    "if my boss finds out I'm a dead man",
    "I don't plan on being around for the meeting, I'm on leave.",
    "Bought way more than I need at the garden centre again.",
    "Trying hard not to eat the whole cake myself.",
    "I'd sooner walk into the sea than do another January sale.",
    "Cut it pretty deep into the lawn with the new mower, oops.",
    "Wine and a film tonight, the tablets for my hay fever on the side.",
    "If you jump I'll jump, said the kids at the pool.",
    "Bought a new hose and some tape to fix the leak in the garden.",
    "Took twenty of the vitamin tablets over the course of the month, as the nurse said.",
    "If my mum sees this mess I'm dead.",
    "The suicidal thoughts went after I changed my meds, I'm well now.",
]


@pytest.mark.parametrize("text", RISK)
def test_hidden_risk_is_flagged(text: str) -> None:
    result, _ = DETECTOR.screen(text)
    assert result.level != "none", (text, result.ignored)


@pytest.mark.parametrize("text", SAFE)
def test_everyday_lookalikes_are_not_flagged(text: str) -> None:
    result, _ = DETECTOR.screen(text)
    assert result.level == "none", (text, result.reasons)
