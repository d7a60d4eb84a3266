"""Response models of the HTTP API, for the OpenAPI document only: each route
returns what its api.* function returns and declares the shape here (with an
example taken from the fixtures in tests/fixtures). Routes do not validate
their answers against these models (the SQL functions are the source of the
shape); tests/py/test_http_routes.py checks real answers against them.
Fields the SQL may add later are allowed (extra="allow")."""

from __future__ import annotations

from datetime import date, datetime
from typing import Any

from pydantic import BaseModel, ConfigDict, Field


def _example(ex: dict) -> ConfigDict:
    return ConfigDict(extra="allow", json_schema_extra={"examples": [ex]})


class ErrorDetail(BaseModel):
    code: str = Field(..., description="Stable machine-readable code, e.g. invalid_value, unknown_workflow.")
    message: str = Field(..., description="What is wrong and, where it helps, what is allowed.")
    field: str | None = Field(None, description="The request field at fault, when one is.")


class ErrorResponse(BaseModel):
    """Every 4xx/5xx answer."""
    model_config = _example({"error": {"code": "invalid_value", "field": "seniorities",
                                       "message": "'Vice' is not a canonical value of seniorities "
                                                  "(allowed values: Owner, Founder, C-Suite, ...)"}})
    error: ErrorDetail


ERRORS = {
    "4XX": {"model": ErrorResponse, "description": "Bad request: the error shape (400 not JSON, 401 no key, 403 wrong key, "
                                                   "404 not found, 405 method, 409 conflict, 422 invalid value)."},
    "5XX": {"model": ErrorResponse, "description": "The database is busy or unavailable (503), or an internal error."},
}


class IngestResult(BaseModel):
    model_config = _example({"raw_id": "680352a2-e3a4-4db7-962c-5357ab36b90b", "extraction_status": "extracted",
                             "extraction_error": None})
    raw_id: str
    extraction_status: str = Field(..., description="pending | extracted | failed | skipped")
    extraction_error: str | None = None


class UploadResult(BaseModel):
    model_config = _example({"loaded": 2, "batch_id": "b1f0c2", "rows": 2, "extracted": 2, "failed": 0, "skipped": 0,
                             "pending": 0, "top_errors": []})
    loaded: int
    extracted: int
    failed: int
    top_errors: list[Any] = []


LEAD_EXAMPLE = {
    "linkedin_url": "https://www.linkedin.com/in/jane-doe-4b1a2c", "full_name": "Jane Doe",
    "cleaned_title": "VP of Marketing", "job_function": "Marketing", "seniority": "VP",
    "person_city": "Austin", "person_state": "Texas", "person_country": "United States",
    "company_domain": "ironcladapp.com", "company_name": "Ironclad",
    "company_linkedin_url": "https://www.linkedin.com/company/ironclad-app", "company_city": "San Francisco",
    "company_state": "California", "company_country": "United States", "employee_range": "501-1000",
    "industry": "Software Development", "company_type": "Private Company", "funding_range": None,
    "revenue_range": None, "job_start_date": "2025-09-01"}


class Lead(BaseModel):
    """A row of core.leads."""
    model_config = _example(LEAD_EXAMPLE)
    linkedin_url: str
    full_name: str | None = None
    cleaned_title: str | None = None
    job_function: str
    seniority: str
    person_city: str | None = None
    person_state: str | None = None
    person_country: str
    company_domain: str
    company_name: str
    company_linkedin_url: str | None = None
    company_city: str | None = None
    company_state: str | None = None
    company_country: str
    employee_range: str | None = None
    industry: str | None = None
    company_type: str | None = None
    funding_range: str | None = None
    revenue_range: str | None = None
    job_start_date: date | None = None


class LeadPage(BaseModel):
    model_config = _example({"data": [LEAD_EXAMPLE], "next_cursor": None})
    data: list[Lead]
    next_cursor: str | None = Field(None, description="Pass as `cursor` for the next page; null on the last page.")


