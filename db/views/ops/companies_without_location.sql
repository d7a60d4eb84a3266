CREATE OR REPLACE VIEW core.companies_without_location AS
  -- Companies no source gave any location data: no core.company_locations
  -- row with a raw or a matched value. What
  -- core.delete_companies_without_location counts (dry run) and deletes.
  SELECT c.domain
  FROM core.companies c
  WHERE NOT EXISTS (SELECT 1 FROM core.company_locations l
                    WHERE l.domain = c.domain
                      AND num_nonnulls(l.raw_location, l.raw_country, l.matched_city, l.matched_state, l.matched_country) > 0);
COMMENT ON VIEW core.companies_without_location IS
  'Companies with no location data (raw or matched) from any source; the set core.delete_companies_without_location removes.';
