"""Request bodies of the HTTP API (pydantic): shape and size checks only;
every data rule is in SQL."""

from __future__ import annotations

from psycopg.types.json import Jsonb
from pydantic import BaseModel, ConfigDict, Field


class Filters(BaseModel):
    """Leads/companies filters: each an array of canonical values."""
    model_config = ConfigDict(extra="forbid")
    job_functions: list[str] | None = None
    seniorities: list[str] | None = None
    countries: list[str] | None = None
    company_countries: list[str] | None = None
    person_countries: list[str] | None = None
    industries: list[str] | None = None
    employee_ranges: list[str] | None = None
    funding_ranges: list[str] | None = None
    revenue_ranges: list[str] | None = None
    company_types: list[str] | None = None
    company_domains: list[str] | None = None
    limit: int = Field(50, ge=1, le=1000)
    cursor: str | None = None

    def sql_filters(self) -> Jsonb:
        # a subclass's own fields (firms, days, domains, ...) are route parameters, not filters
        own = set(type(self).model_fields) - set(Filters.model_fields)
        return Jsonb(self.model_dump(exclude_none=True, exclude={"limit", "cursor"} | own))


class SignalFilters(Filters):
    days: int = Field(90, ge=1, le=3650)


class VcFilters(Filters):
    firms: list[str] | None = None


class PastEmployerFilters(Filters):
    domains: list[str] = Field(..., min_length=1)


class CustomerFilters(Filters):
    company_domain: str = Field(..., min_length=1)


class StatusRequest(BaseModel):
    model_config = ConfigDict(extra="forbid")
    entity_type: str = Field(..., pattern="^(company|person)$")
    entity_key: str = Field(..., min_length=1)


class JobTitleLookup(BaseModel):
    job_title: str = Field(..., min_length=1)


class LocationLookup(BaseModel):
    location: str = Field(..., min_length=1)
    country: str | None = None


class JobTitleReference(BaseModel):
    model_config = ConfigDict(extra="forbid")
    raw_title: str = Field(..., min_length=1, max_length=500)  # the lookup's key: a btree entry
    cleaned_title: str | None = None
    job_function: str | None = None
    seniority: str | None = None


class LocationReference(BaseModel):
    model_config = ConfigDict(extra="forbid")
    raw_location: str = Field(..., min_length=1, max_length=500)  # the lookup's key: a btree entry
    city: str | None = None
    state: str | None = None
    country: str | None = None
