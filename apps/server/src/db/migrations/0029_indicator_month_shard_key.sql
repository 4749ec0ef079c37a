-- The month rollup belongs to the district of its org, as the day rollup does (0014, docs/SCALING.md §3).
-- It is filled when every series is rebuilt at the next start (series-sql.ts GENERATOR_VERSION 2).
select niangjia_add_district_key('indicator_rollup_month', 'org_id', 'org');
