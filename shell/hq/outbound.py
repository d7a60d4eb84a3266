"""Outbound HTTP for the worker: which hosts it may call, and how a
provider's answer decides between done, retry (with the delay it asked
for) and give up.

The allow-list (``HQ_OUTBOUND_HOSTS``: comma-separated host names or IP
literals, ``*.example.com`` for sub-domains) is what stands between a
webhook URL typed by a user and the internal network: a URL whose host is
not on it is refused, and so is a listed *name* that resolves to a loopback,
private, link-local or reserved address (an IP literal is trusted only when
it is listed itself, as tests list 127.0.0.1). Redirects are never followed.
"""

from __future__ import annotations

import email.utils
import ipaddress
import os
import socket
import time
from urllib.parse import urlsplit

DEFAULT_OUTBOUND_HOSTS = "api.clay.com"


class OutboundRefused(ValueError):
    """A URL the worker may not call."""


def allowed_hosts() -> list[str]:
    raw = os.environ.get("HQ_OUTBOUND_HOSTS", DEFAULT_OUTBOUND_HOSTS)
    return [h.strip().lower().rstrip(".") for h in raw.split(",") if h.strip()]


def _host_listed(host: str, listed: list[str]) -> bool:
    for entry in listed:
        if entry.startswith("*.") and host.endswith(entry[1:]) and host != entry[2:]:
            return True
        if host == entry:
            return True
    return False


def _ip(host: str):
    try:
        return ipaddress.ip_address(host.strip("[]"))
    except ValueError:
        return None


def _internal(addr) -> bool:
    return (addr.is_loopback or addr.is_private or addr.is_link_local or addr.is_reserved
            or addr.is_multicast or addr.is_unspecified)


def check_url(url: str, *, resolve: bool = True) -> str:
    """The URL if the worker may send to it; raises OutboundRefused otherwise."""
    if not isinstance(url, str) or not url.strip():
        raise OutboundRefused("webhook_url is required")
    parts = urlsplit(url.strip())
    if parts.scheme not in ("http", "https"):
        raise OutboundRefused(f"webhook_url must be an http(s) URL, not {parts.scheme or 'a relative URL'!r}")
    if parts.username or parts.password:
        raise OutboundRefused("webhook_url must not carry credentials")
    host = (parts.hostname or "").lower().rstrip(".")
    if not host:
        raise OutboundRefused("webhook_url has no host")
    listed = allowed_hosts()
    if not _host_listed(host, listed):
        raise OutboundRefused(f"host {host!r} is not in HQ_OUTBOUND_HOSTS ({', '.join(listed) or 'empty'})")
    if _ip(host) is None and resolve:
        try:
            infos = socket.getaddrinfo(host, parts.port or (443 if parts.scheme == "https" else 80),
                                       proto=socket.IPPROTO_TCP)
        except OSError as exc:
            raise OutboundRefused(f"host {host!r} does not resolve: {exc}") from exc
        for info in infos:
            addr = ipaddress.ip_address(info[4][0].split("%")[0])
            if _internal(addr) and not _host_listed(str(addr), listed):
                raise OutboundRefused(f"host {host!r} resolves to the internal address {addr}")
    return url.strip()


def retry_after_seconds(value: str | None, now: float | None = None) -> float | None:
    """Retry-After as seconds: delta-seconds or an HTTP date (RFC 9110 10.2.3); None if absent or unreadable."""
    if not value:
        return None
    value = value.strip()
    try:
        return max(0.0, float(value))
    except ValueError:
        pass
    try:
        when = email.utils.parsedate_to_datetime(value)
    except (TypeError, ValueError):
        return None
    if when is None:
        return None
    return max(0.0, when.timestamp() - (now if now is not None else time.time()))


def classify(status: int) -> str:
    """'ok' (2xx), 'retry' (429, 5xx) or 'stop' (any other answer: resending cannot change it)."""
    if 200 <= status < 300:
        return "ok"
    if status == 429 or status >= 500:
        return "retry"
    return "stop"


def backoff_seconds(attempt: int, base: float, cap: float) -> float:
    """Exponential backoff for attempt n (1-based): base * 2^(n-1), at most cap."""
    return min(cap, base * (2 ** max(0, attempt - 1)))
