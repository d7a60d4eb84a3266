-- depends: 0014_priority_companies
-- Customer name -> company matching: every name a company is known by, keyed
-- for exact and trigram matching, the matcher's settings, and the columns a
-- match records on core.company_customers.

-- pg_trgm (similarity, % and the GIN operator class) and unaccent live in
-- public, where any helper's CREATE EXTENSION IF NOT EXISTS puts them;
-- project functions pin search_path and so call them schema-qualified.
CREATE EXTENSION IF NOT EXISTS pg_trgm WITH SCHEMA public;
CREATE EXTENSION IF NOT EXISTS unaccent WITH SCHEMA public;

-- The name key and domain label, created here because the tables below are
-- filled with them; the repeatable copies in db/functions/matching/ are the
-- maintained ones.
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

CREATE TABLE reference.match_settings (
  name text PRIMARY KEY,
  value numeric NOT NULL,
  description text NOT NULL,
  updated_at timestamptz NOT NULL DEFAULT now());
COMMENT ON TABLE reference.match_settings IS 'Tunable thresholds of the matchers (customer name trigram threshold and margin), read at match time.';
INSERT INTO reference.match_settings (name, value, description) VALUES
  ('customer_trgm_threshold', 0.6, 'Least pg_trgm similarity between a customer name key and a company name key for a trigram match.'),
  ('customer_trgm_margin', 0.15, 'How far the best trigram candidate company must lead the second-best one; closer candidates leave the name unmatched.');

CREATE TABLE core.company_name_keys (
  domain text NOT NULL,
  name_key text NOT NULL,
  kind text NOT NULL CHECK (kind IN ('name', 'domain_label')),
  name_compact text GENERATED ALWAYS AS (replace(name_key, ' ', '')) STORED,
  PRIMARY KEY (domain, name_key, kind));
CREATE INDEX company_name_keys_compact_idx ON core.company_name_keys (name_compact, kind);
-- a GIN pending list is scanned whole by every lookup: the matchers flush it
-- (gin_clean_pending_list) before they probe, so writes stay cheap
CREATE INDEX company_name_keys_trgm_idx ON core.company_name_keys USING gin (name_key public.gin_trgm_ops)
  WHERE kind = 'name';
COMMENT ON TABLE core.company_name_keys IS 'Every name a company is known by (core.companies.name and each source''s raw and cleaned core.company_names), as core.company_name_key, plus the registrable label of its domain; kept by statement triggers; what customer names are matched against.';

ALTER TABLE extracted.company_customers ADD COLUMN customer_linkedin_url text;

ALTER TABLE core.company_customers
  ADD COLUMN customer_name_key text,
  ADD COLUMN customer_linkedin_url text;
CREATE INDEX company_customers_unmatched_compact_idx ON core.company_customers (replace(customer_name_key, ' ', ''))
  WHERE customer_domain IS NULL;
CREATE INDEX company_customers_unmatched_trgm_idx ON core.company_customers USING gin (customer_name_key public.gin_trgm_ops)
  WHERE customer_domain IS NULL;
COMMENT ON COLUMN core.company_customers.match_method IS 'How customer_domain was found: given (by the source), domain_in_name (the name is a known domain), exact_name (normalized name equals one company''s), domain_label (normalized name equals one company''s domain label), trigram (best similar name, clear of the second); ambiguous (several companies fit: left unmatched); NULL: no candidate yet.';
COMMENT ON COLUMN core.company_customers.match_score IS '1 for given and exact matches, the pg_trgm similarity for trigram matches, NULL when unmatched.';
COMMENT ON COLUMN core.company_customers.customer_name_key IS 'core.company_name_key(customer_name): lower case, no accents, punctuation or legal suffixes.';
COMMENT ON COLUMN core.company_customers.customer_linkedin_url IS 'LinkedIn company page of the matched customer (given by the source, else the company''s).';

-- what the warehouse already holds
INSERT INTO core.company_name_keys (domain, name_key, kind)
SELECT domain, core.company_name_key(name), 'name' FROM core.companies WHERE core.company_name_key(name) IS NOT NULL
UNION SELECT domain, core.company_name_key(raw_name), 'name' FROM core.company_names WHERE core.company_name_key(raw_name) IS NOT NULL
UNION SELECT domain, core.company_name_key(cleaned_name), 'name' FROM core.company_names WHERE core.company_name_key(cleaned_name) IS NOT NULL
UNION SELECT domain, core.domain_label(domain), 'domain_label' FROM core.companies WHERE core.domain_label(domain) IS NOT NULL;
UPDATE core.company_customers SET customer_name_key = core.company_name_key(customer_name);
