"""Request bodies of the HTTP API (pydantic): shape and size checks only;
every data rule is in SQL."""

from __future__ import annotations

from enum import Enum
from typing import ClassVar, Literal

from psycopg.types.json import Jsonb
from pydantic import AliasChoices, BaseModel, ConfigDict, Field, StringConstraints
from typing_extensions import Annotated

_CANON = "Canonical values, matched case-insensitively (a value that is not canonical is a 422 listing the allowed ones)"


def _values(field: str, listed: str) -> str:
    return f"{_CANON}: {listed}. `GET /api/filters/{field}` lists them."


# Text PostgreSQL can hold: no NUL character (a 422 naming the field, before the database refuses it)
NO_NUL = r"^[^\x00]*$"
Text = Annotated[str, StringConstraints(pattern=NO_NUL)]


def _canon(name: str) -> dict:
    """Marks a field whose values are those of GET /api/filters/{name}: /openapi.json lists them as an
    enum (hq.openapi_values)."""
    return {"x-canonical": name}


class CompanyFilters(BaseModel):
    """Companies filters: each an array of canonical values (OR within a
    filter, AND across filters), plus keyset pagination."""
    model_config = ConfigDict(extra="forbid", json_schema_extra={"examples": [
        {"countries": ["United States"], "industries": ["Software Development"], "limit": 50}]})
    FILTER_FIELDS: ClassVar[tuple[str, ...]] = (
        "countries", "company_countries", "industries", "employee_ranges", "funding_ranges", "revenue_ranges",
        "company_types", "company_domains")
    countries: list[Text] | None = Field(None, json_schema_extra=_canon("countries"), description=(
        "The **company's** country (headquarters), an alias of `company_countries`; use `person_countries` for "
        "where the person lives. Country names (`United States`), ISO codes (`US`, `USA`) or common aliases, any "
        "case. `GET /api/filters/countries` lists them."))
    company_countries: list[Text] | None = Field(None, json_schema_extra=_canon("countries"),
                                                description="The company's country (see `countries`).")
    industries: list[Text] | None = Field(None, json_schema_extra=_canon("industries"),
                                         description=_values("industries", "LinkedIn's industry taxonomy"))
    employee_ranges: list[Text] | None = Field(None, json_schema_extra=_canon("employee_ranges"), description=_values(
        "employee_ranges", "1-10, 11-50, 51-200, 201-500, 501-1000, 1001-5000, 5001-10000, 10001+"))
    funding_ranges: list[Text] | None = Field(None, json_schema_extra=_canon("funding_ranges"), description=_values(
        "funding_ranges", "<$1M, $1M-$5M, $5M-$10M, $10M-$25M, $25M-$50M, $50M-$100M, $100M-$250M, $250M-$500M, "
        "$500M-$1B, $1B+"))
    revenue_ranges: list[Text] | None = Field(None, json_schema_extra=_canon("revenue_ranges"), description=_values(
        "revenue_ranges", "<$1M, $1M-$5M, $5M-$10M, $10M-$25M, $25M-$50M, $50M-$100M, $100M-$250M, $250M-$500M, "
        "$500M-$1B, $1B-$10B, $10B-$100B, $100B+"))
    company_types: list[Text] | None = Field(None, json_schema_extra=_canon("company_types"), description=_values(
        "company_types", "Public Company, Private Company, Nonprofit, Government Agency, Educational Institution, "
        "Partnership, Self-Employed, Sole Proprietorship"))
    company_domains: list[Text] | None = Field(None, description="Company domains, any normalizable form "
                                                                "(`https://www.Ironcladapp.com/` finds ironcladapp.com).")
    limit: int = Field(50, ge=1, le=1000, description="Rows per page, 1 to 1000.")
    cursor: Text | None = Field(None, description="`next_cursor` of the previous page.")

    def sql_filters(self) -> Jsonb:
        """The filters as the SQL builder takes them: only the filter fields,
        never the route's own parameters (days, firms, domains, ...)."""
        return Jsonb(self.model_dump(exclude_none=True, include=set(self.FILTER_FIELDS)))


class Filters(CompanyFilters):
    """Leads filters: those of companies plus the person's (job function,
    seniority, country, title)."""
    model_config = ConfigDict(extra="forbid", json_schema_extra={"examples": [
        {"seniorities": ["VP", "director"], "job_functions": ["Marketing"], "company_countries": ["United States"],
         "limit": 50}]})
    # the filter fields sent to SQL; a subclass's own fields are route parameters
    FILTER_FIELDS: ClassVar[tuple[str, ...]] = CompanyFilters.FILTER_FIELDS + (
        "job_functions", "seniorities", "person_countries", "title_contains")
    job_functions: list[Text] | None = Field(None, json_schema_extra=_canon("job_functions"), description=_values(
        "job_functions", "Executive Leadership, Sales, Marketing, Business Development, Customer Success, Product, "
        "Engineering, Design, Data, Information Technology, Security, Operations, Finance, Human Resources, Legal "
        "(aliases in reference.job_function_aliases also work)"))
    seniorities: list[Text] | None = Field(None, json_schema_extra=_canon("seniorities"), description=_values(
        "seniorities", "Owner, Founder, C-Suite, Partner, VP, Head, Director, Manager, Senior, Entry, Intern, "
        "Individual Contributor"))
    person_countries: list[Text] | None = Field(None, json_schema_extra=_canon("countries"),
                                               description="The person's country (see `countries`).")
    title_contains: list[Text] | None = Field(None, description=(
        "The cleaned title contains any of these strings (case-insensitive; `%` and `_` are literal)."))


