"""Enrichment work lists (#21.4): the priority companies and the people one
required lead field away from a lead. Normalizing and choosing rows is SQL
(api.priority_load, api.priority_companies, api.worklist)."""

from __future__ import annotations

from fastapi import APIRouter, Depends, Header, Query
from psycopg.types.json import Jsonb
from pydantic import BaseModel, ConfigDict, Field

from hq.http import Db, get_db

router = APIRouter()


class PriorityCompany(BaseModel):
    model_config = ConfigDict(extra="ignore")
    domain: str | None = Field(None, max_length=2000)
    website: str | None = Field(None, max_length=2000)
    name: str | None = Field(None, max_length=2000)
    company_name: str | None = Field(None, max_length=2000)
    linkedin_url: str | None = Field(None, max_length=2000)
    company_linkedin_url: str | None = Field(None, max_length=2000)


class PriorityLoad(BaseModel):
    model_config = ConfigDict(extra="forbid")
    companies: list[PriorityCompany] = Field(..., min_length=1, max_length=50_000)
    source: str = Field("manual", min_length=1, max_length=50)


@router.post("/api/priority-companies")
def priority_load(body: PriorityLoad, x_api_key: str | None = Header(None), db: Db = Depends(get_db)):
    db.require_key(x_api_key, "ingest")
    rows = [c.model_dump(exclude_none=True) for c in body.companies]
    return db.call("api", "SELECT api.priority_load(%s, %s) AS r", (Jsonb(rows), body.source))["r"]


@router.get("/api/priority-companies")
def priority_list(limit: int = Query(100, ge=1, le=1000), cursor: str | None = Query(None, max_length=300),
                  x_api_key: str | None = Header(None), db: Db = Depends(get_db)):
    db.require_key(x_api_key, "query")
    return db.call("api", "SELECT api.priority_companies(%s, %s) AS r", (limit, cursor))["r"]


@router.get("/api/enrichment/worklist")
def worklist(missing: str = Query(..., max_length=40), entity: str = Query("person", max_length=20),
             limit: int = Query(100, ge=1, le=5000), cursor: str | None = Query(None, max_length=1000),
             x_api_key: str | None = Header(None), db: Db = Depends(get_db)):
    db.require_key(x_api_key, "query")
    return db.call("api", "SELECT api.worklist(%s, %s, %s, %s) AS r", (entity, missing, limit, cursor))["r"]
