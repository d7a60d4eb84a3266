"""The server's own login role (hq_app) and the URL its pools connect with.

DATABASE_URL stays the only required setting. When it names a superuser (or
a role that may create roles), `hq serve` connects its pools as hq_app, a
NOINHERIT login role that is a member of exactly hq_ingest, hq_api and
hq_admin (migration 0120), never as that superuser:

- HQ_APP_DATABASE_URL, when set, is used as is (refused if it names a
  superuser);
- else the URL is DATABASE_URL with user hq_app and a password that is
  HQ_APP_PASSWORD when set, else derived: HMAC-SHA256 keyed with
  DATABASE_URL's password and the cluster's system identifier, over
  "hq_app". Every server given the same DATABASE_URL derives the same
  password, so several servers (and every worker) agree without storing it.
  The role's password is set (as a SCRAM verifier, so the clear text is never
  sent to the server or its logs) only when logging in with it fails.

A DATABASE_URL that names an ordinary role is used as is.
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import os

import psycopg
from psycopg import sql
from psycopg.conninfo import conninfo_to_dict, make_conninfo

APP_ROLE = "hq_app"


def scram_verifier(password: str, iterations: int = 4096) -> str:
    """The SCRAM-SHA-256 verifier PostgreSQL stores for a password (RFC 5802/7677)."""
    salt = os.urandom(16)
    salted = hashlib.pbkdf2_hmac("sha256", password.encode(), salt, iterations)
    client_key = hmac.new(salted, b"Client Key", hashlib.sha256).digest()
    stored_key = hashlib.sha256(client_key).digest()
    server_key = hmac.new(salted, b"Server Key", hashlib.sha256).digest()
    b64 = lambda b: base64.b64encode(b).decode()  # noqa: E731
    return f"SCRAM-SHA-256${iterations}:{b64(salt)}${b64(stored_key)}:{b64(server_key)}"


def _derived_password(conn: psycopg.Connection, database_url: str) -> str:
    secret = conninfo_to_dict(database_url).get("password") or ""
    try:
        ident = str(conn.execute("SELECT system_identifier FROM pg_catalog.pg_control_system()").fetchone()[0])
    except psycopg.Error:
        ident = ""
    return hmac.new((secret + ":" + ident).encode(), APP_ROLE.encode(), hashlib.sha256).hexdigest()


def _can_login(url: str) -> bool:
    try:
        with psycopg.connect(url, connect_timeout=10) as c:
            c.execute("SELECT 1")
        return True
    except psycopg.OperationalError:
        return False


def app_database_url(database_url: str) -> str:
    """The URL the server's pools use (see the module docstring)."""
    explicit = os.environ.get("HQ_APP_DATABASE_URL")
    if explicit:
        with psycopg.connect(explicit, connect_timeout=10) as conn:
            if conn.execute("SELECT rolsuper FROM pg_catalog.pg_roles WHERE rolname = current_user").fetchone()[0]:
                raise RuntimeError("HQ_APP_DATABASE_URL names a superuser; the server never connects as one "
                                   f"(unset it to use {APP_ROLE}, or give a role like {APP_ROLE})")
        return explicit
    with psycopg.connect(database_url, autocommit=True) as conn:
        su, createrole = conn.execute(
            "SELECT rolsuper, rolcreaterole FROM pg_catalog.pg_roles WHERE rolname = current_user").fetchone()
        if not (su or createrole):
            return database_url
        password = os.environ.get("HQ_APP_PASSWORD") or _derived_password(conn, database_url)
        url = make_conninfo(database_url, user=APP_ROLE, password=password, application_name="hq-serve")
        if _can_login(url):
            return url
        conn.execute(sql.SQL("ALTER ROLE {} LOGIN PASSWORD {}").format(
            sql.Identifier(APP_ROLE), sql.Literal(scram_verifier(password))))
    if not _can_login(url):
        raise RuntimeError(f"the server cannot log in as {APP_ROLE} (check pg_hba.conf allows it, "
                           "or set HQ_APP_DATABASE_URL)")
    return url