COMPANY_EXAMPLE = {
    "domain": "antimetal.com", "name": "Antimetal", "linkedin_url": "https://www.linkedin.com/company/antimetal",
    "employee_range": "51-200", "company_type": "Private Company", "city": "New York", "state": "New York",
    "country": "United States", "industry": "Software Development", "funding_range": None,
    "revenue_range": "$5M-$10M", "description": "Antimetal helps engineering teams run cloud infrastructure more efficiently.",
    "tagline": "AI for cloud infrastructure", "sources": {"name": "companyenrich", "country": "companyenrich"}}


class Company(BaseModel):
    """A row of core.companies_full."""
    model_config = _example(COMPANY_EXAMPLE)
    domain: str
    name: str | None = None
    linkedin_url: str | None = None
    employee_range: str | None = None
    company_type: str | None = None
    city: str | None = None
    state: str | None = None
    country: str | None = None
    industry: str | None = None
    funding_range: str | None = None
    revenue_range: str | None = None
    description: str | None = None
    tagline: str | None = None
    sources: dict[str, str] = Field(default_factory=dict, description="field -> winning source")


class CompanyPage(BaseModel):
    model_config = _example({"data": [COMPANY_EXAMPLE], "next_cursor": None})
    data: list[Company]
    next_cursor: str | None = None


class FilterValues(BaseModel):
    model_config = _example({"name": "seniorities", "values": ["Owner", "Founder", "C-Suite", "Partner", "VP", "Head",
                                                               "Director", "Manager", "Senior", "Entry", "Intern",
                                                               "Individual Contributor"]})
    name: str
    values: list[str]


class Enrichment(BaseModel):
    model_config = ConfigDict(extra="allow")
    workflow_slug: str
    status: str = Field(..., description="completed | failed | pending | not_run")
    completed_at: datetime | None = None
    coalesces_to_core: bool
    records_in_extracted: int
    records_in_core: int


class EnrichmentStatus(BaseModel):
    model_config = _example({"entity_type": "company", "entity_key": "antimetal.com",
                             "enrichments": [{"workflow_slug": "companyenrich-company", "status": "completed",
                                              "completed_at": "2026-12-01T13:56:09Z", "coalesces_to_core": True,
                                              "records_in_extracted": 1, "records_in_core": 25}],
                             "coverage": {"total_workflows": 9, "completed": 2, "failed": 0, "not_run": 7}})
    entity_type: str
    entity_key: str
    enrichments: list[Enrichment]
    coverage: dict[str, int]


class Gap(BaseModel):
    model_config = ConfigDict(extra="allow")
    workflow_slug: str
    entity_type: str
    coalesces_to_core: bool
    entities_in_extracted: int
    entities_in_core: int
    gap: int


class Gaps(BaseModel):
    model_config = _example({"data": [{"workflow_slug": "clay-find-companies", "entity_type": "company",
                                       "coalesces_to_core": True, "entities_in_extracted": 1, "entities_in_core": 1,
                                       "gap": 0}]})
    data: list[Gap]


class JobTitleMatch(BaseModel):
    model_config = _example({"match_status": "matched", "cleaned_title": "VP of Marketing",
                             "job_function": "Marketing", "seniority": "VP"})
    match_status: str = Field(..., description="matched | partial | unmatched")
    cleaned_title: str | None = None
    job_function: str | None = None
    seniority: str | None = None


class LocationMatch(BaseModel):
    model_config = _example({"match_status": "matched", "city": "Mountain View", "state": "California",
                             "country": "United States"})
    match_status: str = Field(..., description="matched | partial | unmatched")
    city: str | None = None
    state: str | None = None
    country: str | None = None


class JobTitleRow(BaseModel):
    model_config = _example({"raw_title": "chief vibes wrangler", "cleaned_title": "Chief Vibes Wrangler",
                             "job_function": "Human Resources", "seniority": "C-Suite", "dimension_rows": 1,
                             "golden_rows": 1})
    raw_title: str
    cleaned_title: str | None = None
    job_function: str | None = None
    seniority: str | None = None
    dimension_rows: int | None = Field(None, description="Dimension rows the rematch changed.")
    golden_rows: int | None = Field(None, description="Golden rows the rematch changed.")


