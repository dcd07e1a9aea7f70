from __future__ import annotations

import pytest

from reliability import extract_attributions
from reliability._outlets import outlet_for_url, registered_domain
from reliability._pipeline import analyze
from reliability._records import Article
from reliability._resources import outlets


def _sources(text: str):
    return {s.name: s for s in analyze(Article(text=text)).sources}


def test_registry_has_the_required_outlets():
    registry = outlets()
    assert len(registry) >= 150
    by_id = {o.id: o for o in registry}
    for required in ("rt", "sputnik", "tass", "channel_one_russia", "rossiya_1", "cgtn", "xinhua", "global_times",
                     "kcna", "press_tv", "sana", "reuters", "associated_press", "afp"):
        assert required in by_id, required
    for state in ("rt", "tass", "channel_one_russia", "xinhua", "kcna"):
        assert by_id[state].state_affiliated and by_id[state].kind == "state_media"
    assert by_id["reuters"].kind == "wire_agency"
    assert all(o.fact for o in registry)


def test_blog_hosts_are_separate_publishers_offline():
    assert registered_domain("https://alice.blogspot.com/2024/post") == "alice.blogspot.com"
    assert registered_domain("bob.blogspot.com") == "bob.blogspot.com"
    outlet, domain = outlet_for_url("https://alice.blogspot.com/x")
    assert domain == "alice.blogspot.com" and outlet is not None and outlet.kind == "blog"


@pytest.mark.parametrize(
    ("text", "name", "kind"),
    [
        ("Foreign Minister Lena Ortiz said the talks had failed.", "Lena Ortiz", "official"),
        ("Professor Omar Haddad, an economist, said prices would rise.", "Omar Haddad", "expert"),
        ("Maria Stone said she would run again.", "Maria Stone", "person"),
        ("Officials said the road would reopen.", "Officials", "anonymous"),
        ("According to TASS, the talks had failed.", "TASS", "state_media"),
        ("According to Reuters, the talks had failed.", "Reuters", "wire_agency"),
    ],
)
def test_kinds(text, name, kind):
    sources = _sources(text)
    assert name in sources, list(sources)
    assert sources[name].kind == kind


def test_mentions_cluster_into_one_source():
    text = (
        "Economist Rosa Delgado said inflation would fall. Delgado added that wages would rise. "
        '"It will take a year," she said.'
    )
    found = extract_attributions(text)
    assert len({a.source_id for a in found}) == 1
    source = _sources(text)["Rosa Delgado"]
    assert {m.text for m in source.mentions} >= {"Economist Rosa Delgado", "Delgado", "she"}


def test_a_pundit_on_state_tv_is_affiliated_with_it():
    text = "Analyst Pavel Orlov said on Rossiya 1 that the sanctions had failed."
    sources = _sources(text)
    orlov = sources["Pavel Orlov"]
    assert orlov.affiliated_with is not None
    assert any(s.id == orlov.affiliated_with and s.kind == "state_media" for s in sources.values())


def test_loose_state_media_takes_the_country():
    sources = _sources("A commentator said on Russian state TV that the war was going well.")
    state = [s for s in sources.values() if s.kind == "state_media"]
    assert state and state[0].country == "RU"
