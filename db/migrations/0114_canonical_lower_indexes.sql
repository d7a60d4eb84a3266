-- depends: 0113_rejected_requests
-- Filter and reference values are matched to their canonical spelling
-- case-insensitively (core.canonical_values: lower(name) = lower(value)) on
-- every leads/companies query; an index on lower(name) makes each match one
-- probe instead of a scan (company_industries has 434 names, countries 249).
-- The tables are small reference lists, so a plain CREATE INDEX is brief.
CREATE INDEX job_functions_lower_name_idx ON reference.job_functions (lower(name));
CREATE INDEX seniorities_lower_name_idx ON reference.seniorities (lower(name));
CREATE INDEX countries_lower_name_idx ON reference.countries (lower(name));
CREATE INDEX company_industries_lower_name_idx ON reference.company_industries (lower(name));
CREATE INDEX employee_ranges_lower_name_idx ON reference.employee_ranges (lower(name));
CREATE INDEX funding_ranges_lower_name_idx ON reference.funding_ranges (lower(name));
CREATE INDEX revenue_ranges_lower_name_idx ON reference.revenue_ranges (lower(name));
CREATE INDEX company_types_lower_name_idx ON reference.company_types (lower(name));
COMMENT ON INDEX reference.job_functions_lower_name_idx IS 'Case-insensitive match of filter and reference values (core.canonical_values).';
COMMENT ON INDEX reference.seniorities_lower_name_idx IS 'Case-insensitive match of filter and reference values (core.canonical_values).';
COMMENT ON INDEX reference.countries_lower_name_idx IS 'Case-insensitive match of filter and reference values (core.canonical_values).';
COMMENT ON INDEX reference.company_industries_lower_name_idx IS 'Case-insensitive match of filter and reference values (core.canonical_values).';
COMMENT ON INDEX reference.employee_ranges_lower_name_idx IS 'Case-insensitive match of filter and reference values (core.canonical_values).';
COMMENT ON INDEX reference.funding_ranges_lower_name_idx IS 'Case-insensitive match of filter and reference values (core.canonical_values).';
COMMENT ON INDEX reference.revenue_ranges_lower_name_idx IS 'Case-insensitive match of filter and reference values (core.canonical_values).';
COMMENT ON INDEX reference.company_types_lower_name_idx IS 'Case-insensitive match of filter and reference values (core.canonical_values).';
