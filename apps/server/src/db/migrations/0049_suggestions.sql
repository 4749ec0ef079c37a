CREATE TABLE "suggestion" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"seq" bigserial NOT NULL,
	"org_id" uuid NOT NULL,
	"person_id" uuid NOT NULL,
	"submitter_id" uuid,
	"title" text NOT NULL,
	"category" text NOT NULL,
	"body" text NOT NULL,
	"photo_ids" uuid[] DEFAULT '{}'::uuid[] NOT NULL,
	"status" text DEFAULT 'submitted' NOT NULL,
	"forwarded_to" text,
	"benefit_fen" bigint,
	"benefit_hours" integer,
	"reward_fen" bigint,
	"adopted_at" timestamp with time zone,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "suggestion_category_check" CHECK ("suggestion"."category" in ('process','quality','safety','energy','management','welfare','other')),
	CONSTRAINT "suggestion_status_check" CHECK ("suggestion"."status" in ('submitted','reviewing','forwarded','adopted','declined')),
	CONSTRAINT "suggestion_adopted_check" CHECK (("suggestion"."status" = 'adopted') = ("suggestion"."adopted_at" is not null)),
	CONSTRAINT "suggestion_amounts_check" CHECK (coalesce("suggestion"."benefit_fen", 0) >= 0 and coalesce("suggestion"."benefit_hours", 0) >= 0 and coalesce("suggestion"."reward_fen", 0) >= 0)
);
--> statement-breakpoint
CREATE TABLE "suggestion_step" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"suggestion_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"note" text,
	"actor_id" uuid,
	"at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "suggestion_step_kind_check" CHECK ("suggestion_step"."kind" in ('submitted','review','forward','adopt','decline','benefit'))
);
--> statement-breakpoint
ALTER TABLE "suggestion" ADD CONSTRAINT "suggestion_org_id_org_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."org"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "suggestion" ADD CONSTRAINT "suggestion_person_id_person_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."person"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "suggestion" ADD CONSTRAINT "suggestion_submitter_id_app_user_id_fk" FOREIGN KEY ("submitter_id") REFERENCES "public"."app_user"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "suggestion_step" ADD CONSTRAINT "suggestion_step_suggestion_id_suggestion_id_fk" FOREIGN KEY ("suggestion_id") REFERENCES "public"."suggestion"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "suggestion_step" ADD CONSTRAINT "suggestion_step_actor_id_app_user_id_fk" FOREIGN KEY ("actor_id") REFERENCES "public"."app_user"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "suggestion_org_idx" ON "suggestion" USING btree ("org_id","created_at");--> statement-breakpoint
CREATE INDEX "suggestion_person_idx" ON "suggestion" USING btree ("person_id","created_at");--> statement-breakpoint
CREATE INDEX "suggestion_submitter_idx" ON "suggestion" USING btree ("submitter_id","created_at");--> statement-breakpoint
CREATE INDEX "suggestion_adopted_idx" ON "suggestion" USING btree ("adopted_at");--> statement-breakpoint
CREATE INDEX "suggestion_step_suggestion_idx" ON "suggestion_step" USING btree ("suggestion_id","at");--> statement-breakpoint
-- 合理化建议 live in the district of the union they were made to; their steps follow them; the member is in the same district.
SELECT niangjia_add_district_key('suggestion', 'org_id', 'org', 'id');
--> statement-breakpoint
SELECT niangjia_add_district_key('suggestion_step', 'suggestion_id', 'suggestion', 'id');
--> statement-breakpoint
SELECT niangjia_colocate_fk('suggestion', 'person_id', 'person');
--> statement-breakpoint
SELECT niangjia_colocate_fk('suggestion_step', 'suggestion_id', 'suggestion');
