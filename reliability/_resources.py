"""Bundled data: lexicons, the outlet registry, the default model.

The repository keeps them in top-level ``data/`` and ``models/``; an installed wheel carries them
as the packages ``reliability._data`` and ``reliability._models`` (see ``pyproject.toml``).
Everything is read lazily and cached, so importing the library reads nothing.
"""

from __future__ import annotations

import functools
import importlib.resources
import json
from collections.abc import Callable
from dataclasses import dataclass
from importlib.resources.abc import Traversable
from pathlib import Path
from typing import Any, TypeVar

from ._exceptions import DataError

__all__ = ["Lexicons", "Outlet", "data_dir", "lexicons", "models_dir", "outlets"]


def _bundled(package: str, folder: str) -> Traversable:
    try:
        return importlib.resources.files(package)
    except ModuleNotFoundError:
        # Running from a source checkout that was not installed: the folder sits beside the package.
        return Path(__file__).resolve().parent.parent / folder


def data_dir() -> Traversable:
    """The bundled ``data/`` folder."""
    return _bundled("reliability._data", "data")


def models_dir() -> Traversable:
    """The bundled ``models/`` folder."""
    return _bundled("reliability._models", "models")


_Model = TypeVar("_Model")


def model_json(name: str, build_script: str, make: Callable[[dict[str, Any]], _Model]) -> _Model | None:
    """The bundled JSON model ``models/<name>`` read by ``make``; None when the file is absent.

    A file that does not parse, or lacks what ``make`` reads, is a :class:`DataError` naming the
    script that rebuilds it.
    """
    path = models_dir() / name
    if not path.is_file():
        return None
    try:
        return make(json.loads(path.read_text(encoding="utf-8")))
    except (ValueError, KeyError, TypeError, AttributeError) as exc:
        raise DataError(f"models/{name} is malformed ({exc}); rebuild it with models/{build_script}") from None


def model_weights(raw: dict[str, Any]) -> dict[str, float]:
    """The ``weights`` table of a bundled JSON model (feature name -> weight)."""
    return {str(k): float(v) for k, v in raw["weights"].items()}


def _lines(name: str) -> list[str]:
    """Non-comment, non-blank lines of a lexicon file, stripped."""
    text = data_dir().joinpath("lexicons").joinpath(name).read_text(encoding="utf-8")
    return [ln.strip() for ln in text.splitlines() if ln.strip() and not ln.lstrip().startswith("#")]


@functools.cache
def given_names() -> frozenset[str]:
    """Given names of the US 1990 Census, lower case (data/lexicons/PERSONAL_NAMES.md)."""
    return frozenset(_lines("given_names.txt"))


@functools.cache
def function_words() -> frozenset[str]:
    """The function words of ``data/lexicons/function_words.txt``, as written (lower case)."""
    return frozenset(_lines("function_words.txt"))


def _pairs(name: str) -> dict[str, str]:
    pairs: dict[str, str] = {}
    for number, line in enumerate(_lines(name), 1):
        key, sep, value = line.partition("\t")
        if not sep:
            raise DataError(f"lexicons/{name}: entry {number} ({line!r}) needs a tab between its two fields")
        pairs[key.strip().lower()] = value.strip()
    return pairs


@dataclass(frozen=True, slots=True)
class Lexicons:
    """Word lists the rule-based stages use; all lower case."""

    cue_verbs: frozenset[str]  # every inflected form
    cue_lemma: dict[str, str]  # inflected form -> lemma
    hedges: tuple[str, ...]
    vague_sources: tuple[str, ...]
    roles: dict[str, str]  # role word -> source kind
    state_media_phrases: tuple[str, ...]
    demonyms: dict[str, str]  # country adjective -> ISO code
    boilerplate: frozenset[str]
    stance_verbs: frozenset[str] = frozenset()  # inflected forms of verbs whose object is the content
    outlet_words: frozenset[str] = frozenset()  # "Herald", "Gazette": a capitalised name with one is an outlet


def _inflect(lemma: str) -> list[str]:
    """Regular English inflections of a verb lemma (say -> says, sayed, saying)."""
    if " " in lemma:
        head, _, rest = lemma.partition(" ")
        return [f"{form} {rest}" for form in _inflect(head)]
    forms = [lemma]
    if lemma.endswith("e"):
        forms += [lemma + "s", lemma + "d", lemma[:-1] + "ing"]
    elif lemma.endswith("y") and lemma[-2:-1] not in ("a", "e", "o", "u"):
        forms += [lemma[:-1] + "ies", lemma[:-1] + "ied", lemma + "ing"]
    elif lemma.endswith(("s", "sh", "ch", "x")):
        forms += [lemma + "es", lemma + "ed", lemma + "ing"]
    else:
        forms += [lemma + "s", lemma + "ed", lemma + "ing"]
    return forms


@functools.cache
def lexicons() -> Lexicons:
    """Load every lexicon once."""
    lemma_of: dict[str, str] = {}
    for lemma in _lines("cue_verbs.txt"):
        for form in _inflect(lemma.lower()):
            lemma_of.setdefault(form, lemma.lower())
    stance: set[str] = set()
    for lemma in _lines("stance_verbs.txt"):
        for form in _inflect(lemma.lower()):
            lemma_of.setdefault(form, lemma.lower())
            stance.add(form)
    for form, lemma in _pairs("irregular_verbs.txt").items():
        lemma_of[form] = lemma
        if lemma in stance:
            stance.add(form)
    return Lexicons(
        cue_verbs=frozenset(lemma_of),
        cue_lemma=lemma_of,
        hedges=tuple(h.lower() for h in _lines("hedges.txt")),
        vague_sources=tuple(v.lower() for v in _lines("vague_sources.txt")),
        roles=_pairs("roles.tsv"),
        state_media_phrases=tuple(p.lower() for p in _lines("state_media_phrases.txt")),
        demonyms={k: v.upper() for k, v in _pairs("demonyms.tsv").items()},
        boilerplate=frozenset(b.lower() for b in _lines("boilerplate.txt")),
        stance_verbs=frozenset(stance),
        outlet_words=frozenset(w.lower() for w in _lines("outlet_words.txt")),
    )


@dataclass(frozen=True, slots=True)
class Outlet:
    """One entry of the outlet registry (``data/outlets.json``)."""

    id: str
    name: str
    aliases: tuple[str, ...]
    domains: tuple[str, ...]
    kind: str
    country: str | None
    state_affiliated: bool
    fact: str


_OUTLET_KINDS = {"news_outlet", "wire_agency", "state_media", "blog", "social_media"}


@functools.cache
def outlets() -> tuple[Outlet, ...]:
    """The outlet registry, validated."""
    raw = json.loads(data_dir().joinpath("outlets.json").read_text(encoding="utf-8"))
    result = []
    for number, entry in enumerate(raw.get("outlets", []), 1):
        try:
            outlet = Outlet(
                id=str(entry["id"]),
                name=str(entry["name"]),
                aliases=tuple(entry.get("aliases", ())),
                domains=tuple(d.lower() for d in entry.get("domains", ())),
                kind=str(entry["kind"]),
                country=entry.get("country"),
                state_affiliated=bool(entry.get("state_affiliated", False)),
                fact=str(entry.get("fact", "")),
            )
        except (KeyError, TypeError, AttributeError) as exc:
            raise DataError(f"outlets.json: entry {number} is malformed ({exc!r})") from exc
        if outlet.kind not in _OUTLET_KINDS:
            raise DataError(f"outlets.json: entry {number} ({outlet.id}) has unknown kind {outlet.kind!r}")
        result.append(outlet)
    return tuple(result)
