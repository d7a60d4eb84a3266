-- depends: 0140_customer_matching
-- Case studies as their own records (title, URL, customer, confidence,
-- reasoning) and their champions, linked to core.people when one person fits.

CREATE TABLE extracted.case_study_details (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  raw_id uuid NOT NULL,
  origin_company_domain text NOT NULL,
  origin_company_name text,
  case_study_url text,
  customer_name text NOT NULL,
  customer_domain text,
  article_title text,
  confidence text,
  reasoning text,
  extracted_at timestamptz NOT NULL DEFAULT now(),
  CONSTRAINT case_study_details_key UNIQUE NULLS NOT DISTINCT (origin_company_domain, case_study_url, customer_name));
CREATE INDEX case_study_details_customer_idx ON extracted.case_study_details (customer_domain);
COMMENT ON TABLE extracted.case_study_details IS 'One row per case study (case-study-extraction): the article, its customer (domain given or matched through core.company_customers), the extractor''s confidence and reasoning.';

CREATE TABLE extracted.case_study_champions (
  case_study_id uuid NOT NULL REFERENCES extracted.case_study_details (id) ON DELETE CASCADE,
  ordinal int NOT NULL,
  full_name text NOT NULL,
  job_title text,
  company_name text,
  name_key text,
  person_linkedin_url text,
  link_status text NOT NULL DEFAULT 'unlinked' CHECK (link_status IN ('linked', 'ambiguous', 'unlinked')),
  PRIMARY KEY (case_study_id, ordinal));
CREATE INDEX case_study_champions_person_idx ON extracted.case_study_champions (person_linkedin_url);
COMMENT ON TABLE extracted.case_study_champions IS 'People a case study names as champions; person_linkedin_url set when exactly one person of that (normalized) name works or worked at the customer company (several: ambiguous, none: unlinked).';
