"""The dashboard: server-rendered pages on the same server and port as the
API (sign-in, leads with CSV export, company, person, data quality). Pages
call api.* functions as hq_api; every data rule is in SQL. Writes (map a
value, replay) need an admin key's session and the session's CSRF token.
Keys travel only in the sign-in form's body, never in a URL."""

from __future__ import annotations

import csv
import io
import os
import secrets
import threading
from typing import Iterator
from urllib.parse import urlencode

from fastapi import APIRouter, Depends, Form, Request
from fastapi.responses import FileResponse, HTMLResponse, RedirectResponse, StreamingResponse
from psycopg.types.json import Jsonb

from hq.http import ApiError, Db, get_db
from hq.server import request_info
from hq.web import COOKIE, LOGIN_CSRF_COOKIE, STATIC_DIR, Session, Signer, csrf_ok, render, session_hours

router = APIRouter(include_in_schema=False)

# (query parameter, api.filter_values name, label)
FILTERS = [("job_functions", "job_functions", "Job function"), ("seniorities", "seniorities", "Seniority"),
           ("person_countries", "countries", "Person country"), ("company_countries", "countries", "Company country"),
           ("industries", "industries", "Industry"), ("employee_ranges", "employee_ranges", "Employees"),
           ("funding_ranges", "funding_ranges", "Funding"), ("revenue_ranges", "revenue_ranges", "Revenue")]
# signal tab -> (label, api function, its extra parameter)
SIGNALS = {"all": ("All leads", "leads", None), "new-in-role": ("New in role", "leads_new_in_role", "days"),
           "recently-promoted": ("Recently promoted", "leads_recently_promoted", "days"),
           "at-vc-portfolio": ("At VC portfolio", "leads_at_vc_portfolio", "firms"),
           "by-past-employer": ("By past employer", "leads_by_past_employer", "domains"),
           "by-company-customers": ("By company customers", "leads_by_company_customers", "company_domain")}
CSV_COLUMNS = ["linkedin_url", "full_name", "cleaned_title", "job_function", "seniority", "person_city", "person_state",
               "person_country", "company_domain", "company_name", "company_linkedin_url", "company_city", "company_state",
               "company_country", "employee_range", "industry", "company_type", "funding_range", "revenue_range",
               "job_start_date"]
PAGE = 50


def _signer(request: Request) -> Signer:
    app = request.app
    if getattr(app.state, "web_signer", None) is None:
        app.state.web_signer = Signer(app.state.db)
    return app.state.web_signer


def current(request: Request) -> Session | None:
    s = _signer(request).session(request.cookies.get(COOKIE))
    info = request_info.get(None)
    if s and info is not None:
        info["key_id"] = s.key_id  # the request log names the key a session signed in with
    return s


# pages load nothing from anywhere but this server, and no other site may frame them
SECURITY_HEADERS = {"Cache-Control": "no-store", "X-Frame-Options": "DENY", "Referrer-Policy": "same-origin",
                    "X-Content-Type-Options": "nosniff",
                    "Content-Security-Policy": "default-src 'self'; img-src 'self' data:; frame-ancestors 'none'; "
                                               "form-action 'self'; base-uri 'none'"}


def page(name: str, request: Request, session: Session | None, status: int = 200, **ctx) -> HTMLResponse:
    return HTMLResponse(render(name, session=session, path=request.url.path, **ctx), status_code=status,
                        headers=SECURITY_HEADERS)


def to_login() -> RedirectResponse:
    return RedirectResponse("/login", status_code=303)


def _secure() -> bool:
    return os.environ.get("HQ_SESSION_SECURE", "") not in ("", "0", "false")


# -- static, sign-in -------------------------------------------------------
@router.get("/static/{name}")
def static(name: str):
    path = STATIC_DIR / name
    if "/" in name or name.startswith(".") or not path.is_file():
        raise ApiError(404, "not_found", f"no static file {name!r}")
    return FileResponse(path, headers={"Cache-Control": "public, max-age=3600"})


@router.get("/")
def root(request: Request):
    return RedirectResponse("/leads" if current(request) else "/login", status_code=303)


def _login_form(request: Request, error: str | None = None, status: int = 200) -> HTMLResponse:
    token = secrets.token_urlsafe(24)
    resp = page("login.html", request, None, status=status, error=error, csrf=token)
    resp.set_cookie(LOGIN_CSRF_COOKIE, token, httponly=True, samesite="strict", secure=_secure(), max_age=3600, path="/login")
    return resp


@router.get("/login")
def login_form(request: Request):
    if current(request):
        return RedirectResponse("/leads", status_code=303)
    return _login_form(request)


