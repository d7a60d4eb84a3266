-- The small matching helpers the match_* functions are built from.
BEGIN;
SELECT plan(9);

SELECT is(reference.normalize_key('  VP,  Sales '), 'vp, sales', 'reference.normalize_key: trimmed, lower-cased, spaces folded');
SELECT is(reference.job_title_key('Sr. VP of Sales'), 'senior vp of sales', 'reference.job_title_key: abbreviations expanded for the rules');
SELECT is(reference.clean_job_title('sr. vp of sales'), 'Senior VP of Sales', 'reference.clean_job_title: the display form');
SELECT results_eq($$SELECT * FROM reference.range_target('51-200')$$, $$VALUES (200::numeric, 'value'::text)$$,
                  'reference.range_target: A-B decides by B');
SELECT results_eq($$SELECT * FROM reference.range_target('over-10K')$$, $$VALUES (10000::numeric, 'above'::text)$$,
                  'reference.range_target: over-X is just above X, suffixes understood');
SELECT is_empty($$SELECT * FROM reference.range_target('lots')$$, 'reference.range_target: no row when nothing parses');
SELECT is(reference.range_for('employee', '51-200'), '51-200', 'reference.range_for: the canonical employee range');
SELECT is(reference.range_for('revenue', '$5M-$10M'), '$5M-$10M', 'reference.range_for: the canonical revenue range');
SELECT is(reference.scale_amount('2.5', 'M'), 2500000.0, 'reference.scale_amount: a number times its suffix');

SELECT * FROM finish();
ROLLBACK;
