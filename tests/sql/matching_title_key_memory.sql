-- reference.match_title_keys remembers the title rules' answer per title key
-- for the session (pg_temp.hq_title_key_matches) and does not read it once
-- the rules change;
-- core.clear_temp_table empties the pipeline's per-session work tables.
BEGIN;
SELECT plan(13);

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

-- work tables: DELETE while small (same file), TRUNCATE once large (new file)
CREATE TEMP TABLE t_work (v text) ON COMMIT DELETE ROWS;
INSERT INTO t_work VALUES ('a');
SELECT pg_relation_filenode('pg_temp.t_work') AS small_node \gset
SELECT core.clear_temp_table('t_work');
SELECT ok(NOT EXISTS (SELECT 1 FROM t_work) AND pg_relation_filenode('pg_temp.t_work') = :small_node,
          'clear_temp_table: a small work table is emptied in place (no new file, no catalog change)');
INSERT INTO t_work SELECT repeat('x', 100) FROM generate_series(1, 5000);
SELECT core.clear_temp_table('t_work');
SELECT ok(NOT EXISTS (SELECT 1 FROM t_work) AND pg_relation_size('pg_temp.t_work') = 0,
          'clear_temp_table: a large one is truncated, its space given back');

SELECT * FROM finish();
ROLLBACK;
