-- depends: 0110_company_search_trgm
-- Job function names the existing Clay tables send that are not canonical
-- (reference.job_functions): each alias maps to one canonical function. The
-- API's canonicalization (core.canonical_values) reads it, so the legacy
-- routes and the filters accept an alias as its canonical function; a name
-- neither canonical nor aliased is refused with the allowed values. The
-- alias is stored normalized (trimmed, lower case, single spaces), so a DBA
-- inserts it as written (trigger in db/triggers/api/; the seed rows below
-- are normalized here, before that trigger exists on a fresh database).
CREATE TABLE reference.job_function_aliases (
  alias         text PRIMARY KEY,
  job_function  text NOT NULL REFERENCES reference.job_functions (name) ON UPDATE CASCADE,
  created_at    timestamptz NOT NULL DEFAULT now()
);
COMMENT ON TABLE reference.job_function_aliases IS
  'Non-canonical job function names (as the existing Clay tables send them) mapped to a canonical reference.job_functions name; alias stored normalized.';
COMMENT ON COLUMN reference.job_function_aliases.alias IS 'The name as sent, stored normalized by reference.normalize_key (trigger).';
COMMENT ON COLUMN reference.job_function_aliases.job_function IS 'The canonical job function it stands for.';

-- Names the existing system's enrichment wrote into job_title_lookup.job_function
-- (its API example sends "Sales Engineering") and common short forms.
INSERT INTO reference.job_function_aliases (alias, job_function)
SELECT reference.normalize_key(a.alias), a.job_function FROM (VALUES
  ('Sales Engineering', 'Sales'),
  ('Solutions Engineering', 'Sales'),
  ('Account Management', 'Sales'),
  ('Revenue Operations', 'Operations'),
  ('RevOps', 'Operations'),
  ('BizDev', 'Business Development'),
  ('Customer Support', 'Customer Success'),
  ('Support', 'Customer Success'),
  ('Product Management', 'Product'),
  ('Software Engineering', 'Engineering'),
  ('Research and Development', 'Engineering'),
  ('R&D', 'Engineering'),
  ('IT', 'Information Technology'),
  ('Information Security', 'Security'),
  ('HR', 'Human Resources'),
  ('People', 'Human Resources'),
  ('Recruiting', 'Human Resources'),
  ('Talent Acquisition', 'Human Resources'),
  ('Accounting', 'Finance'),
  ('Executive', 'Executive Leadership'),
  ('General Management', 'Executive Leadership'),
  ('Analytics', 'Data'),
  ('Data Science', 'Data'),
  ('UX', 'Design'),
  ('Legal and Compliance', 'Legal')) AS a (alias, job_function);