@router.post("/login")
def login(request: Request, api_key: str = Form(""), csrf: str = Form(""), db: Db = Depends(get_db)):
    if not csrf_ok(request.cookies.get(LOGIN_CSRF_COOKIE), csrf):
        return _login_form(request, "The sign-in form expired; please try again.", 400)
    key = db.call("api", "SELECT api.web_key_scope(%s, NULL) AS k", (api_key.strip(),))["k"] if api_key.strip() else None
    if key is None or key["scope"] not in ("query", "admin"):
        msg = ("This key cannot read the dashboard: use a query or admin key." if key
               else "That key is not valid (unknown or revoked).")
        return _login_form(request, msg, 401)
    resp = RedirectResponse("/leads", status_code=303)
    resp.set_cookie(COOKIE, _signer(request).dumps(str(key["id"]), key["scope"]), httponly=True, samesite="lax",
                    secure=_secure(), max_age=int(session_hours() * 3600), path="/")
    resp.delete_cookie(LOGIN_CSRF_COOKIE, path="/login")
    return resp


@router.post("/logout")
def logout(request: Request, csrf: str = Form("")):
    s = current(request)
    if s and not csrf_ok(s.csrf, csrf):
        raise ApiError(403, "csrf", "the form's CSRF token does not match this session")
    resp = RedirectResponse("/login", status_code=303)
    resp.delete_cookie(COOKIE, path="/")
    return resp


# -- leads -----------------------------------------------------------------
def _lead_query(request: Request) -> dict:
    q = request.query_params
    signal = q.get("signal", "all")
    if signal not in SIGNALS:
        signal = "all"
    chosen = {name: [v for v in q.getlist(name) if v] for name, _, _ in FILTERS}
    return {"signal": signal, "chosen": chosen, "title": q.get("title", "").strip(),
            "days": q.get("days", "90").strip() or "90", "firms": q.get("firms", "").strip(),
            "domains": q.get("domains", "").strip(), "company_domain": q.get("company_domain", "").strip(),
            "cursor": q.get("cursor") or None}


def _lead_call(db: Db, lq: dict, limit: int, cursor: str | None) -> dict:
    filters = {k: v for k, v in lq["chosen"].items() if v}
    if lq["title"]:
        filters["title_contains"] = [lq["title"]]
    _label, fn, extra = SIGNALS[lq["signal"]]
    args: list = [Jsonb(filters)]
    if extra == "days":
        try:
            args.append(int(lq["days"]))
        except ValueError:
            raise ApiError(422, "invalid_request", "days must be a whole number", "days") from None
    elif extra == "firms":
        args.append([f.strip() for f in lq["firms"].split(",") if f.strip()] or None)
    elif extra == "domains":
        domains = [d.strip() for d in lq["domains"].replace("\n", ",").split(",") if d.strip()]
        if not domains:
            raise ApiError(422, "invalid_request", "give at least one past employer domain", "domains")
        args.append(domains)
    elif extra == "company_domain":
        if not lq["company_domain"]:
            raise ApiError(422, "invalid_request", "give the company whose customers to search", "company_domain")
        args.append(lq["company_domain"])
    args += [limit, cursor]
    placeholders = ", ".join(["%s"] * len(args))
    return db.call("read", f"SELECT api.{fn}({placeholders}) AS r", tuple(args))["r"]  # fn is a constant of SIGNALS


def _options(db: Db) -> dict:
    with db.connection("api") as conn:
        names = sorted({n for _, n, _ in FILTERS})
        return {n: conn.execute("SELECT api.filter_values(%s) AS v", (n,)).fetchone()["v"] for n in names}


def _query_pairs(lq: dict, **override) -> list[tuple[str, str]]:
    """The current filter as query-string pairs (for tabs, load more, CSV)."""
    pairs = [("signal", override.get("signal", lq["signal"]))]
    for name, values in lq["chosen"].items():
        pairs += [(name, v) for v in values]
    for k in ("title", "days", "firms", "domains", "company_domain"):
        if lq[k] and not (k == "days" and lq[k] == "90"):
            pairs.append((k, lq[k]))
    if override.get("cursor"):
        pairs.append(("cursor", override["cursor"]))
    return pairs


@router.get("/leads")
def leads(request: Request, db: Db = Depends(get_db)):
    s = current(request)
    if not s:
        return to_login()
    lq = _lead_query(request)
    result, error = {"data": [], "next_cursor": None}, None
    try:
        result = _lead_call(db, lq, PAGE, lq["cursor"])
    except ApiError as exc:
        error = exc
    return page("leads.html", request, s, status=error.status if error else 200, lq=lq, result=result, error=error,
                options=_options(db), filters=FILTERS, signals=SIGNALS, pairs=_query_pairs)


