CREATE OR REPLACE FUNCTION core.normalize_domain(p_value text)
RETURNS text
LANGUAGE plpgsql
IMMUTABLE STRICT PARALLEL SAFE
AS $$
-- Lower-case host of a URL, e-mail or bare domain: no scheme, userinfo,
-- `www.`, port, path, query, fragment or trailing dot. NULL when the result
-- is not a plausible domain: labels of letters, digits, '-' or '_' (not at
-- either end, at most 63 long), at least one dot, an alphabetic (or xn--)
-- TLD of two or more, 253 characters at most; IPs, spaces and garbage give
-- NULL. An internationalized name is stored in its IDNA ASCII form
-- (core.idna_to_ascii: 'bücher.de' and 'xn--bcher-kva.de' are one company);
-- ASCII input never pays for it (one length comparison). PL/pgSQL and no
-- bounded repetition ({0,61}) because this runs once per ingested row: the
-- SQL form costs about ten times more a call. A value that is already a
-- canonical domain (the common case) returns after one capture-free match.
-- STRICT: NULL in, NULL out, without a call.
DECLARE
  v_host text;
BEGIN
  IF length(p_value) <= 63 AND p_value NOT LIKE 'www%'
     AND p_value ~ '^(?:[a-z0-9](?:[a-z0-9-]*[a-z0-9])?\.)+[a-z][a-z]+$' THEN
    RETURN p_value;  -- already canonical: every rule below would leave it as it is
  END IF;
  v_host := rtrim(
    regexp_replace(
      regexp_replace(
        regexp_replace(
          regexp_replace(
            regexp_replace(lower(btrim(p_value, E' \t\r\n"''<>')), '^([a-z][a-z0-9+.-]*://|mailto:)', ''),
          '^[^/?#@]*@', ''),
        '[/?#\\].*$', ''),
      ':[0-9]*$', ''),
    '^www[0-9]?\.', ''),
  '.');
  IF octet_length(v_host) <> length(v_host) THEN
    v_host := rtrim(core.idna_to_ascii(v_host), '.');  -- internationalized: its IDNA ASCII form
  END IF;
  IF v_host ~ '^([[:alnum:]_-]+\.)+([[:alpha:]]+|xn--[a-z0-9-]+)$'
     AND v_host !~ '(^|\.)[_-]|[_-](\.|$)|[^.]{64}|\.[[:alpha:]]$'
     AND length(v_host) <= 253 THEN
    RETURN v_host;
  END IF;
  RETURN NULL;
END;
$$;

COMMENT ON FUNCTION core.normalize_domain(text) IS
  'Canonical company domain: lower-case host without scheme, www., port, path, query or trailing dot, internationalized names in IDNA ASCII form; NULL when not a domain. ''https://WWW.Google.com/about'' -> ''google.com''.';
