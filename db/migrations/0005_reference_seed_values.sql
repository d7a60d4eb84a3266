-- depends: 0004_reference_seed_data
-- Canonical values (from the contract) and lookup seeds for every provider
-- format in shared/fixtures/README.md and DESIGN.md. Lookup keys are written
-- normalized (lower case, single spaces); later INSERTs are normalized by trigger.

INSERT INTO reference.employee_ranges (name, sort_order, lo, hi) VALUES
  ('1-10', 1, 0, 10), ('11-50', 2, 10, 50), ('51-200', 3, 50, 200), ('201-500', 4, 200, 500),
  ('501-1000', 5, 500, 1000), ('1001-5000', 6, 1000, 5000), ('5001-10000', 7, 5000, 10000),
  ('10001+', 8, 10000, NULL);
INSERT INTO reference.revenue_ranges (name, sort_order, lo, hi) VALUES
  ('<$1M', 1, 0, 1e6), ('$1M-$5M', 2, 1e6, 5e6), ('$5M-$10M', 3, 5e6, 1e7), ('$10M-$25M', 4, 1e7, 2.5e7),
  ('$25M-$50M', 5, 2.5e7, 5e7), ('$50M-$100M', 6, 5e7, 1e8), ('$100M-$250M', 7, 1e8, 2.5e8),
  ('$250M-$500M', 8, 2.5e8, 5e8), ('$500M-$1B', 9, 5e8, 1e9), ('$1B-$10B', 10, 1e9, 1e10),
  ('$10B-$100B', 11, 1e10, 1e11), ('$100B+', 12, 1e11, NULL);
INSERT INTO reference.funding_ranges (name, sort_order, lo, hi) VALUES
  ('<$1M', 1, 0, 1e6), ('$1M-$5M', 2, 1e6, 5e6), ('$5M-$10M', 3, 5e6, 1e7), ('$10M-$25M', 4, 1e7, 2.5e7),
  ('$25M-$50M', 5, 2.5e7, 5e7), ('$50M-$100M', 6, 5e7, 1e8), ('$100M-$250M', 7, 1e8, 2.5e8),
  ('$250M-$500M', 8, 2.5e8, 5e8), ('$500M-$1B', 9, 5e8, 1e9), ('$1B+', 10, 1e9, NULL);
INSERT INTO reference.company_types (name, sort_order) VALUES
  ('Public Company', 1), ('Private Company', 2), ('Nonprofit', 3), ('Government Agency', 4),
  ('Educational Institution', 5), ('Partnership', 6), ('Self-Employed', 7), ('Sole Proprietorship', 8);
INSERT INTO reference.job_functions (name, sort_order) VALUES
  ('Executive Leadership', 1), ('Sales', 2), ('Marketing', 3), ('Business Development', 4),
  ('Customer Success', 5), ('Product', 6), ('Engineering', 7), ('Design', 8), ('Data', 9),
  ('Information Technology', 10), ('Security', 11), ('Operations', 12), ('Finance', 13),
  ('Human Resources', 14), ('Legal', 15);
INSERT INTO reference.seniorities (name, sort_order) VALUES
  ('Owner', 1), ('Founder', 2), ('C-Suite', 3), ('Partner', 4), ('VP', 5), ('Head', 6),
  ('Director', 7), ('Manager', 8), ('Senior', 9), ('Entry', 10), ('Intern', 11),
  ('Individual Contributor', 12);

