"""Attribution extraction on sentences the team wrote and on real PolNeAR sentences."""

from __future__ import annotations

from pathlib import Path

import pytest
import quality_gate

from reliability import extract_attributions


def _one(text: str, content_part: str):
    matches = [a for a in extract_attributions(text) if content_part in a.content.text]
    assert matches, f"no attribution with content containing {content_part!r}: {extract_attributions(text)}"
    return matches[0]


@pytest.mark.parametrize(
    ("text", "source", "cue", "content", "directness"),
    [
        ('"The bridge will open in May," said Mayor Ana Lopez.', "Mayor Ana Lopez", "said",
         "The bridge will open in May", "direct_quote"),
        ("“The bridge will open in May,” Lopez said.", "Lopez", "said", "The bridge will open in May",
         "direct_quote"),
        ('Lopez told reporters: "The bridge will open in May."', "Lopez", "told", "The bridge will open in May",
         "direct_quote"),
        ("The mayor said that the bridge would open in May.", "The mayor", "said", "that the bridge would open in May",
         "indirect"),
        ("The bridge will open in May, according to the city engineer.", "the city engineer", "according to",
         "The bridge will open in May", "indirect"),
        ("According to Reuters, the bridge will open in May.", "Reuters", "According to",
         "the bridge will open in May", "secondhand"),
        ("The Daily Planet reported that the bridge would open in May.", "The Daily Planet", "reported",
         "that the bridge would open in May", "secondhand"),
        ("Hugh Hill, a doctor, said the clinic had run out of vaccine.", "Hugh Hill, a doctor", "said",
         "the clinic had run out of vaccine", "indirect"),
        ("There are reports that the clinic has run out of vaccine.", None, "There are reports",
         "the clinic has run out of vaccine", "vague"),
        ("Sources say the clinic has run out of vaccine.", "Sources", "say",
         "the clinic has run out of vaccine", "vague"),
        ("The clinic has reportedly run out of vaccine.", None, "reportedly",
         "The clinic has reportedly run out of vaccine", "vague"),
        ("The senator insisted that the vote was fair.", "The senator", "insisted", "that the vote was fair",
         "indirect"),
        ("It was reported that the factory would close.", None, "It was reported", "the factory would close",
         "vague"),
        ("The governor, who replaced Smith last year, warned that the budget was short.",
         "The governor, who replaced Smith last year", "warned", "that the budget was short", "indirect"),
    ],
)
def test_patterns(text, source, cue, content, directness):
    found = _one(text, content)
    assert (found.source.text if found.source else None) == source or (
        source is None and found.source is not None and found.source.text.lower() in ("reports",)
    )
    assert found.cue is not None and cue.lower() in found.cue.text.lower()
    assert found.content.text.strip(" .") == content
    assert found.directness == directness


def test_he_said_is_carried_to_the_last_named_speaker():
    text = (
        'Finance Minister Clara Ruiz presented the budget on Tuesday. "We will cut the deficit," Ruiz said. '
        '"Nobody will pay more tax," she said.'
    )
    found = extract_attributions(text)
    assert len(found) == 2
    assert found[0].source_id == found[1].source_id


def test_nested_report_inside_a_quote():
    text = 'The analyst said "There are reports that the mine will close. We should prepare."'
    found = extract_attributions(text)
    vague = [a for a in found if a.directness == "vague"]
    assert vague and vague[0].content.text.startswith("the mine will close")
    assert any(a.source is not None and a.source.text == "The analyst" for a in found)


def test_quote_running_over_paragraphs():
    text = '"The first part of the plan is ready.\n\n"The second part comes next year," the minister said.'
    found = extract_attributions(text)
    assert found and found[0].source is not None and found[0].source.text == "the minister"


@pytest.mark.parametrize(
    "text",
    ['He said "unbalanced', '"""', "“”“”", 'said said said "" ,,, according to', "x" * 10, "”He said“ it.",
     '" : There was to — sources Friday', "'' `` ' ― Said: ,, said", "PENCE:\n\n\"", "X, he said, ", "— Keller"],
)
def test_broken_quotes_never_raise(text):
    for a in extract_attributions(text):
        assert text[a.content.start : a.content.end] == a.content.text


# --- the cases where published extractors fail ------------------------------------------------


