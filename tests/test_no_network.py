"""Nothing in the library touches the network: import, scoring, extraction and training run
with every socket blocked, in a fresh interpreter so nothing was imported beforehand."""

from __future__ import annotations

import subprocess
import sys
import textwrap


def test_everything_runs_with_sockets_blocked(example_article):
    code = textwrap.dedent(
        """
        import socket

        def refuse(*args, **kwargs):
            raise RuntimeError("network access attempted")

        socket.socket.connect = refuse
        socket.socket.connect_ex = refuse
        socket.create_connection = refuse
        socket.getaddrinfo = refuse

        import reliability
        from reliability import LabelledArticle, extract_attributions, score_article, train
        from reliability._outlets import registered_domain

        text = %r
        report = score_article(text, url="https://someone.blogspot.com/2024/05/post.html")
        assert report.sources[0].domain == "someone.blogspot.com"
        assert extract_attributions(text)
        assert registered_domain("https://news.bbc.co.uk/x") == "bbc.co.uk"
        records = [LabelledArticle(id=str(i), text=text if i %% 2 else text.upper(), label=i %% 2,
                                   group=str(i %% 5)) for i in range(20)]
        train(records, baseline=False)
        print("ok")
        """
    ) % (example_article[1],)
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "ok"
