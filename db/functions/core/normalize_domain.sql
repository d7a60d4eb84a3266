CREATE OR REPLACE FUNCTION core.normalize_domain(p_value text)
RETURNS text
LANGUAGE sql
IMMUTABLE PARALLEL SAFE
AS $$
  -- Lower-case host of a URL, e-mail or bare domain: no scheme, userinfo,
  -- `www.`, port, path, query, fragment or trailing dot. NULL when the result
  -- is not a plausible domain (needs a dot and an alphabetic TLD; IPs, spaces
  -- and garbage give NULL). Unicode labels are kept (lower-cased).
  SELECT CASE
           WHEN v_host ~ '^([[:alnum:]]([[:alnum:]_-]{0,61}[[:alnum:]])?\.)+([[:alpha:]]{2,63}|xn--[a-z0-9-]{1,59})$'
            AND length(v_host) <= 253
           THEN v_host
         END
  FROM (
    SELECT regexp_replace(
             regexp_replace(
               regexp_replace(
                 regexp_replace(
                   regexp_replace(lower(btrim(p_value, E' \t\r\n"''<>')), '^([a-z][a-z0-9+.-]*://|mailto:)', ''),
                 '^[^/?#@]*@', ''),
               '[/?#\\].*$', ''),
             ':[0-9]*$', ''),
           '^(www[0-9]?\.)?(.*?)\.*$', '\2') AS v_host
  ) AS s;
$$;

COMMENT ON FUNCTION core.normalize_domain(text) IS
  'Canonical company domain: lower-case host without scheme, www., port, path, query or trailing dot; NULL when not a domain. ''https://WWW.Google.com/about'' -> ''google.com''.';
