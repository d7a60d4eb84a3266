"""Reference lookups (query) and lookup-table writes (admin; each write
re-matches the rows it affects, in the database)."""

from __future__ import annotations

from fastapi import APIRouter, Depends, Security

from hq.http import API_KEY, Db, get_db
from hq.models import JobTitleLookup, JobTitleReference, LocationLookup, LocationReference
from hq.schemas import ERRORS, JobTitleMatch, JobTitleRow, LocationMatch, LocationRow

router = APIRouter(tags=["reference"], responses=ERRORS)


@router.post("/api/lookup/job-title", response_model=None, responses={200: {"model": JobTitleMatch}},
             summary="Match a job title",
             description="Exact lookup, then the ordered title rules: cleaned title, job function, seniority. "
                         "Scope `query`.")
def lookup_job_title(body: JobTitleLookup, x_api_key: str | None = Security(API_KEY), db: Db = Depends(get_db)):
    db.require_key(x_api_key, "query")
    return db.call("read", "SELECT api.lookup_job_title(%s) AS r", (body.job_title,))["r"]


@router.post("/api/lookup/location", response_model=None, responses={200: {"model": LocationMatch}},
             summary="Match a location",
             description="City, state and country of a location string (and optional country). Scope `query`.")
def lookup_location(body: LocationLookup, x_api_key: str | None = Security(API_KEY), db: Db = Depends(get_db)):
    db.require_key(x_api_key, "query")
    return db.call("read", "SELECT api.lookup_location(%s, %s) AS r", (body.location, body.country))["r"]


@router.post("/api/reference/job-title", status_code=201, response_model=None, responses={201: {"model": JobTitleRow}},
             summary="Add or replace a job title lookup row",
             description="Stores the mapping and re-matches every stored title it affects, golden rows included. "
                         "`job_function` and `seniority` are canonical values, any case (422 naming the allowed "
                         "values otherwise). Scope `admin`.")
def add_job_title(body: JobTitleReference, x_api_key: str | None = Security(API_KEY), db: Db = Depends(get_db)):
    db.require_key(x_api_key, "admin")
    return db.call("admin", "SELECT api.add_job_title_lookup(%s, %s, %s, %s) AS r",
                   (body.raw_title, body.cleaned_title, body.job_function, body.seniority))["r"]


@router.post("/api/reference/location", status_code=201, response_model=None, responses={201: {"model": LocationRow}},
             summary="Add or replace a location lookup row",
             description="Stores the mapping and re-matches every stored location it affects. `country` is a "
                         "country name, ISO code or alias, any case. Scope `admin`.")
def add_location(body: LocationReference, x_api_key: str | None = Security(API_KEY), db: Db = Depends(get_db)):
    db.require_key(x_api_key, "admin")
    return db.call("admin", "SELECT api.add_location_lookup(%s, %s, %s, %s) AS r",
                   (body.raw_location, body.city, body.state, body.country))["r"]
