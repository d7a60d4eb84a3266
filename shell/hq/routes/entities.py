"""One company, one person, company search and the workflow registry (runs
as hq_api). The JSON is what api.company_detail, api.person_detail,
api.search_companies and api.workflows return (docs/http-api.md)."""

from __future__ import annotations

from fastapi import APIRouter, Depends, Path, Query, Security
from starlette.convertors import PathConvertor, register_url_convertor

from hq.http import API_KEY, ApiError, Db, get_db
from hq.schemas import ERRORS, CompanyDetail, PersonDetail, SearchResult, Workflows

router = APIRouter(tags=["entities"], responses=ERRORS)


class CompanyPathConvertor(PathConvertor):
    """A domain in any form, slashes included (a URL), except the routes
    declared beside it under /api/companies/ (search, similar/...): those
    paths are never a company, whichever router is included first."""
    regex = r"(?!(?:search|similar)(?:/|$)).+"


register_url_convertor("company", CompanyPathConvertor())


@router.get("/api/companies/search", response_model=None, responses={200: {"model": SearchResult}},
            summary="Search companies by name or domain",
            description="Ranked: the domain itself (any form), exact name, names and domains starting with `q`, "
                        "containing it, then by trigram similarity (pg_trgm). Scope `query`.")
def search_companies(q: str = Query(..., min_length=1, max_length=200, description="Name or domain, or part of one.",
                                    examples=["iron"]),
                     limit: int = Query(20, ge=1, le=100, description="At most this many results."),
                     x_api_key: str | None = Security(API_KEY), db: Db = Depends(get_db)):
    db.require_key(x_api_key, "query")
    return db.call("read", "SELECT api.search_companies(%s, %s) AS r", (q, limit))["r"]


@router.get("/api/companies/{domain:company}", response_model=None, responses={200: {"model": CompanyDetail}},
            summary="One company",
            description="Golden fields with the source that won each, every source's raw and matched value per "
                        "dimension side by side, customers, investors, people and lead counts. The domain may be "
                        "in any normalizable form (`WWW.Antimetal.com`, `https://www.antimetal.com/about`). 404 when "
                        "unknown. Scope `query`.")
def company(domain: str = Path(..., description="The company's domain, any form.", examples=["antimetal.com"]),
            x_api_key: str | None = Security(API_KEY), db: Db = Depends(get_db)):
    db.require_key(x_api_key, "query")
    row = db.call("read", "SELECT api.company_detail(%s) AS r", (domain,))["r"]
    if row is None:
        raise ApiError(404, "not_found", f"no company with domain {domain!r}", "domain")
    return row


@router.get("/api/people/{linkedin:path}", response_model=None, responses={200: {"model": PersonDetail}},
            summary="One person",
            description="Golden fields with sources, per-source dimension rows, work history, past employers, "
                        "identifiers (Sales Navigator id, public URL), and whether the person is a lead (if not, "
                        "which required fields are missing). `linkedin` is a slug (`sam-rivera-88a1b2`), a profile "
                        "URL in any form (`linkedin.com/in/Sam-Rivera-88a1b2/`), or a Sales Navigator id. 404 when "
                        "unknown. Scope `query`.")
def person(linkedin: str = Path(..., description="Slug, profile URL or Sales Navigator id.",
                                examples=["sam-rivera-88a1b2"]),
           x_api_key: str | None = Security(API_KEY), db: Db = Depends(get_db)):
    db.require_key(x_api_key, "query")
    row = db.call("read", "SELECT api.person_detail(%s) AS r", (linkedin,))["r"]
    if row is None:
        raise ApiError(404, "not_found", f"no person with LinkedIn profile {linkedin!r}", "linkedin")
    return row


@router.get("/api/workflows", response_model=None, responses={200: {"model": Workflows}},
            summary="The workflow registry",
            description="Every registered workflow with its raw rows counted by extraction status "
                        "(pending, extracted, failed, skipped). Scope `query`.")
def workflows(x_api_key: str | None = Security(API_KEY), db: Db = Depends(get_db)):
    db.require_key(x_api_key, "query")
    return db.call("read", "SELECT api.workflows() AS r")["r"]
