from __future__ import annotations

import pydantic
import pytest

from reliability import Attribution, ReliabilityReport, Span


def test_span_text_must_match_its_length():
    with pytest.raises(pydantic.ValidationError):
        Span(start=0, end=5, text="abc")
    with pytest.raises(pydantic.ValidationError):
        Span(start=5, end=2, text="")


def test_records_are_frozen_and_strict():
    span = Span(start=0, end=3, text="abc")
    with pytest.raises(pydantic.ValidationError):
        span.start = 1  # type: ignore[misc]
    with pytest.raises(pydantic.ValidationError):
        Span(start=0, end=3, text="abc", extra=1)  # type: ignore[call-arg]
    with pytest.raises(pydantic.ValidationError):
        Attribution(content=span, directness="hearsay")  # type: ignore[arg-type]


def test_every_field_is_described():
    from reliability import _records

    for name in _records.__all__:
        record = getattr(_records, name)
        if isinstance(record, type) and issubclass(record, pydantic.BaseModel):
            for field_name, field in record.model_fields.items():
                assert field.description, f"{name}.{field_name} has no description"


def test_schema_names_the_contract_fields():
    schema = ReliabilityReport.model_json_schema()
    assert set(schema["required"]) >= {"score", "label", "logit", "base_value", "model"}
    assert {"claims", "sources", "chains", "explanations", "features"} <= set(schema["properties"])
