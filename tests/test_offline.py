"""Strictly offline: an audit hook refuses every socket, DNS lookup, URL open and subprocess
while a fresh interpreter imports the library, scores, extracts, trains (with the grouped
cross-validation and the TF-IDF baseline evaluation) and evaluates."""

from __future__ import annotations

import subprocess
import sys
import textwrap

CODE = textwrap.dedent(
    """
    import sys

    FORBIDDEN = ("socket.", "urllib.", "http.", "ftplib.", "smtplib.", "subprocess.", "os.system", "os.exec",
                 "os.posix_spawn", "os.spawn", "webbrowser.")

    def audit(event, args):
        if event.startswith(FORBIDDEN):
            raise RuntimeError(f"forbidden while offline: {event} {args!r}"[:200])

    sys.addaudithook(audit)

    import reliability
    from reliability import LabelledArticle, Scorer, extract_attributions, score_article, train

    text = open(sys.argv[1], encoding="utf-8").read()
    report = score_article(text, url="https://someone.blogspot.com/2024/05/post.html")
    assert report.sources[0].domain == "someone.blogspot.com"
    assert extract_attributions(text)
    german = "Der Minister sagte, dass die Steuern sinken werden, aber die Kritiker sind nicht sicher."
    assert Scorer().score(german).language == "de"
    records = [LabelledArticle(id=str(i), text=text if i % 2 else text.upper(), label=i % 2, group=str(i % 5))
               for i in range(20)]
    model = train(records, n_jobs=1)  # grouped CV and the TF-IDF baseline on the same folds
    assert "grouped_cv_roc_auc" in model.card["metrics"]
    reliability.evaluate(records, model=model, n_splits=3, n_jobs=1)
    print("ok")
    """
)


def test_import_score_train_evaluate_with_the_network_forbidden(tmp_path):
    from conftest import EXAMPLE

    result = subprocess.run([sys.executable, "-c", CODE, str(EXAMPLE)], capture_output=True, text=True,
                            timeout=600)
    assert result.returncode == 0, result.stderr[-2000:]
    assert result.stdout.strip() == "ok"


def test_the_hook_does_catch_network_use():
    """The guard is real: the same hook stops a DNS lookup and a connection attempt."""
    probe = CODE.split("import reliability")[0] + textwrap.dedent(
        """
        import socket
        attempts = (lambda: socket.getaddrinfo("example.com", 80), lambda: socket.create_connection(("127.0.0.1", 9)))
        for attempt in attempts:
            try:
                attempt()
            except RuntimeError as exc:
                print("blocked" if "forbidden while offline" in str(exc) else "other")
        """
    )
    result = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, timeout=60)
    assert result.stdout.split() == ["blocked", "blocked"], result.stderr
