"""Where the database is: DATABASE_URL, or the project-local cluster."""

from __future__ import annotations

import os

from hq.localpg import default_cluster


def database_url(start_local: bool = True) -> str:
    """Return DATABASE_URL, or start the local cluster and return its URL."""
    url = os.environ.get("DATABASE_URL")
    if url:
        return url
    cluster = default_cluster()
    if start_local:
        return cluster.start()
    return cluster.url()
