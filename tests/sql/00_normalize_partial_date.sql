-- core.parse_partial_date: every accepted provider date form, the regex-free
-- ISO path against the general one, impossible dates and garbage.
BEGIN;
SELECT plan(8);
SELECT results_eq(
  $$SELECT core.parse_partial_date(v) FROM unnest(ARRAY[
      '2024-08-15', '2024-08-15T09:30:00Z', '2024-08-15 09:30', ' 2024-08-15 ', '2024-08', '2024-8', '2024/08',
      '08-2024', '8-2024', '08/2024', '2024']) WITH ORDINALITY AS t(v, n) ORDER BY n$$,
  $$VALUES ('2024-08-15'::date), ('2024-08-15'), ('2024-08-15'), ('2024-08-15'), ('2024-08-01'), ('2024-08-01'),
           ('2024-08-01'), ('2024-08-01'), ('2024-08-01'), ('2024-08-01'), ('2024-01-01')$$,
  'ISO with or without a time, YYYY-MM, YYYY/MM, MM-YYYY (Sales Navigator), MM/YYYY, year only');
SELECT is(core.parse_partial_date('2024-02-29'), '2024-02-29'::date, 'leap day of a leap year');
SELECT is(core.parse_partial_date('2000-02-29'), '2000-02-29'::date, 'leap day of a year divisible by 400');
SELECT results_eq(
  $$SELECT count(*) FROM unnest(ARRAY['2023-02-29', '1900-02-29', '2024-04-31', '2024-13-01', '2024-00-10',
      '2024-01-00', '2024-01-32', '0000-01-01', '13-2024', '2024-13', '0000'])
    AS v WHERE core.parse_partial_date(v) IS NOT NULL$$,
  $$VALUES (0::bigint)$$, 'impossible days, months and year 0 give NULL');
SELECT results_eq(
  $$SELECT count(*) FROM unnest(ARRAY['2024/08/15', '2024-08/15', '2024-08-15x', '2024-8-15', '15-08-2024',
      'Present', '', ' ', '--12345678', '2024--0815', '12345', 'Aug 2024'])
    AS v WHERE core.parse_partial_date(v) IS NOT NULL$$,
  $$VALUES (0::bigint)$$, 'other shapes (slashed ISO, day-first, words, empty) give NULL, never a guess');
SELECT is(core.parse_partial_date(NULL), NULL, 'NULL gives NULL');
-- the regex-free path for bare 'YYYY-MM-DD' agrees with the general path,
-- reached by the same dates with a leading space, on every day of 1899-2101
-- and impossible days around them
SELECT is(
  (SELECT count(*) FROM generate_series(1899, 2101) y, generate_series(0, 13) m, generate_series(0, 32) d,
          LATERAL (SELECT y || '-' || lpad(m::text, 2, '0') || '-' || lpad(d::text, 2, '0') AS v) s
   WHERE core.parse_partial_date(s.v) IS DISTINCT FROM core.parse_partial_date(' ' || s.v)),
  0::bigint, 'ISO fast path gives what the general path gives');
SELECT is(
  (SELECT count(*) FROM generate_series(1899, 2101) y, generate_series(0, 13) m, generate_series(0, 32) d
   WHERE core.parse_partial_date(y || '-' || lpad(m::text, 2, '0') || '-' || lpad(d::text, 2, '0'))
         IS DISTINCT FROM
         CASE WHEN m BETWEEN 1 AND 12 AND d >= 1
               AND d <= extract(day FROM make_date(y, m, 1) + interval '1 month - 1 day') THEN make_date(y, m, d) END),
  0::bigint, 'every valid calendar day parses to itself, every invalid one to NULL (1899-2101)');
SELECT * FROM finish();
ROLLBACK;
