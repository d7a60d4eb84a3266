CREATE OR REPLACE FUNCTION core.idna_to_ascii(p_host text)
RETURNS text
LANGUAGE sql
IMMUTABLE STRICT PARALLEL SAFE
AS $$
  -- The ASCII form of an internationalized host name, as IDNA stores it:
  -- mapped in the manner of UTS #46 (NFKC, lower case, ideographic full
  -- stops as dots), then every label that is not ASCII becomes 'xn--' and
  -- its Punycode (core.punycode_encode): 'Bücher.de' -> 'xn--bcher-kva.de'.
  -- NULL when a label that is not ASCII holds a space, a control character
  -- or an ASCII character other than a-z, 0-9 and '-', or begins or ends
  -- with '-'. Labels that are
  -- ASCII are returned as they are (core.normalize_domain validates them).
  SELECT CASE WHEN bool_and(l.ok)
              THEN string_agg(CASE WHEN l.ascii THEN l.label ELSE 'xn--' || core.punycode_encode(l.label) END, '.' ORDER BY l.n)
         END
  FROM (SELECT s.label, s.n, octet_length(s.label) = length(s.label) AS ascii,
               octet_length(s.label) = length(s.label)
               OR s.label !~ '[[:space:][:cntrl:]]|[\x01-\x2c\x2e\x2f\x3a-\x60\x7b-\x7f]|^-|-$' AS ok
        FROM regexp_split_to_table(translate(lower(normalize(p_host, NFKC)), '。', '.'), '\.') WITH ORDINALITY AS s(label, n)) l;
$$;
COMMENT ON FUNCTION core.idna_to_ascii(text) IS
  'IDNA ASCII form of a host (UTS #46-style mapping, Punycode labels with xn--); NULL when a non-ASCII label holds a character a host cannot.';