INSERT INTO reference.employee_range_lookup (raw_value, matched_value) VALUES
  -- LinkedIn / Clay
  ('self-employed', '1-10'), ('0-1 employees', '1-10'), ('1 employee', '1-10'), ('2-10 employees', '1-10'),
  ('11-50 employees', '11-50'), ('51-200 employees', '51-200'), ('201-500 employees', '201-500'),
  ('501-1,000 employees', '501-1000'), ('1,001-5,000 employees', '1001-5000'),
  ('5,001-10,000 employees', '5001-10000'), ('10,001+ employees', '10001+'),
  -- CompanyEnrich
  ('1-10', '1-10'), ('11-50', '11-50'), ('51-200', '51-200'), ('201-500', '201-500'),
  ('501-1k', '501-1000'), ('1k-5k', '1001-5000'), ('5k-10k', '5001-10000'), ('over-10k', '10001+'),
  -- Crunchbase
  ('c_00001_00010', '1-10'), ('c_00011_00050', '11-50'), ('c_00051_00100', '51-200'),
  ('c_00101_00250', '201-500'), ('c_00251_00500', '201-500'), ('c_00501_01000', '501-1000'),
  ('c_01001_05000', '1001-5000'), ('c_05001_10000', '5001-10000'), ('c_10001_max', '10001+');

INSERT INTO reference.revenue_range_lookup (raw_value, matched_value) VALUES
  -- CompanyEnrich
  ('under-1m', '<$1M'), ('1m-10m', '$5M-$10M'), ('10m-50m', '$25M-$50M'), ('50m-100m', '$50M-$100M'),
  ('100m-200m', '$100M-$250M'), ('200m-1b', '$500M-$1B'), ('over-1b', '$1B-$10B'),
  -- Crunchbase (codes are the lower bound in thousands of USD)
  ('r_00000000', '<$1M'), ('r_00001000', '$5M-$10M'), ('r_00010000', '$25M-$50M'),
  ('r_00050000', '$50M-$100M'), ('r_00100000', '$250M-$500M'), ('r_00500000', '$500M-$1B'),
  ('r_01000000', '$1B-$10B'), ('r_10000000', '$10B-$100B'),
  -- Clay
  ('100b-1t', '$100B+'), ('25m-75m', '$50M-$100M'), ('revenue unknown', NULL);

INSERT INTO reference.funding_range_lookup (raw_value, matched_value) VALUES
  ('funding unknown', NULL), ('unknown', NULL), ('$25m - $50m', '$25M-$50M'), ('$100m - $250m', '$100M-$250M');

INSERT INTO reference.company_type_lookup (raw_value, matched_value) VALUES
  ('public company', 'Public Company'), ('privately held', 'Private Company'), ('nonprofit', 'Nonprofit'),
  ('non profit', 'Nonprofit'), ('government agency', 'Government Agency'),
  ('educational', 'Educational Institution'), ('educational institution', 'Educational Institution'),
  ('partnership', 'Partnership'), ('self-employed', 'Self-Employed'), ('self-owned', 'Sole Proprietorship'),
  ('sole proprietorship', 'Sole Proprietorship'),
  ('private', 'Private Company'), ('public', 'Public Company'), ('government', 'Government Agency');

INSERT INTO reference.industry_lookup (raw_value, matched_value) VALUES
  ('computer software', 'Software Development'), ('software', 'Software Development'),
  ('information technology & services', 'IT Services and IT Consulting'),
  ('information technology and services', 'IT Services and IT Consulting'),
  ('internet', 'Technology, Information and Internet'),
  ('hospital & health care', 'Hospitals and Health Care'),
  ('marketing & advertising', 'Advertising Services'), ('marketing and advertising', 'Advertising Services'),
  ('financial services', 'Financial Services'), ('computer & network security', 'Computer and Network Security'),
  ('staffing & recruiting', 'Staffing and Recruiting'), ('management consulting', 'Business Consulting and Services'),
  ('higher education', 'Higher Education'), ('real estate', 'Real Estate'),
  ('cloud computing', 'IT Services and IT Consulting'), ('saas', 'Software Development'),
  ('legal services', 'Legal Services'), ('law practice', 'Law Practice'),
  ('biotechnology', 'Biotechnology Research'), ('pharmaceuticals', 'Pharmaceutical Manufacturing'),
  ('venture capital & private equity', 'Venture Capital and Private Equity Principals'),
  ('telecommunications', 'Telecommunications'), ('e-learning', 'E-Learning Providers'),
  ('consumer goods', 'Manufacturing'), ('retail', 'Retail'), ('construction', 'Construction'),
  ('restaurants', 'Restaurants'), ('food & beverages', 'Food and Beverage Services'),
  ('automotive', 'Motor Vehicle Manufacturing'), ('insurance', 'Insurance'), ('banking', 'Banking'),
  ('human resources', 'Human Resources Services'), ('logistics & supply chain', 'Transportation, Logistics, Supply Chain and Storage'),
  ('medical devices', 'Medical Equipment Manufacturing'), ('robotics', 'Robotics Engineering');

