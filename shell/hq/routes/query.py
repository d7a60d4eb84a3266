"""Leads, companies, signals, filters and enrichment status (runs as hq_api)."""

from __future__ import annotations

from fastapi import APIRouter, Depends, Header

from hq.http import Db, get_db
from hq.models import (CustomerFilters, Filters, PastEmployerFilters, SignalFilters, StatusRequest,
                       VcFilters)

router = APIRouter()


def page(db: Db, name: str, body: Filters, key: str | None, *extra):
    """One keyset page from api.<name>(filters, *extra, limit, cursor)."""
    db.require_key(key, "query")
    params = (body.sql_filters(), *extra, body.limit, body.cursor)
    placeholders = ", ".join(["%s"] * len(params))
    return db.call("read", f"SELECT api.{name}({placeholders}) AS r", params)["r"]  # name is a constant below


@router.post("/api/leads")
def leads(body: Filters, x_api_key: str | None = Header(None), db: Db = Depends(get_db)):
    return page(db, "leads", body, x_api_key)


@router.post("/api/companies")
def companies(body: Filters, x_api_key: str | None = Header(None), db: Db = Depends(get_db)):
    return page(db, "companies", body, x_api_key)


@router.post("/api/leads/new-in-role")
def new_in_role(body: SignalFilters, x_api_key: str | None = Header(None), db: Db = Depends(get_db)):
    return page(db, "leads_new_in_role", body, x_api_key, body.days)


@router.post("/api/leads/recently-promoted")
def recently_promoted(body: SignalFilters, x_api_key: str | None = Header(None), db: Db = Depends(get_db)):
    return page(db, "leads_recently_promoted", body, x_api_key, body.days)


@router.post("/api/leads/at-vc-portfolio")
def at_vc_portfolio(body: VcFilters, x_api_key: str | None = Header(None), db: Db = Depends(get_db)):
    return page(db, "leads_at_vc_portfolio", body, x_api_key, body.firms)


@router.post("/api/leads/by-past-employer")
def by_past_employer(body: PastEmployerFilters, x_api_key: str | None = Header(None), db: Db = Depends(get_db)):
    return page(db, "leads_by_past_employer", body, x_api_key, body.domains)


@router.post("/api/leads/by-company-customers")
def by_company_customers(body: CustomerFilters, x_api_key: str | None = Header(None), db: Db = Depends(get_db)):
    return page(db, "leads_by_company_customers", body, x_api_key, body.company_domain)


@router.get("/api/filters/{name}")
def filters(name: str, x_api_key: str | None = Header(None), db: Db = Depends(get_db)):
    db.require_key(x_api_key, "query")
    return {"name": name, "values": db.call("read", "SELECT api.filter_values(%s) AS r", (name,))["r"]}


@router.post("/api/enrichment/status")
def enrichment_status(body: StatusRequest, x_api_key: str | None = Header(None), db: Db = Depends(get_db)):
    db.require_key(x_api_key, "query")
    return db.call("read", "SELECT api.enrichment_status(%s, %s) AS r", (body.entity_type, body.entity_key))["r"]


@router.get("/api/enrichment/gaps")
def gaps(x_api_key: str | None = Header(None), db: Db = Depends(get_db)):
    db.require_key(x_api_key, "query")
    with db.connection("read") as conn:
        return {"data": conn.execute("SELECT * FROM api.coalescing_gaps()").fetchall()}
