"""The dashboard's presentation layer: Jinja2 templates, static files and the
signed session cookie. Routes are in ``hq.routes.dashboard``; every data rule
they show is an ``api.*`` function.

Sessions: the cookie holds {key id, scope, csrf token}, signed (HMAC, with
an issue time checked against HQ_SESSION_HOURS) by itsdangerous; never the
key itself. The signing secret is HQ_SESSION_SECRET when set, else the one
``api.web_session_secret()`` generates once in the database, so every
worker and every server on that database accepts the same cookies. Each
request re-checks the key id (``api.web_key_scope``): revoking a key ends its
sessions at once.
"""

from __future__ import annotations

import hashlib
import hmac
import os
import secrets
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlencode

from itsdangerous import BadSignature, URLSafeTimedSerializer
from jinja2 import Environment, FileSystemLoader, select_autoescape

HERE = Path(__file__).parent
STATIC_DIR = HERE / "static"
COOKIE = "hq_session"
LOGIN_CSRF_COOKIE = "hq_login_csrf"


def session_hours() -> float:
    return float(os.environ.get("HQ_SESSION_HOURS", "8"))


def _slug(linkedin_url: str | None) -> str:
    """The path segment of a person's page: the profile slug (or Sales Navigator id)."""
    if not linkedin_url:
        return ""
    return linkedin_url.rstrip("/").rsplit("/in/", 1)[-1]


def _thousands(n) -> str:
    return f"{n:,}" if isinstance(n, int) else ("" if n is None else str(n))


ENV = Environment(loader=FileSystemLoader(str(HERE / "templates")), autoescape=select_autoescape(["html"]),
                  trim_blocks=True, lstrip_blocks=True)
ENV.filters["slug"] = _slug
ENV.filters["n"] = _thousands
ENV.globals["urlencode"] = lambda pairs: urlencode(pairs, doseq=True)


def render(name: str, **ctx) -> str:
    return ENV.get_template(name).render(**ctx)


@dataclass
class Session:
    key_id: str
    scope: str
    name: str | None
    csrf: str

    @property
    def is_admin(self) -> bool:
        return self.scope == "admin"


class Signer:
    """Signs and reads session cookies; the secret is fetched once per process."""

    def __init__(self, db):
        self.db = db
        self._serializer: URLSafeTimedSerializer | None = None
        self.secret_source = "HQ_SESSION_SECRET" if os.environ.get("HQ_SESSION_SECRET") else "database"

    def _s(self) -> URLSafeTimedSerializer:
        if self._serializer is None:
            secret = os.environ.get("HQ_SESSION_SECRET") or self.db.call("api", "SELECT api.web_session_secret() AS s")["s"]
            self._serializer = URLSafeTimedSerializer(secret, salt="hq-dashboard-session",
                                                      signer_kwargs={"digest_method": hashlib.sha256})
        return self._serializer

    def dumps(self, key_id: str, scope: str) -> str:
        return self._s().dumps({"k": key_id, "s": scope, "c": secrets.token_urlsafe(24)})

    def session(self, cookie: str | None) -> Session | None:
        """The signed-in session, or None (no cookie, bad signature, expired, key revoked)."""
        if not cookie:
            return None
        try:
            data = self._s().loads(cookie, max_age=int(session_hours() * 3600))
        except BadSignature:  # SignatureExpired is a BadSignature
            return None
        key = self.db.call("api", "SELECT api.web_key_scope(NULL, %s::uuid) AS k", (data["k"],))["k"]
        if key is None or key["scope"] not in ("query", "admin"):
            return None
        return Session(key_id=data["k"], scope=key["scope"], name=key.get("name"), csrf=data["c"])


def csrf_ok(expected: str | None, given: str | None) -> bool:
    return bool(expected) and bool(given) and hmac.compare_digest(expected, given)