@pytest.mark.parametrize(
    ("text", "source", "cue", "content"),
    [
        # appositives and asides
        ("Hugh Hill, a doctor at the county hospital, said the ward was full.",
         "Hugh Hill, a doctor at the county hospital", "said", "the ward was full"),
        ('"The ward is full," said Hugh Hill, a doctor at the county hospital.',
         "Hugh Hill, a doctor at the county hospital", "said", "The ward is full"),
        ("Sen. Ruth Bell (D-Ore.) said the bill would pass.", "Sen. Ruth Bell (D-Ore.)", "said", "the bill would pass"),
        ("Sen. Ruth Bell (D-Ore.), said the bill would pass.", "Sen. Ruth Bell (D-Ore.)", "said",
         "the bill would pass"),  # a stray comma after the party label
        # a long aside with a clause or commas of its own ("X, who replaced Y, said")
        ("Ana Ruiz, who replaced Tom Hale as mayor in 2014, said the bridge would open in May.",
         "Ana Ruiz, who replaced Tom Hale as mayor in 2014", "said", "the bridge would open in May"),
        ("The minister, who spoke on condition of anonymity because the talks are private, said the deal was close.",
         "The minister, who spoke on condition of anonymity because the talks are private", "said",
         "the deal was close"),
        ("Ana Ruiz, a lawyer for the union, which represents 900 nurses, said that the ward was full.",
         "Ana Ruiz, a lawyer for the union, which represents 900 nurses", "said", "that the ward was full"),
        ("A spokesman for the mayor, who asked not to be named because the talks are private, said the deal was close.",
         "A spokesman for the mayor, who asked not to be named because the talks are private", "said",
         "the deal was close"),
        # a relative pronoun as the source (PolNeAR marks "who"; the sources stage gets the name)
        ("The plan was backed by Ana Ruiz, who noted that taxes had fallen twice.", "who", "noted",
         "that taxes had fallen twice"),
        ("Voters were polled by the institute, which found that most opposed the plan.", "which", "found",
         "that most opposed the plan"),
        # the speaker after a dash, or on the line before the quotation
        ("Rates will rise again next year — Maria Keller, the bank's chief economist.",
         "Maria Keller, the bank's chief economist", "—", "Rates will rise again next year"),
        ('"Rates will rise again next year." ― Maria Keller', "Maria Keller", "―", "Rates will rise again next year"),
        ("“Rates will rise again next year.”\xa0― Maria Keller", "Maria Keller", "―",
         "Rates will rise again next year"),
        ('The finance minister spoke to reporters on Monday:\n"We will not raise taxes this year."',
         "The finance minister", ":", "We will not raise taxes this year"),
        ('The finance minister said:\n\n"We will not raise taxes this year."',
         "The finance minister", "said", "We will not raise taxes this year"),
        # transcripts and headlines
        ('"KELLER: Well, look, the rates will rise. Nobody can stop that.',
         "KELLER", ":", "Well, look, the rates will rise. Nobody can stop that"),
        ("Keller: Rates Will Rise Again Next Year", "Keller", ":", "Rates Will Rise Again Next Year"),
        ('Said Keller: "The rates will rise."', "Keller", "Said", "The rates will rise"),
        # mixed quotes and unusual cue verbs
        ('The mayor said the plan was "ready to go" and would cost less than expected.', "The mayor", "said",
         'the plan was "ready to go" and would cost less than expected'),
        ('"We are exhausted," the nurse sighed.', "the nurse", "sighed", "We are exhausted"),
        ("The candidate tweeted that the debate had been rigged.", "The candidate", "tweeted",
         "that the debate had been rigged"),
        ("The council endorsed the plan to rebuild the bridge.", "The council", "endorsed",
         "the plan to rebuild the bridge"),
        ("Keller blasted the plan as reckless.", "Keller", "blasted", "the plan as reckless"),
        ("The senator has insisted that the vote was fair.", "The senator", "has insisted", "that the vote was fair"),
        ("Keller spoke in Ohio on Friday, saying the plan would fail.", "Keller", "saying", "the plan would fail"),
        ("Keller praised the workers and said the plan would fail.", "Keller", "said", "the plan would fail"),
        ("Keller did not name the mayor, but told supporters that the city deserved better.", "Keller", "told",
         "that the city deserved better"),
        ("The veterans group wrote to the senator that it had not approved the flyers.", "The veterans group",
         "wrote", "that it had not approved the flyers"),
        ('In a statement, her chief of staff, Ana Ruiz, said: "The vote was fair."', "Ana Ruiz", "said",
         "The vote was fair"),
        ("A lawyer for the nurses' union, Ana Ruiz, said the ward was full.",
         "A lawyer for the nurses' union, Ana Ruiz", "said", "the ward was full"),
        # a second statement of the same speaker ends the first one's content
        ("The mayor said the bridge would open in May and warned that it could be late.", "The mayor", "said",
         "the bridge would open in May"),
        ("The mayor said the bridge would open in May and warned that it could be late.", "The mayor", "warned",
         "that it could be late"),
        # a time or channel right after the cue is no content (PolNeAR puts the day in the cue
        # in 41 of 76 "said <weekday>" in train; the learned cue ranker leaves it out here)
        ("The mayor said Friday that the bridge would open in May.", "The mayor", "said",
         "that the bridge would open in May"),
        ('The mayor said via email, "The bridge will open in May."', "The mayor", "said",
         "The bridge will open in May"),
        # a cue word as a noun inside the source; a vague "according to" after its content
        ("Trump demeaned women, according to show insiders.", "show insiders", "according to",
         "Trump demeaned women"),
        ("Trump demeaned women, according to reports.", "reports", "according to reports",
         "Trump demeaned women"),
        # the source of an inserted "according to" ends at its comma
        ("The minister, according to some reports, has resigned.", "some reports", "according to",
         "The minister"),
        # once the content ranker ends the stance at its comma, the speaker's own report is a
        # statement of its own
        ("Keller, citing figures from the city treasury, said that the budget would run out in May.",
         "Keller", "said", "that the budget would run out in May"),
        # the learned cue ranker takes a particle into the cue, as PolNeAR marks it
        ("Warren railed against the corrupting influence of super PACs.", "Warren", "railed against",
         "the corrupting influence of super PACs"),
        # a prepositional phrase or "even" before the speaker is no part of the source
        ("In a radio interview Keller declared that the plan would fail.", "Keller", "declared",
         "that the plan would fail"),
        ("Even the mayor says the plan will fail.", "the mayor", "says", "the plan will fail"),
        # a discourse opener stays out of a content that opens the sentence
        ("For instance, the bridge will open in May, the mayor said.", "the mayor", "said",
         "the bridge will open in May"),
        ("But the bridge will open in May, according to the city engineer.", "the city engineer", "according to",
         "the bridge will open in May"),
        # ", as X said" and "As X said, ...": the clause on the other side of the comma
        ("It does not answer whether Keller had a gun, as police have said.", "police", "have said",
         "It does not answer whether Keller had a gun"),
        ("As the mayor said last week, the bridge will open in May.", "the mayor", "said",
         "the bridge will open in May"),
        # passive, impersonal, "according to", nested
        ("It was reported that the plant would close.", None, "It was reported", "the plant would close"),
        ("The minister is believed to have resigned.", None, "is believed to",
         "The minister is believed to have resigned"),
        ("There are reports that the border has been closed.", "reports", "There are reports",
         "the border has been closed"),
        # a name with an age or a number, or after a determiner, before a long aside
        ("81-year-old Ana Ruiz, a retired nurse who voted for Tom Hale, said that the clinic should stay open.",
         "81-year-old Ana Ruiz, a retired nurse who voted for Tom Hale", "said",
         "that the clinic should stay open"),
        ("Ruiz, 35, the daughter of the former mayor, said on Monday that she would run.",
         "Ruiz, 35, the daughter of the former mayor", "said", "that she would run"),
        ('"The clinic will close," the economist Tom Hale, a former adviser to the mayor, wrote on his blog.',
         "the economist Tom Hale, a former adviser to the mayor", "wrote", "The clinic will close"),
        # an aside that is no part of the speaker: a prepositional phrase, "meanwhile"
        ("Ruiz, in a long interview with the local paper, said that the clinic would stay open.", "Ruiz", "said",
         "that the clinic would stay open"),
        ("Ruiz, meanwhile, who sits on the board, said the clinic would stay open.", "Ruiz", "said",
         "the clinic would stay open"),
        # an aside that opens with a participle and holds a cue word used as a noun
        ("Ana Ruiz, facing a stiff challenge from Tom Hale, noted that the bridge would open in May.",
         "Ana Ruiz, facing a stiff challenge from Tom Hale", "noted", "that the bridge would open in May"),
        ("Prices will rise, according to the central bank.", "the central bank", "according to", "Prices will rise"),
        ("The Post reports that sources said the deal was off.", "The Post", "reports",
         "that sources said the deal was off"),
        ("The Post reports that sources said the deal was off.", "sources", "said", "the deal was off"),
        ("A person familiar with the plans said the bridge would be rebuilt.", "A person familiar with the plans",
         "said", "the bridge would be rebuilt"),
        # a head noun and what it belongs to ("a spokesman for the campaign"), before or after the content
        ("The bridge will close in May, a spokesman for the city said.", "a spokesman for the city", "said",
         "The bridge will close in May"),
        ("Lawyers for the family said the video should be released.", "Lawyers for the family", "said",
         "the video should be released"),
        # a surname that is also a modal, an adverb of time inside the cue, a period before "that"
        ("Prime Minister Theresa May said that the talks would resume.", "Prime Minister Theresa May", "said",
         "that the talks would resume"),
        ("Economists have long argued that tariffs raise prices.", "Economists", "have long argued",
         "that tariffs raise prices"),
        ("Officials said this week that the road would reopen.", "Officials", "said", "that the road would reopen"),
        ("The senator has since said that she would vote against the bill.", "The senator", "has since said",
         "that she would vote against the bill"),
        # the verb group in the cue; a participle after a quotation and its speaker
        ("Carson did not mention any of his rivals by name.", "Carson", "did not mention",
         "any of his rivals by name"),
        ("Clinton has been criticizing the plan for months.", "Clinton", "has been criticizing",
         "the plan for months"),
        ('"The vote was rigged," Mayor Ana Ruiz said in a statement, adding that she would appeal.',
         "Mayor Ana Ruiz", "said in a statement", "The vote was rigged"),
        ('"The vote was rigged," Mayor Ana Ruiz said in a statement, adding that she would appeal.',
         "Mayor Ana Ruiz", "adding", "that she would appeal"),
        # a participle after a quotation's closing mark or a dash is a statement of the same speaker
        ("Speaking in Ohio, Ruiz insisted that the plan “will work,” claiming that costs would fall.",
         "Ruiz", "claiming", "that costs would fall"),
        ("Ruiz says the plan will work — asserting that costs would fall.", "Ruiz", "asserting",
         "that costs would fall"),
        ("Ruiz says the plan will work — asserting that costs would fall.", "Ruiz", "says", "the plan will work"),
        # a speaker with a long aside of its own commas after a quotation; a nested single mark at the end
        ("''The clinic is a disaster,'' Ana Ruiz, 67, a retired nurse in Allentown, Pa., said in an interview.",
         "Ana Ruiz, 67, a retired nurse in Allentown, Pa.", "said", "The clinic is a disaster"),
        ("''I would call it 'old-school,''' said Tom Hale, a former aide.", "Tom Hale, a former aide", "said",
         "I would call it 'old-school"),
        # curly, doubled-apostrophe and missing quotation marks
        ("“Curly quotes work,” she said.", "she", "said", "Curly quotes work"),
        ("''Doubled apostrophes work too,'' said Ms. Keller.", "Ms. Keller", "said", "Doubled apostrophes work too"),
        ('He said "unbalanced quotes never end', "He", "said", "unbalanced quotes never end"),
    ],
)
def test_hard_cases(text, source, cue, content):
    matches = [a for a in extract_attributions(text) if a.cue is not None and a.cue.text == cue
               and (a.source.text if a.source else None) == source]
    assert matches, f"no attribution with source {source!r} and cue {cue!r}: {extract_attributions(text)}"
    assert matches[0].content.text.strip(" .") == content


def test_a_question_put_to_the_speaker_is_not_a_speaker():
    # "Asked" opening a sentence is no inverted "Said X:": its object is the question, not a source.
    found = extract_attributions("Asked about the shooting, Clinton said the police should release the video.")
    assert [(a.source.text if a.source else None, a.cue.text if a.cue else None) for a in found] == [
        ("Clinton", "said")]


def test_relative_pronoun_source_resolves_to_its_antecedent():
    text = "The plan was backed by Finance Minister Ana Ruiz, who noted that taxes had fallen twice."
    (found,) = [a for a in extract_attributions(text) if a.cue is not None and a.cue.text == "noted"]
    assert found.source is not None and found.source.text == "who"
    assert found.source_id == "ana_ruiz"


def test_a_signed_quotation_is_one_statement():
    text = "Getty.\n\n“Rates will rise again. Nobody can stop that.”― Maria Keller\n“Next one.” ― Ana Ruiz"
    found = extract_attributions(text)
    assert [a.source.text for a in found if a.source] == ["Maria Keller", "Ana Ruiz"]


def test_a_stance_inside_a_reported_clause_is_part_of_it():
    found = extract_attributions("The mayor said the audit criticized the budget.")
    assert [(a.cue.text if a.cue else None, a.content.text) for a in found] == [
        ("said", "the audit criticized the budget")]


