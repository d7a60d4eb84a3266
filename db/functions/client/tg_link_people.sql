CREATE OR REPLACE FUNCTION client.tg_link_people()
RETURNS trigger
LANGUAGE plpgsql
VOLATILE
SECURITY DEFINER
SET search_path = pg_catalog, pg_temp
AS $$
-- Statement-level AFTER INSERT on core.people (transition table new_rows):
-- client leads waiting for one of these people (same normalized LinkedIn
-- URL, not linked yet) are linked, in one statement. The first probe uses
-- the partial index of unlinked leads, so a warehouse with no waiting lead
-- pays one index lookup per statement.
BEGIN
  IF EXISTS (SELECT 1 FROM client.leads l WHERE l.person_id IS NULL AND l.linkedin_url IS NOT NULL) THEN
    UPDATE client.leads l SET person_id = n.id, person_linked_at = now()
      FROM new_rows n
     WHERE l.linkedin_url = n.linkedin_url AND l.person_id IS NULL;
  END IF;
  RETURN NULL;
END;
$$;
COMMENT ON FUNCTION client.tg_link_people() IS 'Links waiting client leads to people as they are inserted into core.people (statement-level, set-based).';