class LocationRow(BaseModel):
    model_config = _example({"raw_location": "greater springfield", "city": "Springfield", "state": "Illinois",
                             "country": "United States", "dimension_rows": 0, "golden_rows": 0})
    raw_location: str
    city: str | None = None
    state: str | None = None
    country: str | None = None
    dimension_rows: int | None = None
    golden_rows: int | None = None


class Health(BaseModel):
    model_config = _example({"status": "ok", "migration_version": "0113_rejected_requests"})
    status: str


class GoldenValue(BaseModel):
    value: Any = None
    source: str | None = Field(None, description="The source that won this field (null when no source has it).")


class CompanyDetail(BaseModel):
    """api.company_detail: docs/http-api.md has the full shape."""
    model_config = _example({
        "domain": "antimetal.com", "updated_at": "2026-12-01T13:56:09Z",
        "golden": {"name": {"value": "Antimetal", "source": "companyenrich"},
                   "revenue_range": {"value": "$5M-$10M", "source": "companyenrich"}},
        "dimensions": {"revenue_range": [{"source": "companyenrich", "wins": ["revenue_range"], "raw_revenue_range": "1m-10m",
                                          "matched_revenue_range": "$5M-$10M", "updated_at": "2026-12-01T13:56:09Z"}]},
        "customers": [], "customer_of": [],
        "investors": [{"investor_name": "Framework Ventures", "investor_domain": "framework.ventures", "source": "vc_portfolio"}],
        "people_count": 1, "leads_count": 1})
    domain: str
    updated_at: datetime | None = None
    golden: dict[str, GoldenValue]
    dimensions: dict[str, list[dict[str, Any]]] = Field(
        ..., description="Per dimension, one row per source: raw and matched values side by side, best source first; "
                         "`wins` lists the golden fields that source provides.")
    customers: list[dict[str, Any]]
    customer_of: list[str]
    investors: list[dict[str, Any]]
    people_count: int
    leads_count: int


class LeadStatus(BaseModel):
    is_lead: bool
    missing: list[str] = Field(..., description="Required fields that are missing when not a lead: company_domain, "
                                                "company_name, company_country, person_country, job_function, seniority.")


class PersonIdentifiers(BaseModel):
    public_url: str | None = None
    salesnav_id: str | None = Field(None, description="Sales Navigator id as a canonical /in/ACw... URL.")
    all: list[dict[str, Any]]


class PersonDetail(BaseModel):
    """api.person_detail: docs/http-api.md has the full shape."""
    model_config = _example({
        "linkedin_url": "https://www.linkedin.com/in/sam-rivera-88a1b2", "linkedin_slug": "sam-rivera-88a1b2",
        "updated_at": "2026-12-01T13:56:09Z",
        "golden": {"full_name": {"value": "Sam Rivera", "source": "clay"}, "seniority": {"value": "Director", "source": "clay"}},
        "dimensions": {"job_title": [{"source": "clay", "wins": ["cleaned_title", "job_function", "seniority"],
                                      "raw_title": "Director of Engineering", "matched_seniority": "Director",
                                      "matched_job_function": "Engineering", "matched_cleaned_title": "Director of Engineering"}]},
        "work_history": [{"company_domain": "antimetal.com", "company_name": "Antimetal", "title": "Director of Engineering",
                          "start_date": "2025-06-01", "end_date": None, "is_current": True, "source": "clay"}],
        "past_employers": [{"company_domain": "datadoghq.com", "company_name": "Datadog", "source": "clay"}],
        "identifiers": {"public_url": "https://www.linkedin.com/in/sam-rivera-88a1b2", "salesnav_id": None,
                        "all": [{"type": "linkedin_url", "identifier": "https://www.linkedin.com/in/sam-rivera-88a1b2",
                                 "source": "clay"}]},
        "lead": {"is_lead": True, "missing": []}})
    linkedin_url: str
    linkedin_slug: str | None = None
    updated_at: datetime | None = None
    golden: dict[str, GoldenValue]
    dimensions: dict[str, list[dict[str, Any]]]
    work_history: list[dict[str, Any]]
    past_employers: list[dict[str, Any]]
    identifiers: PersonIdentifiers
    lead: LeadStatus


