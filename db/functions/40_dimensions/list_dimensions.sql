CREATE OR REPLACE FUNCTION reference.list_dimensions()
RETURNS TABLE (list_name text, dimension_table text, value_column text, has_platform boolean)
LANGUAGE sql
IMMUTABLE PARALLEL SAFE
AS $$
  -- The multi-valued company dimensions filled from
  -- extracted.company_list_values: the list_name the extractor gives a
  -- value, the core table (keyed by domain, value and source) and its value
  -- column. has_platform: the table also stores the platform named by the
  -- URL's host (company_social_urls). One name map for the one list insert
  -- (core.upsert_company_lists), which runs one statement shape over it
  -- with format(%I, %L).
  SELECT * FROM (VALUES
    ('keywords', 'company_keywords', 'keyword', false),
    ('categories', 'company_categories', 'category', false),
    ('technologies', 'company_tech_on_site', 'technology', false),
    ('naics_codes', 'company_naics_codes', 'naics_code', false),
    ('social_urls', 'company_social_urls', 'url', true))
    AS d(list_name, dimension_table, value_column, has_platform);
$$;
COMMENT ON FUNCTION reference.list_dimensions() IS
  'Name map of the multi-valued company dimensions: extracted list name, core table, value column, and whether the table stores the URL''s platform.';
