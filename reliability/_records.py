"""Every record the library passes between stages and returns to callers.

All records are frozen pydantic models that forbid unknown fields, so a report read back from
JSON is equal to the one written. Every span is a pair of character offsets into
``Article.text`` together with the text it covers.
"""

from __future__ import annotations

from datetime import date, datetime
from typing import Annotated, Literal

from pydantic import BaseModel, ConfigDict, Field, model_validator

__all__ = [
    "DIRECTNESS_ORDER",
    "Article",
    "Attribution",
    "CitationChain",
    "Claim",
    "ClaimReason",
    "Directness",
    "Explanation",
    "Label",
    "LabelledArticle",
    "ModelInfo",
    "ReliabilityReport",
    "Source",
    "SourceKind",
    "Span",
]

SourceKind = Literal[
    "person",
    "official",
    "expert",
    "organization",
    "news_outlet",
    "wire_agency",
    "state_media",
    "blog",
    "social_media",
    "anonymous",
    "unknown",
]

Directness = Literal["direct_quote", "indirect", "secondhand", "vague", "unattributed"]

#: The directness scale from most to least direct.
DIRECTNESS_ORDER: tuple[Directness, ...] = (
    "direct_quote",
    "indirect",
    "secondhand",
    "vague",
    "unattributed",
)

Label = Literal["low", "mixed", "high"]

ARTICLE_SOURCE_ID = "article"