@router.get("/leads/rows")
def lead_rows(request: Request, db: Db = Depends(get_db)):
    """The next page of the result table as HTML rows (for "load more")."""
    s = current(request)
    if not s:
        raise ApiError(401, "unauthorized", "sign in first")
    lq = _lead_query(request)
    result = _lead_call(db, lq, PAGE, lq["cursor"])
    more = ("/leads?" + urlencode(_query_pairs(lq, cursor=result["next_cursor"]))) if result["next_cursor"] else ""
    return HTMLResponse(render("lead_rows.html", rows=result["data"]),
                        headers={"X-More-Href": more, "Cache-Control": "no-store"})  # urlencoded: ASCII


@router.get("/leads.csv")
def leads_csv(request: Request, db: Db = Depends(get_db)):
    """Every lead of the current filter as CSV, streamed page by page (1,000 rows a call)."""
    s = current(request)
    if not s:
        return to_login()
    lq = _lead_query(request)
    first = _lead_call(db, lq, 1000, None)  # errors answer before the stream starts

    def rows() -> Iterator[str]:
        buf = io.StringIO()
        w = csv.writer(buf)
        w.writerow(CSV_COLUMNS)
        result = first
        while True:
            for r in result["data"]:
                w.writerow(["" if r.get(c) is None else r.get(c) for c in CSV_COLUMNS])
            yield buf.getvalue()
            buf.seek(0)
            buf.truncate()
            if not result["next_cursor"]:
                return
            result = _lead_call(db, lq, 1000, result["next_cursor"])

    name = f"leads-{lq['signal']}.csv"
    return StreamingResponse(rows(), media_type="text/csv; charset=utf-8",
                             headers={"Content-Disposition": f'attachment; filename="{name}"', "Cache-Control": "no-store"})


# -- companies and people --------------------------------------------------
@router.get("/companies")
def company_search(request: Request, q: str = "", db: Db = Depends(get_db)):
    s = current(request)
    if not s:
        return to_login()
    found, error = None, None
    if q.strip():
        try:
            found = db.call("read", "SELECT api.search_companies(%s, %s) AS r", (q.strip()[:200], 30))["r"]
        except ApiError as exc:
            error = exc
    return page("search.html", request, s, q=q, found=found, error=error)


@router.get("/companies/{domain}")
def company(domain: str, request: Request, db: Db = Depends(get_db)):
    s = current(request)
    if not s:
        return to_login()
    detail = db.call("read", "SELECT api.company_detail(%s) AS r", (domain,))["r"]
    if detail is None:
        return page("not_found.html", request, s, status=404, what=f"No company with the domain {domain!r}.")
    with db.connection("read") as conn:
        people = conn.execute("SELECT api.company_people(%s, 100) AS r", (detail["domain"],)).fetchone()["r"]
        deliveries = conn.execute("SELECT api.entity_deliveries('company', %s, 100) AS r", (detail["domain"],)).fetchone()["r"]
    return page("company.html", request, s, c=detail, people=people, deliveries=deliveries)


@router.get("/people/{slug:path}")
def person(slug: str, request: Request, db: Db = Depends(get_db)):
    s = current(request)
    if not s:
        return to_login()
    detail = db.call("read", "SELECT api.person_detail(%s) AS r", (slug,))["r"]
    if detail is None:
        return page("not_found.html", request, s, status=404, what=f"No person with the LinkedIn profile {slug!r}.")
    deliveries = db.call("read", "SELECT api.entity_deliveries('person', %s, 50) AS r", (detail["linkedin_url"],))["r"]
    return page("person.html", request, s, p=detail, deliveries=deliveries)


# -- data quality ----------------------------------------------------------
MAP_KINDS = {"title": ["cleaned_title", "job_function", "seniority"], "location": ["city", "state", "country"],
             "size": ["matched_value"], "revenue": ["matched_value"], "funding": ["matched_value"],
             "type": ["matched_value"], "industry": ["matched_value"]}
KIND_VALUES = {"size": "employee_ranges", "revenue": "revenue_ranges", "funding": "funding_ranges",
               "type": "company_types", "industry": "industries"}


def _refresh_in_background(request: Request, db: Db) -> None:
    """Recompute the snapshot in a thread (one per process at a time); the
    page meanwhile shows the previous figures with their age."""
    state = request.app.state
    lock = state.__dict__.setdefault("quality_lock", threading.Lock())
    if not lock.acquire(blocking=False):
        return

    def run() -> None:
        try:
            db.call("api", "SELECT api.refresh_quality() AS r")
        finally:
            lock.release()

    threading.Thread(target=run, daemon=True, name="hq-quality-refresh").start()