def test_quotation_continued_after_the_cue():
    text = '"The first part of the plan is ready," the mayor said. "The second part will follow in spring."'
    (found,) = extract_attributions(text)
    assert found.content.text == "The first part of the plan is ready"
    assert found.continuation is not None and found.continuation.text.startswith("The second part")
    assert text[found.continuation.start : found.continuation.end] == found.continuation.text


@pytest.mark.parametrize("text", [
    # The repairs re-read these (the rules take "to ABC News" for the content); the quotation
    # after them still continues the statement.
    '"The vote is lost," Dana Reyes stated to ABC News. "We will try again next year."',
    '"The vote is lost," Dana Reyes told CNN on Monday. "We will try again next year."',
    # The quotation opening the next paragraph.
    '"The vote is lost," Dana Reyes said.\n\n"We will try again next year."',
])
def test_quotation_continued_after_a_cue_told_to_an_outlet(text):
    (found,) = extract_attributions(text)
    assert (found.source.text, found.content.text) == ("Dana Reyes", "The vote is lost")
    assert found.continuation is not None and found.continuation.text == "We will try again next year."


def test_a_sentence_glued_to_the_cue_sentence_is_read_apart():
    text = "The plan failed, Dana Reyes said.The senator disagreed with her."
    found = extract_attributions(text)
    assert [(a.source.text, a.content.text) for a in found if a.source] == [("Dana Reyes", "The plan failed")]


def test_pronouns_and_titles_refer_back():
    text = ('Finance Minister Ana Ruiz said the talks had failed. "We will try again," she said. '
            "Ruiz added that she would travel to Brussels.")
    found = extract_attributions(text)
    assert len(found) == 3 and len({a.source_id for a in found}) == 1


# Real PolNeAR dev sentences (file, gold cue offsets): our relation must overlap the gold one.
REAL_CASES = [
    ("huff-post_2016-09-27_latinos-share-their-most-honest-", 4145, "a quotation signed after a dash"),
    ("breitbart_2016-09-25_pence-gennifer-flowers-won-t-be-", 861, "a transcript turn after a quote mark"),
    ("politico_2016-10-04_trump-not-walking-the-walk-on-hi", 6049, "'Said X:' opening the sentence"),
    ("huff-post_2016-09-27_hillary-clinton-goes-after-donal", 6791, "a parenthesis in the speaker's name"),
    ("breitbart_2016-09-12_stealth-over-health-hillary-clin", 554, "'The Post has learned' after the content"),
    ("politico_2016-09-23_partisan-fireworks-over-clinton-", 1127, "parenthesis and appositive before 'said'"),
    ("nyt_2016-10-02_a-curious-plan-to-fight-climate-", 14817, "doubled-apostrophe quote, appositive speaker"),
    ("nyt_2016-10-02_a-curious-plan-to-fight-climate-", 5321, "a stance no rule reads: 'is promising to'"),
    ("breitbart_2016-09-30_the-latest-trump-urges-supporter", 10353, "a stance no rule reads: 'is promoting'"),
    ("huff-post_2016-09-27_hillary-clinton-goes-after-donal", 3920, "a relative pronoun as the source"),
    ("huff-post_2016-10-07_frustrated-parents-rally-nationw", 3569, "an aside with a 'which' clause of its own"),
    ("nyt_2016-09-16_clinton-plan-for-taxes-is-expans", 1880, "a long appositive with two roles"),
    ("nyt_2016-09-08_obama-on-climate-change-the-tren", 11941, "a 'who' aside before a stance verb"),
    ("wash-post_2016-09-14_a-lesson-from-loretta-lynch-be-t", 27, "'from X:' and a quotation in a headline"),
]


# Real PolNeAR train sentences opening with a past participle and its phrase up to a comma, by
# file and the gold cue's offset: the speaker is the subject after that comma, not the participle.
PARTICIPLE_OPENERS = [
    ("nyt_2016-05-18_clinton-hints-at-husband-s-job-r", 1224),  # asked ..., then "and said"
    ("politico_2015-12-15_carson-huckabee-fiorina-earned-s", 6112),  # asked ..., a second verb after "and"
    ("politico_2015-12-23_ben-carson-hints-at-major-campai", 4149),  # reached by ..., a participle after a comma
    ("politico_2016-04-13_standing-with-activists-mark-viv", 2944),  # asked ..., a second verb after "and"
]


@pytest.mark.parametrize(("name", "cue_start"), PARTICIPLE_OPENERS)
def test_participle_opener_is_no_speaker_real(shared, name, cue_start):
    from conftest import need

    from reliability._attribution_eval import _extract, _jaccard, _trimmed, read_ann

    train = need(shared / "data" / "polnear" / "train")
    text = (train / "text" / f"{name}.txt").read_text(encoding="utf-8")
    ann = sorted((train / "attributions").glob(f"{name}_*.ann"))[0]
    gold = next(r for r in read_ann(ann) if r.cue and r.cue[0][0] == cue_start)
    found = [p for p in _extract(text) if p.cue and _jaccard(p.cue, gold.cue) > 0]
    assert found and found[0].source is not None and gold.source is not None
    assert _jaccard(_trimmed(text, found[0].source), _trimmed(text, gold.source)) >= 0.5


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        ("Asked whether he would run, Smith shrugged and said he had not decided.", "Smith"),
        ("Asked about the vote, the mayor laughed and said it was fine.", "the mayor"),
        ("Pressed on the deficit, Ms. Ortiz paused, adding that cuts were coming.", "Ms. Ortiz"),
        # A name ending in -ed is no participle: nothing is skipped.
        ("Ted shrugged and said he had not decided.", "Ted"),
    ],
)
def test_participle_opener_is_no_speaker(text, speaker):
    found = extract_attributions(text)
    assert found and found[-1].source is not None and found[-1].source.text == speaker


@pytest.mark.parametrize(
    ("text", "cue", "content"),
    [
        ("Clinton seemed to suggest that the deal was dead.", "seemed to suggest", "that the deal was dead"),
        ("The governor refused to say whether he would sign the bill.", "refused to say",
         "whether he would sign the bill"),
        ("Sanders continues to insist that the race is open.", "continues to insist", "that the race is open"),
    ],
)
def test_verb_chain_cue(text, cue, content):
    """PolNeAR's cue is the verb chain when the verb after "to" is a cue too."""
    (found,) = extract_attributions(text)
    assert found.cue is not None and found.cue.text == cue
    assert found.content.text == content


def test_verb_chain_cue_real(polnear_dev):
    """A real dev sentence (file and gold cue offset): the gold cue is the verb chain."""
    from reliability._attribution_eval import _extract, _jaccard, _trimmed, read_ann

    name = "breitbart_2016-10-03_the-latest-trump-s-leaked-taxes-"
    text = (polnear_dev / "text" / f"{name}.txt").read_text(encoding="utf-8")
    ann = sorted((polnear_dev / "attributions").glob(f"{name}_*.ann"))[0]
    gold = next(r for r in read_ann(ann) if r.cue and r.cue[0][0] == 3132)
    assert any(p.cue and _jaccard(_trimmed(text, p.cue), _trimmed(text, gold.cue)) >= 0.5 for p in _extract(text))


@pytest.mark.parametrize(
    ("text", "source", "cue"),
    [
        ("Trump doesn’t believe that the polls are fair.", "Trump", "doesn’t believe"),
        ("The senator didn't say whether he would vote.", "The senator", "didn't say"),
        ("Her aides haven’t said when she will return.", "Her aides", "haven’t said"),
    ],
)
def test_contracted_negation_belongs_to_the_cue(text, source, cue):
    (found,) = extract_attributions(text)
    assert found.source is not None and found.source.text == source
    assert found.cue is not None and found.cue.text == cue


@pytest.mark.parametrize(
    ("name", "cue_start"),
    [("usa-today_2016-09-08_lawmaker-urges-retaliation-on-ru", 1569),
     ("usa-today_2016-09-23_trump-questions-the-fairness-of-", 2627)],
)
def test_contracted_negation_real(polnear_dev, name, cue_start):
    """Real dev sentences (file and gold cue offset) with a contracted negation before the cue."""
    from reliability._attribution_eval import _extract, _jaccard, _trimmed, read_ann

    text = (polnear_dev / "text" / f"{name}.txt").read_text(encoding="utf-8")
    ann = sorted((polnear_dev / "attributions").glob(f"{name}_*.ann"))[0]
    gold = next(r for r in read_ann(ann) if r.cue and r.cue[0][0] == cue_start)
    found = [p for p in _extract(text) if p.cue and _jaccard(_trimmed(text, p.cue), _trimmed(text, gold.cue)) >= 0.5]
    assert found and found[0].source is not None and gold.source is not None
    assert _jaccard(_trimmed(text, found[0].source), _trimmed(text, gold.source)) >= 0.5


