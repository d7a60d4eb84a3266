CREATE OR REPLACE FUNCTION core.is_legal_form(p_name text)
RETURNS boolean
LANGUAGE sql
IMMUTABLE PARALLEL SAFE
AS $$
  -- A name that is only a legal form ('LLC', 'Inc.', 'GmbH', 'S.A.'): what a
  -- list split on commas leaves of 'General Catalyst, LLC'. Same words as
  -- core.company_name_key strips.
  SELECT coalesce(core.company_name_key(p_name) ~ '^((inc|incorporated|llc|ltd|limited|gmbh|mbh|corp|corporation|co|company|cos|sa|sas|sarl|ag|plc|bv|nv|srl|spa|sl|sro|pty|pte|pvt|private|lp|llp|oy|oyj|ab|as|asa|aps|kk|kg|se|ltda|kft|zrt|doo|dd|ooo|jsc|bhd|sdn|tbk) ?)+$', false);
$$;
COMMENT ON FUNCTION core.is_legal_form(text) IS 'True for a name made only of legal-form words (LLC, Inc., GmbH, S.A.), e.g. the tail of a comma-split investor list.';