class SignalFilters(Filters):
    model_config = ConfigDict(extra="forbid", json_schema_extra={"examples": [
        {"days": 180, "seniorities": ["VP", "Director"], "limit": 50}]})
    days: int = Field(90, ge=1, le=3650, description="How far back the signal looks, in days.")


class VcFilters(Filters):
    model_config = ConfigDict(extra="forbid", json_schema_extra={"examples": [
        {"firms": ["Framework Ventures"], "job_functions": ["Engineering"]}]})
    firms: list[Text] | None = Field(None, description="VC firm names (as in core.company_vc_investors); all firms when omitted.")


class PastEmployerFilters(Filters):
    model_config = ConfigDict(extra="forbid", json_schema_extra={"examples": [
        {"domains": ["datadoghq.com"], "seniorities": ["Director"]}]})
    domains: list[Text] = Field(..., min_length=1, description="Domains of the past employers.")


class CustomerFilters(Filters):
    model_config = ConfigDict(extra="forbid", json_schema_extra={"examples": [
        {"company_domain": "zluri.com", "job_functions": ["Information Technology"]}]})
    company_domain: Text = Field(..., min_length=1, description="The company whose customers' people are wanted.")


class StatusRequest(BaseModel):
    model_config = ConfigDict(extra="forbid", json_schema_extra={"examples": [
        {"entity_type": "company", "entity_key": "https://www.antimetal.com"}]})
    entity_type: Literal["company", "person"] = Field(..., description="company or person")
    entity_key: Text = Field(..., min_length=1, description="A domain (company) or LinkedIn profile URL (person), any form.")


class JobTitleLookup(BaseModel):
    model_config = ConfigDict(json_schema_extra={"examples": [{"job_title": "VP of Marketing"}]})
    job_title: Text = Field(..., min_length=1)


class LocationLookup(BaseModel):
    model_config = ConfigDict(json_schema_extra={"examples": [{"location": "Mountain View, CA", "country": "United States"}]})
    location: Text = Field(..., min_length=1)
    country: Text | None = None


class JobTitleReference(BaseModel):
    model_config = ConfigDict(extra="forbid", json_schema_extra={"examples": [
        {"raw_title": "Chief Vibes Wrangler", "cleaned_title": "Chief Vibes Wrangler", "job_function": "Human Resources",
         "seniority": "C-Suite"}]})
    raw_title: Text = Field(..., min_length=1, max_length=500)  # the lookup's key: a btree entry
    cleaned_title: Text | None = None
    job_function: Text | None = Field(None, json_schema_extra=_canon("job_functions"),
                                     description="A canonical job function, any case, or an alias.")
    seniority: Text | None = Field(None, json_schema_extra=_canon("seniorities"), description="A canonical seniority, any case.")


class LocationReference(BaseModel):
    model_config = ConfigDict(extra="forbid", json_schema_extra={"examples": [
        {"raw_location": "Greater Springfield", "city": "Springfield", "state": "Illinois", "country": "United States"}]})
    raw_location: Text = Field(..., min_length=1, max_length=500)  # the lookup's key: a btree entry
    city: Text | None = None
    state: Text | None = None
    country: Text | None = Field(None, json_schema_extra=_canon("countries"),
                                description="A country name, ISO code or alias, any case.")


class FilterName(str, Enum):
    """The filters with a canonical value list (GET /api/filters/{name})."""
    job_functions = "job_functions"
    seniorities = "seniorities"
    employee_ranges = "employee_ranges"
    revenue_ranges = "revenue_ranges"
    funding_ranges = "funding_ranges"
    company_types = "company_types"
    industries = "industries"
    countries = "countries"


class LegacyJobTitleLookup(BaseModel):
    """The existing Clay tables' job title lookup body."""
    model_config = ConfigDict(json_schema_extra={"examples": [{"job_title": "Senior Sales Engineer"}]})
    job_title: Text = Field(..., min_length=1, max_length=500)


class LegacyLocationLookup(BaseModel):
    """The existing Clay tables' location lookup body (`location` is accepted for `location_name`)."""
    model_config = ConfigDict(populate_by_name=True, json_schema_extra={"examples": [{"location_name": "Mountain View, CA"}]})
    location_name: Text = Field(..., min_length=1, max_length=500, validation_alias=AliasChoices("location_name", "location"))
    country: Text | None = None


class LegacyJobTitleUpdate(BaseModel):
    """The existing Clay tables' job title update body (reference.job_title_lookup)."""
    model_config = ConfigDict(json_schema_extra={"examples": [
        {"latest_title": "Senior Sales Engineer", "cleaned_job_title": "Sales Engineer", "seniority_level": "Senior",
         "job_function": "Sales Engineering"}]})
    latest_title: Text = Field(..., min_length=1, max_length=500)
    cleaned_job_title: Text | None = None
    seniority_level: Text | None = Field(None, json_schema_extra=_canon("seniorities"),
                                        description="A canonical seniority, any case.")
    job_function: Text | None = Field(None, json_schema_extra=_canon("job_functions"), description="A canonical job function (any case) or an alias in "
                                                       "reference.job_function_aliases; anything else is a 422.")


class LegacyLocationUpdate(BaseModel):
    """The existing Clay tables' location update body (reference.location_lookup)."""
    model_config = ConfigDict(json_schema_extra={"examples": [
        {"location_name": "Greater Springfield", "city": "Springfield", "state": "Illinois", "country": "United States"}]})
    location_name: Text = Field(..., min_length=1, max_length=500)
    city: Text | None = None
    state: Text | None = None
    country: Text | None = Field(None, json_schema_extra=_canon("countries"),
                                description="A country name, ISO code or alias, any case.")
