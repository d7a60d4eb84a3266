"""Relationship queries (runs as hq_api): leads that fit a company's ideal
customer profile."""

from __future__ import annotations

from fastapi import APIRouter, Depends, Header
from pydantic import BaseModel, ConfigDict, Field

from hq.http import ApiError, Db, get_db

router = APIRouter()


class IcpPage(BaseModel):
    """A keyset page of ICP leads; the criteria are the domain's stored ICP."""
    model_config = ConfigDict(extra="forbid")
    limit: int = Field(50, ge=1, le=1000)
    cursor: str | None = None


@router.post("/api/icp/{domain}/leads")
def icp_leads(domain: str, body: IcpPage | None = None, x_api_key: str | None = Header(None), db: Db = Depends(get_db)):
    db.require_key(x_api_key, "query")
    body = body or IcpPage()
    result = db.call("api", "SELECT api.icp_leads(%s, %s, %s) AS r", (domain, body.limit, body.cursor))["r"]
    if result is None:
        raise ApiError(404, "not_found", f"no ICP stored for {domain!r}; ingest one with the icp-generation workflow",
                       "domain")
    return result
