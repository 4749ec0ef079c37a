-- The indicator rollups and targets belong to the district of their org (docs/SCALING.md §3):
-- the same shard key as the records they count. Series definitions and trigger bookkeeping are global.
select niangjia_add_district_key('indicator_rollup', 'org_id', 'org');
--> statement-breakpoint
select niangjia_add_district_key('indicator_total', 'org_id', 'org');
--> statement-breakpoint
select niangjia_add_district_key('indicator_target', 'org_id', 'org');
