"""Reference lookups (query) and lookup-table writes (admin; each write
re-matches the rows it affects, in the database)."""

from __future__ import annotations

from fastapi import APIRouter, Depends, Header

from hq.http import Db, get_db
from hq.models import JobTitleLookup, JobTitleReference, LocationLookup, LocationReference

router = APIRouter()


@router.post("/api/lookup/job-title")
def lookup_job_title(body: JobTitleLookup, x_api_key: str | None = Header(None), db: Db = Depends(get_db)):
    db.require_key(x_api_key, "query")
    return db.call("api", "SELECT api.lookup_job_title(%s) AS r", (body.job_title,))["r"]


@router.post("/api/lookup/location")
def lookup_location(body: LocationLookup, x_api_key: str | None = Header(None), db: Db = Depends(get_db)):
    db.require_key(x_api_key, "query")
    return db.call("api", "SELECT api.lookup_location(%s, %s) AS r", (body.location, body.country))["r"]


@router.post("/api/reference/job-title", status_code=201)
def add_job_title(body: JobTitleReference, x_api_key: str | None = Header(None), db: Db = Depends(get_db)):
    db.require_key(x_api_key, "admin")
    return db.call("admin", "SELECT api.add_job_title_lookup(%s, %s, %s, %s) AS r",
                   (body.raw_title, body.cleaned_title, body.job_function, body.seniority))["r"]


@router.post("/api/reference/location", status_code=201)
def add_location(body: LocationReference, x_api_key: str | None = Header(None), db: Db = Depends(get_db)):
    db.require_key(x_api_key, "admin")
    return db.call("admin", "SELECT api.add_location_lookup(%s, %s, %s, %s) AS r",
                   (body.raw_location, body.city, body.state, body.country))["r"]