@pytest.mark.parametrize(
    ("text", "source"),
    [
        ("Trump just said that the polls were rigged.", "Trump"),
        ("He soon said that the plan would fail.", "He"),
        ("Ms. Ortiz, for example, said that the plan would fail.", "Ms. Ortiz"),
        ("The mayor, for his part, said the bridge was safe.", "The mayor"),
    ],
)
def test_adverb_or_discourse_aside_is_not_the_source(text, source):
    (found,) = extract_attributions(text)
    assert found.source is not None and found.source.text == source


def test_discourse_aside_real(shared):
    """A real train sentence (file and gold cue offset): ', for example,' stays out of the source."""
    from conftest import need

    from reliability._attribution_eval import _extract, _jaccard, _trimmed, read_ann

    train = need(shared / "data" / "polnear" / "train")
    name = "nyt_2016-02-25_rubio-has-the-praise-just-not-th"
    text = (train / "text" / f"{name}.txt").read_text(encoding="utf-8")
    ann = sorted((train / "attributions").glob(f"{name}_*.ann"))[0]
    gold = next(r for r in read_ann(ann) if r.cue and r.cue[0][0] == 6542)
    found = [p for p in _extract(text) if p.cue and _jaccard(_trimmed(text, p.cue), _trimmed(text, gold.cue)) >= 0.5]
    assert found and found[0].source is not None and gold.source is not None
    assert _trimmed(text, found[0].source) == _trimmed(text, gold.source)


@pytest.mark.parametrize(("name", "cue_start", "what"), REAL_CASES)
def test_real_polnear_cases(polnear_dev, name, cue_start, what):
    from reliability._attribution_eval import _extract, _jaccard, _trimmed, read_ann

    text = (polnear_dev / "text" / f"{name}.txt").read_text(encoding="utf-8")
    ann = sorted((polnear_dev / "attributions").glob(f"{name}_*.ann"))[0]
    gold = next(r for r in read_ann(ann) if r.cue and r.cue[0][0] == cue_start)
    found = [p for p in _extract(text) if p.cue and _jaccard(p.cue, gold.cue) > 0]
    assert found, f"{what}: cue not found"
    assert _jaccard(_trimmed(text, found[0].content), _trimmed(text, gold.content)) >= 0.5, what
    assert gold.source is not None and found[0].source is not None
    assert _jaccard(_trimmed(text, found[0].source), _trimmed(text, gold.source)) >= 0.5, what


GATE = "attributions_polnear_dev"
GATED = ("cue_f1_overlap", "source_f1_overlap", "content_f1_overlap", "relation_f1", "all_f1_exact",
         "cue_f1_exact", "source_f1_exact", "content_f1_exact")


def _dev_figures(polnear_dev: Path) -> tuple[dict[str, float], str]:
    from reliability._attribution_eval import evaluate_attributions

    result = evaluate_attributions(polnear_dev)
    texts = [polnear_dev / "text" / (ann.stem.rsplit("_", 1)[0] + ".txt") for ann in result.files]
    figures = result.figures()
    return {k: figures[k] for k in GATED}, quality_gate.hash_files([*result.files, *texts])


def test_polnear_dev_quality_gate(polnear_dev):
    """Extraction on PolNeAR dev must not drop below the floors pinned in tests/quality/."""
    figures, digest = _dev_figures(polnear_dev)
    quality_gate.check(GATE, figures, digest)


if __name__ == "__main__":  # re-pin: python tests/test_attributions.py (floors can only rise)
    import sys

    from conftest import SHARED

    figures, digest = _dev_figures(SHARED / "data" / "polnear" / "dev")
    print(quality_gate.pin(GATE, figures, digest, command="reliability evaluate-attributions "
                           "../shared/data/polnear/dev --json (re-pin: python tests/test_attributions.py)"),
          figures, file=sys.stderr)


# --- directness on a hand-labelled set -------------------------------------------------------

DIRECTNESS = Path(__file__).resolve().parent / "data" / "directness.json"
DIRECTNESS_FLOOR = 0.9  # share of hand labels the extractor agrees with (measured 33 of 36)


def _directness_items(shared_dir: Path | None):
    import json

    for item in json.loads(DIRECTNESS.read_text(encoding="utf-8"))["items"]:
        if "file" in item:
            if shared_dir is None or not (shared_dir / item["file"]).exists():
                continue
            text = (shared_dir / item["file"]).read_text(encoding="utf-8")
            start, end = item["cue"]
        else:
            text = item["text"]
            start = text.index(item["cue"])
            end = start + len(item["cue"])
        yield item, text, start, end


def test_directness_agrees_with_hand_labels(shared):
    agree, disagreements, total = 0, [], 0
    for item, text, start, end in _directness_items(shared):
        total += 1
        found = [a for a in extract_attributions(text) if a.cue is not None and a.cue.start < end and start < a.cue.end]
        got = found[0].directness if found else None
        if got == item["directness"]:
            agree += 1
        else:
            disagreements.append((text[start:end], item["directness"], got))
    assert total >= 30
    assert agree / total >= DIRECTNESS_FLOOR, f"{agree}/{total} agree; (cue, label, extracted): {disagreements}"


def test_written_directness_items_are_all_right():
    """Our own sentences: every one must come out with its label."""
    wrong = []
    for item, text, start, end in _directness_items(None):
        found = [a for a in extract_attributions(text) if a.cue is not None and a.cue.start < end and start < a.cue.end]
        if not found or found[0].directness != item["directness"]:
            wrong.append((text, item["directness"], found[0].directness if found else None))
    assert not wrong, wrong


# --- the evaluation metric itself ------------------------------------------------------------

METRIC_TEXT = 'The mayor said that the bridge would open in May. "It is safe," the engineer added.'


def _span(part: str, after: int = 0) -> tuple[tuple[int, int], ...]:
    start = METRIC_TEXT.index(part, after)
    return ((start, start + len(part)),)


def _write_polnear(tmp_path: Path) -> Path:
    (tmp_path / "text").mkdir()
    (tmp_path / "attributions").mkdir()
    (tmp_path / "text" / "a.txt").write_text(METRIC_TEXT, encoding="utf-8")
    lines, number = [], 0
    for k, (source, cue, content) in enumerate(
        [("The mayor", "said", "that the bridge would open in May"), ("the engineer", "added", "It is safe,")], 1
    ):
        ids = []
        for role, part in (("Source", source), ("Cue", cue), ("Content", content)):
            number += 1
            ((start, end),) = _span(part)
            lines.append(f"T{number}\t{role} {start} {end}\t{part}")
            ids.append(f"{role}:T{number}")
        lines.append(f"E{k}\tAttribution:T{number - 1} " + " ".join(ids))
    (tmp_path / "attributions" / "a_x1.ann").write_text("\n".join(lines) + "\n", encoding="utf-8")
    (tmp_path / "attributions" / "a_x2.ann").write_text("", encoding="utf-8")  # a second annotator: ignored
    return tmp_path


def test_metric_exact_overlap_and_relations(tmp_path):
    from reliability._attribution_eval import Relation, load_gold, score

    (article,) = load_gold(_write_polnear(tmp_path))
    assert article.annotation.name == "a_x1.ann" and len(article.relations) == 2
    predicted = [
        # exact but for the trimmed quotation mark and comma
        Relation(_span('"It is safe,"'), _span("the engineer"), _span("added")),
        # content overlaps (Jaccard >= 0.5) without "that", source is shorter: "mayor"
        Relation(_span("the bridge would open in May"), _span("mayor"), _span("said")),
        Relation(_span("It is"), None, None),  # a spurious content
    ]
    counts = score(article.text, predicted, article.relations)
    assert (counts["cue_exact"].tp, counts["cue_exact"].fp, counts["cue_exact"].fn) == (2, 0, 0)
    assert (counts["content_exact"].tp, counts["content_exact"].fp) == (1, 2)
    assert (counts["content_overlap"].tp, counts["content_overlap"].fp, counts["content_overlap"].fn) == (2, 1, 0)
    assert counts["source_exact"].tp == 1 and counts["source_overlap"].tp == 2  # "mayor" vs "The mayor": 5/9
    assert (counts["relation"].tp, counts["relation"].fp, counts["relation"].fn) == (2, 1, 0)
    assert counts["all_exact"].tp == 4


def test_evaluate_attributions_command(tmp_path, capsys):
    import json

    from reliability.cli import main

    directory = _write_polnear(tmp_path)
    assert main(["evaluate-attributions", str(directory), "--json"]) == 0
    figures = json.loads(capsys.readouterr().out)
    assert figures["cue_f1_overlap"] == 1.0 and 0 <= figures["relation_f1"] <= 1
    assert main(["evaluate-attributions", str(tmp_path / "nowhere")]) == 1
    assert "text/ and attributions/" in capsys.readouterr().err


