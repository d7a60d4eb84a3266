-- Every company in core.companies has its golden row in the transaction that
-- created it, whichever workflow (or direct insert) created it: each
-- delivery below is followed by the same check.
BEGIN;
SELECT plan(19);
\set p_find `cat "$HQ_FIXTURES"/clay-find-companies.json`
\set p_li `cat "$HQ_FIXTURES"/clay-company-firmographics.json`
\set p_ce `cat "$HQ_FIXTURES"/companyenrich-company.json`
\set p_cb `cat "$HQ_FIXTURES"/crunchbase-company.json`
\set p_fp `cat "$HQ_FIXTURES"/clay-find-people.json`
\set p_prof `cat "$HQ_FIXTURES"/clay-person-profile.json`
\set p_cs `cat "$HQ_FIXTURES"/claygent-customers.structured.json`
\set p_cstr `cat "$HQ_FIXTURES"/claygent-customers.string.json`
\set p_man `cat "$HQ_FIXTURES"/manual-company-customers.json`
\set p_vc `cat "$HQ_FIXTURES"/vc-portfolio.json`
\set p_case `cat "$HQ_FIXTURES"/case-study-extraction.json`
\set p_icp `cat "$HQ_FIXTURES"/icp-generation.json`

CREATE TEMP VIEW without_golden AS
  SELECT c.domain FROM core.companies c WHERE NOT EXISTS (SELECT 1 FROM core.companies_full f WHERE f.domain = c.domain);

-- a company first seen only as a customer (given by its domain)
SELECT is((api.ingest('claygent-customers', (:'p_cs')::jsonb || jsonb_build_object('customers',
            jsonb_build_array(jsonb_build_object('companyName', 'Custonly One', 'companyDomain', 'custonly-1.example.org')))))
          ->> 'extraction_status', 'extracted', 'claygent customers delivered');
SELECT ok(EXISTS (SELECT 1 FROM core.companies WHERE domain = 'custonly-1.example.org'), 'the customer-only company exists');
SELECT results_eq($$SELECT domain, name, sources FROM core.companies_full WHERE domain = 'custonly-1.example.org'$$,
  $$VALUES ('custonly-1.example.org'::text, NULL::text, '{}'::jsonb)$$, 'and has its golden row, empty as its dimensions');
SELECT is((SELECT array_agg(domain) FROM without_golden), NULL, 'claygent-customers (structured): no company without a golden row');
SELECT is((api.ingest('claygent-customers', :'p_cstr') ->> 'extraction_status'), 'extracted', 'claygent customers (string)');
SELECT is((SELECT array_agg(domain) FROM without_golden), NULL, 'claygent-customers (string): none without a golden row');
SELECT is((api.ingest('manual-company-customers', :'p_man') ->> 'extraction_status'), 'extracted', 'manual customer delivered');
SELECT is((SELECT array_agg(domain) FROM without_golden), NULL, 'manual-company-customers: none without a golden row (figma.com too)');
SELECT is((api.ingest('case-study-extraction', :'p_case') ->> 'extraction_status'), 'extracted', 'case study delivered');
SELECT is((SELECT array_agg(domain) FROM without_golden), NULL, 'case-study-extraction: none without a golden row (bamboohr.com too)');

-- the company workflows, the people workflows (their employers) and the rest
SELECT is((SELECT count(*)::int FROM (VALUES
            (api.ingest('clay-find-companies', :'p_find')), (api.ingest('clay-company-firmographics', :'p_li')),
            (api.ingest('companyenrich-company', :'p_ce')), (api.ingest('crunchbase-company', :'p_cb'))) AS a(r)
           WHERE a.r ->> 'extraction_status' = 'extracted'), 4, 'company workflows delivered');
SELECT is((SELECT array_agg(domain) FROM without_golden), NULL, 'company workflows: none without a golden row');
SELECT is((SELECT count(*)::int FROM (VALUES (api.ingest('clay-find-people', :'p_fp')), (api.ingest('clay-person-profile', :'p_prof'))) AS a(r)
           WHERE a.r ->> 'extraction_status' = 'extracted'), 2, 'people workflows delivered');
\copy raw.salesnav_scrapes (first_name,last_name,email,phone_number,profile_headline,profile_summary,job_title,job_description,job_started_on,linkedin_url_user_profile,location,company,linkedin_company_profile_urn,linkedin_url_company,company_website,company_description,company_headcount,company_industries,company_registered_address,matching_filters,linkedin_user_profile_urn) from program 'cat "$HQ_FIXTURES"/salesnav-export.csv' csv header
SELECT ok((SELECT count(*) FROM core.companies c JOIN core.person_work_history w ON w.company_domain = c.domain) > 0,
          'people workflows created their employers');
SELECT is((SELECT array_agg(domain) FROM without_golden), NULL, 'people workflows and the Sales Navigator export: none without a golden row');
SELECT is((SELECT count(*)::int FROM (VALUES (api.ingest('vc-portfolio', :'p_vc')), (api.ingest('icp-generation', :'p_icp'))) AS a(r)
           WHERE a.r ->> 'extraction_status' = 'extracted'), 2, 'vc-portfolio and icp-generation delivered');
SELECT is((SELECT array_agg(domain) FROM without_golden), NULL, 'vc-portfolio and icp-generation: none without a golden row');

-- outside the pipeline (an import, a DBA): the trigger on core.companies
INSERT INTO core.company_names (domain, source, raw_name, cleaned_name) VALUES ('direct-1.example.org', 'manual', 'Direct', 'Direct');
INSERT INTO core.companies (domain) VALUES ('direct-1.example.org'), ('direct-2.example.org');
SELECT results_eq($$SELECT domain, name FROM core.companies_full WHERE domain LIKE 'direct-_.example.org' ORDER BY 1$$,
  $$VALUES ('direct-1.example.org'::text, 'Direct'::text), ('direct-2.example.org', NULL)$$,
  'a direct insert gets its golden rows, from the dimension rows that exist');
SELECT is((SELECT array_agg(domain) FROM without_golden), NULL, 'none without a golden row at the end');
SELECT * FROM finish();
ROLLBACK;
