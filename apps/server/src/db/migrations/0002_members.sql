CREATE TABLE "member_import" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"org_id" uuid NOT NULL,
	"file_hash" text NOT NULL,
	"file_name" text,
	"status" text DEFAULT 'checked' NOT NULL,
	"mode" text,
	"total_rows" integer NOT NULL,
	"valid_rows" integer NOT NULL,
	"error_rows" integer NOT NULL,
	"committed_rows" integer DEFAULT 0 NOT NULL,
	"report" jsonb NOT NULL,
	"rows_enc" text,
	"created_by" uuid,
	"created_by_name" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"committed_at" timestamp with time zone,
	"version" integer DEFAULT 1 NOT NULL,
	CONSTRAINT "member_import_status_check" CHECK ("member_import"."status" in ('checked','committed'))
);
--> statement-breakpoint
CREATE TABLE "member_number_counter" (
	"org_id" uuid PRIMARY KEY NOT NULL,
	"last_value" integer NOT NULL
);
--> statement-breakpoint
CREATE TABLE "membership" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"person_id" uuid NOT NULL,
	"org_id" uuid NOT NULL,
	"member_number" text,
	"status" text NOT NULL,
	"applied_at" timestamp with time zone DEFAULT now() NOT NULL,
	"joined_at" timestamp with time zone,
	"left_at" timestamp with time zone,
	"rejected_reason" text,
	"source" text DEFAULT 'online' NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "membership_status_check" CHECK ("membership"."status" in ('applied','active','suspended','left','rejected'))
);
--> statement-breakpoint
CREATE TABLE "membership_event" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"membership_id" uuid NOT NULL,
	"org_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"from_org_id" uuid,
	"to_org_id" uuid,
	"actor_id" uuid,
	"actor_name" text,
	"reason" text,
	"at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "membership_event_kind_check" CHECK ("membership_event"."kind" in ('applied','approved','rejected','transferred','suspended','resumed','left','edited'))
);
--> statement-breakpoint
CREATE TABLE "person" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"org_id" uuid NOT NULL,
	"real_name" text NOT NULL,
	"id_number_enc" text NOT NULL,
	"id_number_hash" text NOT NULL,
	"id_number_masked" text NOT NULL,
	"phone" text,
	"sex" text NOT NULL,
	"birth_date" date NOT NULL,
	"employer_name" text,
	"employer_credit_code" text,
	"industry" text,
	"employment_form" text DEFAULT 'standard' NOT NULL,
	"is_migrant" boolean DEFAULT false NOT NULL,
	"home_street_code" text,
	"user_id" uuid,
	"verified_at" timestamp with time zone,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "person_sex_check" CHECK ("person"."sex" in ('male','female')),
	CONSTRAINT "person_employment_form_check" CHECK ("person"."employment_form" in ('standard','delivery_rider','courier','ride_hailing','truck_driver','domestic','other_flexible'))
);
--> statement-breakpoint
ALTER TABLE "member_import" ADD CONSTRAINT "member_import_org_id_org_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."org"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "member_number_counter" ADD CONSTRAINT "member_number_counter_org_id_org_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."org"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "membership" ADD CONSTRAINT "membership_person_id_person_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."person"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "membership" ADD CONSTRAINT "membership_org_id_org_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."org"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "membership_event" ADD CONSTRAINT "membership_event_membership_id_membership_id_fk" FOREIGN KEY ("membership_id") REFERENCES "public"."membership"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "membership_event" ADD CONSTRAINT "membership_event_org_id_org_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."org"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "membership_event" ADD CONSTRAINT "membership_event_from_org_id_org_id_fk" FOREIGN KEY ("from_org_id") REFERENCES "public"."org"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "membership_event" ADD CONSTRAINT "membership_event_to_org_id_org_id_fk" FOREIGN KEY ("to_org_id") REFERENCES "public"."org"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "person" ADD CONSTRAINT "person_org_id_org_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."org"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "person" ADD CONSTRAINT "person_user_id_app_user_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."app_user"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "member_import_file_unique" ON "member_import" USING btree ("org_id","file_hash");--> statement-breakpoint
CREATE UNIQUE INDEX "membership_member_number_unique" ON "membership" USING btree ("member_number");--> statement-breakpoint
CREATE UNIQUE INDEX "membership_one_open_per_person" ON "membership" USING btree ("person_id") WHERE "membership"."status" in ('applied','active','suspended');--> statement-breakpoint
CREATE INDEX "membership_org_status_idx" ON "membership" USING btree ("org_id","status");--> statement-breakpoint
CREATE INDEX "membership_person_idx" ON "membership" USING btree ("person_id");--> statement-breakpoint
CREATE INDEX "membership_joined_idx" ON "membership" USING btree ("joined_at");--> statement-breakpoint
CREATE INDEX "membership_event_membership_idx" ON "membership_event" USING btree ("membership_id","at");--> statement-breakpoint
CREATE UNIQUE INDEX "person_id_number_hash_unique" ON "person" USING btree ("id_number_hash");--> statement-breakpoint
CREATE UNIQUE INDEX "person_user_unique" ON "person" USING btree ("user_id") WHERE "person"."user_id" is not null;--> statement-breakpoint
CREATE INDEX "person_org_idx" ON "person" USING btree ("org_id");--> statement-breakpoint
CREATE INDEX "person_phone_idx" ON "person" USING btree ("phone");--> statement-breakpoint
CREATE INDEX "person_name_idx" ON "person" USING btree ("real_name" text_pattern_ops);