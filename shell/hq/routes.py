"""HTTP routes beyond /health (ingest, queries, lookups)."""

from __future__ import annotations

from fastapi import FastAPI


def register(app: FastAPI) -> None:
    """Attach the warehouse routes to the app."""
    return None
