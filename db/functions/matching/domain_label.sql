CREATE OR REPLACE FUNCTION core.domain_label(p_domain text)
RETURNS text
LANGUAGE sql
IMMUTABLE PARALLEL SAFE
AS $$
  -- The label a domain is registered under, the one people call the company
  -- by: 'tipalti.com' -> 'tipalti', 'bbc.co.uk' -> 'bbc', 'aws.amazon.com' ->
  -- 'amazon'. A second-level public suffix (co.uk, com.au, ac.jp, ...) is
  -- recognised by its shape: a short generic label before a country code.
  -- Hyphens become spaces, as in a name key ('t-mobile.com' -> 't mobile').
  SELECT replace(CASE WHEN cardinality(l) >= 3 AND l[cardinality(l)] ~ '^[a-z]{2}$'
                   AND l[cardinality(l) - 1] IN ('co', 'com', 'org', 'net', 'ac', 'gov', 'edu', 'ltd', 'plc', 'or', 'ne', 'gob', 'gv')
              THEN l[cardinality(l) - 2]
              WHEN cardinality(l) >= 2 THEN l[cardinality(l) - 1] END, '-', ' ')
  FROM (SELECT string_to_array(lower(p_domain), '.') AS l) AS s;
$$;
COMMENT ON FUNCTION core.domain_label(text) IS
  'Registrable label of a domain (tipalti.com -> tipalti, bbc.co.uk -> bbc): a company name key of kind domain_label.';
