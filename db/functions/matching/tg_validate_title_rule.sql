CREATE OR REPLACE FUNCTION reference.tg_validate_title_rule()
RETURNS trigger
LANGUAGE plpgsql
AS $$
-- BEFORE INSERT/UPDATE on reference.job_title_rules: reject an invalid regex
-- at write time (with the pattern in the message), not at match time.
BEGIN
  BEGIN
    PERFORM '' ~ NEW.pattern;
  EXCEPTION WHEN invalid_regular_expression THEN
    RAISE EXCEPTION 'job_title_rules: invalid pattern %: %', quote_literal(NEW.pattern), SQLERRM
      USING ERRCODE = '2201B';
  END;
  RETURN NEW;
END;
$$;
COMMENT ON FUNCTION reference.tg_validate_title_rule() IS 'Trigger: reject job title rules whose pattern is not a valid regular expression.';
