CREATE OR REPLACE FUNCTION core.normalize_linkedin_url(p_value text)
RETURNS text
LANGUAGE sql
IMMUTABLE PARALLEL SAFE
AS $$
  -- Canonical https://www.linkedin.com/in/<slug> or /company/<slug>.
  -- Accepts missing scheme, country/mobile subdomains, /pub/ and Sales
  -- Navigator lead URLs. Public slugs are lower-cased; Sales Navigator ids
  -- (ACwAA..., ACoAA...) are case-sensitive and keep their case. NULL when
  -- the text is not a LinkedIn person or company URL.
  SELECT CASE
           WHEN m IS NULL OR m[2] = '' THEN NULL
           WHEN m[1] = 'company' THEN 'https://www.linkedin.com/company/' || lower(m[2])
           WHEN m[2] ~ '^AC[a-zA-Z]AA' THEN 'https://www.linkedin.com/in/' || m[2]
           ELSE 'https://www.linkedin.com/in/' || lower(m[2])
         END
  FROM (
    SELECT regexp_match(
             btrim(p_value),
             '^(?:https?://)?(?:[a-z]{2,3}\.|www\.|m\.)?linkedin\.com/(?:sales/(?:lead|people)/|(in|pub|company)/)([^/?#,\s]+)[^\s]*$',
             'i') AS m0
  ) AS s,
  LATERAL (
    SELECT CASE
             WHEN m0 IS NULL THEN NULL
             WHEN m0[1] IS NULL THEN ARRAY['in', m0[2]]        -- Sales Navigator lead URL
             WHEN lower(m0[1]) IN ('in', 'pub') THEN ARRAY['in', m0[2]]
             ELSE ARRAY['company', m0[2]]
           END AS m
  ) AS t;
$$;

COMMENT ON FUNCTION core.normalize_linkedin_url(text) IS
  'Canonical LinkedIn person/company URL (https://www.linkedin.com/in|company/<slug>, lower-case slug, Sales Navigator ids keep case); NULL when not a LinkedIn URL.';
