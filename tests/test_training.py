from __future__ import annotations

import math

import pytest

from reliability import DataError, LabelledArticle, load_model, train

RELIABLE = (
    'Minister Ana Vidal said on Tuesday that the budget was approved by parliament. "We kept every promise," '
    "Vidal told reporters. According to the finance ministry, spending will rise by 2 percent."
)
UNRELIABLE = (
    "SHOCKING! There are reports that the budget hides a secret tax!!! Sources say you will pay more. "
    "Is your money safe? Share this before they delete it!"
)


def _records(n: int = 40) -> list[LabelledArticle]:
    return [
        LabelledArticle(id=str(i), text=RELIABLE if i % 2 else UNRELIABLE, label=i % 2, group=f"outlet{i % 10}")
        for i in range(n)
    ]


def test_train_save_load_round_trip(tmp_path):
    model = train(_records(), name="tiny", seed=1, baseline=False)
    path = model.save(tmp_path / "tiny.joblib")
    loaded = load_model(path)
    assert loaded.card["name"] == "tiny"
    assert loaded.card["metrics"]["grouped_cv_roc_auc"] == pytest.approx(1.0)
    from reliability._features import article_row
    from reliability._pipeline import analyze
    from reliability._records import Article

    x, _ = article_row(analyze(Article(text=UNRELIABLE)))
    logit, base, contributions, _ = loaded.decompose(x)
    assert math.isclose(base + contributions.sum(), logit)
    assert loaded.probability(logit) < 0.5


def test_training_is_deterministic():
    a = train(_records(), seed=3, baseline=False)
    b = train(_records(), seed=3, baseline=False)
    clf_a, clf_b = a.pipeline.named_steps["classifier"], b.pipeline.named_steps["classifier"]
    assert (clf_a.classifier_.coef_ == clf_b.classifier_.coef_).all()
    assert a.calibration == b.calibration


def test_one_label_is_refused():
    records = [r.model_copy(update={"label": 1}) for r in _records()]
    with pytest.raises(DataError, match="one label"):
        train(records)
