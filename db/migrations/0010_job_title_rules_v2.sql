-- depends: 0009_ingest_speed
-- Job title rules, second pass, from the misses of the table-driven test set
-- (tests/sql/matching_test_set.sql). Rules are data: each change below fires
-- the rematch trigger, so stored titles are re-matched on upgrade.

-- seniority traps: a product owner owns nothing; an associate PM is entry
-- level; a staff accountant is not a staff engineer
INSERT INTO reference.job_title_rules (priority, pattern, job_function, seniority) VALUES
  (14, '\mproduct owner\M', 'Product', 'Individual Contributor'),
  (75, '\massociate (product|program|project) manager\M', NULL, 'Entry'),
  (85, '\mstaff (accountant|auditor|writer)\M', NULL, 'Individual Contributor');

-- function traps, decided before the broad keyword rules
INSERT INTO reference.job_title_rules (priority, pattern, job_function, seniority) VALUES
  (125, '\mmanaging partner\M', 'Executive Leadership', NULL),
  (205, '\m(recruiter|recruiting|recruitment|talent acquisition|sourcer)\M', 'Human Resources', NULL),
  (215, '\mit (support|helpdesk|help desk|service desk)\M|\mdesktop support\M', 'Information Technology', NULL),
  (225, '\m(revenue operations|revops|sales operations|sales ops|business operations)\M', 'Operations', NULL),
  (228, '\mchannel sales\M', 'Sales', NULL);

-- a designer of products is in design, not product
UPDATE reference.job_title_rules SET priority = 255
WHERE pattern = '\m(design|designer|ux|ui|creative)\M' AND job_function = 'Design';

-- missing keywords
UPDATE reference.job_title_rules
   SET pattern = '\m(senior|staff|principal|lead|architect)\M'
 WHERE pattern = '\m(senior|staff|principal|lead)\M' AND seniority = 'Senior';
UPDATE reference.job_title_rules
   SET pattern = '\m(security|infosec|cybersecurity|cyber|privacy|penetration|pentester|pen tester)\M'
 WHERE pattern = '\m(security|infosec|cybersecurity|cyber|privacy)\M' AND job_function = 'Security';
UPDATE reference.job_title_rules
   SET pattern = '\m(it|information technology|systems? administrator|sysadmin|helpdesk|help desk|network|it systems)\M'
 WHERE pattern = '\m(it|information technology|systems administrator|sysadmin|helpdesk|help desk|network|it systems)\M'
   AND job_function = 'Information Technology';
UPDATE reference.job_title_rules
   SET pattern = '\m(engineer|engineering|developer|software|devops|sre|programmer|architect|technical|technology|tech|qa|quality assurance|firmware|frontend|backend|full stack|fullstack)\M'
 WHERE pattern = '\m(engineer|engineering|developer|software|devops|sre|programmer|architect|technical|technology|qa|quality assurance|firmware|frontend|backend|full stack|fullstack)\M'
   AND job_function = 'Engineering';
UPDATE reference.job_title_rules
   SET pattern = '\m(finance|financial|accountant|accounting|accounts payable|accounts receivable|billing|controller|treasury|treasurer|fp a|tax|audit|auditor|bookkeeper|payroll|investor relations)\M'
 WHERE pattern = '\m(finance|financial|accountant|accounting|controller|treasury|treasurer|fp a|tax|audit|auditor|bookkeeper|payroll|investor relations)\M'
   AND job_function = 'Finance';
UPDATE reference.job_title_rules
   SET pattern = '\m(legal|counsel|attorney|lawyer|paralegal|contracts|compliance)\M'
 WHERE pattern = '\m(legal|counsel|attorney|lawyer|paralegal|contracts)\M' AND job_function = 'Legal';
UPDATE reference.job_title_rules
   SET pattern = replace(pattern, '|partner)\M', '|partner|tester)\M')
 WHERE seniority = 'Individual Contributor' AND priority = 900 AND right(pattern, 11) = '|partner)\M';