class SearchHit(BaseModel):
    model_config = ConfigDict(extra="allow")
    domain: str
    name: str | None = None
    country: str | None = None
    industry: str | None = None
    employee_range: str | None = None
    score: float = Field(..., description="0 to 1; 1 for an exact domain or name match.")


class SearchResult(BaseModel):
    model_config = _example({"query": "iron", "data": [{"domain": "ironcladapp.com", "name": "Ironclad",
                                                        "country": "United States", "industry": "Software Development",
                                                        "employee_range": "501-1000", "score": 0.72}]})
    query: str
    data: list[SearchHit]


class Workflow(BaseModel):
    model_config = ConfigDict(extra="allow")
    workflow_slug: str
    provider: str
    platform: str
    payload_type: str
    entity_type: str
    source: str
    raw_table: str
    key_column: str
    payload_key: str
    extracted_table: str | None = None
    core_tables: list[str]
    coalesces_to_core: bool
    is_active: bool
    description: str | None = None
    raw_rows: int
    by_status: dict[str, int] = Field(..., description="pending, extracted, failed, skipped")
    last_ingest_at: datetime | None = None


class Workflows(BaseModel):
    model_config = _example({"data": [{
        "workflow_slug": "clay-find-companies", "provider": "clay", "platform": "clay", "payload_type": "company_discovery",
        "entity_type": "company", "source": "clay", "raw_table": "raw.company_discovery", "key_column": "company_domain",
        "payload_key": "domain", "extracted_table": "extracted.company_profile", "core_tables": ["core.companies"],
        "coalesces_to_core": True, "is_active": True, "description": "Clay find companies", "raw_rows": 1,
        "by_status": {"pending": 0, "extracted": 1, "failed": 0, "skipped": 0}, "last_ingest_at": "2026-12-01T13:56:08Z"}]})
    data: list[Workflow]


class LegacyJobTitleMatch(BaseModel):
    model_config = _example({"job_title": "Senior Sales Engineer", "match_status": True,
                             "cleaned_job_title": "Sales Engineer", "seniority_level": "Senior", "job_function": "Sales"})
    job_title: str
    match_status: bool = Field(..., description="true: use the values; false: enrich, then call the update route.")
    cleaned_job_title: str | None = None
    seniority_level: str | None = None
    job_function: str | None = None


class LegacyLocationMatch(BaseModel):
    model_config = _example({"location_name": "Mountain View, CA", "match_status": True, "city": "Mountain View",
                             "state": "California", "country": "United States", "has_city": True, "has_state": True,
                             "has_country": True})
    location_name: str
    match_status: bool
    city: str | None = None
    state: str | None = None
    country: str | None = None
    has_city: bool
    has_state: bool
    has_country: bool


class LegacyJobTitleUpdated(BaseModel):
    model_config = _example({"success": True, "latest_title": "senior sales engineer", "cleaned_job_title": "Sales Engineer",
                             "seniority_level": "Senior", "job_function": "Sales", "dimension_rows": 0, "golden_rows": 0})
    success: bool
    latest_title: str
    cleaned_job_title: str | None = None
    seniority_level: str | None = None
    job_function: str | None = None
    dimension_rows: int | None = None
    golden_rows: int | None = None


class LegacyLocationUpdated(BaseModel):
    model_config = _example({"success": True, "location_name": "greater springfield", "city": "Springfield",
                             "state": "Illinois", "country": "United States", "has_city": True, "has_state": True,
                             "has_country": True, "dimension_rows": 0, "golden_rows": 0})
    success: bool
    location_name: str
    city: str | None = None
    state: str | None = None
    country: str | None = None
    has_city: bool
    has_state: bool
    has_country: bool
    dimension_rows: int | None = None
    golden_rows: int | None = None


