CREATE OR REPLACE FUNCTION core.payload_errors(p_workflow_slug text, p_payload jsonb)
RETURNS text
LANGUAGE sql
STABLE PARALLEL SAFE
AS $$
  -- Every type error of a payload against the workflow's field map, as one
  -- message ('field size ({size}): expected string, got number; ...'), or
  -- NULL when the payload fits. A missing or null field is not an error.
  SELECT string_agg(format('field %s (%s): expected %s, got %s', m.target, array_to_string(m.json_path, '.'),
                           m.expected_type, jsonb_typeof(p_payload #> m.json_path)), '; ' ORDER BY m.target)
  FROM reference.workflow_field_map m
  WHERE m.workflow_slug = p_workflow_slug
    AND jsonb_typeof(p_payload #> m.json_path) NOT IN ('null')
    AND CASE m.expected_type
          WHEN 'scalar' THEN jsonb_typeof(p_payload #> m.json_path) NOT IN ('string', 'number', 'boolean')
          ELSE jsonb_typeof(p_payload #> m.json_path) <> m.expected_type
        END;
$$;
COMMENT ON FUNCTION core.payload_errors(text, jsonb) IS 'Type errors of a payload against reference.workflow_field_map, or NULL when it fits.';