def test_cue_model_loads_and_a_malformed_file_is_a_data_error(tmp_path, monkeypatch):
    from reliability import DataError, _cue_model, _resources

    tagger = _cue_model.cue_tagger()
    assert tagger is not None and 0 < tagger.threshold < 1 and "said" in tagger.candidates
    (tmp_path / _cue_model.MODEL_FILE).write_text('{"weights": [1, 2]}', encoding="utf-8")
    monkeypatch.setattr(_resources, "models_dir", lambda: tmp_path)
    with pytest.raises(DataError, match="build_cue_tagger"):
        _cue_model.cue_tagger.__wrapped__()


def test_cue_model_scores_exactly_the_features_it_was_trained_on():
    """The template tables the scorer reads give the same probability as the feature names."""
    import math

    from reliability._cue_model import cue_tagger, in_quote_flags, token_features
    from reliability._segmentation import segment

    tagger = cue_tagger()
    assert tagger is not None
    seg = segment('"We will not raise taxes," the minister said, adding that she had warned the cabinet. '
                  "Reports show the plan was endorsed by KELLER: yes. "
                  '"It was said," he said, "that they told us what she argued." said')
    flags = in_quote_flags(seg)
    for i in range(len(seg.tokens)):
        z = tagger.bias + sum(tagger.weights.get(f, 0.0) for f in token_features(seg.tokens, i, flags))
        expected = 0.0 if z < -30 else 1.0 / (1.0 + math.exp(-z))
        # Exactly: the per-word tables add the same values in the same order (reports must not move).
        assert tagger.probability(seg.tokens, i, flags) == expected
    # The batch an article uses gives each token exactly what a call for it alone gives.
    every = range(len(seg.tokens))
    assert tagger.probabilities(seg.tokens, every, flags) == [tagger.probability(seg.tokens, i, flags) for i in every]


def test_statement_filter_loads_and_a_malformed_file_is_a_data_error(tmp_path, monkeypatch):
    from reliability import DataError, _resources, _statement_model

    keeper = _statement_model.statement_filter()
    assert keeper is not None and 0 < keeper.threshold < 1 and keeper.cue_threshold < keeper.sure
    (tmp_path / _statement_model.MODEL_FILE).write_text('{"weights": {"cf=said": 1.0}}', encoding="utf-8")
    monkeypatch.setattr(_resources, "models_dir", lambda: tmp_path)
    with pytest.raises(DataError, match="build_statement_filter"):
        _statement_model.statement_filter.__wrapped__()


def test_statement_filter_scores_its_features_and_judges_only_unsure_cues(monkeypatch):
    """A cue the cue model is sure of ("said", "according to"), or does not score (a dash), stays
    whatever the filter says; a statement read from an unsure cue ("is pushing", 0.4) is judged."""
    import math
    from dataclasses import replace

    from reliability import _attributions, _statement_model
    from reliability._segmentation import segment

    keeper = _statement_model.statement_filter()
    assert keeper is not None
    text = ("The mayor said the bridge would open in May. Prices will rise, according to the central bank. "
            "Rates will rise again next year — Maria Keller, the bank's chief economist. "
            "Clinton is pushing a plan to lower taxes.")
    seen = []

    class Recorder:
        cue_threshold, fallback, fallback_bare, sure = (keeper.cue_threshold, keeper.fallback,
                                                        keeper.fallback_bare, keeper.sure)

        def keep(self, seg, found, cue_probs):
            seen.extend((item, _statement_model.statement_features(seg, item, cue_probs),
                         _statement_model.cue_probability(seg, item, cue_probs)) for item in found)
            return found

    monkeypatch.setattr(_attributions, "statement_filter", lambda: Recorder())
    _attributions.find_attributions(segment(text))
    probabilities = {text[item.cue[0] : item.cue[1]]: p for item, _, p in seen}
    assert probabilities["—"] is None
    assert min(probabilities["said"], probabilities["according to"]) >= keeper.sure \
        > probabilities["is pushing"] >= keeper.cue_threshold
    for _, features, _ in seen:
        z = keeper.bias + sum(keeper.weights.get(f, 0.0) for f in features)
        assert keeper.probability(features) == pytest.approx(1.0 / (1.0 + math.exp(-z)))

    def cues(threshold: float) -> set[str]:
        monkeypatch.setattr(_attributions, "statement_filter", lambda: replace(keeper, threshold=threshold))
        return {a.cue.text for a in extract_attributions(text) if a.cue is not None}

    assert cues(0.0) == {"said", "according to", "—", "is pushing"}
    assert cues(1.01) == {"said", "according to", "—"}  # the filter can drop only the unsure one


@pytest.mark.parametrize("loader", ["content_end_model", "cue_end_model", "source_end_model"])
def test_span_rankers_load_and_a_malformed_file_is_a_data_error(tmp_path, monkeypatch, loader):
    from reliability import DataError, _resources, _span_model

    ranker = getattr(_span_model, loader)()
    assert ranker is not None and len(ranker.weights) > 1000
    for name in (_span_model.CONTENT_MODEL_FILE, _span_model.CUE_MODEL_FILE, _span_model.SOURCE_MODEL_FILE):
        (tmp_path / name).write_text('{"weights": [1, 2]}', encoding="utf-8")
    monkeypatch.setattr(_resources, "models_dir", lambda: tmp_path)
    with pytest.raises(DataError, match="build_span_rankers"):
        getattr(_span_model, loader).__wrapped__()