# --- outbound jobs, work lists, client leads, ICP (#19, #20, #21) ------------------------------------------------

class Job(BaseModel):
    """api.job: one job of the queue with its events and failed attempts."""
    model_config = _example({"id": 42, "task": "hq.similar_fetch", "queue": "similar", "status": "succeeded",
                             "attempts": 2, "args": {"item_id": 7}, "scheduled_at": None, "worker_id": None,
                             "events": [{"type": "deferred", "at": "2026-12-01T13:56:09Z"},
                                        {"type": "succeeded", "at": "2026-12-01T13:56:11Z"}],
                             "errors": [{"attempt": 1, "error": "HTTP 500 from the provider", "http_status": 500,
                                         "retry_in_seconds": 0.4, "at": "2026-12-01T13:56:10Z"}]})
    id: int
    task: str
    queue: str
    status: str = Field(..., description="todo | doing | succeeded | failed | cancelled | aborted")
    attempts: int
    events: list[dict[str, Any]]
    errors: list[dict[str, Any]]


class SimilarBatchCreated(BaseModel):
    model_config = _example({"batch_id": "0d9f6c3e-52a4-4c1e-9f0e-2b7f6f1d8a11", "total": 3, "queued": 2, "joined": 0,
                             "reused": 1, "invalid": 0})
    batch_id: str
    total: int = Field(..., description="Domains in the request (after normalization, duplicates once).")
    queued: int = Field(..., description="Jobs queued for the worker.")
    joined: int = Field(..., description="Domains already being fetched by another batch.")
    reused: int = Field(..., description="Domains answered from stored results (no provider call).")
    invalid: int = Field(..., description="Inputs that are not a domain.")


class SimilarBatchStatus(BaseModel):
    model_config = _example({"batch_id": "0d9f6c3e-52a4-4c1e-9f0e-2b7f6f1d8a11", "status": "completed", "total": 3,
                             "done": 3, "failed": 0, "pending": 0, "cancelled": 0, "reused": 1, "refetch": False,
                             "failures": [], "similar_companies": 41, "rate_per_second": 1.8, "eta_seconds": 0,
                             "created_at": "2026-12-01T13:56:09Z", "started_at": "2026-12-01T13:56:09Z",
                             "finished_at": "2026-12-01T13:56:12Z"})
    batch_id: str
    status: str
    total: int
    done: int
    failed: int
    pending: int
    failures: list[dict[str, Any]]


class SalesnavExportQueued(BaseModel):
    model_config = _example({"id": "5b0d3c55-8d7e-4b0c-a3f6-1f9e3a2c7d10", "rows": 2, "queued": 2, "status": "queued",
                             "loaded": 2, "extracted": 2, "failed": 0, "rate_per_second": 10.0})
    id: str
    rows: int
    queued: int
    status: str = Field(..., description="queued, or completed when the export had no rows.")
    loaded: int
    rate_per_second: float


class SalesnavExportQueuedLegacy(SalesnavExportQueued):
    model_config = _example({"id": "5b0d3c55-8d7e-4b0c-a3f6-1f9e3a2c7d10", "rows": 2, "row_count": 2, "queued": 2,
                             "status": "queued", "loaded": 2, "extracted": 2, "failed": 0, "rate_per_second": 10.0})
    row_count: int = Field(..., description="The existing system's name for `rows`.")


class SalesnavExportStatus(BaseModel):
    model_config = _example({"id": "5b0d3c55-8d7e-4b0c-a3f6-1f9e3a2c7d10", "status": "completed", "error_message": None,
                             "total": 2, "sent": 2, "pending": 0, "failed": 0, "attempts": 2, "rate_per_second": 10.0,
                             "export_title": "Q1 2026 Leads", "export_timestamp": "1/25/2026, 10:15 PM", "notes": None,
                             "webhook_host": "api.clay.com", "ingest_batch_id": "file:3f2a", "failures": [],
                             "created_at": "2026-12-01T13:56:09Z", "finished_at": "2026-12-01T13:56:10Z"})
    id: str
    status: str = Field(..., description="queued | sending | completed | stopped")
    total: int
    sent: int
    pending: int
    failed: int
    failures: list[dict[str, Any]]