class _Record(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")


class Span(_Record):
    """A stretch of the article text, by character offsets."""

    start: Annotated[int, Field(ge=0, description="Offset of the first character in Article.text.")]
    end: Annotated[int, Field(ge=0, description="Offset one past the last character.")]
    text: str = Field(description="The covered text; always equal to Article.text[start:end].")

    @model_validator(mode="after")
    def _check_offsets(self) -> Span:
        if self.end < self.start:
            raise ValueError(f"span end {self.end} is before its start {self.start}")
        if len(self.text) != self.end - self.start:
            raise ValueError("span text length does not match its offsets")
        return self


class Article(_Record):
    """The input: an article's text and what is known about it."""

    text: str = Field(description="The body text. All spans point into this string.")
    title: str | None = Field(default=None, description="The headline, if known.")
    url: str | None = Field(default=None, description="Where the article was published, if known.")
    published: date | datetime | None = Field(
        default=None, description="Publication date, if known."
    )


class Source(_Record):
    """Someone or something a statement is attributed to, or a relay it travelled through."""

    id: str = Field(description='Stable id within one report; the article itself is "article".')
    name: str = Field(description="The fullest name the text gives for this source.")
    kind: SourceKind = Field(description="What sort of source this is.")
    domain: str | None = Field(
        default=None, description="Registered domain of an outlet or platform, if known."
    )
    country: str | None = Field(
        default=None, description="ISO 3166-1 alpha-2 country code, if known."
    )
    state_affiliated: bool = Field(
        default=False, description="True for outlets funded or directed by a state."
    )
    affiliated_with: str | None = Field(
        default=None,
        description="Id of a source this one speaks through or for (a pundit on state TV).",
    )
    mentions: list[Span] = Field(
        default_factory=list, description="Every place the text names or refers to this source."
    )


class Attribution(_Record):
    """One reported statement: who said what, by which cue, how directly."""

    source: Span | None = Field(
        default=None, description='The words naming the source; None when there is none ("reportedly").'
    )
    cue: Span | None = Field(
        default=None, description='The words that mark the report ("said", "according to").'
    )
    content: Span = Field(description="What is reported.")
    continuation: Span | None = Field(
        default=None,
        description='The rest of a quotation the cue interrupts: B in \'"A," she said. "B."\' (None when none).',
    )
    directness: Directness = Field(description="How directly the article reports the statement.")
    source_id: str | None = Field(
        default=None, description="Id of the resolved Source, once sources are resolved."
    )


class CitationChain(_Record):
    """The path a claim travelled, from its origin to this article."""

    id: str = Field(description="Stable id within one report.")
    hops: list[str] = Field(
        min_length=1, description='Source ids from the origin to "article", in order.'
    )
    depth: Annotated[int, Field(ge=0, description="Number of relays between origin and article.")]


class ClaimReason(_Record):
    """One reason a claim's own score is what it is: a factor, its weight, in words, with evidence."""

    factor: str = Field(description='What was found, as a stable name ("directness_vague", "hedged").')
    weight: float = Field(
        description="Its additive share of the claim's logit; positive means better sourced."
    )
    message: str = Field(description="What was found and why it matters, in plain English.")
    evidence: list[Span] = Field(
        default_factory=list, description="The words in the article that show it."
    )


class Claim(_Record):
    """A check-worthy statement of the article."""

    id: str = Field(description="Stable id within one report.")
    text: Span = Field(description="The statement.")
    attribution: Attribution | None = Field(
        default=None, description="Who the statement is attributed to; None when unattributed."
    )
    chain_id: str | None = Field(default=None, description="Id of the claim's CitationChain.")
    hedges: list[Span] = Field(
        default_factory=list, description='Hedging words inside the claim ("may", "reportedly").'
    )
    score: Annotated[float, Field(ge=0.0, le=1.0)] | None = Field(
        default=None,
        description="How well the claim itself is sourced, in [0, 1], from its attribution, chain "
        "and hedges: sigmoid(claim base + the sum of reason weights). None until the report "
        "is scored. A rule-based figure, not a calibrated probability.",
    )
    reasons: list[ClaimReason] = Field(
        default_factory=list,
        description="Why the claim scores as it does, largest weight (in magnitude) first.",
    )


class Explanation(_Record):
    """One feature's share of the score, in words, with the text that shows it."""

    feature: str = Field(description="The feature name, as in ReliabilityReport.features.")
    value: float = Field(description="The feature's value for this article.")
    contribution: float = Field(
        description="Its additive contribution to the logit; positive means more reliable."
    )
    message: str = Field(description="What was found and why it matters, in plain English.")
    evidence: list[Span] = Field(
        default_factory=list, description="Where in the text the feature was found."
    )


class ModelInfo(_Record):
    """Which model produced a score."""

    name: str = Field(description="The model's name.")
    version: str = Field(description="The library version that trained it.")
    trained_on: list[str] = Field(description="The datasets it was trained on.")
    metrics: dict[str, float] = Field(
        default_factory=dict, description="Evaluation figures from its model card."
    )


class ReliabilityReport(_Record):
    """How far an article can be trusted, and why."""

    score: Annotated[
        float,
        Field(ge=0.0, le=1.0, description="Calibrated probability that the article is reliable."),
    ]
    label: Label = Field(description="low, mixed or high, from score thresholds on the model card.")
    logit: float = Field(description="The model's raw log-odds before calibration.")
    base_value: float = Field(
        description="The logit of an article whose every feature is at its training mean; "
        "base_value + the sum of explanation contributions == logit."
    )
    claims: list[Claim] = Field(default_factory=list, description="Claims found in the article.")
    sources: list[Source] = Field(default_factory=list, description="Sources and relays found.")
    chains: list[CitationChain] = Field(default_factory=list, description="Citation chains.")
    explanations: list[Explanation] = Field(
        default_factory=list,
        description="Every feature's contribution, largest magnitude first.",
    )
    features: dict[str, float] = Field(
        default_factory=dict, description="The feature vector, by feature name."
    )
    model: ModelInfo = Field(description="The model that produced the score.")
    language: str = Field(
        default="und",
        description='The language the text appears to be in: "en", another ISO 639-1 code, '
        '"und-<Script>" when only the script is known, "und" when undetermined. The lexicons '
        "and the model are English-only: for any other language the score is not meaningful.",
    )
    warnings: list[str] = Field(
        default_factory=list,
        description="Caveats about this report in plain English, such as text that is not English.",
    )


class LabelledArticle(_Record):
    """An article with a reliability label, for training and evaluation."""

    id: str = Field(description="Unique id within its dataset.")
    text: str = Field(description="The body text.")
    label: Annotated[int, Field(ge=0, le=1, description="1 = reliable, 0 = unreliable.")]
    title: str | None = Field(default=None, description="The headline, if known.")
    url: str | None = Field(default=None, description="Where it was published, if known.")
    group: str | None = Field(
        default=None,
        description="The outlet (or other unit) that must not straddle train and test folds.",
    )
    dataset: str | None = Field(default=None, description="Name of the dataset it came from.")
