-- depends: 0014_priority_companies
-- A customer named without a domain is matched to the one company whose
-- golden name equals it, case-insensitively (core.process_company_customers):
-- without this index that is a sequential scan of core.companies_full per
-- customer name, on the one-row webhook path and in bulk alike.
CREATE INDEX IF NOT EXISTS companies_full_lower_name_idx ON core.companies_full (lower(name));
COMMENT ON INDEX core.companies_full_lower_name_idx IS
  'Customer matching by golden name, case-insensitive (core.process_company_customers).';