def _snapshot(request: Request, db: Db, force: bool = False) -> dict:
    """The data-quality figures: computed now when there are none yet or a
    write just happened, else the stored ones (refreshed in the background
    once older than HQ_QUALITY_MAX_AGE seconds)."""
    snap = None if force else db.call("api", "SELECT api.quality_snapshot() AS r")["r"]
    if snap is None:
        db.call("api", "SELECT api.refresh_quality() AS r")
        snap = db.call("api", "SELECT api.quality_snapshot() AS r")["r"]
    elif snap["age_s"] > float(os.environ.get("HQ_QUALITY_MAX_AGE", "60")):
        _refresh_in_background(request, db)
    return snap


def _quality(request: Request, db: Db, s: Session, status: int = 200, force: bool = False, **extra) -> HTMLResponse:
    kind = request.query_params.get("kind") or None
    if kind not in MAP_KINDS:
        kind = None
    snap = _snapshot(request, db, force)
    data = snap["data"]
    with db.connection("api") as conn:
        values = {n: conn.execute("SELECT api.filter_values(%s) AS r", (n,)).fetchone()["r"]
                  for n in ("job_functions", "seniorities", "countries", *KIND_VALUES.values())}
    return page("quality.html", request, s, status=status, kind=kind, kinds=MAP_KINDS, kind_values=KIND_VALUES,
                request_map=request.query_params.get("map"), snapshot=snap, values=values,
                workflows=data["workflows"], per_day=data["per_day"], gaps=data["gaps"], blockers=data["blockers"],
                unmatched=data["unmatched"].get(kind or "all", []), failed=data["failed"],
                chart=_chart(data["per_day"]), **extra)


@router.get("/quality")
def quality(request: Request, db: Db = Depends(get_db)):
    s = current(request)
    if not s:
        return to_login()
    return _quality(request, db, s)


def _admin_form(request: Request, csrf: str) -> Session:
    s = current(request)
    if not s:
        raise ApiError(401, "unauthorized", "sign in first")
    if not csrf_ok(s.csrf, csrf):
        raise ApiError(403, "csrf", "the form's CSRF token does not match this session; reload the page")
    if not s.is_admin:
        raise ApiError(403, "forbidden", "only an admin key may change data")
    return s


@router.post("/quality/map")
async def map_value(request: Request, db: Db = Depends(get_db)):
    form = await request.form()
    s = _admin_form(request, str(form.get("csrf", "")))
    kind = str(form.get("kind", ""))
    values = {f: str(form.get(f, "")).strip() for f in MAP_KINDS.get(kind, [])}
    try:
        result = db.call("admin", "SELECT api.map_unmatched_value(%s, %s, %s) AS r",
                         (kind, str(form.get("raw_value", "")), Jsonb(values)))["r"]
    except ApiError as exc:
        return _quality(request, db, s, status=exc.status, map_error=exc)
    return _quality(request, db, s, force=True, mapped=result)


@router.post("/quality/replay")
async def replay(request: Request, db: Db = Depends(get_db)):
    form = await request.form()
    s = _admin_form(request, str(form.get("csrf", "")))
    try:
        result = db.call("admin", "SELECT api.replay_failed(%s, %s) AS r",
                         (str(form.get("workflow_slug", "")), str(form.get("error", ""))))["r"]
    except ApiError as exc:
        return _quality(request, db, s, status=exc.status, replay_error=exc)
    return _quality(request, db, s, force=True, replayed={**result, "workflow_slug": form.get("workflow_slug"), "error": form.get("error")})


def _chart(per_day: list[dict]) -> dict:
    """Geometry of the deliveries-per-day SVG: stacked bars (extracted, failed, other)."""
    w, h, pad_l, pad_b, pad_t = 720, 200, 44, 28, 10
    n = max(1, len(per_day))
    top = max([d["extracted"] + d["failed"] + d["other"] for d in per_day] or [0]) or 1
    step = (w - pad_l - 8) / n
    bars = []
    for i, d in enumerate(per_day):
        x = pad_l + i * step + 1
        y = h - pad_b
        segs = []
        for key in ("extracted", "failed", "other"):
            hh = (h - pad_b - pad_t) * d[key] / top
            if hh > 0:
                y -= hh
                segs.append({"cls": key, "y": round(y, 1), "h": round(hh, 1)})
        bars.append({"x": round(x, 1), "w": round(max(1.0, step - 2), 1), "segs": segs, "day": d["day"],
                     "title": f"{d['day']}: {d['extracted']} extracted, {d['failed']} failed, {d['other']} other",
                     "label": d["day"][5:] if i % 5 == 0 or i == n - 1 else ""})
    ticks = [{"y": round(h - pad_b - (h - pad_b - pad_t) * f, 1), "v": round(top * f)} for f in (0, 0.5, 1)]
    return {"w": w, "h": h, "bars": bars, "ticks": ticks, "pad_l": pad_l, "base": h - pad_b,
            "total": sum(d["extracted"] + d["failed"] + d["other"] for d in per_day)}
