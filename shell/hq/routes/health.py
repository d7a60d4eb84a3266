"""Liveness: no key needed."""

from __future__ import annotations

import psycopg
from fastapi import APIRouter, Depends
from fastapi.responses import JSONResponse

from hq.http import Db, error_body, get_db
from hq.schemas import ERRORS, Health

router = APIRouter(tags=["health"], responses=ERRORS)


@router.get("/health", response_model=None, responses={200: {"model": Health}},
            summary="Liveness and migration version",
            description="No key needed. 200 when the database answers, with the applied migration version; "
                        "503 in the error shape otherwise.")
def health(db: Db = Depends(get_db)):
    try:
        with db.connection("api", timeout=5) as conn:
            row = conn.execute("SELECT api.health() AS h").fetchone()
    except psycopg.Error as exc:
        return JSONResponse(status_code=503, content=error_body("database_unavailable", str(exc).splitlines()[0]))
    return {"status": "ok", **row["h"]}
