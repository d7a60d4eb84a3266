"""Enrichment work lists (#21.4): the priority companies and the people one
required lead field away from a lead. Normalizing and choosing rows is SQL
(api.priority_load, api.priority_companies, api.worklist)."""

from __future__ import annotations

from enum import Enum

from fastapi import APIRouter, Depends, Query, Security
from psycopg.types.json import Jsonb
from pydantic import BaseModel, ConfigDict, Field

from hq.http import API_KEY, Db, get_db
from hq.schemas import ERRORS, PriorityCompanyPage, PriorityLoaded, Worklist

router = APIRouter(tags=["work lists"], responses=ERRORS)


class MissingField(str, Enum):
    """A required lead field (core.leads); companies: only the company's."""
    company_name = "company_name"
    company_country = "company_country"
    person_country = "person_country"
    job_function = "job_function"
    seniority = "seniority"


class WorklistEntity(str, Enum):
    person = "person"
    company = "company"


class PriorityCompany(BaseModel):
    model_config = ConfigDict(extra="ignore")
    domain: str | None = Field(None, max_length=2000)
    website: str | None = Field(None, max_length=2000)
    name: str | None = Field(None, max_length=2000)
    company_name: str | None = Field(None, max_length=2000)
    linkedin_url: str | None = Field(None, max_length=2000)
    company_linkedin_url: str | None = Field(None, max_length=2000)


class PriorityLoad(BaseModel):
    model_config = ConfigDict(extra="forbid", json_schema_extra={"examples": [
        {"companies": [{"domain": "antimetal.com", "name": "Antimetal"},
                       {"website": "https://www.ironcladapp.com/", "linkedin_url": "https://www.linkedin.com/company/ironclad-app"}],
         "source": "manual"}]})
    companies: list[PriorityCompany] = Field(..., min_length=1, max_length=50_000,
                                             description="Companies by domain (or website), with a name and "
                                                         "LinkedIn page when known; a row without a valid domain "
                                                         "is counted `invalid`.")
    source: str = Field("manual", min_length=1, max_length=50, description="Where the list comes from.")


@router.post("/api/priority-companies", response_model=None, responses={200: {"model": PriorityLoaded}},
             summary="Load priority companies",
             description="Adds (or updates) companies on the priority list that enrichment works through; "
                         "domains are normalized in SQL. Scope `ingest`.")
def priority_load(body: PriorityLoad, x_api_key: str | None = Security(API_KEY), db: Db = Depends(get_db)):
    db.require_key(x_api_key, "ingest")
    rows = [c.model_dump(exclude_none=True) for c in body.companies]
    return db.call("api", "SELECT api.priority_load(%s, %s) AS r", (Jsonb(rows), body.source))["r"]


@router.get("/api/priority-companies", response_model=None, responses={200: {"model": PriorityCompanyPage}},
            summary="The priority companies",
            description="The priority list by domain, each with whether it is in HQ, which golden fields it has "
                        "and lacks, and its last enrichment. Keyset pagination: pass `next_cursor` back as "
                        "`cursor`. Scope `query`.")
def priority_list(limit: int = Query(100, ge=1, le=1000, description="Rows per page."),
                  cursor: str | None = Query(None, max_length=300, description="`next_cursor` of the previous page."),
                  x_api_key: str | None = Security(API_KEY), db: Db = Depends(get_db)):
    db.require_key(x_api_key, "query")
    return db.call("api", "SELECT api.priority_companies(%s, %s) AS r", (limit, cursor))["r"]


@router.get("/api/enrichment/worklist", response_model=None, responses={200: {"model": Worklist}},
            summary="Work list: one field away from a lead",
            description="People (or companies) that lack exactly the `missing` required lead field, for the "
                        "enrichment that fills it. `entity=company` takes only company_name or company_country. "
                        "Keyset pagination: pass `next_cursor` back as `cursor`. Scope `query`.")
def worklist(missing: MissingField = Query(..., description="The required lead field that is missing."),
             entity: WorklistEntity = Query(WorklistEntity.person, description="person or company."),
             limit: int = Query(100, ge=1, le=5000, description="Rows per page."),
             cursor: str | None = Query(None, max_length=1000, description="`next_cursor` of the previous page."),
             x_api_key: str | None = Security(API_KEY), db: Db = Depends(get_db)):
    db.require_key(x_api_key, "query")
    return db.call("api", "SELECT api.worklist(%s, %s, %s, %s) AS r", (entity.value, missing.value, limit, cursor))["r"]
