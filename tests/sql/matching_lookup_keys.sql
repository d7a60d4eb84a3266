-- Lookup tables normalize their keys; a lookup row beats the parser; bad rule patterns are refused.
BEGIN;
SELECT plan(7);
INSERT INTO reference.employee_range_lookup (raw_value, matched_value) VALUES ('  About   Twenty People ', '11-50');
SELECT is((SELECT raw_value FROM reference.employee_range_lookup WHERE matched_value = '11-50' AND raw_value LIKE 'about%'), 'about twenty people', 'key stored trimmed, lower case, single spaces');
SELECT is(reference.match_employee_range('About twenty PEOPLE'), '11-50', 'lookup used at match time with the same normalization');
INSERT INTO reference.job_title_lookup (raw_title, cleaned_title, job_function, seniority) VALUES ('Chief Vibes Officer', 'Chief Vibes Officer', 'Operations', 'C-Suite');
SELECT is((SELECT job_function FROM reference.match_job_title('chief vibes officer')), 'Operations', 'exact title lookup wins over rules');
SELECT throws_ok($$INSERT INTO reference.job_title_rules (priority, pattern, seniority) VALUES (1, '([unclosed', 'VP')$$, '2201B', NULL, 'invalid regex refused at insert');
SELECT throws_ok($$INSERT INTO reference.employee_range_lookup (raw_value, matched_value) VALUES ('x', 'not-a-range')$$, '23503', NULL, 'matched value must be canonical');
SELECT throws_ok($$INSERT INTO reference.location_lookup (raw_location) VALUES ('   ')$$, '23502', NULL, 'blank key refused');
INSERT INTO reference.job_title_rules (priority, pattern, job_function) VALUES (1, '\mwizard\M', 'Engineering');
SELECT is((SELECT job_function FROM reference.match_job_title('Code Wizard')), 'Engineering', 'a DBA adds a rule with an INSERT');
SELECT * FROM finish();
ROLLBACK;
