-- depends: 0013_drop_payload_errors
-- The work list of companies to enrich next (the existing system's
-- public.top_priority_companies): loaded by hand (`hq priority load`, the
-- HTTP route) or imported from the legacy system (source 'legacy').
-- Re-loading a company updates it in place: one row per normalized domain.
CREATE TABLE core.priority_companies (
  domain        text PRIMARY KEY,
  name          text,
  linkedin_url  text,
  source        text NOT NULL DEFAULT 'manual',
  loaded_at     timestamptz NOT NULL DEFAULT now(),
  updated_at    timestamptz NOT NULL DEFAULT now(),
  CONSTRAINT priority_companies_domain_normalized CHECK (domain = lower(domain) AND domain <> '')
);
COMMENT ON TABLE core.priority_companies IS 'Companies to enrich next (the legacy public.top_priority_companies): domain normalized by core.normalize_domain, name and LinkedIn URL as loaded, source manual|legacy|...';
COMMENT ON COLUMN core.priority_companies.source IS 'Who put the company on the list: manual (hq priority load / HTTP), legacy (hq import-legacy), ...';
