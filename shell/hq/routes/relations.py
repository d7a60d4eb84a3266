"""Relationship queries (runs as hq_api): leads that fit a company's ideal
customer profile."""

from __future__ import annotations

from fastapi import APIRouter, Depends, Path, Security
from pydantic import BaseModel, ConfigDict, Field

from hq.http import API_KEY, ApiError, Db, get_db
from hq.schemas import ERRORS, LeadPage

router = APIRouter(tags=["relations"], responses=ERRORS)


class IcpPage(BaseModel):
    """A keyset page of ICP leads; the criteria are the domain's stored ICP."""
    model_config = ConfigDict(extra="forbid", json_schema_extra={"examples": [{"limit": 50}]})
    limit: int = Field(50, ge=1, le=1000, description="Rows per page, 1 to 1000.")
    cursor: str | None = Field(None, description="`next_cursor` of the previous page.")


@router.post("/api/icp/{domain}/leads", response_model=None, responses={200: {"model": LeadPage}},
             openapi_extra={"requestBody": {"content": {"application/json": {"examples": {
                 "first-page": {"summary": "The first page of 50", "value": {"limit": 50}},
                 "next-page": {"summary": "The next page", "value": {
                     "limit": 50, "cursor": "https://www.linkedin.com/in/alex-chen-bamboo"}}}}}}},
             summary="Leads that fit a company's ideal customer profile",
             description="Leads matching the ICP stored for `domain` (by the icp-generation workflow): its "
                         "industries, employee ranges, countries, seniorities, job functions and title words. "
                         "The body is optional. 404 when no ICP is stored for the domain. Scope `query`.")
def icp_leads(domain: str = Path(..., description="The company whose ICP is used, any domain form.",
                                 examples=["zluri.com"]),
              body: IcpPage | None = None, x_api_key: str | None = Security(API_KEY), db: Db = Depends(get_db)):
    db.require_key(x_api_key, "query")
    body = body or IcpPage()
    result = db.call("api", "SELECT api.icp_leads(%s, %s, %s) AS r", (domain, body.limit, body.cursor))["r"]
    if result is None:
        raise ApiError(404, "not_found", f"no ICP stored for {domain!r}; ingest one with the icp-generation workflow",
                       "domain")
    return result