INSERT INTO reference.location_lookup (raw_location, city, state, country) VALUES
  ('greater boston', 'Boston', 'Massachusetts', 'United States'),
  ('san francisco bay area', 'San Francisco', 'California', 'United States'),
  ('new york city metropolitan area', 'New York', 'New York', 'United States'),
  ('greater new york city area', 'New York', 'New York', 'United States'),
  ('greater seattle area', 'Seattle', 'Washington', 'United States'),
  ('greater chicago area', 'Chicago', 'Illinois', 'United States'),
  ('los angeles metropolitan area', 'Los Angeles', 'California', 'United States'),
  ('greater los angeles area', 'Los Angeles', 'California', 'United States'),
  ('greater philadelphia', 'Philadelphia', 'Pennsylvania', 'United States'),
  ('greater denver area', 'Denver', 'Colorado', 'United States'),
  ('austin, texas metropolitan area', 'Austin', 'Texas', 'United States'),
  ('dallas-fort worth metroplex', 'Dallas', 'Texas', 'United States'),
  ('washington dc-baltimore area', 'Washington', 'District of Columbia', 'United States'),
  ('atlanta metropolitan area', 'Atlanta', 'Georgia', 'United States'),
  ('greater houston', 'Houston', 'Texas', 'United States'),
  ('greater minneapolis-st. paul area', 'Minneapolis', 'Minnesota', 'United States'),
  ('greater toronto area', 'Toronto', 'Ontario', 'Canada'),
  ('greater toronto area, canada', 'Toronto', 'Ontario', 'Canada'),
  ('london area, united kingdom', 'London', 'England', 'United Kingdom'),
  ('greater london', 'London', 'England', 'United Kingdom'),
  ('greater paris metropolitan region', 'Paris', 'Île-de-France', 'France'),
  ('greater sydney area', 'Sydney', 'New South Wales', 'Australia'),
  ('greater bengaluru area', 'Bengaluru', 'Karnataka', 'India'),
  ('remote', NULL, NULL, NULL), ('worldwide', NULL, NULL, NULL), ('anywhere', NULL, NULL, NULL);

