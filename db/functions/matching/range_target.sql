CREATE OR REPLACE FUNCTION reference.range_target(p_raw text)
RETURNS TABLE (target numeric, mode text)
LANGUAGE plpgsql
IMMUTABLE PARALLEL SAFE
AS $$
-- Parse a raw range/amount string into the number that decides its range:
-- 'A-B' -> B (mode 'value'); 'X+', 'over-X', 'more than X' -> X (mode
-- 'above': the range holding values just above X); 'under-X', '<X',
-- 'less than X' -> X (mode 'below'); a bare number -> itself. Suffixes K, M,
-- B, T (and thousand/million/billion/trillion), '$', commas, 'employees' are
-- understood; Crunchbase 'c_00051_00100' / 'c_10001_max' too. No row when
-- nothing parses.
DECLARE
  v_s text := lower(btrim(coalesce(p_raw, '')));
  v_num constant text := '([0-9]+(?:\.[0-9]+)?)\s*(k|m|mm|b|bn|t|thousand|million|billion|trillion)?';
  v_m text[];
BEGIN
  v_s := regexp_replace(v_s, '(?<=[0-9]),(?=[0-9]{3})', '', 'g');
  v_s := regexp_replace(v_s, '\$|usd|employees?|people|staff|\(.*?\)', '', 'g');
  v_s := btrim(regexp_replace(v_s, '\s+', ' ', 'g'));
  IF v_s = '' THEN
    RETURN;
  END IF;
  v_m := regexp_match(v_s, '^c_0*([0-9]+)_(0*[0-9]+|max)$');
  IF v_m IS NOT NULL THEN
    IF v_m[2] = 'max' THEN
      target := v_m[1]::numeric; mode := 'value';
    ELSE
      target := v_m[2]::numeric; mode := 'value';
    END IF;
    RETURN NEXT; RETURN;
  END IF;
  v_m := regexp_match(v_s, '^(?:over|more than|above|greater than|>)\s*-?\s*' || v_num || '$');
  IF v_m IS NULL THEN
    v_m := regexp_match(v_s, '^' || v_num || '\s*(?:\+|or more|and above|plus)$');
  END IF;
  IF v_m IS NOT NULL THEN
    target := reference.scale_amount(v_m[1], v_m[2]); mode := 'above';
    RETURN NEXT; RETURN;
  END IF;
  v_m := regexp_match(v_s, '^(?:under|less than|below|<)\s*-?\s*' || v_num || '$');
  IF v_m IS NOT NULL THEN
    target := reference.scale_amount(v_m[1], v_m[2]); mode := 'below';
    RETURN NEXT; RETURN;
  END IF;
  v_m := regexp_match(v_s, '^' || v_num || '\s*(?:-|–|to)\s*' || v_num || '$');
  IF v_m IS NOT NULL THEN
    -- '1-10m': a suffix on the upper bound only applies to both
    target := reference.scale_amount(v_m[3], v_m[4]); mode := 'value';
    RETURN NEXT; RETURN;
  END IF;
  v_m := regexp_match(v_s, '^' || v_num || '$');
  IF v_m IS NOT NULL THEN
    target := reference.scale_amount(v_m[1], v_m[2]); mode := 'value';
    RETURN NEXT;
  END IF;
  RETURN;
END;
$$;
COMMENT ON FUNCTION reference.range_target(text) IS 'Parse a raw range or amount into (target number, mode value|above|below) for range matching; no row when unparseable.';
