-- Company pipeline: fixtures through plain INSERTs, failure modes, survivorship, idempotency.
BEGIN;
SELECT plan(29);
\set p_find `cat "$HQ_FIXTURES"/clay-find-companies.json`
\set p_ce `cat "$HQ_FIXTURES"/companyenrich-company.json`
\set p_cb `cat "$HQ_FIXTURES"/crunchbase-company.json`
\set p_li `cat "$HQ_FIXTURES"/clay-company-firmographics.json`

-- db/triggers/raw/ingest.sql gives every raw table of the registry the ingest trigger
SELECT is((SELECT array_agg(DISTINCT r.raw_table ORDER BY r.raw_table) FROM reference.enrichment_workflow_registry r
           WHERE r.entity_type IN ('company', 'person')  -- client leads: their own trigger (50_client_leads_rls)
             AND NOT EXISTS (SELECT 1 FROM pg_catalog.pg_trigger t WHERE t.tgrelid = to_regclass(r.raw_table)
                               AND t.tgname = 'ingest' AND t.tgfoid = 'raw.tg_ingest()'::regprocedure AND t.tgenabled = 'O')),
          NULL, 'every registered raw table has the statement-level ingest trigger');

INSERT INTO raw.company_discovery (company_domain, workflow_slug, raw_payload) VALUES ('google.com', 'clay-find-companies', :'p_find');
SELECT is((SELECT extraction_status FROM raw.company_discovery WHERE company_domain = 'google.com'), 'extracted', 'clay-find-companies row extracted');
SELECT is((SELECT provider FROM raw.company_discovery WHERE company_domain = 'google.com'), 'clay', 'provider defaulted from the registry');
SELECT results_eq($$SELECT raw_size, matched_employee_range FROM core.company_employee_ranges WHERE domain = 'google.com' AND source = 'clay'$$,
  $$VALUES ('10,001+ employees'::text, '10001+'::text)$$, 'raw and matched size side by side');
SELECT results_eq($$SELECT t.raw_type, t.matched_type, f.raw_funding_range, f.matched_funding_range, r.raw_revenue_range, r.matched_revenue_range
                    FROM core.company_types t JOIN core.company_funding f USING (domain, source) JOIN core.company_revenue r USING (domain, source)
                    WHERE domain = 'google.com' AND source = 'clay'$$,
  $$VALUES ('Public Company'::text, 'Public Company'::text, '$100M - $250M'::text, '$100M-$250M'::text, '100B-1T'::text, '$100B+'::text)$$,
  'type, funding and revenue: raw and matched side by side (reference.single_value_dimensions)');
SELECT results_eq($$SELECT name, employee_range, city, state, country, revenue_range FROM core.companies_full WHERE domain = 'google.com'$$,
  $$VALUES ('Google'::text, '10001+'::text, 'Mountain View'::text, 'California'::text, 'United States'::text, '$100B+'::text)$$, 'golden Google row');

INSERT INTO raw.company_payloads (company_domain, workflow_slug, raw_payload) VALUES ('antimetal.com', 'companyenrich-company', :'p_ce');
SELECT results_eq($$SELECT name, employee_range, company_type, revenue_range, country FROM core.companies_full WHERE domain = 'antimetal.com'$$,
  $$VALUES ('Antimetal'::text, '51-200'::text, 'Private Company'::text, '$5M-$10M'::text, 'United States'::text)$$, 'golden Antimetal row');
SELECT is((SELECT count(*)::int FROM core.company_vc_investors WHERE domain = 'antimetal.com'), 3, 'investors parsed from funding rounds');
SELECT is((SELECT count(*)::int FROM core.company_tech_on_site WHERE domain = 'antimetal.com'), 3, 'technologies broken out');
SELECT is((SELECT count(*)::int FROM core.company_naics_codes WHERE domain = 'antimetal.com'), 2, 'NAICS codes broken out');
-- a later delivery replaces the extracted lists and rounds as a set
INSERT INTO raw.company_payloads (company_domain, workflow_slug, raw_payload) VALUES ('antimetal.com', 'companyenrich-company',
  ((:'p_ce')::jsonb || '{"keywords": ["cloud cost"], "technologies": ["Kubernetes"]}' || jsonb_build_object('financial', jsonb_build_object('funding', '[]'::jsonb))));
SELECT results_eq($$SELECT list_name, value FROM extracted.company_list_values WHERE domain = 'antimetal.com' AND list_name IN ('keywords', 'technologies') ORDER BY 1, 2$$,
  $$VALUES ('keywords'::text, 'cloud cost'::text), ('technologies', 'Kubernetes')$$, 'second delivery: breakout lists replaced, not appended');
SELECT is((SELECT count(*)::int FROM extracted.company_funding_rounds WHERE domain = 'antimetal.com'), 0, 'second delivery: funding rounds replaced');

