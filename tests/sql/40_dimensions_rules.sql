-- Rules written once: the location upsert, the list insert over its name map, set-based matching, the transition-table key collector.
BEGIN;
SELECT plan(16);
\set p_ce `cat "$HQ_FIXTURES"/companyenrich-company.json`

INSERT INTO core.companies (domain, name) VALUES ('loc.example', 'Loc');
INSERT INTO core.people (linkedin_url, linkedin_slug, full_name) VALUES ('https://www.linkedin.com/in/loc-person', 'loc-person', 'Loc Person');

-- core.upsert_locations: more matched parts win; a source without country keeps the stored one
SELECT is(ARRAY(SELECT * FROM core.upsert_locations('company', ARRAY['loc.example'], ARRAY['clay'], ARRAY['Austin, TX'], ARRAY['United States'])),
          ARRAY['loc.example'], 'core.upsert_locations: a new row is written and its key returned');
SELECT results_eq($$SELECT raw_location, raw_country, matched_city, matched_state, matched_country FROM core.company_locations WHERE domain = 'loc.example'$$,
                  $$VALUES ('Austin, TX'::text, 'United States'::text, 'Austin'::text, 'Texas'::text, 'United States'::text)$$,
                  'core.upsert_locations: raw beside matched');
SELECT is(ARRAY(SELECT * FROM core.upsert_locations('company', ARRAY['loc.example'], ARRAY['clay'], ARRAY['Texas'], ARRAY['United States'])),
          '{}'::text[], 'core.upsert_locations: a vaguer match (fewer matched parts) does not replace a precise one');
SELECT is(ARRAY(SELECT * FROM core.upsert_locations('company', ARRAY['loc.example'], ARRAY['clay'], ARRAY['San Francisco, CA'], NULL)),
          ARRAY['loc.example'], 'core.upsert_locations: an as precise match replaces it');
SELECT results_eq($$SELECT raw_location, raw_country, matched_city FROM core.company_locations WHERE domain = 'loc.example'$$,
                  $$VALUES ('San Francisco, CA'::text, 'United States'::text, 'San Francisco'::text)$$,
                  'core.upsert_locations: with no countries given, the stored raw_country is kept');
SELECT is(ARRAY(SELECT * FROM core.upsert_locations('person', ARRAY['https://www.linkedin.com/in/loc-person'], ARRAY['clay'], ARRAY['Austin, TX'], ARRAY[NULL])),
          ARRAY['https://www.linkedin.com/in/loc-person'], 'core.upsert_locations: person_locations keyed by linkedin_url');
SELECT throws_ok($$SELECT * FROM core.upsert_locations('vc', ARRAY['x'], ARRAY['clay'], ARRAY['Austin'], NULL)$$, '22023', NULL,
                 'core.upsert_locations: an unknown entity is refused');

-- the one list insert over reference.list_dimensions: every table of the map filled from one CompanyEnrich payload
INSERT INTO raw.company_payloads (company_domain, workflow_slug, raw_payload) VALUES ('antimetal.com', 'companyenrich-company', :'p_ce');
SELECT is_empty($$SELECT d.dimension_table FROM reference.list_dimensions() d
                  WHERE d.list_name IN (SELECT l.list_name FROM extracted.company_list_values l WHERE l.domain = 'antimetal.com')
                    AND NOT EXISTS (SELECT 1 FROM core.company_keywords WHERE d.dimension_table = 'company_keywords' AND domain = 'antimetal.com'
                                    UNION ALL SELECT 1 FROM core.company_categories WHERE d.dimension_table = 'company_categories' AND domain = 'antimetal.com'
                                    UNION ALL SELECT 1 FROM core.company_tech_on_site WHERE d.dimension_table = 'company_tech_on_site' AND domain = 'antimetal.com'
                                    UNION ALL SELECT 1 FROM core.company_naics_codes WHERE d.dimension_table = 'company_naics_codes' AND domain = 'antimetal.com'
                                    UNION ALL SELECT 1 FROM core.company_social_urls WHERE d.dimension_table = 'company_social_urls' AND domain = 'antimetal.com')$$,
  'reference.list_dimensions: every extracted list reaches its core table');
SELECT is_empty($$SELECT url, platform FROM core.company_social_urls WHERE domain = 'antimetal.com'
                  AND platform IS DISTINCT FROM split_part(regexp_replace(url, '^https?://(www\.)?', ''), '.', 1)$$,
  'reference.list_dimensions: social URLs get the platform named by their host');

-- set-based matching: one row per distinct value
SELECT results_eq($$SELECT * FROM reference.match_values('employee_range', ARRAY['51-200', '51-200', NULL, '11-50']) ORDER BY 1$$,
                  $$VALUES ('11-50'::text, '11-50'::text), ('51-200', '51-200')$$,
                  'reference.match_values: each distinct non-NULL value once');
SELECT results_eq($$SELECT raw_location, raw_country, city, state, country FROM reference.match_locations(ARRAY['Austin, TX', 'Austin, TX', 'Berlin'], ARRAY[NULL, NULL, 'Germany']) ORDER BY 1$$,
                  $$VALUES ('Austin, TX'::text, NULL::text, 'Austin'::text, 'Texas'::text, 'United States'::text), ('Berlin', 'Germany', 'Berlin', NULL, 'Germany')$$,
                  'reference.match_locations: each distinct (location, country) pair once');
SELECT results_eq($$SELECT * FROM reference.match_job_titles(ARRAY['VP of Marketing', 'CFO', NULL])$$,
                  $$VALUES ('VP of Marketing'::text, 'VP of Marketing'::text, 'Marketing'::text, 'VP'::text), ('CFO', 'CFO', 'Finance', 'C-Suite'), (NULL, NULL, NULL, NULL)$$,
                  'reference.match_job_titles: one row per input title, NULL for NULL');
SELECT is((SELECT count(*)::int FROM reference.single_value_dimensions()), 3, 'reference.single_value_dimensions: type, funding, revenue');

-- the transition-table key collector
SELECT is(core.transition_keys_sql('INSERT', 'domain'),
          'SELECT ARRAY(SELECT DISTINCT s.k FROM (SELECT n.domain FROM new_rows n) s(k) WHERE s.k IS NOT NULL ORDER BY 1)::text[]',
          'core.transition_keys_sql: INSERT reads new_rows');
SELECT matches(core.transition_keys_sql('UPDATE', 'raw_value'), 'new_rows n UNION ALL SELECT o.raw_value FROM old_rows',
               'core.transition_keys_sql: UPDATE reads both transition tables');
SELECT matches(core.transition_keys_sql('DELETE', 'odd"name'), 'SELECT o."odd""name" FROM old_rows o',
               'core.transition_keys_sql: DELETE reads old_rows; the column is quoted as an identifier');

SELECT * FROM finish();
ROLLBACK;
