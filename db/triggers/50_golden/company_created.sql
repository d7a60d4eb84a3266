-- Every company has its golden row in the transaction that creates it
-- (core.tg_company_created; the pipeline writes the golden rows of the
-- companies it creates itself).
CREATE OR REPLACE TRIGGER golden_after_insert AFTER INSERT ON core.companies
  REFERENCING NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION core.tg_company_created();
COMMENT ON TRIGGER golden_after_insert ON core.companies IS
  'Every company has its golden row in the transaction that creates it (core.tg_company_created).';
