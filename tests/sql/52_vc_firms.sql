-- VC firms: portfolio lists, Crunchbase portfolio exports and CompanyEnrich
-- funding rounds resolve to the same core.vc_firms rows; vc_backed follows.
BEGIN;
SELECT plan(14);
\set p_vc `cat "$HQ_FIXTURES"/vc-portfolio.json`
\set p_cbp `cat "$HQ_FIXTURES"/crunchbase-portfolio.json`
\set p_ce `cat "$HQ_FIXTURES"/companyenrich-company.json`
\set p_person `cat "$HQ_FIXTURES"/clay-person-profile.json`

SELECT is((SELECT raw_table || ' ' || source || ' ' || payload_key FROM reference.enrichment_workflow_registry WHERE workflow_slug = 'crunchbase-portfolio'),
  'raw.vc_portfolio_companies crunchbase_portfolio website', 'crunchbase-portfolio is registered');

INSERT INTO raw.vc_portfolio_companies (workflow_slug, raw_payload) VALUES ('vc-portfolio', :'p_vc');
INSERT INTO raw.vc_portfolio_companies (workflow_slug, raw_payload) VALUES ('crunchbase-portfolio', :'p_cbp');
SELECT results_eq($$SELECT website_domain, extraction_status FROM raw.vc_portfolio_companies ORDER BY 1$$,
  $$VALUES ('antimetal.com'::text, 'extracted'::text), ('deel.com', 'extracted')$$, 'both portfolio workflows extract');
SELECT results_eq($$SELECT name, domain FROM core.vc_firms ORDER BY name$$,
  $$VALUES ('Andreessen Horowitz'::text, 'a16z.com'::text), ('Framework Ventures', 'framework.ventures'), ('General Catalyst', NULL)$$,
  'firms from both portfolio workflows, with the domains they give');
SELECT results_eq($$SELECT name, vc_count FROM core.companies_full JOIN core.company_vc_backed USING (domain) ORDER BY 1$$,
  $$VALUES ('Antimetal'::text, 2), ('Deel', 1)$$, 'vc_backed counts distinct firms');

-- CompanyEnrich funding rounds name the same firms in other words
INSERT INTO raw.company_payloads (workflow_slug, raw_payload) VALUES ('companyenrich-company',
  jsonb_set(:'p_ce'::jsonb, '{financial,funding}',
   '[{"date": "2022-05-01", "type": "seed", "from": "General Catalyst LLC; Framework Ventures"},
     {"date": "2024-03-12", "type": "series_a", "from": "Framework Ventures; Y Combinator"}]'));
SELECT results_eq($$SELECT i.investor_name, f.name FROM core.company_vc_investors i JOIN core.vc_firms f ON f.id = i.vc_firm_id
                    WHERE i.domain = 'antimetal.com' AND i.source = 'companyenrich' ORDER BY 1$$,
  $$VALUES ('Framework Ventures'::text, 'Framework Ventures'::text), ('General Catalyst LLC', 'General Catalyst'),
           ('Y Combinator', 'Y Combinator')$$,
  'funding-round investors resolve by name key; an unknown one becomes a firm');
SELECT is((SELECT investor_domain FROM core.company_vc_investors WHERE domain = 'antimetal.com' AND source = 'companyenrich' AND investor_name = 'Framework Ventures'),
  'framework.ventures', 'a resolved investor takes the firm''s domain');
SELECT is((SELECT vc_count FROM core.company_vc_backed WHERE domain = 'antimetal.com'), 3, 'vc_count follows new investors, counting each firm once (kept by trigger)');

-- CompanyEnrich splits "from" on commas: the 'LLC' of 'General Catalyst, LLC' is no firm
INSERT INTO raw.company_payloads (workflow_slug, raw_payload) VALUES ('companyenrich-company',
  jsonb_set(:'p_ce'::jsonb, '{financial,funding}', '[{"date": "2022-05-01", "type": "seed", "from": "General Catalyst, LLC; Framework Ventures"}]'));
SELECT is((SELECT count(*)::int FROM core.vc_firms WHERE name = 'LLC'), 0, 'a bare legal form from a split list is no firm');
SELECT is((SELECT vc_count FROM core.company_vc_backed WHERE domain = 'antimetal.com'), 3, 'and is not counted (still Framework Ventures, General Catalyst, Y Combinator)');

-- the same firm under another name and the same domain: one firm, one more alias
INSERT INTO raw.vc_portfolio_companies (workflow_slug, raw_payload) VALUES ('crunchbase-portfolio',
  (:'p_cbp')::jsonb || '{"vc_name": "a16z", "name": "Figma", "website": "figma.com"}');
SELECT results_eq($$SELECT name, aliases FROM core.vc_firms WHERE domain = 'a16z.com'$$,
  $$VALUES ('Andreessen Horowitz'::text, ARRAY['a16z'])$$, 'a firm seen under another name with its domain gains an alias');
SELECT is((SELECT f.name FROM core.company_vc_investors i JOIN core.vc_firms f ON f.id = i.vc_firm_id WHERE i.domain = 'figma.com'),
  'Andreessen Horowitz', 'the alias resolves to the firm');

-- leads at a firm's portfolio, by any name or the domain
INSERT INTO raw.person_payloads (workflow_slug, raw_payload) VALUES ('clay-person-profile', :'p_person');
SELECT is((SELECT array_agg(e ->> 'full_name') FROM jsonb_array_elements(api.leads_at_vc_portfolio('{}', ARRAY['framework ventures, llc']) -> 'data') e),
  ARRAY['Sam Rivera'], 'leads at a firm given by name (normalized)');
SELECT is((SELECT array_agg(e ->> 'full_name') FROM jsonb_array_elements(api.leads_at_vc_portfolio('{}', ARRAY['https://framework.ventures/']) -> 'data') e),
  ARRAY['Sam Rivera'], 'and by domain');
SELECT is(jsonb_array_length(api.leads_at_vc_portfolio('{}', ARRAY['a16z']) -> 'data'), 0, 'not at another firm''s portfolio');

SELECT * FROM finish();
ROLLBACK;
