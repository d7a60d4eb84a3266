"""The existing Clay tables' calls, kept working with only the base URL and an
X-API-Key changed: the legacy paths, field names and boolean match_status.
Each is deprecated: marked so in OpenAPI, and every answer carries
`Deprecation` (RFC 9745) and `Link: <successor>; rel="successor-version"`.
The field mapping and the job function aliases are SQL (api.legacy_*)."""

from __future__ import annotations

from fastapi import APIRouter, Depends, Response, Security

from hq.http import API_KEY, Db, get_db
from hq.models import LegacyJobTitleLookup, LegacyJobTitleUpdate, LegacyLocationLookup, LegacyLocationUpdate
from hq.schemas import (ERRORS, LegacyJobTitleMatch, LegacyJobTitleUpdated, LegacyLocationMatch,
                        LegacyLocationUpdated)

router = APIRouter(tags=["legacy (deprecated)"], responses=ERRORS)

# RFC 9745: the moment the routes became deprecated, as a structured-field date
DEPRECATED_SINCE = "@1772323200"  # 2026-03-01T00:00:00Z


def _deprecated(response: Response, successor: str) -> None:
    response.headers["Deprecation"] = DEPRECATED_SINCE
    response.headers["Link"] = f'<{successor}>; rel="successor-version"'


def _doc(successor: str, what: str) -> dict:
    return {"deprecated": True, "response_model": None,
            "description": f"Deprecated: use `{successor}`. {what} Answers carry `Deprecation` and "
                           f"`Link: <{successor}>; rel=\"successor-version\"`."}


@router.post("/run/people/db/person-job-title/lookup", responses={200: {"model": LegacyJobTitleMatch}},
             summary="Job title lookup (legacy)",
             **_doc("/api/lookup/job-title", "`match_status` true when job function and seniority are both known; "
                                             "fields `cleaned_job_title`, `seniority_level`, `job_function`. Scope `query`."))
def job_title_lookup(body: LegacyJobTitleLookup, response: Response, x_api_key: str | None = Security(API_KEY),
                     db: Db = Depends(get_db)):
    _deprecated(response, "/api/lookup/job-title")
    db.require_key(x_api_key, "query")
    return db.call("read", "SELECT api.legacy_job_title_lookup(%s) AS r", (body.job_title,))["r"]


@router.post("/run/people/db/person-location/lookup", responses={200: {"model": LegacyLocationMatch}},
             summary="Location lookup (legacy)",
             **_doc("/api/lookup/location", "Body `location_name` (or `location`) and optional `country`; "
                                            "`match_status` true when the location matched fully. Scope `query`."))
def location_lookup(body: LegacyLocationLookup, response: Response, x_api_key: str | None = Security(API_KEY),
                    db: Db = Depends(get_db)):
    _deprecated(response, "/api/lookup/location")
    db.require_key(x_api_key, "query")
    return db.call("read", "SELECT api.legacy_location_lookup(%s, %s) AS r", (body.location_name, body.country))["r"]


@router.post("/run/reference/job-title/update", responses={200: {"model": LegacyJobTitleUpdated}},
             summary="Add a job title lookup row (legacy)",
             **_doc("/api/reference/job-title", "Body `latest_title`, `cleaned_job_title`, `seniority_level`, "
                                                "`job_function`; a job function outside the canonical list is a 422 "
                                                "naming the allowed ones unless reference.job_function_aliases maps "
                                                "it. Re-matches stored titles. Scope `admin`."))
def job_title_update(body: LegacyJobTitleUpdate, response: Response, x_api_key: str | None = Security(API_KEY),
                     db: Db = Depends(get_db)):
    _deprecated(response, "/api/reference/job-title")
    db.require_key(x_api_key, "admin")
    return db.call("admin", "SELECT api.legacy_job_title_update(%s, %s, %s, %s) AS r",
                   (body.latest_title, body.cleaned_job_title, body.seniority_level, body.job_function))["r"]


@router.post("/run/reference/location/update", responses={200: {"model": LegacyLocationUpdated}},
             summary="Add a location lookup row (legacy)",
             **_doc("/api/reference/location", "Body `location_name`, `city`, `state`, `country`. Re-matches "
                                               "stored locations. Scope `admin`."))
def location_update(body: LegacyLocationUpdate, response: Response, x_api_key: str | None = Security(API_KEY),
                    db: Db = Depends(get_db)):
    _deprecated(response, "/api/reference/location")
    db.require_key(x_api_key, "admin")
    return db.call("admin", "SELECT api.legacy_location_update(%s, %s, %s, %s) AS r",
                   (body.location_name, body.city, body.state, body.country))["r"]