-- key from the payload ("website"), normalized; JSON-string payload unwrapped
INSERT INTO raw.company_payloads (workflow_slug, raw_payload) VALUES ('crunchbase-company', to_jsonb(:'p_cb'::text));
SELECT is((SELECT company_domain FROM raw.company_payloads WHERE workflow_slug = 'crunchbase-company'), 'ge.com', 'key taken from the payload and normalized');
SELECT is((SELECT extraction_status FROM raw.company_payloads WHERE company_domain = 'ge.com'), 'extracted', 'JSON string payload unwrapped');
INSERT INTO raw.company_payloads (company_domain, workflow_slug, raw_payload) VALUES ('ge.com', 'clay-company-firmographics', '{"name": "Ge", "size": "10,001+ employees"}');
SELECT results_eq($$SELECT name, sources->>'name' FROM core.companies_full WHERE domain = 'ge.com'$$,
  $$VALUES ('GE'::text, 'crunchbase'::text)$$, 'crunchbase beats linkedin for the name');
UPDATE reference.source_priority SET priority = -1 WHERE field = '*' AND source = 'linkedin';
SELECT is((SELECT sources->>'name' FROM core.companies_full WHERE domain = 'ge.com'), 'linkedin', 'the priority change recomputed the golden row in the same statement');
SELECT is(core.refresh_companies_full(ARRAY['ge.com']), 0, 'nothing left for a manual refresh to do');
SELECT results_eq($$SELECT name, sources->>'name' FROM core.companies_full WHERE domain = 'ge.com'$$,
  $$VALUES ('Ge'::text, 'linkedin'::text)$$, 'after the priority change linkedin wins');

-- failure isolation in one statement
INSERT INTO raw.company_payloads (company_domain, workflow_slug, raw_payload) VALUES
  ('good.example.com', 'crunchbase-company', '{"name": "Good Co"}'),
  ('bad.example.com', 'crunchbase-company', '{"name": "Bad", "number_employees": 123}'),
  ('not a domain', 'crunchbase-company', '{"name": "X"}'),
  ('arr.example.com', 'crunchbase-company', '[1, 2]'),
  ('nulls.example.com', 'crunchbase-company', '{"name": null, "number_employees": null, "total_funding_usd": 5000000}'),
  ('scalar.example.com', 'crunchbase-company', '{"name": ["A", "B"], "total_funding_usd": {"usd": 5}, "number_employees": true}');
SELECT is((SELECT extraction_status FROM raw.company_payloads WHERE company_domain = 'good.example.com'), 'extracted', 'good row of a mixed statement goes through');
SELECT matches((SELECT extraction_error FROM raw.company_payloads WHERE company_domain = 'bad.example.com'), 'field size \(number_employees\): expected string, got number', 'wrong type: field and reason');
SELECT matches((SELECT extraction_error FROM raw.company_payloads WHERE company_domain = 'not a domain'), 'is not a domain', 'bad key kept as failed');
SELECT matches((SELECT extraction_error FROM raw.company_payloads WHERE company_domain = 'arr.example.com'), 'expected a JSON object, got array', 'non-object payload kept as failed');
SELECT is((SELECT extraction_status FROM raw.company_payloads WHERE company_domain = 'nulls.example.com'), 'extracted', 'JSON null fields and a number where any scalar fits are not type errors');
SELECT is((SELECT extraction_error FROM raw.company_payloads WHERE company_domain = 'scalar.example.com'),
  'field funding_range (total_funding_usd): expected scalar, got object; field name (name): expected string, got array; field size (number_employees): expected string, got boolean',
  'every wrong field in one message, in field order');
SELECT is((SELECT count(*)::int FROM core.companies WHERE domain IN ('bad.example.com', 'scalar.example.com', 'arr.example.com')), 0, 'rows with type errors write nothing to core');
SELECT is((SELECT status FROM reference.enrichment_runs WHERE workflow_slug = 'crunchbase-company' AND entity_key = 'bad.example.com'), 'failed', 'run tracked as failed');

-- registry enforcement
SELECT throws_like($$INSERT INTO raw.company_payloads (company_domain, workflow_slug, raw_payload) VALUES ('a.com', 'nope', '{}')$$,
  '%''nope'' is not registered%', 'unknown slug rejected by name');
UPDATE reference.enrichment_workflow_registry SET is_active = false WHERE workflow_slug = 'crunchbase-company';
SELECT throws_like($$INSERT INTO raw.company_payloads (company_domain, workflow_slug, raw_payload) VALUES ('a.com', 'crunchbase-company', '{}')$$,
  '%is inactive%', 'inactive slug rejected');
UPDATE reference.enrichment_workflow_registry SET is_active = true WHERE workflow_slug = 'crunchbase-company';

-- idempotency: the same payload again changes nothing in core
CREATE TEMP TABLE snap AS SELECT * FROM core.companies_full WHERE domain = 'google.com';
INSERT INTO raw.company_discovery (company_domain, workflow_slug, raw_payload) VALUES ('https://www.google.com/', 'clay-find-companies', :'p_find');
SELECT results_eq($$SELECT * FROM core.companies_full WHERE domain = 'google.com'$$, $$SELECT * FROM snap$$, 'second delivery leaves the golden row unchanged');
SELECT * FROM finish();
ROLLBACK;
