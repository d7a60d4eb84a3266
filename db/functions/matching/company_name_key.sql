CREATE OR REPLACE FUNCTION core.company_name_key(p_name text)
RETURNS text
LANGUAGE sql
IMMUTABLE PARALLEL SAFE
AS $$
  -- The form customer names and company names are compared in: lower case,
  -- accents removed, apostrophes and periods dropped (S.A. -> sa, McDonald's
  -- -> mcdonalds), any other run of non-alphanumerics one space, a leading
  -- "the", "and"/"&" and trailing legal-form words (Inc, LLC, Ltd, GmbH, Corp,
  -- S.A., ...) removed. A name made only of such words keeps them.
  -- unaccent's dictionary is named so the function may be IMMUTABLE.
  SELECT coalesce(NULLIF(btrim(regexp_replace(s.k,
           '( (inc|incorporated|llc|ltd|limited|gmbh|mbh|corp|corporation|co|company|cos|sa|sas|sarl|ag|plc|bv|nv|srl|spa|'
           'sl|sro|pty|pte|pvt|private|lp|llp|oy|oyj|ab|as|asa|aps|kk|kg|se|ltda|kft|zrt|doo|dd|ooo|jsc|bhd|sdn|tbk))+ *$',
           '')), ''), NULLIF(btrim(s.k), ''))
  FROM (SELECT regexp_replace(regexp_replace(regexp_replace(
           ' ' || regexp_replace(regexp_replace(regexp_replace(
             lower(public.unaccent('public.unaccent'::regdictionary, p_name)),
             '\([^)]*\)', ' ', 'g'),          -- "(formerly ...)", "(US)"
             '[''’`´.]', '', 'g'),             -- apostrophes, periods
             '[^[:alnum:]]+', ' ', 'g') || ' ',
           '^ the ', ' '), ' and ', ' ', 'g'), ' +', ' ', 'g') AS k) AS s;
$$;
COMMENT ON FUNCTION core.company_name_key(text) IS
  'Normalized company name for matching: lower case, no accents, punctuation, leading "the", "and" or trailing legal suffixes (Inc, LLC, Ltd, GmbH, Corp, S.A., ...).';
