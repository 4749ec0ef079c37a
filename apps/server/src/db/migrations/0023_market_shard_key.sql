-- The marketplace's district-owned tables carry the shard key (docs/SCALING.md §3). A season, its
-- entries, judges, scores, representatives and votes belong to the district that runs the season;
-- subsidy rules, orders and attendance to the district whose budget pays. Providers, their projects
-- and versions are a catalogue every district reads (reference tables, like org); uploaded files
-- and the number counters are global.
select niangjia_add_district_key('market_season', 'org_id', 'org');
--> statement-breakpoint
select niangjia_add_district_key('market_entry', 'season_id', 'market_season');
--> statement-breakpoint
select niangjia_add_district_key('market_judge', 'season_id', 'market_season');
--> statement-breakpoint
select niangjia_add_district_key('market_assignment', 'season_id', 'market_season');
--> statement-breakpoint
select niangjia_add_district_key('market_recusal', 'season_id', 'market_season');
--> statement-breakpoint
select niangjia_add_district_key('market_score', 'season_id', 'market_season');
--> statement-breakpoint
select niangjia_add_district_key('market_rep', 'season_id', 'market_season');
--> statement-breakpoint
select niangjia_add_district_key('market_vote_session', 'season_id', 'market_season');
--> statement-breakpoint
select niangjia_add_district_key('market_checkin', 'session_id', 'market_vote_session');
--> statement-breakpoint
select niangjia_add_district_key('market_vote', 'season_id', 'market_season');
--> statement-breakpoint
select niangjia_add_district_key('market_vote_count', 'season_id', 'market_season');
--> statement-breakpoint
select niangjia_add_district_key('market_paper_tally', 'season_id', 'market_season');
--> statement-breakpoint
select niangjia_add_district_key('market_subsidy_rule', 'org_id', 'org');
--> statement-breakpoint
select niangjia_add_district_key('market_subsidy_usage', 'rule_id', 'market_subsidy_rule');
--> statement-breakpoint
select niangjia_add_district_key('market_order', 'district_org_id', 'org');
--> statement-breakpoint
select niangjia_add_district_key('market_attendance', 'order_id', 'market_order');
--> statement-breakpoint
select niangjia_colocate_fk('market_entry', 'season_id', 'market_season');
--> statement-breakpoint
select niangjia_colocate_fk('market_judge', 'season_id', 'market_season');
--> statement-breakpoint
select niangjia_colocate_fk('market_assignment', 'season_id', 'market_season');
--> statement-breakpoint
select niangjia_colocate_fk('market_assignment', 'judge_id', 'market_judge');
--> statement-breakpoint
select niangjia_colocate_fk('market_assignment', 'entry_id', 'market_entry');
--> statement-breakpoint
select niangjia_colocate_fk('market_recusal', 'season_id', 'market_season');
--> statement-breakpoint
select niangjia_colocate_fk('market_recusal', 'judge_id', 'market_judge');
--> statement-breakpoint
select niangjia_colocate_fk('market_recusal', 'entry_id', 'market_entry');
--> statement-breakpoint
select niangjia_colocate_fk('market_score', 'season_id', 'market_season');
--> statement-breakpoint
select niangjia_colocate_fk('market_score', 'judge_id', 'market_judge');
--> statement-breakpoint
select niangjia_colocate_fk('market_score', 'entry_id', 'market_entry');
--> statement-breakpoint
select niangjia_colocate_fk('market_rep', 'season_id', 'market_season');
--> statement-breakpoint
select niangjia_colocate_fk('market_rep', 'person_id', 'person');
--> statement-breakpoint
select niangjia_colocate_fk('market_rep', 'membership_id', 'membership');
--> statement-breakpoint
select niangjia_colocate_fk('market_vote_session', 'season_id', 'market_season');
--> statement-breakpoint
select niangjia_colocate_fk('market_checkin', 'session_id', 'market_vote_session');
--> statement-breakpoint
select niangjia_colocate_fk('market_checkin', 'rep_id', 'market_rep');
--> statement-breakpoint
select niangjia_colocate_fk('market_vote', 'season_id', 'market_season');
--> statement-breakpoint
select niangjia_colocate_fk('market_vote', 'session_id', 'market_vote_session');
--> statement-breakpoint
select niangjia_colocate_fk('market_vote', 'rep_id', 'market_rep');
--> statement-breakpoint
select niangjia_colocate_fk('market_vote', 'entry_id', 'market_entry');
--> statement-breakpoint
select niangjia_colocate_fk('market_vote_count', 'entry_id', 'market_entry');
--> statement-breakpoint
select niangjia_colocate_fk('market_vote_count', 'season_id', 'market_season');
--> statement-breakpoint
select niangjia_colocate_fk('market_paper_tally', 'season_id', 'market_season');
--> statement-breakpoint
select niangjia_colocate_fk('market_paper_tally', 'entry_id', 'market_entry');
--> statement-breakpoint
select niangjia_colocate_fk('market_subsidy_usage', 'rule_id', 'market_subsidy_rule');
--> statement-breakpoint
select niangjia_colocate_fk('market_order', 'rule_id', 'market_subsidy_rule');
--> statement-breakpoint
select niangjia_colocate_fk('market_order', 'position_id', 'position');
--> statement-breakpoint
select niangjia_colocate_fk('market_attendance', 'order_id', 'market_order');