class PriorityLoaded(BaseModel):
    model_config = _example({"rows": 3, "inserted": 2, "updated": 0, "unchanged": 0, "invalid": 1,
                             "errors": [{"row": 3, "error": "no valid domain: not a domain"}]})
    rows: int
    inserted: int
    updated: int
    unchanged: int
    invalid: int
    errors: list[dict[str, Any]]


class PriorityCompanyRow(BaseModel):
    model_config = ConfigDict(extra="allow")
    domain: str
    name: str | None = None
    linkedin_url: str | None = None
    source: str | None = None
    in_hq: bool
    golden_fields_present: list[str] | None = None
    golden_fields_missing: list[str] | None = None


class PriorityCompanyPage(BaseModel):
    model_config = _example({"data": [{"domain": "antimetal.com", "name": "Antimetal", "linkedin_url": None,
                                       "source": "manual", "loaded_at": "2026-12-01T13:56:09Z", "in_hq": True,
                                       "golden_fields_present": ["name", "country", "industry"],
                                       "golden_fields_missing": ["funding_range"],
                                       "last_enriched_at": "2026-12-01T13:56:09Z",
                                       "last_workflow": "companyenrich-company"}], "next_cursor": None})
    data: list[PriorityCompanyRow]
    next_cursor: str | None = None


class Worklist(BaseModel):
    model_config = _example({"entity": "person", "missing": "seniority", "next_cursor": None, "data": [
        {"linkedin_url": "https://www.linkedin.com/in/pat-nolead", "full_name": "Pat Nolead",
         "cleaned_title": "Chief Vibes Wrangler", "company_domain": "no-country.example"}]})
    entity: str
    missing: str
    data: list[dict[str, Any]]
    next_cursor: str | None = None


CLIENT_LEAD_EXAMPLE = {
    "id": 1, "raw_id": "9a4f0c1e-3b1d-4d7e-8b43-0f2d6b1c5e21", "client_domain": "acme.com", "client_form_id": "demo",
    "client_form_title": "Book a demo", "first_name": "Jane", "last_name": "Doe", "full_name": "Jane Doe",
    "email": "jane@ironcladapp.com", "phone": None, "job_title": "VP of Marketing",
    "linkedin_url": "https://www.linkedin.com/in/jane-doe-4b1a2c", "company_name": "Ironclad",
    "company_domain": "ironcladapp.com", "company_linkedin_url": None, "submitted_at": "2026-12-01T13:56:09Z"}


class ClientLeadIngested(BaseModel):
    model_config = _example({"raw_id": "9a4f0c1e-3b1d-4d7e-8b43-0f2d6b1c5e21", "extraction_status": "extracted",
                             "extraction_error": None, "lead": CLIENT_LEAD_EXAMPLE})
    raw_id: str
    extraction_status: str = Field(..., description="pending | extracted | failed | skipped")
    extraction_error: str | None = None
    lead: dict[str, Any] | None = Field(None, description="The row of client.leads, once extracted.")


class ClientLeadIngestedLegacy(ClientLeadIngested):
    model_config = _example({"success": True, "raw_id": "9a4f0c1e-3b1d-4d7e-8b43-0f2d6b1c5e21",
                             "extraction_status": "extracted", "extraction_error": None, "lead": CLIENT_LEAD_EXAMPLE})
    success: bool = Field(..., description="true when the lead was extracted.")


class ClientLeadPage(BaseModel):
    model_config = _example({"data": [{**CLIENT_LEAD_EXAMPLE, "person": None, "company": None}], "next_cursor": None})
    data: list[dict[str, Any]]
    next_cursor: str | None = None
