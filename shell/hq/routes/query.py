"""Leads, companies, signals, filters and enrichment status (runs as hq_api)."""

from __future__ import annotations

from fastapi import APIRouter, Depends, Path, Response, Security

from hq.http import API_KEY, ApiError, Db, get_db
from hq.models import (CompanyFilters, CustomerFilters, FilterName, Filters, PastEmployerFilters, SignalFilters,
                       StatusRequest,
                       VcFilters)
from hq.schemas import ERRORS, CompanyPage, EnrichmentStatus, FilterValues, Gaps, LeadPage

router = APIRouter(tags=["query"], responses=ERRORS)

PAGE = {"response_model": None, "responses": {200: {"model": LeadPage}}}
FILTERS_NOTE = (" Filters: arrays of canonical values, any case (OR within a filter, AND across filters); "
                "`countries` is the company's country. Keyset pagination: pass `next_cursor` back as `cursor`. "
                "Scope `query`.")


def page(db: Db, name: str, body: CompanyFilters, key: str | None, *extra) -> Response:
    """One keyset page from api.<name>(filters, *extra, limit, cursor), its
    JSON sent as the database wrote it: a page is the SQL function's answer,
    and decoding it into Python objects only to encode it again cost more
    than the rest of the request (the shape stays documented by the route's
    response model)."""
    db.require_key(key, "query")
    params = (body.sql_filters(), *extra, body.limit, body.cursor)
    placeholders = ", ".join(["%s"] * len(params))
    text = db.call("read", f"SELECT api.{name}({placeholders})::text AS r", params)["r"]  # name is a constant below
    return Response(content="null" if text is None else text, media_type="application/json")


@router.post("/api/leads", **PAGE, summary="Leads",
             description="Complete leads (every required field known), ordered by LinkedIn URL." + FILTERS_NOTE)
def leads(body: Filters, x_api_key: str | None = Security(API_KEY), db: Db = Depends(get_db)):
    return page(db, "leads", body, x_api_key)


@router.post("/api/companies", response_model=None, responses={200: {"model": CompanyPage}}, summary="Companies",
             description="Golden company rows, ordered by domain. Filters: those of /api/leads that concern the "
                         "company (`person_countries`, `job_functions`, ... are refused)." + FILTERS_NOTE)
def companies(body: CompanyFilters, x_api_key: str | None = Security(API_KEY), db: Db = Depends(get_db)):
    return page(db, "companies", body, x_api_key)


@router.post("/api/leads/new-in-role", **PAGE, summary="Signal: new in role",
             description="Leads whose current job started within the last `days` days (default 90)." + FILTERS_NOTE)
def new_in_role(body: SignalFilters, x_api_key: str | None = Security(API_KEY), db: Db = Depends(get_db)):
    return page(db, "leads_new_in_role", body, x_api_key, body.days)


@router.post("/api/leads/recently-promoted", **PAGE, summary="Signal: recently promoted",
             description="Leads promoted within the last `days` days: a new title at the same company." + FILTERS_NOTE)
def recently_promoted(body: SignalFilters, x_api_key: str | None = Security(API_KEY), db: Db = Depends(get_db)):
    return page(db, "leads_recently_promoted", body, x_api_key, body.days)


@router.post("/api/leads/at-vc-portfolio", **PAGE, summary="Signal: at a VC portfolio company",
             description="Leads at companies backed by the given VC firms (any VC-backed company when `firms` is "
                         "omitted)." + FILTERS_NOTE)
def at_vc_portfolio(body: VcFilters, x_api_key: str | None = Security(API_KEY), db: Db = Depends(get_db)):
    return page(db, "leads_at_vc_portfolio", body, x_api_key, body.firms)


@router.post("/api/leads/by-past-employer", **PAGE, summary="Signal: by past employer",
             description="Leads who used to work at one of `domains`." + FILTERS_NOTE)
def by_past_employer(body: PastEmployerFilters, x_api_key: str | None = Security(API_KEY), db: Db = Depends(get_db)):
    return page(db, "leads_by_past_employer", body, x_api_key, body.domains)


@router.post("/api/leads/by-company-customers", **PAGE, summary="Signal: at a company's customers",
             description="Leads at the customers of `company_domain` (core.company_customers)." + FILTERS_NOTE)
def by_company_customers(body: CustomerFilters, x_api_key: str | None = Security(API_KEY), db: Db = Depends(get_db)):
    return page(db, "leads_by_company_customers", body, x_api_key, body.company_domain)


@router.get("/api/filters/{name}", response_model=None, responses={200: {"model": FilterValues}},
            summary="Canonical values of a filter",
            description="The canonical values of one filter, in their sort order (for dropdowns). Scope `query`.")
def filters(name: FilterName = Path(..., description="The filter."), x_api_key: str | None = Security(API_KEY),
            db: Db = Depends(get_db)):
    db.require_key(x_api_key, "query")
    return {"name": name.value, "values": db.call("read", "SELECT api.filter_values(%s) AS r", (name.value,))["r"]}


@router.post("/api/enrichment/status", response_model=None, responses={200: {"model": EnrichmentStatus}},
             summary="Which enrichments ran for one entity",
             description="Every registered workflow of the entity type with its last run status and row counts. "
                         "404 when the key is not one such an entity can have. Scope `query`.")
def enrichment_status(body: StatusRequest, x_api_key: str | None = Security(API_KEY), db: Db = Depends(get_db)):
    db.require_key(x_api_key, "query")
    row = db.call("read", "SELECT api.enrichment_status(%s, %s) AS r", (body.entity_type, body.entity_key))["r"]
    if row is None:
        kind = "a domain" if body.entity_type == "company" else "a LinkedIn profile URL or slug"
        raise ApiError(404, "not_found", f"no {body.entity_type} has the key {body.entity_key[:200]!r} (a "
                       f"{body.entity_type} key is {kind})", "entity_key")
    return row


@router.get("/api/enrichment/gaps", response_model=None, responses={200: {"model": Gaps}},
            summary="Coalescing gaps per workflow",
            description="Per workflow: entities in its extracted table, in core, and the gap. Scope `query`.")
def gaps(x_api_key: str | None = Security(API_KEY), db: Db = Depends(get_db)):
    db.require_key(x_api_key, "query")
    with db.connection("read") as conn:
        return {"data": conn.execute("SELECT * FROM api.coalescing_gaps()").fetchall()}
