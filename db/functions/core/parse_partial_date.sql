CREATE OR REPLACE FUNCTION core.parse_partial_date(p_value text)
RETURNS date
LANGUAGE sql
IMMUTABLE PARALLEL SAFE
AS $$
  -- Provider dates to a date (partial dates to the first day they name):
  -- ISO 'YYYY-MM-DD' (a time part is ignored), 'YYYY-MM', 'YYYY/MM',
  -- 'MM-YYYY' and 'MM/YYYY' (Sales Navigator's '08-2024'), 'YYYY'. NULL for
  -- anything else, including impossible months or days.
  SELECT CASE
    WHEN v ~ '^\d{4}-\d{2}-\d{2}([T ].*)?$' AND substr(v, 6, 2)::int BETWEEN 1 AND 12
         AND substr(v, 9, 2)::int BETWEEN 1 AND extract(day FROM (make_date(substr(v, 1, 4)::int, substr(v, 6, 2)::int, 1) + interval '1 month - 1 day'))::int
      THEN make_date(substr(v, 1, 4)::int, substr(v, 6, 2)::int, substr(v, 9, 2)::int)
    WHEN v ~ '^\d{4}[-/]\d{1,2}$' AND split_part(translate(v, '/', '-'), '-', 2)::int BETWEEN 1 AND 12
      THEN make_date(split_part(translate(v, '/', '-'), '-', 1)::int, split_part(translate(v, '/', '-'), '-', 2)::int, 1)
    WHEN v ~ '^\d{1,2}[-/]\d{4}$' AND split_part(translate(v, '/', '-'), '-', 1)::int BETWEEN 1 AND 12
      THEN make_date(split_part(translate(v, '/', '-'), '-', 2)::int, split_part(translate(v, '/', '-'), '-', 1)::int, 1)
    WHEN v ~ '^\d{4}$' AND v::int BETWEEN 1 AND 9999
      THEN make_date(v::int, 1, 1)
  END
  FROM (SELECT btrim(p_value) AS v) s;
$$;
COMMENT ON FUNCTION core.parse_partial_date(text) IS
  'ISO, YYYY-MM, MM-YYYY (Sales Navigator), year-only dates to a date (first day of the period); NULL when not a date.';
