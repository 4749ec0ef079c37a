CREATE TABLE "market_counter" (
	"key" text PRIMARY KEY NOT NULL,
	"last_value" integer DEFAULT 0 NOT NULL
);
--> statement-breakpoint
CREATE TABLE "market_file" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"provider_id" uuid,
	"uploaded_by" uuid NOT NULL,
	"name" text,
	"content_type" text NOT NULL,
	"size" integer NOT NULL,
	"sha256" text NOT NULL,
	"data" "bytea" NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "market_file_type_check" CHECK ("market_file"."content_type" in ('image/jpeg','image/png','image/webp','application/pdf'))
);
--> statement-breakpoint
CREATE TABLE "market_project" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"code" text NOT NULL,
	"provider_id" uuid NOT NULL,
	"org_id" uuid NOT NULL,
	"status" text DEFAULT 'draft' NOT NULL,
	"current_version_id" uuid,
	"latest_version_id" uuid,
	"is_listed" boolean DEFAULT false NOT NULL,
	"listed_at" timestamp with time zone,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "market_project_status_check" CHECK ("market_project"."status" in ('draft','pending','approved','returned','suspended'))
);
--> statement-breakpoint
CREATE TABLE "market_project_version" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"project_id" uuid NOT NULL,
	"number" integer NOT NULL,
	"status" text DEFAULT 'draft' NOT NULL,
	"title" text NOT NULL,
	"category" text NOT NULL,
	"description" text NOT NULL,
	"target_groups" text[] DEFAULT '{}'::text[] NOT NULL,
	"formats" text[] NOT NULL,
	"price_fen" bigint NOT NULL,
	"price_unit" text DEFAULT 'session' NOT NULL,
	"capacity" integer NOT NULL,
	"duration_minutes" integer NOT NULL,
	"allows_self_order" boolean DEFAULT false NOT NULL,
	"photo_ids" uuid[] DEFAULT '{}'::uuid[] NOT NULL,
	"attachment_ids" uuid[] DEFAULT '{}'::uuid[] NOT NULL,
	"review_reason" text,
	"reviewed_by" uuid,
	"reviewed_at" timestamp with time zone,
	"submitted_at" timestamp with time zone,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "market_project_version_status_check" CHECK ("market_project_version"."status" in ('draft','pending','approved','returned','superseded')),
	CONSTRAINT "market_project_version_category_check" CHECK ("market_project_version"."category" in ('skills','culture','sports','team_building','health','other')),
	CONSTRAINT "market_project_version_unit_check" CHECK ("market_project_version"."price_unit" in ('session','person')),
	CONSTRAINT "market_project_version_numbers_check" CHECK ("market_project_version"."price_fen" >= 0 and "market_project_version"."capacity" >= 1 and "market_project_version"."duration_minutes" >= 1)
);
--> statement-breakpoint
CREATE TABLE "market_provider" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"org_id" uuid NOT NULL,
	"name" text NOT NULL,
	"credit_code" text NOT NULL,
	"type" text NOT NULL,
	"contact_name" text NOT NULL,
	"contact_phone" text NOT NULL,
	"address" text,
	"intro" text,
	"service_area_org_ids" uuid[] DEFAULT '{}'::uuid[] NOT NULL,
	"qualification_file_ids" uuid[] DEFAULT '{}'::uuid[] NOT NULL,
	"status" text DEFAULT 'pending' NOT NULL,
	"review_reason" text,
	"reviewed_by" uuid,
	"reviewed_at" timestamp with time zone,
	"created_by" uuid,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "market_provider_type_check" CHECK ("market_provider"."type" in ('social_org','school','clinic','company','studio')),
	CONSTRAINT "market_provider_status_check" CHECK ("market_provider"."status" in ('pending','returned','approved','suspended'))
);
--> statement-breakpoint
CREATE TABLE "market_provider_user" (
	"provider_id" uuid NOT NULL,
	"user_id" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "market_provider_user_provider_id_user_id_pk" PRIMARY KEY("provider_id","user_id")
);
--> statement-breakpoint
CREATE TABLE "market_assignment" (
	"season_id" uuid NOT NULL,
	"judge_id" uuid NOT NULL,
	"entry_id" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "market_assignment_judge_id_entry_id_pk" PRIMARY KEY("judge_id","entry_id")
);
--> statement-breakpoint
CREATE TABLE "market_checkin" (
	"session_id" uuid NOT NULL,
	"rep_id" uuid NOT NULL,
	"at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "market_checkin_session_id_rep_id_pk" PRIMARY KEY("session_id","rep_id")
);
--> statement-breakpoint
CREATE TABLE "market_entry" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"season_id" uuid NOT NULL,
	"project_id" uuid NOT NULL,
	"version_id" uuid NOT NULL,
	"provider_id" uuid NOT NULL,
	"number" integer NOT NULL,
	"status" text DEFAULT 'submitted' NOT NULL,
	"review_reason" text,
	"reviewed_by" uuid,
	"reviewed_at" timestamp with time zone,
	"pitch_order" integer,
	"submitted_at" timestamp with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "market_entry_status_check" CHECK ("market_entry"."status" in ('submitted','passed','failed','finalist','withdrawn'))
);
--> statement-breakpoint
CREATE TABLE "market_judge" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"season_id" uuid NOT NULL,
	"user_id" uuid NOT NULL,
	"name" text NOT NULL,
	"affiliation" text,
	"status" text DEFAULT 'active' NOT NULL,
	"invited_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "market_judge_status_check" CHECK ("market_judge"."status" in ('active','removed'))
);
--> statement-breakpoint
CREATE TABLE "market_paper_tally" (
	"season_id" uuid NOT NULL,
	"venue" text NOT NULL,
	"entry_id" uuid NOT NULL,
	"votes" integer NOT NULL,
	"entered_by" uuid,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "market_paper_tally_entry_id_venue_pk" PRIMARY KEY("entry_id","venue"),
	CONSTRAINT "market_paper_tally_votes_check" CHECK ("market_paper_tally"."votes" >= 0)
);
--> statement-breakpoint
CREATE TABLE "market_recusal" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"season_id" uuid NOT NULL,
	"judge_id" uuid NOT NULL,
	"entry_id" uuid NOT NULL,
	"declared_by" text NOT NULL,
	"reason" text NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "market_recusal_by_check" CHECK ("market_recusal"."declared_by" in ('judge','staff'))
);
--> statement-breakpoint
CREATE TABLE "market_rep" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"season_id" uuid NOT NULL,
	"person_id" uuid NOT NULL,
	"membership_id" uuid,
	"org_id" uuid NOT NULL,
	"name" text NOT NULL,
	"vote_limit" integer NOT NULL,
	"votes_used" integer DEFAULT 0 NOT NULL,
	"listed_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "market_rep_votes_check" CHECK ("market_rep"."votes_used" >= 0 and "market_rep"."votes_used" <= "market_rep"."vote_limit")
);
--> statement-breakpoint
CREATE TABLE "market_score" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"season_id" uuid NOT NULL,
	"judge_id" uuid NOT NULL,
	"entry_id" uuid NOT NULL,
	"points" jsonb NOT NULL,
	"total" double precision NOT NULL,
	"comment" text,
	"status" text DEFAULT 'draft' NOT NULL,
	"sealed_at" timestamp with time zone,
	"reopen_count" integer DEFAULT 0 NOT NULL,
	"reopen_reason" text,
	"version" integer DEFAULT 1 NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "market_score_status_check" CHECK ("market_score"."status" in ('draft','sealed')),
	CONSTRAINT "market_score_total_check" CHECK ("market_score"."total" >= 0 and "market_score"."total" <= 100)
);
--> statement-breakpoint
CREATE TABLE "market_season" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"org_id" uuid NOT NULL,
	"year" integer NOT NULL,
	"title" text NOT NULL,
	"stage" text DEFAULT 'draft' NOT NULL,
	"call_opens_at" timestamp with time zone NOT NULL,
	"call_closes_at" timestamp with time zone NOT NULL,
	"review_due_at" timestamp with time zone,
	"roadshow_at" timestamp with time zone,
	"final_at" timestamp with time zone,
	"rubric" jsonb NOT NULL,
	"normalize_scores" boolean DEFAULT false NOT NULL,
	"expert_weight" integer DEFAULT 70 NOT NULL,
	"votes_per_rep" integer DEFAULT 3 NOT NULL,
	"prize_tiers" integer[] DEFAULT '{1,3,5}'::int[] NOT NULL,
	"screen_key" text NOT NULL,
	"current_entry_id" uuid,
	"confirmed_result" jsonb,
	"confirmed_at" timestamp with time zone,
	"confirmed_by" uuid,
	"revealed_at" timestamp with time zone,
	"published_at" timestamp with time zone,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "market_season_stage_check" CHECK ("market_season"."stage" in ('draft','call','review','roadshow','final','published')),
	CONSTRAINT "market_season_dates_check" CHECK ("market_season"."call_opens_at" < "market_season"."call_closes_at"),
	CONSTRAINT "market_season_weights_check" CHECK ("market_season"."expert_weight" between 0 and 100 and "market_season"."votes_per_rep" between 1 and 50)
);
--> statement-breakpoint
CREATE TABLE "market_vote" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"season_id" uuid NOT NULL,
	"session_id" uuid NOT NULL,
	"rep_id" uuid NOT NULL,
	"entry_id" uuid NOT NULL,
	"at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "market_vote_count" (
	"entry_id" uuid PRIMARY KEY NOT NULL,
	"season_id" uuid NOT NULL,
	"votes" integer DEFAULT 0 NOT NULL
);
--> statement-breakpoint
CREATE TABLE "market_vote_session" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"season_id" uuid NOT NULL,
	"venue" text NOT NULL,
	"status" text DEFAULT 'ready' NOT NULL,
	"secret" text NOT NULL,
	"opened_at" timestamp with time zone,
	"closed_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "market_vote_session_status_check" CHECK ("market_vote_session"."status" in ('ready','open','closed'))
);
--> statement-breakpoint
CREATE TABLE "market_attendance" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"order_id" uuid NOT NULL,
	"membership_id" uuid,
	"user_id" uuid,
	"method" text NOT NULL,
	"recorded_by" uuid,
	"at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "market_attendance_who_check" CHECK ("market_attendance"."membership_id" is not null or "market_attendance"."user_id" is not null),
	CONSTRAINT "market_attendance_method_check" CHECK ("market_attendance"."method" in ('card','qr'))
);
--> statement-breakpoint
CREATE TABLE "market_order" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"number" text NOT NULL,
	"project_id" uuid NOT NULL,
	"version_id" uuid NOT NULL,
	"provider_id" uuid NOT NULL,
	"district_org_id" uuid NOT NULL,
	"ordering_org_id" uuid,
	"ordered_by" uuid NOT NULL,
	"is_self" boolean DEFAULT false NOT NULL,
	"service_date" date NOT NULL,
	"start_time" text,
	"headcount" integer NOT NULL,
	"sessions" integer NOT NULL,
	"place_kind" text NOT NULL,
	"position_id" uuid,
	"address" text,
	"note" text,
	"unit_price_fen" bigint NOT NULL,
	"price_unit" text NOT NULL,
	"total_fen" bigint NOT NULL,
	"subsidy_fen" bigint DEFAULT 0 NOT NULL,
	"payable_fen" bigint NOT NULL,
	"rule_id" uuid,
	"status" text DEFAULT 'placed' NOT NULL,
	"decline_reason" text,
	"cancel_reason" text,
	"confirmed_at" timestamp with time zone,
	"closed_at" timestamp with time zone,
	"delivered_at" timestamp with time zone,
	"delivery_note" text,
	"delivery_photo_ids" uuid[] DEFAULT '{}'::uuid[] NOT NULL,
	"attendance_count" integer DEFAULT 0 NOT NULL,
	"rating" integer,
	"rating_comment" text,
	"rated_at" timestamp with time zone,
	"rated_by" uuid,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "market_order_status_check" CHECK ("market_order"."status" in ('placed','confirmed','declined','cancelled','delivered')),
	CONSTRAINT "market_order_place_check" CHECK ("market_order"."place_kind" in ('position','address','online')),
	CONSTRAINT "market_order_money_check" CHECK ("market_order"."subsidy_fen" >= 0 and "market_order"."payable_fen" >= 0 and "market_order"."total_fen" = "market_order"."subsidy_fen" + "market_order"."payable_fen"),
	CONSTRAINT "market_order_rating_check" CHECK ("market_order"."rating" is null or "market_order"."rating" between 1 and 5),
	CONSTRAINT "market_order_headcount_check" CHECK ("market_order"."headcount" >= 1 and "market_order"."sessions" >= 1)
);
--> statement-breakpoint
CREATE TABLE "market_subsidy_rule" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"org_id" uuid NOT NULL,
	"year" integer NOT NULL,
	"budget_fen" bigint NOT NULL,
	"percent_bps" integer NOT NULL,
	"cap_per_union_fen" bigint NOT NULL,
	"committed_fen" bigint DEFAULT 0 NOT NULL,
	"note" text,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "market_subsidy_rule_budget_check" CHECK ("market_subsidy_rule"."committed_fen" >= 0 and "market_subsidy_rule"."committed_fen" <= "market_subsidy_rule"."budget_fen"),
	CONSTRAINT "market_subsidy_rule_numbers_check" CHECK ("market_subsidy_rule"."percent_bps" between 0 and 10000 and "market_subsidy_rule"."cap_per_union_fen" >= 0 and "market_subsidy_rule"."budget_fen" >= 0)
);
--> statement-breakpoint
CREATE TABLE "market_subsidy_usage" (
	"rule_id" uuid NOT NULL,
	"union_org_id" uuid NOT NULL,
	"committed_fen" bigint DEFAULT 0 NOT NULL,
	"cap_fen" bigint NOT NULL,
	CONSTRAINT "market_subsidy_usage_rule_id_union_org_id_pk" PRIMARY KEY("rule_id","union_org_id"),
	CONSTRAINT "market_subsidy_usage_cap_check" CHECK ("market_subsidy_usage"."committed_fen" >= 0 and "market_subsidy_usage"."committed_fen" <= "market_subsidy_usage"."cap_fen")
);
--> statement-breakpoint
ALTER TABLE "market_file" ADD CONSTRAINT "market_file_provider_id_market_provider_id_fk" FOREIGN KEY ("provider_id") REFERENCES "public"."market_provider"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "market_file" ADD CONSTRAINT "market_file_uploaded_by_app_user_id_fk" FOREIGN KEY ("uploaded_by") REFERENCES "public"."app_user"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "market_project" ADD CONSTRAINT "market_project_provider_id_market_provider_id_fk" FOREIGN KEY ("provider_id") REFERENCES "public"."market_provider"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "market_project" ADD CONSTRAINT "market_project_org_id_org_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."org"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "market_project_version" ADD CONSTRAINT "market_project_version_project_id_market_project_id_fk" FOREIGN KEY ("project_id") REFERENCES "public"."market_project"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "market_project_version" ADD CONSTRAINT "market_project_version_reviewed_by_app_user_id_fk" FOREIGN KEY ("reviewed_by") REFERENCES "public"."app_user"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "market_project_version" ADD CONSTRAINT "market_project_version_created_by_app_user_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."app_user"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "market_provider" ADD CONSTRAINT "market_provider_org_id_org_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."org"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "market_provider" ADD CONSTRAINT "market_provider_reviewed_by_app_user_id_fk" FOREIGN KEY ("reviewed_by") REFERENCES "public"."app_user"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "market_provider" ADD CONSTRAINT "market_provider_created_by_app_user_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."app_user"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "market_provider_user" ADD CONSTRAINT "market_provider_user_provider_id_market_provider_id_fk" FOREIGN KEY ("provider_id") REFERENCES "public"."market_provider"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "market_provider_user" ADD CONSTRAINT "market_provider_user_user_id_app_user_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."app_user"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "market_assignment" ADD CONSTRAINT "market_assignment_season_id_market_season_id_fk" FOREIGN KEY ("season_id") REFERENCES "public"."market_season"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "market_assignment" ADD CONSTRAINT "market_assignment_judge_id_market_judge_id_fk" FOREIGN KEY ("judge_id") REFERENCES "public"."market_judge"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "market_assignment" ADD CONSTRAINT "market_assignment_entry_id_market_entry_id_fk" FOREIGN KEY ("entry_id") REFERENCES "public"."market_entry"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "market_checkin" ADD CONSTRAINT "market_checkin_session_id_market_vote_session_id_fk" FOREIGN KEY ("session_id") REFERENCES "public"."market_vote_session"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "market_checkin" ADD CONSTRAINT "market_checkin_rep_id_market_rep_id_fk" FOREIGN KEY ("rep_id") REFERENCES "public"."market_rep"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "market_entry" ADD CONSTRAINT "market_entry_season_id_market_season_id_fk" FOREIGN KEY ("season_id") REFERENCES "public"."market_season"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "market_entry" ADD CONSTRAINT "market_entry_project_id_market_project_id_fk" FOREIGN KEY ("project_id") REFERENCES "public"."market_project"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "market_entry" ADD CONSTRAINT "market_entry_version_id_market_project_version_id_fk" FOREIGN KEY ("version_id") REFERENCES "public"."market_project_version"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "market_entry" ADD CONSTRAINT "market_entry_provider_id_market_provider_id_fk" FOREIGN KEY ("provider_id") REFERENCES "public"."market_provider"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "market_entry" ADD CONSTRAINT "market_entry_reviewed_by_app_user_id_fk" FOREIGN KEY ("reviewed_by") REFERENCES "public"."app_user"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "market_judge" ADD CONSTRAINT "market_judge_season_id_market_season_id_fk" FOREIGN KEY ("season_id") REFERENCES "public"."market_season"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "market_judge" ADD CONSTRAINT "market_judge_user_id_app_user_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."app_user"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "market_judge" ADD CONSTRAINT "market_judge_invited_by_app_user_id_fk" FOREIGN KEY ("invited_by") REFERENCES "public"."app_user"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "market_paper_tally" ADD CONSTRAINT "market_paper_tally_season_id_market_season_id_fk" FOREIGN KEY ("season_id") REFERENCES "public"."market_season"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "market_paper_tally" ADD CONSTRAINT "market_paper_tally_entry_id_market_entry_id_fk" FOREIGN KEY ("entry_id") REFERENCES "public"."market_entry"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "market_paper_tally" ADD CONSTRAINT "market_paper_tally_entered_by_app_user_id_fk" FOREIGN KEY ("entered_by") REFERENCES "public"."app_user"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "market_recusal" ADD CONSTRAINT "market_recusal_season_id_market_season_id_fk" FOREIGN KEY ("season_id") REFERENCES "public"."market_season"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "market_recusal" ADD CONSTRAINT "market_recusal_judge_id_market_judge_id_fk" FOREIGN KEY ("judge_id") REFERENCES "public"."market_judge"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "market_recusal" ADD CONSTRAINT "market_recusal_entry_id_market_entry_id_fk" FOREIGN KEY ("entry_id") REFERENCES "public"."market_entry"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "market_recusal" ADD CONSTRAINT "market_recusal_created_by_app_user_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."app_user"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "market_rep" ADD CONSTRAINT "market_rep_season_id_market_season_id_fk" FOREIGN KEY ("season_id") REFERENCES "public"."market_season"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "market_rep" ADD CONSTRAINT "market_rep_person_id_person_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."person"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "market_rep" ADD CONSTRAINT "market_rep_membership_id_membership_id_fk" FOREIGN KEY ("membership_id") REFERENCES "public"."membership"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "market_rep" ADD CONSTRAINT "market_rep_org_id_org_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."org"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "market_rep" ADD CONSTRAINT "market_rep_listed_by_app_user_id_fk" FOREIGN KEY ("listed_by") REFERENCES "public"."app_user"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "market_score" ADD CONSTRAINT "market_score_season_id_market_season_id_fk" FOREIGN KEY ("season_id") REFERENCES "public"."market_season"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "market_score" ADD CONSTRAINT "market_score_judge_id_market_judge_id_fk" FOREIGN KEY ("judge_id") REFERENCES "public"."market_judge"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "market_score" ADD CONSTRAINT "market_score_entry_id_market_entry_id_fk" FOREIGN KEY ("entry_id") REFERENCES "public"."market_entry"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "market_season" ADD CONSTRAINT "market_season_org_id_org_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."org"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "market_season" ADD CONSTRAINT "market_season_confirmed_by_app_user_id_fk" FOREIGN KEY ("confirmed_by") REFERENCES "public"."app_user"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "market_vote" ADD CONSTRAINT "market_vote_season_id_market_season_id_fk" FOREIGN KEY ("season_id") REFERENCES "public"."market_season"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "market_vote" ADD CONSTRAINT "market_vote_session_id_market_vote_session_id_fk" FOREIGN KEY ("session_id") REFERENCES "public"."market_vote_session"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "market_vote" ADD CONSTRAINT "market_vote_rep_id_market_rep_id_fk" FOREIGN KEY ("rep_id") REFERENCES "public"."market_rep"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "market_vote" ADD CONSTRAINT "market_vote_entry_id_market_entry_id_fk" FOREIGN KEY ("entry_id") REFERENCES "public"."market_entry"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "market_vote_count" ADD CONSTRAINT "market_vote_count_entry_id_market_entry_id_fk" FOREIGN KEY ("entry_id") REFERENCES "public"."market_entry"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "market_vote_count" ADD CONSTRAINT "market_vote_count_season_id_market_season_id_fk" FOREIGN KEY ("season_id") REFERENCES "public"."market_season"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "market_vote_session" ADD CONSTRAINT "market_vote_session_season_id_market_season_id_fk" FOREIGN KEY ("season_id") REFERENCES "public"."market_season"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "market_attendance" ADD CONSTRAINT "market_attendance_order_id_market_order_id_fk" FOREIGN KEY ("order_id") REFERENCES "public"."market_order"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "market_attendance" ADD CONSTRAINT "market_attendance_user_id_app_user_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."app_user"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "market_attendance" ADD CONSTRAINT "market_attendance_recorded_by_app_user_id_fk" FOREIGN KEY ("recorded_by") REFERENCES "public"."app_user"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "market_order" ADD CONSTRAINT "market_order_project_id_market_project_id_fk" FOREIGN KEY ("project_id") REFERENCES "public"."market_project"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "market_order" ADD CONSTRAINT "market_order_version_id_market_project_version_id_fk" FOREIGN KEY ("version_id") REFERENCES "public"."market_project_version"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "market_order" ADD CONSTRAINT "market_order_provider_id_market_provider_id_fk" FOREIGN KEY ("provider_id") REFERENCES "public"."market_provider"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "market_order" ADD CONSTRAINT "market_order_district_org_id_org_id_fk" FOREIGN KEY ("district_org_id") REFERENCES "public"."org"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "market_order" ADD CONSTRAINT "market_order_ordering_org_id_org_id_fk" FOREIGN KEY ("ordering_org_id") REFERENCES "public"."org"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "market_order" ADD CONSTRAINT "market_order_ordered_by_app_user_id_fk" FOREIGN KEY ("ordered_by") REFERENCES "public"."app_user"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "market_order" ADD CONSTRAINT "market_order_position_id_position_id_fk" FOREIGN KEY ("position_id") REFERENCES "public"."position"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "market_order" ADD CONSTRAINT "market_order_rule_id_market_subsidy_rule_id_fk" FOREIGN KEY ("rule_id") REFERENCES "public"."market_subsidy_rule"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "market_order" ADD CONSTRAINT "market_order_rated_by_app_user_id_fk" FOREIGN KEY ("rated_by") REFERENCES "public"."app_user"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "market_subsidy_rule" ADD CONSTRAINT "market_subsidy_rule_org_id_org_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."org"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "market_subsidy_usage" ADD CONSTRAINT "market_subsidy_usage_rule_id_market_subsidy_rule_id_fk" FOREIGN KEY ("rule_id") REFERENCES "public"."market_subsidy_rule"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "market_subsidy_usage" ADD CONSTRAINT "market_subsidy_usage_union_org_id_org_id_fk" FOREIGN KEY ("union_org_id") REFERENCES "public"."org"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "market_file_provider_idx" ON "market_file" USING btree ("provider_id");--> statement-breakpoint
CREATE UNIQUE INDEX "market_project_code_unique" ON "market_project" USING btree ("code");--> statement-breakpoint
CREATE INDEX "market_project_provider_idx" ON "market_project" USING btree ("provider_id");--> statement-breakpoint
CREATE INDEX "market_project_org_listed_idx" ON "market_project" USING btree ("org_id","is_listed");--> statement-breakpoint
CREATE UNIQUE INDEX "market_project_version_number_unique" ON "market_project_version" USING btree ("project_id","number");--> statement-breakpoint
CREATE UNIQUE INDEX "market_provider_credit_code_unique" ON "market_provider" USING btree ("credit_code");--> statement-breakpoint
CREATE INDEX "market_provider_org_status_idx" ON "market_provider" USING btree ("org_id","status");--> statement-breakpoint
CREATE UNIQUE INDEX "market_provider_user_user_unique" ON "market_provider_user" USING btree ("user_id");--> statement-breakpoint
CREATE INDEX "market_assignment_entry_idx" ON "market_assignment" USING btree ("entry_id");--> statement-breakpoint
CREATE UNIQUE INDEX "market_entry_project_unique" ON "market_entry" USING btree ("season_id","project_id");--> statement-breakpoint
CREATE UNIQUE INDEX "market_entry_number_unique" ON "market_entry" USING btree ("season_id","number");--> statement-breakpoint
CREATE INDEX "market_entry_provider_idx" ON "market_entry" USING btree ("provider_id");--> statement-breakpoint
CREATE UNIQUE INDEX "market_judge_user_unique" ON "market_judge" USING btree ("season_id","user_id");--> statement-breakpoint
CREATE INDEX "market_paper_tally_season_idx" ON "market_paper_tally" USING btree ("season_id");--> statement-breakpoint
CREATE UNIQUE INDEX "market_recusal_unique" ON "market_recusal" USING btree ("judge_id","entry_id");--> statement-breakpoint
CREATE UNIQUE INDEX "market_rep_person_unique" ON "market_rep" USING btree ("season_id","person_id");--> statement-breakpoint
CREATE INDEX "market_rep_org_idx" ON "market_rep" USING btree ("org_id");--> statement-breakpoint
CREATE UNIQUE INDEX "market_score_unique" ON "market_score" USING btree ("judge_id","entry_id");--> statement-breakpoint
CREATE INDEX "market_score_season_idx" ON "market_score" USING btree ("season_id");--> statement-breakpoint
CREATE INDEX "market_season_org_idx" ON "market_season" USING btree ("org_id","year");--> statement-breakpoint
CREATE UNIQUE INDEX "market_vote_rep_entry_unique" ON "market_vote" USING btree ("rep_id","entry_id");--> statement-breakpoint
CREATE INDEX "market_vote_entry_idx" ON "market_vote" USING btree ("entry_id");--> statement-breakpoint
CREATE UNIQUE INDEX "market_vote_session_venue_unique" ON "market_vote_session" USING btree ("season_id","venue");--> statement-breakpoint
CREATE UNIQUE INDEX "market_attendance_membership_unique" ON "market_attendance" USING btree ("order_id","membership_id") WHERE "market_attendance"."membership_id" is not null;--> statement-breakpoint
CREATE UNIQUE INDEX "market_attendance_user_unique" ON "market_attendance" USING btree ("order_id","user_id") WHERE "market_attendance"."user_id" is not null;--> statement-breakpoint
CREATE INDEX "market_attendance_at_idx" ON "market_attendance" USING btree ("at");--> statement-breakpoint
CREATE UNIQUE INDEX "market_order_number_unique" ON "market_order" USING btree ("number");--> statement-breakpoint
CREATE INDEX "market_order_provider_idx" ON "market_order" USING btree ("provider_id","status");--> statement-breakpoint
CREATE INDEX "market_order_ordering_idx" ON "market_order" USING btree ("ordering_org_id");--> statement-breakpoint
CREATE INDEX "market_order_district_idx" ON "market_order" USING btree ("district_org_id","created_at");--> statement-breakpoint
CREATE INDEX "market_order_project_idx" ON "market_order" USING btree ("project_id","status");--> statement-breakpoint
CREATE INDEX "market_order_delivered_idx" ON "market_order" USING btree ("delivered_at");--> statement-breakpoint
CREATE INDEX "market_order_user_idx" ON "market_order" USING btree ("ordered_by");--> statement-breakpoint
CREATE UNIQUE INDEX "market_subsidy_rule_year_unique" ON "market_subsidy_rule" USING btree ("org_id","year");