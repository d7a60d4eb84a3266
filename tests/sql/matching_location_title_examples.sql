-- Location and job title: contract and issue examples.
BEGIN;
SELECT plan(22);
SELECT results_eq($$SELECT * FROM reference.match_location('Mountain View, CA', 'United States')$$,
  $$VALUES ('Mountain View'::text, 'California'::text, 'United States'::text)$$, 'Mountain View, CA + United States');
SELECT results_eq($$SELECT * FROM reference.match_location('London, England, United Kingdom')$$,
  $$VALUES ('London'::text, 'England'::text, 'United Kingdom'::text)$$, 'City, Region, Country');
SELECT results_eq($$SELECT * FROM reference.match_location('Toronto, Ontario')$$,
  $$VALUES ('Toronto'::text, 'Ontario'::text, 'Canada'::text)$$, 'country inferred from the region');
SELECT results_eq($$SELECT * FROM reference.match_location('Germany')$$,
  $$VALUES (NULL::text, NULL::text, 'Germany'::text)$$, 'country only');
SELECT results_eq($$SELECT * FROM reference.match_location('USA')$$,
  $$VALUES (NULL::text, NULL::text, 'United States'::text)$$, 'alias USA');
SELECT results_eq($$SELECT * FROM reference.match_location('Leeds, UK')$$,
  $$VALUES ('Leeds'::text, NULL::text, 'United Kingdom'::text)$$, 'alias UK; no region guessed from the city');
SELECT results_eq($$SELECT * FROM reference.match_location('Austin, United States of America')$$,
  $$VALUES ('Austin'::text, NULL::text, 'United States'::text)$$, 'alias United States of America');
SELECT results_eq($$SELECT * FROM reference.match_location('Greater Boston')$$,
  $$VALUES ('Boston'::text, 'Massachusetts'::text, 'United States'::text)$$, 'metro area via lookup');
SELECT results_eq($$SELECT * FROM reference.match_location('San Francisco Bay Area')$$,
  $$VALUES ('San Francisco'::text, 'California'::text, 'United States'::text)$$, 'Bay Area');
SELECT results_eq($$SELECT * FROM reference.match_location('London Area, United Kingdom')$$,
  $$VALUES ('London'::text, 'England'::text, 'United Kingdom'::text)$$, 'X Area, Country');
SELECT results_eq($$SELECT * FROM reference.match_location('New York City Metropolitan Area')$$,
  $$VALUES ('New York'::text, 'New York'::text, 'United States'::text)$$, 'NYC metro');
SELECT results_eq($$SELECT * FROM reference.match_location('Remote')$$,
  $$VALUES (NULL::text, NULL::text, NULL::text)$$, 'Remote is nowhere');
SELECT results_eq($$SELECT * FROM reference.match_location('Somewhereville, Texas')$$,
  $$VALUES ('Somewhereville'::text, 'Texas'::text, 'United States'::text)$$, 'unknown city kept when the region matched');
SELECT results_eq($$SELECT * FROM reference.match_location('qwerty asdf')$$,
  $$VALUES (NULL::text, NULL::text, NULL::text)$$, 'garbage gives nothing');
SELECT results_eq($$SELECT * FROM reference.match_location(NULL, 'US')$$,
  $$VALUES (NULL::text, NULL::text, 'United States'::text)$$, 'raw_country alone');
SELECT results_eq($$SELECT * FROM reference.match_location('Bengaluru, Karnataka, India')$$,
  $$VALUES ('Bengaluru'::text, 'Karnataka'::text, 'India'::text)$$, 'GeoNames admin-1 name Karnataka');
SELECT results_eq($$SELECT * FROM reference.match_job_title('VP of Marketing')$$,
  $$VALUES ('VP of Marketing'::text, 'Marketing'::text, 'VP'::text)$$, 'VP of Marketing');
SELECT results_eq($$SELECT * FROM reference.match_job_title('Co-Founder & CEO')$$,
  $$VALUES ('Co-Founder & CEO'::text, 'Executive Leadership'::text, 'Founder'::text)$$, 'Founder wins over C-Suite by rule order');
SELECT results_eq($$SELECT * FROM reference.match_job_title('Sr. software engineer II @ Acme')$$,
  $$VALUES ('Senior Software Engineer'::text, 'Engineering'::text, 'Senior'::text)$$, 'cleaned title without company or level');
SELECT results_eq($$SELECT job_function, seniority FROM reference.match_job_title('CISO')$$,
  $$VALUES ('Security'::text, 'C-Suite'::text)$$, 'CISO -> Security');
SELECT results_eq($$SELECT * FROM reference.match_job_title('')$$,
  $$VALUES (NULL::text, NULL::text, NULL::text)$$, 'empty title');
SELECT results_eq($$SELECT job_function, seniority FROM reference.match_job_title('xyzzy')$$,
  $$VALUES (NULL::text, NULL::text)$$, 'garbage title: no guess');
SELECT * FROM finish();
ROLLBACK;
