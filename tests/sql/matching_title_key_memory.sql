-- reference.match_title_keys remembers the title rules' answer per title key
-- for the session (pg_temp.hq_title_key_matches) and does not read it once
-- the rules change.
BEGIN;
SELECT plan(11);

SELECT results_eq(
  $$SELECT title_key, job_function, seniority FROM reference.match_title_keys(ARRAY['zzq head of widgets', 'zzq qqq', NULL, 'zzq qqq']) ORDER BY 1$$,
  $$VALUES ('zzq head of widgets'::text, NULL::text, 'Head'::text), ('zzq qqq', NULL, NULL)$$,
  'match_title_keys: one row per distinct key, the rules'' answer (NULLs when no rule matches), NULL keys skipped');
SELECT results_eq(
  $$SELECT title_key, job_function, seniority, rules_version FROM pg_temp.hq_title_key_matches WHERE title_key LIKE 'zzq%' ORDER BY 1$$,
  $$SELECT k, f, s, (SELECT version FROM reference.job_title_rules_state) FROM (VALUES ('zzq head of widgets'::text, NULL::text, 'Head'::text), ('zzq qqq', NULL, NULL)) v(k, f, s)$$,
  'match_title_keys: both answers remembered under the current rules version, a no-match too');
SELECT results_eq(
  $$SELECT m.job_function, m.seniority FROM reference.match_job_titles(ARRAY['Zzq Head of Widgets']) m$$,
  $$SELECT r.job_function, r.seniority FROM reference.match_job_title('Zzq Head of Widgets') r$$,
  'match_job_titles from a remembered key: the same answer as match_job_title');

-- a remembered answer is read, not recomputed (a planted answer shows it)
UPDATE pg_temp.hq_title_key_matches SET job_function = 'Sales' WHERE title_key = 'zzq qqq';
SELECT is((SELECT job_function FROM reference.match_title_keys(ARRAY['zzq qqq'])), 'Sales',
          'match_title_keys: a key answered under the current version is read from the table');

SELECT trigger_is('reference', 'job_title_rules', 'forget_title_key_matches', 'reference', 'tg_title_rules_changed',
                  'every statement that changes the title rules runs reference.tg_title_rules_changed');

-- a rule change: new version, old answers deleted, the new rule applies
SELECT lives_ok($$INSERT INTO reference.job_title_rules (priority, pattern, job_function, seniority)
                  VALUES (1, '\mzzq\M', 'Data', NULL)$$, 'a new title rule is accepted');
SELECT is((SELECT count(*) FROM pg_temp.hq_title_key_matches m JOIN reference.job_title_rules_state s ON s.version = m.rules_version
           WHERE m.title_key LIKE 'zzq%'), 0::bigint,
          'a rules change leaves no remembered answer under the current version');
SELECT results_eq(
  $$SELECT title_key, job_function, seniority FROM reference.match_title_keys(ARRAY['zzq qqq', 'zzq head of widgets']) ORDER BY 1$$,
  $$VALUES ('zzq head of widgets'::text, 'Data'::text, 'Head'::text), ('zzq qqq', 'Data', NULL)$$,
  'after the rules change the new rule decides');
SELECT is((SELECT count(*) FROM pg_temp.hq_title_key_matches m JOIN reference.job_title_rules_state s ON s.version = m.rules_version
           WHERE m.title_key LIKE 'zzq%'), 2::bigint, 'the new answers are remembered under the new version');

-- an answer stamped with an older version (a batch that read the rules before
-- a change committed) is never read
UPDATE pg_temp.hq_title_key_matches SET rules_version = rules_version - 1, job_function = 'Sales' WHERE title_key = 'zzq qqq';
SELECT is((SELECT job_function FROM reference.match_title_keys(ARRAY['zzq qqq'])), 'Data',
          'match_title_keys: an answer of an older rules version is recomputed, not read');
SELECT is((SELECT job_function FROM pg_temp.hq_title_key_matches WHERE title_key = 'zzq qqq'), 'Data',
          'match_title_keys: ... and replaced by the current one');

SELECT * FROM finish();
ROLLBACK;
