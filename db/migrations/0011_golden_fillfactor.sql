-- depends: 0010_job_title_rules_v2
-- Golden tables are rewritten in place by every refresh (ingest, rematch,
-- priority changes). Free space on each page lets an update that leaves the
-- indexed columns alone stay on its page as a HOT update, with no new index
-- entries. Applies to pages written from now on; existing pages keep their
-- layout until the table is rewritten (VACUUM FULL or pg_repack), which a DBA
-- may schedule; nothing here locks the tables for long.
ALTER TABLE core.people_full SET (fillfactor = 90);
ALTER TABLE core.companies_full SET (fillfactor = 90);
ALTER TABLE core.leads SET (fillfactor = 90);
