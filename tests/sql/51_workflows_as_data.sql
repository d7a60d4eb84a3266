-- New flat workflows as data: the field-map proposal from a sample, and
-- api.add_workflow's refusals; the query role cannot register workflows.
BEGIN;
SELECT plan(13);

SELECT set_eq($$SELECT target, array_to_string(json_path, '.') FROM api.propose_field_map(
  '{"domain": "acme.example", "company_name": "Acme", "employees": "51-200", "hq": {"city": "Austin", "country": "United States"},
    "industry": "Software Development", "technologies": ["react"], "ignored": {"x": 1}, "type": null}', 'company')$$,
  $$VALUES ('_key', 'domain'), ('name', 'company_name'), ('size', 'employees'), ('city', 'hq.city'), ('country', 'hq.country'),
           ('industry', 'industry'), ('technologies', 'technologies')$$,
  'company sample: each known key feeds its field; nulls and unknown keys are left out');
SELECT is((SELECT array_to_string(json_path, '.') FROM api.propose_field_map(
  '{"name": "Dana", "linkedin_url": "linkedin.com/in/dana", "organization": {"name": "Antimetal", "linkedin_url": "linkedin.com/company/antimetal"}}', 'person')
  WHERE target = 'company_name'), 'organization.name', 'a dotted path hint beats a bare key: organization.name is the company name');
SELECT is((SELECT array_to_string(json_path, '.') FROM api.propose_field_map(
  '{"name": "Dana", "linkedin_url": "linkedin.com/in/dana", "organization": {"name": "Antimetal", "linkedin_url": "linkedin.com/company/antimetal"}}', 'person')
  WHERE target = '_key'), 'linkedin_url', 'the entity key is a top-level key');
SELECT is((SELECT matcher FROM api.propose_field_map('{"title": "VP Sales"}', 'person') WHERE target = 'title'),
          'reference.match_job_title', 'the proposal names the matcher a field goes through');
SELECT throws_ok($$SELECT * FROM api.propose_field_map('[1]', 'person')$$, '22023', NULL, 'a sample that is not an object is refused');
SELECT throws_ok($$SELECT api.add_workflow('clay-find-people', 'person', 'raw.person_payloads', 'linkedin_url', 'clay', 'url', '[]')$$,
                 '23505', NULL, 'a registered slug cannot be added again');
SELECT throws_ok($$SELECT api.add_workflow('x-company', 'company', 'raw.person_payloads', 'linkedin_url', 'x', 'url', '[]')$$,
                 '22023', NULL, 'a raw table keyed for another entity is refused');
SELECT throws_ok($$SELECT api.add_workflow('x-person', 'person', 'raw.x_payloads', 'linkedin_url', 'x', 'url',
                   '[{"target": "favourite_colour", "json_path": ["c"]}]')$$, '22023', NULL, 'a field no extractor reads is refused');
SELECT is((SELECT count(*) FROM api.workflow_list()), (SELECT count(*) FROM reference.enrichment_workflow_registry),
          'api.workflow_list: one row per registered workflow');
SELECT set_eq($$SELECT e ->> 'workflow_slug' FROM jsonb_array_elements(api.workflows() -> 'data') e$$,
              $$SELECT workflow_slug FROM reference.enrichment_workflow_registry$$, 'api.workflows lists every registered workflow');

-- what an import from one legacy database brought in: its checkpoints and its skipped slugs
INSERT INTO reference.legacy_import_checkpoints (source, legacy_table, rows_seen) VALUES ('t51:5432/legacy', 'raw.person_payloads', 3);
INSERT INTO reference.legacy_import_skips (source, legacy_table, legacy_id, workflow_slug, reason)
VALUES ('t51:5432/legacy', 'raw.person_payloads', 'a', 'x-unknown', 'workflow_slug not registered in HQ (hq workflows add)'),
       ('t51:5432/legacy', 'raw.person_payloads', 'b', 'x-unknown', 'workflow_slug not registered in HQ (hq workflows add)'),
       ('other:5432/legacy', 'raw.person_payloads', 'a', 'x-unknown', 'workflow_slug not registered in HQ (hq workflows add)');
SELECT is(api.legacy_import_report('t51:5432/legacy') -> 'checkpoints', '{"raw.person_payloads": 3}'::jsonb,
          'the legacy import report gives each table''s checkpoint');
SELECT is(api.legacy_import_report('t51:5432/legacy') -> 'skipped',
          '[{"legacy_table": "raw.person_payloads", "workflow_slug": "x-unknown", "reason": "workflow_slug not registered in HQ (hq workflows add)", "rows": 2}]'::jsonb,
          'and the rows of that database skipped, by slug and reason');
SET LOCAL ROLE hq_api;
SELECT throws_ok($$SELECT api.add_workflow('x-person', 'person', 'raw.person_payloads', 'linkedin_url', 'x', 'url', '[]')$$,
                 '42501', NULL, 'the query role cannot register workflows');
RESET ROLE;

SELECT * FROM finish();
ROLLBACK;
