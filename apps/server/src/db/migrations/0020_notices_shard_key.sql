-- 通知公告 belong to the district of their publishing org (docs/SCALING.md §3). Notifications,
-- preferences and job schedules are national/coordinator tables (shard-key test's GLOBAL list).
select niangjia_add_district_key('notice', 'org_id', 'org');
