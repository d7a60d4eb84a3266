CREATE OR REPLACE FUNCTION reference.tg_normalize_lookup_key()
RETURNS trigger
LANGUAGE plpgsql
AS $$
-- BEFORE INSERT/UPDATE row trigger on reference.*_lookup: stores the raw key
-- column (named by TG_ARGV[0]) normalized, so a DBA inserts the raw string as
-- written. Lookup tables are small and edited by hand: per-row is fine here.
DECLARE
  v_col text := TG_ARGV[0];
  v_key text := reference.normalize_key(to_jsonb(NEW) ->> v_col);
BEGIN
  IF v_key IS NULL THEN
    RAISE EXCEPTION '%.%: % must not be empty', TG_TABLE_SCHEMA, TG_TABLE_NAME, v_col USING ERRCODE = '23502';
  END IF;
  NEW := jsonb_populate_record(NEW, jsonb_build_object(v_col, v_key));
  RETURN NEW;
END;
$$;
COMMENT ON FUNCTION reference.tg_normalize_lookup_key() IS 'Trigger: store a lookup table''s raw key normalized (trim, lower case, single spaces).';
