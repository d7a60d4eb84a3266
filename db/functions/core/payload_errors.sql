CREATE OR REPLACE FUNCTION core.payload_errors(p_ids uuid[], p_slugs text[], p_payloads jsonb[])
RETURNS TABLE (id uuid, error text)
LANGUAGE sql
STABLE PARALLEL SAFE
AS $$
  -- Type errors of many payloads (parallel arrays: raw id, workflow slug,
  -- payload) against reference.workflow_field_map, set-based: one row per
  -- payload that does not fit, with every error as one message
  -- ('field size ({size}): expected string, got number; ...'). Payloads
  -- that fit, and non-objects (rejected earlier), give no row. A missing or
  -- null field is not an error.
  SELECT u.id,
         string_agg(format('field %s (%s): expected %s, got %s', m.target, array_to_string(m.json_path, '.'),
                           m.expected_type, jsonb_typeof(u.payload #> m.json_path)), '; ' ORDER BY m.target)
  FROM unnest(p_ids, p_slugs, p_payloads) AS u(id, slug, payload)
  JOIN reference.workflow_field_map m ON m.workflow_slug = u.slug
  WHERE jsonb_typeof(u.payload) = 'object'
    AND jsonb_typeof(u.payload #> m.json_path) <> 'null'
    AND CASE m.expected_type
          WHEN 'scalar' THEN jsonb_typeof(u.payload #> m.json_path) NOT IN ('string', 'number', 'boolean')
          ELSE jsonb_typeof(u.payload #> m.json_path) <> m.expected_type
        END
  GROUP BY u.id;
$$;
COMMENT ON FUNCTION core.payload_errors(uuid[], text[], jsonb[]) IS
  'Type errors of many payloads against reference.workflow_field_map: one row (id, message) per payload that does not fit.';
