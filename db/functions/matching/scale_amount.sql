CREATE OR REPLACE FUNCTION reference.scale_amount(p_number text, p_suffix text)
RETURNS numeric
LANGUAGE sql
IMMUTABLE PARALLEL SAFE
AS $$
  -- A number times its suffix: k/thousand 1e3, m/mm/million 1e6, b/bn/billion 1e9, t/trillion 1e12.
  SELECT p_number::numeric * CASE lower(coalesce(p_suffix, ''))
    WHEN 'k' THEN 1e3 WHEN 'thousand' THEN 1e3
    WHEN 'm' THEN 1e6 WHEN 'mm' THEN 1e6 WHEN 'million' THEN 1e6
    WHEN 'b' THEN 1e9 WHEN 'bn' THEN 1e9 WHEN 'billion' THEN 1e9
    WHEN 't' THEN 1e12 WHEN 'trillion' THEN 1e12
    ELSE 1 END;
$$;
COMMENT ON FUNCTION reference.scale_amount(text, text) IS 'Numeric value of a number with a K/M/B/T-style suffix.';
