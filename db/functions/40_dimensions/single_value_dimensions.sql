CREATE OR REPLACE FUNCTION reference.single_value_dimensions()
RETURNS TABLE (lookup_table text, dimension_table text, raw_column text, matched_column text,
               match_kind text, extracted_column text)
LANGUAGE sql
IMMUTABLE PARALLEL SAFE
AS $$
  -- The company dimensions that hold one raw and one matched value, matched
  -- by reference.match_values(match_kind): their lookup table, core table
  -- and columns, and the extracted.company_profile column they come from.
  -- One name map for the pipeline's upserts (core.process_company_batch)
  -- and the re-match of a lookup change (reference.rematch_lookup), both of
  -- which run one statement shape over it with format(%I).
  SELECT * FROM (VALUES
    ('company_type_lookup', 'company_types', 'raw_type', 'matched_type', 'company_type', 'company_type'),
    ('funding_range_lookup', 'company_funding', 'raw_funding_range', 'matched_funding_range', 'funding_range', 'funding_range'),
    ('revenue_range_lookup', 'company_revenue', 'raw_revenue_range', 'matched_revenue_range', 'revenue_range', 'revenue_range'))
    AS d(lookup_table, dimension_table, raw_column, matched_column, match_kind, extracted_column);
$$;
COMMENT ON FUNCTION reference.single_value_dimensions() IS
  'Name map of the single-value company dimensions (type, funding, revenue): lookup table, core table, raw and matched columns, match kind, extracted column.';