def test_span_rankers_score_exactly_the_features_they_were_trained_on():
    """The per-template tables give the same score as the feature names the weights file uses."""
    from reliability._segmentation import segment
    from reliability._span_model import (
        CONTENT_TEMPLATES,
        CUE_TEMPLATES,
        content_end_model,
        cue_end_model,
        cue_end_rows,
        cue_end_values,
        end_rows,
        end_values,
        feature_names,
    )

    seg = segment("Trump accused Holt of being a Democrat in an interview on Monday, and the mayor, "
                  "who spoke to reporters, said the plan would fail.")
    tokens, stop = seg.tokens, len(seg.tokens)
    for ranker, templates, values in (
        (content_end_model(), CONTENT_TEMPLATES, lambda j: end_values(tokens, 2, j, stop, 6, "accused", j // 3)),
        (cue_end_model(), CUE_TEMPLATES, lambda j: cue_end_values(tokens, 1, j, stop, 2)),
    ):
        assert ranker is not None
        for j in range(2, stop - 1):
            expected = sum(ranker.weights.get(f, 0.0) for f in feature_names(templates, values(j)))
            assert ranker.score(values(j)) == pytest.approx(expected, abs=1e-9)
    # The rows the rankers score in one batch are the single end points' values, in order.
    ends = list(range(2, stop - 1))
    assert end_rows(tokens, 2, ends, stop, 6, "accused", [j // 3 for j in ends]) == \
        [end_values(tokens, 2, j, stop, 6, "accused", j // 3) for j in ends]
    assert cue_end_rows(tokens, 1, ends, stop, 2) == [cue_end_values(tokens, 1, j, stop, 2) for j in ends]


@pytest.mark.parametrize(
    ("text", "cue", "content"),
    [
        # the content ranker ends an object before a relative clause PolNeAR leaves out
        ("Senator Graham has acknowledged the reality of climate change, which makes him an outlier "
         "among Republicans.", "has acknowledged", "the reality of climate change"),
        ("Ted Cruz endorses Trump, who says he is honored.", "endorses", "Trump"),
        # the cue ranker takes a particle and the content starts after it
        ("Warren railed against the corrupting influence of super PACs.", "railed against",
         "the corrupting influence of super PACs"),
    ],
)
def test_learned_span_ends(text, cue, content):
    matches = [a for a in extract_attributions(text) if a.cue is not None and a.cue.text == cue]
    assert matches, extract_attributions(text)
    assert matches[0].content.text == content


def test_learned_spans_stay_in_the_text_and_apart_from_their_cue():
    """Grown cues and re-ended contents and sources keep valid offsets and never overlap their own cue."""
    from reliability._attributions import find_attributions
    from reliability._segmentation import segment

    text = ("The mayor said the bridge would open in May and warned that it could be late, "
            "according to a report released last week by the city council. Keller accused Holt "
            "of lying, said Ruth Bell, a council member who asked not to be named.")
    found = find_attributions(segment(text))
    assert len(found) >= 3
    for item in found:
        spans = [s for s in (item.source, item.cue, item.content) if s is not None]
        assert all(0 <= s < e <= len(text) for s, e in spans)
        assert item.cue is None or item.cue[1] <= item.content[0] or item.content[1] <= item.cue[0]
        assert item.source is None or item.cue is None or item.source[1] <= item.cue[0] \
            or item.cue[1] <= item.source[0]


@pytest.mark.parametrize(
    ("text", "cue", "content", "continuation"),
    [
        # Passives and "expected to" with no agent: no source; the subject and what follows the
        # cue are the two pieces of the content, as PolNeAR marks them.
        ("The bridge is expected to open in May.", "is expected", "The bridge", "to open in May"),
        ("In the end, the contractors have been blamed for the delay.", "have been blamed for",
         "the contractors", "the delay"),
        ("Two of the senators were accused of leaking the memo.", "were accused of", "Two of the senators",
         "leaking the memo"),
        # A personal or relative pronoun is the first piece too (PolNeAR train has 78 such
        # relations: "she | is widely expected | to capture ...", "who | was known for | ...").
        ("He was accused of lying.", "was accused of", "He", "lying"),
        ("On Monday the crowd cheered Ana Ruiz, who is expected to win the runoff.", "is expected", "who",
         "to win the runoff"),
        ("Ruiz is known for her blunt speeches.", "is known for", "Ruiz", "her blunt speeches"),
    ],
)
def test_impersonal_passive_has_no_source_and_a_two_piece_content(text, cue, content, continuation):
    (found,) = extract_attributions(text)
    assert found.source is None and found.directness == "vague"
    assert (found.cue.text, found.content.text, found.continuation.text) == (cue, content, continuation)


@pytest.mark.parametrize(
    "text",
    [
        "It was expected to rain.",  # "it": the vague-source rules' phrase, no subject of its own
        "The mayor is a banker and has been mentioned as a candidate.",  # no subject of its own
    ],
)
def test_impersonal_passive_needs_a_subject_of_its_own(text):
    assert extract_attributions(text) == []


def test_impersonal_reading_leaves_the_vague_rules_their_phrases():
    # "is reported to" is a vague report (the vague-source rules), not a passive with no agent.
    (found,) = extract_attributions("The virus is reported to spread before symptoms show.")
    assert found.source is None and found.cue.text == "is reported to"


@pytest.mark.parametrize(
    ("text", "source", "cue", "content"),
    [
        # An adjective of feeling or certainty after "be": its subject holds the stance and is
        # the source, not the content's first piece as in "The bridge | is expected | to open".
        ("Some farmers are worried that the new dam will flood their fields.", "Some farmers", "are worried",
         "that the new dam will flood their fields"),
        ("Local teachers were hopeful that the strike would end before the exams.", "Local teachers",
         "were hopeful", "that the strike would end before the exams"),
        # The preposition belongs to the cue, an infinitive's "to" to the content.
        ("The union leaders are wary of signing a deal before the election.", "The union leaders", "are wary of",
         "signing a deal before the election"),
        ("Ms. Ortega is eager to finish the report before the summer.", "Ms. Ortega", "is eager",
         "to finish the report before the summer"),
    ],
)
def test_a_stance_adjective_has_its_subject_as_source(text, source, cue, content):
    (found,) = extract_attributions(text)
    assert (found.source.text, found.cue.text, found.content.text) == (source, cue, content)
    assert found.continuation is None and found.directness == "indirect"


def test_a_vague_adverb_survives_an_unsure_statement_in_its_sentence():
    # "question" is a cue the model is unsure of here; the statement filter drops that reading,
    # and "reportedly" must still attribute the sentence (it used to be lost with it).
    text = ("For the governor, who reportedly has been eager to hit the road for the party, the key "
            "question is whether voters who backed him will follow his lead.")
    found = extract_attributions(text)
    assert [(a.cue.text, a.source, a.directness) for a in found] == [("reportedly", None, "vague")]


@pytest.mark.parametrize(("text", "source", "content"), [
    ("'The plan will fail,' said Jones.", "Jones", "The plan will fail"),
    ("\u2018The plan will fail,\u2019 Jones said.", "Jones", "The plan will fail"),
    ("The minister said: 'We will not back down.' Then she left.", "The minister", "We will not back down."),
])
def test_quotations_in_single_marks_are_direct_quotes(text, source, content):
    found = extract_attributions(text)
    assert [(a.source.text if a.source else None, a.content.text, a.directness) for a in found] == [
        (source, content, "direct_quote")
    ]


@pytest.mark.parametrize("text", [
    "The nurses' union said it would strike.",  # a plural possessive, not a closing mark
    "Don't let 'em tell you it can't be done, she said.",  # elisions and contractions
])
def test_apostrophes_open_no_quotation(text):
    from reliability._segmentation import segment

    assert segment(text).quotes == []


@pytest.mark.parametrize(("text", "source"), [
    # A quantity before "of" is part of the source, as PolNeAR marks it (session 6; train source
    # overlap +37 tp, relation +36); "Many of the voters" was read already.
    ("Only 52 percent of registered voters said they trusted the count.", "Only 52 percent of registered voters"),
    ("A majority of the council members said the budget was too small.", "A majority of the council members"),
    ("A number of local farmers told reporters that the river was low.", "A number of local farmers"),
    ("Many of the voters said they would stay home.", "Many of the voters"),
])
def test_a_quantity_before_of_belongs_to_the_source(text, source):
    assert extract_attributions(text)[0].source.text == source


@pytest.mark.parametrize(("text", "source", "content"), [
    # A name after a dash or "from", a colon, then a quotation (session 7: train cue +14 tp -3 fp).
    ("Turnout is the story - Dana Whitfield: \u201cThe early vote doubled in the suburbs.\u201d",
     "Dana Whitfield", "The early vote doubled in the suburbs."),
    ("More from Whitfield: \u201cThe gap closed in the last week.\u201d", "Whitfield",
     "The gap closed in the last week."),
])
def test_a_name_then_a_colon_then_a_quotation(text, source, content):
    found = [a for a in extract_attributions(text) if a.cue is not None and a.cue.text == ":"]
    assert [(a.source.text if a.source else None, a.content.text, a.directness) for a in found] == [
        (source, content, "direct_quote")
    ]


def test_a_colon_before_a_quotation_needs_a_name():
    text = "The rules are simple: \u201cNobody leaves early.\u201d"
    assert [a for a in extract_attributions(text) if a.cue is not None and a.cue.text == ":"] == []


def test_a_transcript_turn_is_a_statement_with_its_own_statements_inside():
    text = ("HARRIS: Do you think the bill will pass this week?\n\n"
            "OKAFOR: I think it will pass. I expect a close vote on Thursday.\n\n"
            "HARRIS: Thank you.")
    turns = [a for a in extract_attributions(text) if a.cue is not None and a.cue.text == ":"]
    assert [(a.source.text, a.content.text) for a in turns][:2] == [
        ("HARRIS", "Do you think the bill will pass this week"),
        ("OKAFOR", "I think it will pass. I expect a close vote on Thursday"),  # the whole turn
    ]


@pytest.mark.parametrize("text", [
    "UPDATE: The company said on Friday that the recall covers all models.",
    "BOOM: The senator said the hearing was a sham.\n\nThe hearing resumed an hour later.",
])
def test_a_lone_label_in_capitals_is_no_transcript_turn(text):
    assert [a for a in extract_attributions(text) if a.cue is not None and a.cue.text == ":"] == []


@pytest.mark.parametrize(("text", "source", "content"), [
    # A sentence opening with "In" and a poll reports the poll's finding (session 7: train cue
    # +17 tp +3 fp, dev +2 tp); PolNeAR's cue is "In".
    ("In a Marist poll released Tuesday, 61 percent of likely voters backed the levy.",
     "a Marist poll released Tuesday", "61 percent of likely voters backed the levy"),
    ("In the county's own survey, most residents opposed the new landfill.",
     "the county's own survey", "most residents opposed the new landfill"),
])
def test_a_poll_opening_the_sentence_is_the_source(text, source, content):
    found = [a for a in extract_attributions(text) if a.cue is not None and a.cue.text == "In"]
    assert [(a.source.text, a.content.text) for a in found] == [(source, content)]


@pytest.mark.parametrize("text", [
    "In eight of nine states where exit polls were conducted, turnout fell sharply.",
    "In the polls, anyway.",
    "In a memo released as polls closed, the campaign manager conceded the state.",
])
def test_in_and_a_poll_that_is_not_the_source(text):
    assert [a for a in extract_attributions(text) if a.cue is not None and a.cue.text == "In"] == []


@pytest.mark.parametrize(("text", "source", "cue"), [
    # The contracted auxiliary belongs to the cue, as PolNeAR marks it (session 7: dev cue exact
    # +6 tp -6 fp, train +32 / -32).
    ("He’s predicting that the levy will pass.", "He", "’s predicting"),
    ("They’ve said the plan is dead.", "They", "’ve said"),
    ("I'd argue that the count was fair.", "I", "'d argue"),
])
def test_a_contracted_auxiliary_belongs_to_the_cue(text, source, cue):
    found = extract_attributions(text)
    assert [(a.source.text, a.cue.text) for a in found] == [(source, cue)]


@pytest.mark.parametrize(("text", "source", "cue"), [
    # A verb between the auxiliary and the cue is part of the cue, not the speaker (session 7:
    # dev cue overlap +4 tp -1 fp, source +3).
    ("The governor has avoided directly criticizing the council.", "The governor", "has avoided directly criticizing"),
    ("Mr. Ortiz has lately started asking his donors for more.", "Mr. Ortiz", "has lately started asking"),
])
def test_a_verb_chain_before_the_cue_is_no_speaker(text, source, cue):
    found = extract_attributions(text)
    assert [(a.source.text, a.cue.text) for a in found] == [(source, cue)]


def test_a_dateline_is_no_speaker():
    # Session 7: the subject of ", saying" skips "CITY (AGENCY) —" (train source -4 fp).
    text = "BOSTON (AP) — The mayor vetoed the budget on Tuesday, saying it spent too much on parking."
    assert [(a.source.text, a.cue.text) for a in extract_attributions(text) if a.cue.text == "saying"] == [
        ("The mayor", "saying")
    ]


def test_a_noun_with_its_modifiers_is_no_speaker():
    # Session 7: a word only the cue model reads, after a phrase that fails the speaker check,
    # gets no source from that phrase (dev source overlap -9 fp, train -46 fp).
    text = "The campaign account spent the week re-tweeting several negative comments about the moderator."
    assert all(a.source is None or a.source.text != "re-tweeting several negative" for a in extract_attributions(text))


@pytest.mark.parametrize(("text", "content", "continuation"), [
    # After '"...," X said', a participle or "when" clause is no content: the quotation before is,
    # and the next quotation continues it (session 7: train content overlap +43 tp -22 fp).
    ("\u201cThe count was fair,\u201d Alvarez said, referring to the recount. \u201cWe checked it twice.\u201d",
     "The count was fair", "We checked it twice."),
    ("\u201cNobody gets it perfect,\u201d Alvarez said when asked about the delays. \u201cWe keep working.\u201d",
     "Nobody gets it perfect", "We keep working."),
    ("\u201cHe was wrong,\u201d Alvarez said of the mayor. \u201cAnd he knows it.\u201d",
     "He was wrong", "And he knows it."),
])
def test_a_participle_after_the_speaker_leaves_the_quotation_as_content(text, content, continuation):
    said = [a for a in extract_attributions(text) if a.cue.text == "said"]
    assert [(a.content.text, a.continuation.text if a.continuation else None) for a in said] == [
        (content, continuation)
    ]


@pytest.mark.parametrize(("text", "content", "continuation"), [
    # One quotation split by its speaker: the content is both halves (session 7: dev content
    # exact +11 tp -11 fp, overlap +2).
    ("\u201cWe checked the count twice,\u201d Ms. Alvarez said, \u201cand it held both times.\u201d",
     "We checked the count twice", "and it held both times"),
    ("\u201cThe levy is dead,\u201d said Tom Reyes, the council's budget chief, \u201cunless the state steps in.\u201d",
     "The levy is dead", "unless the state steps in"),
])
def test_a_quotation_split_by_its_speaker_is_one_content(text, content, continuation):
    found = extract_attributions(text)
    assert [(a.content.text, a.continuation.text if a.continuation else None) for a in found] == [
        (content, continuation)
    ]


@pytest.mark.parametrize(("text", "content", "continuation"), [
    # After a quotation that ends at the speaker, the words after a verb of saying are its hearer
    # or an adjunct, not the content (session 7: train content overlap +91 tp -76 fp).
    ("\u201cWe will not fold,\u201d Ms. Reyes told a room of donors in Dayton. \u201cNot this year.\u201d",
     "We will not fold", "Not this year."),
    ("\u201cIt was a hard count,\u201d Mr. Okafor recalled last week. \u201cBut a fair one.\u201d",
     "It was a hard count", "But a fair one."),
])
def test_the_quotation_before_the_speaker_is_the_content(text, content, continuation):
    found = [a for a in extract_attributions(text) if a.source is not None]
    assert [(a.content.text, a.continuation.text if a.continuation else None) for a in found] == [
        (content, continuation)
    ]


def test_a_question_that_ends_the_sentence_before_its_speaker_is_a_direct_quote():
    # Session 7: the quotation before the sentence counts as quoted, so the next one continues it.
    text = "\u201cWhy would we wait?\u201d Ms. Reyes said. \u201cThe money is there now.\u201d"
    found = extract_attributions(text)
    assert [(a.content.text, a.continuation.text if a.continuation else None, a.directness) for a in found] == [
        ("Why would we wait?", "The money is there now.", "direct_quote")
    ]


@pytest.mark.parametrize(("text", "source"), [
    # A party label between commas, as USA Today writes it, and a slash between names, are part
    # of the source (session 7: dev source overlap +4 tp -3 fp).
    ("\u201cWe will act,\u201d Senate Majority Leader Ann Cole, R-Ky., said Tuesday.",
     "Senate Majority Leader Ann Cole, R-Ky"),
    ("Sen. Tom Reyes, D-Calif., said the levy would fail.", "Sen. Tom Reyes, D-Calif"),
    ("The Marist/Gallup poll showed the levy ahead by four points.", "The Marist/Gallup poll"),
])
def test_a_party_label_or_a_slash_stays_in_the_source(text, source):
    assert extract_attributions(text)[0].source.text == source


@pytest.mark.parametrize(("text", "source", "content", "continuation"), [
    # A report inserted into its content with the speaker after the cue (session 7): the source
    # stops at its appositive, and what follows is the content's second piece.
    ("The trouble with the levy, says Ann Cole, a budget analyst at the college, is that nobody reads it.",
     "Ann Cole, a budget analyst at the college", "The trouble with the levy", "is that nobody reads it"),
    ("But, said Reyes, \u201cthe count is still open.\u201d", "Reyes", "But", "the count is still open."),
])
def test_a_report_inserted_with_the_speaker_after_the_cue(text, source, content, continuation):
    found = extract_attributions(text)
    assert [(a.source.text, a.content.text, a.continuation.text if a.continuation else None) for a in found] == [
        (source, content, continuation)
    ]


def test_a_relative_clause_after_the_appositive_is_no_second_piece():
    text = "\u201cWe will win,\u201d said Ann Cole, the mayor, who spoke in Dayton."
    assert [a.continuation for a in extract_attributions(text)] == [None]


def test_a_quotation_continues_after_a_speaker_with_abbreviations():
    # Session 7: the cue sentence ends where the segmentation ends it, not at the first full stop
    # ("U.S."), so the next quotation continues the statement (dev content +3 tp -3 fp).
    text = ("\u201cIt was a hard count,\u201d said Ann Cole, an analyst at the U.S. Census Bureau. "
            "\u201cBut a fair one.\u201d")
    found = extract_attributions(text)
    assert [(a.content.text, a.continuation.text if a.continuation else None) for a in found] == [
        ("It was a hard count", "But a fair one.")
    ]


@pytest.mark.parametrize(("text", "source"), [
    # A head noun after a determiner and what it is "of" stay in the source (session 7: dev
    # source exact +2 tp -2 fp, train +18 / -19).
    ("The city of Dayton is demanding a refund from the contractor.", "The city of Dayton"),
    ("A review of records indicates that the count was fair.", "A review of records"),
    # An abbreviation the tokenizer splits ("E.U" and ".") stays in the name.
    ("Other E.U. leaders have proposed a common fund.", "Other E.U. leaders"),
])
def test_a_head_noun_and_what_it_is_of_are_the_source(text, source):
    assert extract_attributions(text)[0].source.text == source


@pytest.mark.parametrize(("text", "source", "content"), [
    # A quotation that ends at its speaker but does not open the sentence finishes a paraphrase:
    # the words before the mark are the content's too (PolNeAR marks them).
    ('Teachers in the district are "tired of waiting," said Ana Ruiz, a union organiser.',
     "Ana Ruiz, a union organiser", 'Teachers in the district are "tired of waiting'),
    ("After two dry summers, \u201cthe reservoir is close to empty,\u201d the water board said.", "the water board",
     "After two dry summers, \u201cthe reservoir is close to empty"),
    ('The plan is "a disaster for farmers," Senator Cole said on Tuesday.', "Senator Cole",
     'The plan is "a disaster for farmers'),
    # A quotation that opens the sentence is the content alone.
    ('"The reservoir is close to empty," the water board said.', "the water board",
     "The reservoir is close to empty"),
])
def test_words_before_a_quotation_that_ends_at_its_speaker_are_content(text, source, content):
    (found,) = extract_attributions(text)
    assert (found.source.text, found.content.text, found.directness) == (source, content, "direct_quote")


def test_a_statement_before_the_quotation_keeps_the_quotation_apart():
    # "called" is a statement of its own: Ruiz's content is the quoted word, not Cole's statement.
    found = {a.cue.text: a for a in extract_attributions('Cole called the plan a "disaster," Ruiz said.')}
    assert found["said"].content.text == "disaster" and found["called"].source.text == "Cole"


def test_an_opening_adverb_is_no_subject():
    # A capitalised opener is no subject: the speaker of ", calling ..." is not "Shortly". (The
    # subject after an opener with no comma, "the governor", is not found yet: no source.)
    text = "Shortly before noon the governor signed the bill, calling it a victory for farmers."
    (found,) = extract_attributions(text)
    assert found.source is None and found.directness == "vague"


@pytest.mark.parametrize(("text", "cue"), [
    # A pronoun right before the verb is the whole speaker, not the end of a longer phrase.
    ("The tax cut is a gift to the rich she says will cost the state dearly.", "says"),
    ("It is a fight they believe the town can win.", "believe"),
    ("In the letter to the board she wrote that the school would close.", "wrote"),
])
def test_a_pronoun_before_the_cue_is_the_whole_speaker(text, cue):
    found = next(a for a in extract_attributions(text) if a.cue.text == cue)
    assert found.source.text in ("she", "they")


@pytest.mark.parametrize(("text", "content", "continuation"), [
    # "seem" and "appear" name no speaker: the subject is the content's first piece, as in the
    # impersonal passive, with or without "to" after the verb.
    ("Donald Trump seemed to imply that people with guns could stop her.", "Donald Trump",
     "to imply that people with guns could stop her"),
    ("Trump's supporters seemed equally unperturbed by the news.", "Trump's supporters",
     "equally unperturbed by the news"),
    ("The mayor, who seems ready for a fight, said the vote was rigged.", "who", "ready for a fight"),
])
def test_seem_and_appear_have_no_source(text, content, continuation):
    found = next(a for a in extract_attributions(text) if a.cue.text.startswith(("seem", "appear")))
    assert found.source is None and found.directness == "vague"
    assert (found.content.text, found.continuation.text) == (content, continuation)


def test_seem_before_a_verb_of_saying_keeps_the_speaker():
    (found,) = extract_attributions("He appeared to suggest that the veterans were weak.")
    assert found.source.text == "He" and found.content.text == "that the veterans were weak"


@pytest.mark.parametrize(("text", "source"), [
    # The sentence's subject, speaker of ", saying ...": the noun after a possessive or after a
    # quantifier that opens the sentence is its head, not the first verb after it.
    ("Trump's representatives left early, saying the venue was too small.", "Trump's representatives"),
    ("Each faction met for hours, saying the rules were unfair.", "Each faction"),
])
def test_the_subject_runs_past_a_possessive_or_a_quantifier(text, source):
    (found,) = extract_attributions(text)
    assert found.source.text == source and found.cue.text == "saying"


@pytest.mark.parametrize(
    ("text", "source"),
    [
        ("And now Ms. Ruiz has taken on a bigger fight, vowing to repeal the tax by spring.", "Ms. Ruiz"),
        ("Yet she did not stop at the budget, also calling on voters to reject the levy.", "she"),
        ("And even Obama tried to calm the room, noting that the talks would resume.", "Obama"),
        ("Then he turned on the mayor, calling him a coward in front of the crowd.", "he"),
        # A comma after the opening word still leaves the whole phrase before the subject.
        ("But in May, the union wrote to members, warning that a strike was near.", "the union"),
    ],
)
def test_a_conjunction_opening_the_sentence_is_one_word_before_the_subject(text, source):
    found = extract_attributions(text)
    assert found and found[-1].source is not None and found[-1].source.text == source


@pytest.mark.parametrize(
    ("text", "source"),
    [
        ("Ms. Ortiz tried to win over the crowd by calling for a new tax on banks.", "Ms. Ortiz"),
        ("The senator surged in the polls last fall by warning that the plant would close.", "The senator"),
    ],
)
def test_the_speaker_of_a_gerund_after_by_is_the_subject(text, source):
    found = [a for a in extract_attributions(text)
             if a.cue is not None and a.cue.text.endswith(("calling for", "warning"))]
    assert found and found[0].source is not None and found[0].source.text == source


@pytest.mark.parametrize(
    ("text", "source"),
    [
        ("At a diner in Keene, N.H., on Monday, Senator Ada Brooks praised the plan, saying it would help farmers.",
         "Senator Ada Brooks"),
        ("Speaking at a fair in Ames, Iowa, the governor turned on his rival, calling him a coward.", "the governor"),
        ("Boston (AFP) – Mayor Lena Ortiz has rejected the deal, saying it would cost the city too much.",
         "Mayor Lena Ortiz"),
        # A name after the opening phrase's comma is the subject, not a place.
        ("In Ames, Clinton spoke for an hour, saying the race was close.", "Clinton"),
    ],
)
def test_a_state_time_phrase_or_dateline_before_the_subject_is_skipped(text, source):
    found = [a for a in extract_attributions(text) if a.cue is not None and a.cue.text in ("saying", "calling")]
    assert found and found[0].source is not None and found[0].source.text == source


@pytest.mark.parametrize(
    ("text", "content"),
    [
        ("In the coming weeks, she vowed to block the new pipeline.", "to block the new pipeline"),
        ("In a later debate, he warned of the cost of the new tariffs.", "the cost of the new tariffs"),
        ("Earlier in 2014, the envoy wrote about a trip to the border.", "a trip to the border"),
        # A clause before the speaker is still the content.
        ("The talks have failed, he said of the deal.", "The talks have failed"),
    ],
)
def test_a_phrase_opening_the_sentence_is_no_content(text, content):
    (found,) = extract_attributions(text)
    assert found.content.text == content


@pytest.mark.parametrize(
    ("text", "source"),
    [
        ("Ms. Ruiz, the county's chief planner, toured the site, warning that the road would flood.",
         "Ms. Ruiz, the county's chief planner"),
        # An aside of place or a relative clause is left out, as PolNeAR marks it.
        ("Ms. Ruiz, in Denver, toured the site, warning that the road would flood.", "Ms. Ruiz"),
        ("Ms. Ruiz, who runs the agency, toured the site, warning that the road would flood.", "Ms. Ruiz"),
    ],
)
def test_an_appositive_after_the_subject_belongs_to_the_speaker_of_a_participle(text, source):
    found = [a for a in extract_attributions(text) if a.cue is not None and a.cue.text == "warning"]
    assert found and found[0].source is not None and found[0].source.text == source


@pytest.mark.parametrize(
    ("text", "source"),
    [
        ("Ukrainian hackers took over the site, claiming that the vote was rigged.", "Ukrainian hackers"),
        ("Ortiz supporters gathered outside, chanting that the count was unfair.", "Ortiz supporters"),
    ],
)
def test_a_plural_group_noun_ends_the_subject(text, source):
    found = [a for a in extract_attributions(text) if a.cue is not None and a.cue.text in ("claiming", "chanting")]
    assert found and found[0].source is not None and found[0].source.text == source


@pytest.mark.parametrize(
    ("text", "source"),
    [
        ("Two-thirds of the nurses said the shifts were too long.", "Two-thirds of the nurses"),
        ("Three-quarters of the members said the fee was fair.", "Three-quarters of the members"),
    ],
)
def test_a_hyphenated_fraction_is_part_of_the_source(text, source):
    (found,) = [a for a in extract_attributions(text) if a.cue is not None and a.cue.text == "said"]
    assert found.source is not None and found.source.text == source


@pytest.mark.parametrize(
    ("text", "speaker", "content"),
    [
        (
            "Mayor Lin said that the bridge would reopen in May, while Councilwoman Ortiz said that the repairs "
            "would take a year.",
            "Mayor Lin",
            "that the bridge would reopen in May",
        ),
        (
            "The governor argued the tax was unfair — the treasurer insisted that it was needed.",
            "The governor",
            "the tax was unfair",
        ),
    ],
)
def test_a_content_ends_where_another_statement_starts(text, speaker, content):
    (found,) = [a for a in extract_attributions(text) if a.source is not None and a.source.text == speaker]
    assert found.content.text == content


def test_a_statement_nested_after_that_stays_in_the_content():
    text = "The Herald reports that officials said the plant would close."
    (outer,) = [a for a in extract_attributions(text) if a.cue is not None and a.cue.text == "reports"]
    assert outer.content.text == "that officials said the plant would close"


def test_an_impersonal_statement_ends_at_a_spaced_dash():
    (found,) = extract_attributions("The new bridge is expected to open in May — a month later than planned.")
    assert found.source is None and found.content.text == "The new bridge"
    assert found.continuation is not None and found.continuation.text == "to open in May"


@pytest.mark.parametrize(
    ("text", "source"),
    [
        ("A member of the family said the house would be sold.", "A member of the family"),
        ("Several supporters of the levy argued that the schools needed it.", "Several supporters of the levy"),
        ("People with knowledge of the talks said a deal was near.", "People with knowledge of the talks"),
    ],
)
def test_a_source_after_of_or_with_takes_its_head(text, source):
    (found,) = [a for a in extract_attributions(text) if a.cue is not None and a.cue.text in ("said", "argued")]
    assert found.source is not None and found.source.text == source
