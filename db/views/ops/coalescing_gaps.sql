CREATE OR REPLACE VIEW reference.coalescing_gaps AS
  -- Per workflow: distinct entities in extracted vs in core, and the gap.
  SELECT g.workflow_slug, g.entity_type, g.coalesces_to_core, g.entities_in_extracted, g.entities_in_core, g.gap
  FROM reference.coalescing_gap_counts() g;
COMMENT ON VIEW reference.coalescing_gaps IS 'Per workflow: entities in extracted, entities in core (same source), and the gap; computed from the registry.';
