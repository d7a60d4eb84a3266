"""Server settings, all from the environment (docs/server.md lists them).

Only DATABASE_URL is required; everything here has a default. Values are
read once per process (``settings()``), so `hq serve --workers N` gives each
worker the same configuration through its environment.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from functools import lru_cache

MB = 1024 * 1024


def _num(name: str, default: float, lo: float = 0) -> float:
    raw = os.environ.get(name)
    if raw is None or raw.strip() == "":
        return default
    try:
        value = float(raw)
    except ValueError:
        raise RuntimeError(f"{name}={raw!r} is not a number") from None
    if value < lo:
        raise RuntimeError(f"{name}={raw!r} must be at least {lo:g}")
    return value


@dataclass(frozen=True)
class Settings:
    pool_size: int            # HQ_POOL_SIZE: connections per role pool (ingest, query)
    admin_pool_size: int      # HQ_ADMIN_POOL_SIZE: connections of the admin pool
    pool_min: int             # HQ_POOL_MIN: connections each pool keeps open
    pool_timeout: float       # HQ_POOL_TIMEOUT: seconds to wait for a free connection, then 503
    connect_timeout: int      # HQ_CONNECT_TIMEOUT: seconds to open one database connection
    threads: int              # HQ_THREADS: worker threads running routes and database calls
    max_body_bytes: int       # HQ_MAX_BODY_BYTES: JSON (and any non-upload) body, else 413
    max_upload_bytes: int     # HQ_MAX_UPLOAD_BYTES: multipart upload body, else 413
    header_timeout: float     # HQ_HEADER_TIMEOUT: seconds to send the request line and headers
    body_timeout: float       # HQ_BODY_TIMEOUT: JSON body whole within it; uploads: per chunk
    keepalive_timeout: int    # HQ_KEEPALIVE_TIMEOUT: idle keep-alive connection closed after it
    rate_limit: int           # HQ_RATE_LIMIT: requests per minute per key, 0 = no limit
    cors_origins: tuple[str, ...]  # HQ_CORS_ORIGINS: comma-separated allowed origins


@lru_cache(maxsize=1)
def settings() -> Settings:
    pool = int(_num("HQ_POOL_SIZE", 8, 1))
    return Settings(
        pool_size=pool,
        admin_pool_size=int(_num("HQ_ADMIN_POOL_SIZE", 2, 1)),
        pool_min=int(_num("HQ_POOL_MIN", 1, 0)),
        pool_timeout=_num("HQ_POOL_TIMEOUT", 5, 0.1),
        connect_timeout=int(_num("HQ_CONNECT_TIMEOUT", 5, 1)),
        threads=int(_num("HQ_THREADS", max(40, 2 * pool + 8), 1)),
        max_body_bytes=int(_num("HQ_MAX_BODY_BYTES", 5 * MB, 1)),
        max_upload_bytes=int(_num("HQ_MAX_UPLOAD_BYTES", 1024 * MB, 1)),
        header_timeout=_num("HQ_HEADER_TIMEOUT", 10, 0.1),
        body_timeout=_num("HQ_BODY_TIMEOUT", 30, 0.1),
        keepalive_timeout=int(_num("HQ_KEEPALIVE_TIMEOUT", 5, 1)),
        rate_limit=int(_num("HQ_RATE_LIMIT", 0, 0)),
        cors_origins=tuple(o.strip() for o in os.environ.get("HQ_CORS_ORIGINS", "").split(",") if o.strip()),
    )
