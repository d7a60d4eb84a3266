-- depends: 0185_field_maps_of_every_workflow
-- A case study's champions carry the company the case study is about
-- (origin_company_domain, its entity key): every extracted table is keyed by
-- an entity, the column a distributed deployment shards it by and co-locates
-- it with its case study (docs/scale-out.md, tests/sql/90_scale_out_keys.sql).
ALTER TABLE extracted.case_study_champions ADD COLUMN origin_company_domain text;
UPDATE extracted.case_study_champions ch SET origin_company_domain = d.origin_company_domain
FROM extracted.case_study_details d WHERE d.id = ch.case_study_id;
COMMENT ON COLUMN extracted.case_study_champions.origin_company_domain IS
  'The company whose case study names this champion (extracted.case_study_details.origin_company_domain): the entity key.';