-- Job title rules. Patterns run on reference.job_title_key(title): lower case,
-- punctuation as spaces, abbreviations expanded (sr -> senior, mgr -> manager,
-- dir -> director, eng -> engineer, v.p. -> vp, ...). Lower priority first; the
-- first rule that sets a field wins for that field.
INSERT INTO reference.job_title_rules (priority, pattern, job_function, seniority) VALUES
  -- assistants to executives are not executives
  (5, '\m(executive assistant|assistant|ea) to\M', 'Operations', 'Entry'),
  -- seniority
  (10, '\m(co ?founder|cofounder|founder|founding partner)\M', NULL, 'Founder'),
  (15, '\m(owner|proprietor)\M', NULL, 'Owner'),
  (20, '\m(chief [a-z ]*officer|ceo|cto|cfo|coo|cmo|cio|ciso|cro|cpo|chro|cdo|cso|clo|cco|cxo|c level|(?<!vice )president|managing director)\M', NULL, 'C-Suite'),
  (40, '^((senior|managing|general|equity|founding) )?partner\M|\m(senior|managing|general|equity) partner\M', NULL, 'Partner'),
  (50, '\m(vp|svp|evp|avp|vice president)\M', NULL, 'VP'),
  (60, '\mhead\M', NULL, 'Head'),
  (70, '\mdirector\M', NULL, 'Director'),
  (80, '\m(manager|supervisor|team lead|team leader)\M', NULL, 'Manager'),
  (90, '\m(senior|staff|principal|lead)\M', NULL, 'Senior'),
  (95, '\m(intern|internship|trainee|werkstudent|co op)\M', NULL, 'Intern'),
  (100, '\m(junior|entry level|associate|assistant|graduate|apprentice)\M', NULL, 'Entry'),
  (900, '\m(engineer|developer|analyst|designer|scientist|specialist|consultant|accountant|representative|recruiter|coordinator|administrator|architect|counsel|attorney|lawyer|writer|strategist|advisor|executive|officer|agent|technician|programmer|generalist|marketer|paralegal|controller|auditor|bookkeeper|researcher|editor|copywriter|sdr|bdr|partner)\M', NULL, 'Individual Contributor'),
  -- chiefs take their function; CEO, president, managing director lead
  (110, '\m(ciso|chief information security officer|chief security officer|cso)\M', 'Security', NULL),
  (111, '\m(cto|chief technology officer|chief technical officer)\M', 'Engineering', NULL),
  (112, '\m(cfo|chief financial officer)\M', 'Finance', NULL),
  (113, '\m(cmo|chief marketing officer)\M', 'Marketing', NULL),
  (114, '\m(cro|chief revenue officer|chief sales officer|chief commercial officer)\M', 'Sales', NULL),
  (115, '\m(cpo|chief product officer)\M', 'Product', NULL),
  (116, '\m(coo|chief operating officer|chief operations officer)\M', 'Operations', NULL),
  (117, '\m(chro|chief people officer|chief human resources officer)\M', 'Human Resources', NULL),
  (118, '\m(cio|chief information officer)\M', 'Information Technology', NULL),
  (119, '\m(cdo|chief data officer|chief analytics officer)\M', 'Data', NULL),
  (120, '\m(clo|chief legal officer|general counsel)\M', 'Legal', NULL),
  (121, '\mchief customer officer\M', 'Customer Success', NULL),
  (130, '\m(ceo|chief executive officer|(?<!vice )president|managing director|co ?founder|cofounder|founder|owner|chairman|chairwoman|chairperson|general manager)\M', 'Executive Leadership', NULL),
  -- functions by domain words
  (200, '\m(security|infosec|cybersecurity|cyber|privacy)\M', 'Security', NULL),
  (210, '\m(data|analytics|machine learning|ml|ai|bi|business intelligence|statistician)\M', 'Data', NULL),
  (220, '\m(customer success|customer experience|customer support|client success|support|onboarding|implementation)\M', 'Customer Success', NULL),
  (230, '\m(business development|bdr|partnerships|alliances|channel)\M', 'Business Development', NULL),
  (240, '\m(sales|account executive|account manager|sdr|sales development|revenue|commercial|account director)\M', 'Sales', NULL),
  (250, '\m(marketing|growth|brand|content|demand generation|communications|pr|seo|social media|marketer|copywriter)\M', 'Marketing', NULL),
  (260, '\m(product|product owner)\M', 'Product', NULL),
  (270, '\m(design|designer|ux|ui|creative)\M', 'Design', NULL),
  (280, '\m(it|information technology|systems administrator|sysadmin|helpdesk|help desk|network|it systems)\M', 'Information Technology', NULL),
  (290, '\m(engineer|engineering|developer|software|devops|sre|programmer|architect|technical|technology|qa|quality assurance|firmware|frontend|backend|full stack|fullstack)\M', 'Engineering', NULL),
  (300, '\m(finance|financial|accountant|accounting|controller|treasury|treasurer|fp a|tax|audit|auditor|bookkeeper|payroll|investor relations)\M', 'Finance', NULL),
  (310, '\m(hr|human resources|people|talent|recruiter|recruiting|recruitment)\M', 'Human Resources', NULL),
  (320, '\m(legal|counsel|attorney|lawyer|paralegal|contracts)\M', 'Legal', NULL),
  (330, '\m(operations|ops|supply chain|logistics|procurement|facilities|office manager|administrative|program manager|project manager|chief of staff)\M', 'Operations', NULL);
