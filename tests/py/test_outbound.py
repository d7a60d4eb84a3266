"""The worker's outbound rules without a network: which webhook URLs pass
HQ_OUTBOUND_HOSTS, how Retry-After is read, which answers are retried."""

from __future__ import annotations

import email.utils

import pytest

from hq import outbound


@pytest.mark.parametrize("url, hosts, ok", [
    ("https://api.clay.com/v3/sources/webhook/x", "api.clay.com", True),
    ("https://API.Clay.com./v3/x", "api.clay.com", True),
    ("https://hooks.clay.com/x", "*.clay.com", True),
    ("https://clay.com/x", "*.clay.com", False),            # the wildcard means sub-domains only
    ("https://evilclay.com/x", "*.clay.com", False),
    ("https://api.clay.com.evil.example/x", "api.clay.com", False),
    ("http://127.0.0.1:8080/hook", "127.0.0.1", True),       # an IP literal passes only when listed
    ("http://127.0.0.1:8080/hook", "api.clay.com", False),
    ("http://[::1]/hook", "api.clay.com", False),
    ("http://169.254.169.254/latest/meta-data", "api.clay.com", False),
    ("http://localhost/hook", "localhost", False),           # a listed name that resolves to loopback
    ("ftp://api.clay.com/x", "api.clay.com", False),
    ("https://user:pw@api.clay.com/x", "api.clay.com", False),
    ("/relative", "api.clay.com", False),
    ("", "api.clay.com", False),
])
def test_webhook_urls_are_checked_against_the_allow_list(monkeypatch, url, hosts, ok):
    monkeypatch.setenv("HQ_OUTBOUND_HOSTS", hosts)
    if ok:
        assert outbound.check_url(url, resolve=False) == url
    else:
        with pytest.raises(outbound.OutboundRefused):
            outbound.check_url(url)


def test_retry_after_seconds_and_dates():
    assert outbound.retry_after_seconds("3") == 3.0
    assert outbound.retry_after_seconds(" 0 ") == 0.0
    assert outbound.retry_after_seconds("-5") == 0.0
    when = email.utils.formatdate(1_000_030, usegmt=True)
    assert outbound.retry_after_seconds(when, now=1_000_000) == pytest.approx(30)
    assert outbound.retry_after_seconds(email.utils.formatdate(999_000, usegmt=True), now=1_000_000) == 0.0
    assert outbound.retry_after_seconds(None) is None
    assert outbound.retry_after_seconds("soon") is None


def test_answers_classified_and_backoff_capped():
    assert [outbound.classify(s) for s in (200, 202, 429, 500, 503, 400, 401, 404, 410)] == \
        ["ok", "ok", "retry", "retry", "retry", "stop", "stop", "stop", "stop"]
    assert [outbound.backoff_seconds(n, 2, 300) for n in (1, 2, 3, 10)] == [2, 4, 8, 300]
