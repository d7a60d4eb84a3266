-- The rematch functions called directly, and the triggers that call them on every reference change.
BEGIN;
SELECT plan(13);
\set p_prof `cat "$HQ_FIXTURES"/clay-person-profile.json`

INSERT INTO raw.person_payloads (workflow_slug, raw_payload)
VALUES ('clay-person-profile', jsonb_set(:'p_prof'::jsonb, '{experience,0,title}', '"Chief Vibes Wrangler"') || '{"title": "Chief Vibes Wrangler"}');
SELECT is((SELECT matched_job_function FROM core.person_job_titles WHERE raw_title = 'Chief Vibes Wrangler'), NULL, 'the title matches nothing yet');

-- a lookup row written with the rematch trigger disabled, then re-matched by a direct call
ALTER TABLE reference.job_title_lookup DISABLE TRIGGER rematch_after_insert;
INSERT INTO reference.job_title_lookup (raw_title, cleaned_title, job_function, seniority) VALUES ('  Chief VIBES Wrangler ', 'Chief Vibes Wrangler', 'Operations', 'C-Suite');
ALTER TABLE reference.job_title_lookup ENABLE TRIGGER rematch_after_insert;
SELECT is((SELECT raw_title FROM reference.job_title_lookup WHERE cleaned_title = 'Chief Vibes Wrangler'), 'chief vibes wrangler',
          'reference.tg_normalize_lookup_key: the lookup key is stored normalized');
SELECT is(reference.rematch_lookup('job_title_lookup', ARRAY['chief vibes wrangler']), 1, 'reference.rematch_lookup: one dimension row re-matched');
SELECT is((SELECT matched_job_function FROM core.person_job_titles WHERE raw_title = 'Chief Vibes Wrangler'), 'Operations', 'reference.rematch_lookup: the row now carries the lookup''s match');
SELECT is(reference.rematch_lookup('job_title_lookup', ARRAY['chief vibes wrangler']), 0, 'reference.rematch_lookup: a second call changes nothing');
SELECT throws_ok($$SELECT reference.rematch_lookup('people', ARRAY['x'])$$, '22023', NULL, 'reference.rematch_lookup: only lookup tables');

SELECT is(reference.rematch_title_rules(ARRAY['no title matches this pattern']), 0, 'reference.rematch_title_rules: a pattern no stored title matches changes nothing');
SELECT is(reference.reprioritize(ARRAY['clay']), 0, 'reference.reprioritize: with priorities unchanged no golden row changes');
DELETE FROM core.people_full;
SELECT cmp_ok(reference.reprioritize(ARRAY['clay']), '>=', 1, 'reference.reprioritize: the golden rows of the people with rows from the source are recomputed');
SELECT throws_ok($$INSERT INTO reference.job_title_rules (pattern, job_function, priority) VALUES ('(unclosed', 'Sales', 1)$$, '2201B', NULL,
                 'reference.tg_validate_title_rule: an invalid regex is refused when written');
SELECT trigger_is('reference', 'source_priority', 'rematch_after_update', 'reference', 'tg_reference_changed',
                  'reference.tg_reference_changed runs after every statement on source_priority (and the lookups and rules)');

SELECT trigger_is('reference', 'job_title_lookup', 'normalize_key', 'reference', 'tg_normalize_lookup_key',
                  'reference.tg_normalize_lookup_key normalizes each lookup table''s key before it is stored');
SELECT trigger_is('reference', 'job_title_rules', 'validate_pattern', 'reference', 'tg_validate_title_rule',
                  'reference.tg_validate_title_rule checks every rule pattern before it is stored');

SELECT * FROM finish();
ROLLBACK;
