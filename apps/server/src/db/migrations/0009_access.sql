CREATE TABLE "door_alarm" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"controller_id" uuid NOT NULL,
	"position_id" uuid NOT NULL,
	"org_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"status" text DEFAULT 'open' NOT NULL,
	"raised_at" timestamp with time zone DEFAULT now() NOT NULL,
	"detail" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"acknowledged_at" timestamp with time zone,
	"acknowledged_by" uuid,
	"acknowledged_by_name" text,
	"resolved_at" timestamp with time zone,
	"resolved_by" uuid,
	"resolved_by_name" text,
	"note" text,
	"version" integer DEFAULT 1 NOT NULL,
	CONSTRAINT "door_alarm_kind_check" CHECK ("door_alarm"."kind" in ('held_open','forced_open','power_lost','tamper','offline')),
	CONSTRAINT "door_alarm_status_check" CHECK ("door_alarm"."status" in ('open','acknowledged','resolved'))
);
--> statement-breakpoint
CREATE TABLE "door_ban" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"position_id" uuid NOT NULL,
	"org_id" uuid NOT NULL,
	"phone" text NOT NULL,
	"reason" text NOT NULL,
	"until" timestamp with time zone,
	"lifted_at" timestamp with time zone,
	"created_by" uuid,
	"created_by_name" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "door_code_use" (
	"controller_id" uuid NOT NULL,
	"step" bigint NOT NULL,
	"used_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "door_code_use_controller_id_step_pk" PRIMARY KEY("controller_id","step")
);
--> statement-breakpoint
CREATE TABLE "door_command" (
	"id" uuid PRIMARY KEY NOT NULL,
	"controller_id" uuid NOT NULL,
	"entry_id" uuid,
	"issued_at" timestamp with time zone NOT NULL,
	"expires_at" timestamp with time zone NOT NULL,
	"acked_at" timestamp with time zone,
	"ack_result" text,
	"ack_reason" text
);
--> statement-breakpoint
CREATE TABLE "door_controller" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"device_id" text NOT NULL,
	"position_id" uuid NOT NULL,
	"org_id" uuid NOT NULL,
	"name" text NOT NULL,
	"code_mode" text DEFAULT 'rotating' NOT NULL,
	"max_distance_m" integer DEFAULT 100 NOT NULL,
	"secret_enc" text NOT NULL,
	"secret_hash" text NOT NULL,
	"status" text DEFAULT 'active' NOT NULL,
	"last_seen_at" timestamp with time zone,
	"door_state" text DEFAULT 'unknown' NOT NULL,
	"is_marked_offline" boolean DEFAULT false NOT NULL,
	"revoked_at" timestamp with time zone,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "door_controller_code_mode_check" CHECK ("door_controller"."code_mode" in ('rotating','static')),
	CONSTRAINT "door_controller_status_check" CHECK ("door_controller"."status" in ('active','revoked')),
	CONSTRAINT "door_controller_state_check" CHECK ("door_controller"."door_state" in ('closed','open','unknown'))
);
--> statement-breakpoint
CREATE TABLE "door_device_nonce" (
	"device_id" text NOT NULL,
	"nonce" text NOT NULL,
	"received_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "door_device_nonce_device_id_nonce_pk" PRIMARY KEY("device_id","nonce")
);
--> statement-breakpoint
CREATE TABLE "door_entry" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"at" timestamp with time zone DEFAULT now() NOT NULL,
	"position_id" uuid NOT NULL,
	"org_id" uuid NOT NULL,
	"controller_id" uuid,
	"device_id" text NOT NULL,
	"user_id" uuid,
	"person_name" text,
	"phone_masked" text,
	"result" text NOT NULL,
	"reason" text,
	"command_id" uuid,
	"request_id" uuid,
	"is_after_hours" boolean DEFAULT false NOT NULL,
	CONSTRAINT "door_entry_result_check" CHECK ("door_entry"."result" in ('opened','refused','failed'))
);
--> statement-breakpoint
CREATE TABLE "door_policy" (
	"position_id" uuid PRIMARY KEY NOT NULL,
	"org_id" uuid NOT NULL,
	"scan_hours" text DEFAULT 'always' NOT NULL,
	"custom_ranges" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"who_may_enter" text DEFAULT 'real_name' NOT NULL,
	"is_closed" boolean DEFAULT false NOT NULL,
	"closed_note" text,
	"rate_limit_per_10min" integer DEFAULT 10 NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "door_policy_scan_hours_check" CHECK ("door_policy"."scan_hours" in ('always','outside_staffed','custom')),
	CONSTRAINT "door_policy_who_check" CHECK ("door_policy"."who_may_enter" in ('real_name','members'))
);
--> statement-breakpoint
CREATE TABLE "door_rejected_message" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"device_id" text,
	"topic" text NOT NULL,
	"reason" text NOT NULL,
	"at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "door_alarm" ADD CONSTRAINT "door_alarm_controller_id_door_controller_id_fk" FOREIGN KEY ("controller_id") REFERENCES "public"."door_controller"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "door_alarm" ADD CONSTRAINT "door_alarm_position_id_position_id_fk" FOREIGN KEY ("position_id") REFERENCES "public"."position"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "door_alarm" ADD CONSTRAINT "door_alarm_org_id_org_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."org"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "door_ban" ADD CONSTRAINT "door_ban_position_id_position_id_fk" FOREIGN KEY ("position_id") REFERENCES "public"."position"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "door_ban" ADD CONSTRAINT "door_ban_org_id_org_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."org"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "door_code_use" ADD CONSTRAINT "door_code_use_controller_id_door_controller_id_fk" FOREIGN KEY ("controller_id") REFERENCES "public"."door_controller"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "door_command" ADD CONSTRAINT "door_command_controller_id_door_controller_id_fk" FOREIGN KEY ("controller_id") REFERENCES "public"."door_controller"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "door_controller" ADD CONSTRAINT "door_controller_position_id_position_id_fk" FOREIGN KEY ("position_id") REFERENCES "public"."position"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "door_controller" ADD CONSTRAINT "door_controller_org_id_org_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."org"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "door_entry" ADD CONSTRAINT "door_entry_position_id_position_id_fk" FOREIGN KEY ("position_id") REFERENCES "public"."position"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "door_entry" ADD CONSTRAINT "door_entry_org_id_org_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."org"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "door_entry" ADD CONSTRAINT "door_entry_controller_id_door_controller_id_fk" FOREIGN KEY ("controller_id") REFERENCES "public"."door_controller"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "door_entry" ADD CONSTRAINT "door_entry_user_id_app_user_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."app_user"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "door_policy" ADD CONSTRAINT "door_policy_position_id_position_id_fk" FOREIGN KEY ("position_id") REFERENCES "public"."position"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "door_policy" ADD CONSTRAINT "door_policy_org_id_org_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."org"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "door_alarm_one_open_per_kind" ON "door_alarm" USING btree ("controller_id","kind") WHERE "door_alarm"."status" = 'open';--> statement-breakpoint
CREATE INDEX "door_alarm_org_status_idx" ON "door_alarm" USING btree ("org_id","status","raised_at");--> statement-breakpoint
CREATE INDEX "door_ban_position_phone_idx" ON "door_ban" USING btree ("position_id","phone");--> statement-breakpoint
CREATE INDEX "door_command_controller_idx" ON "door_command" USING btree ("controller_id","issued_at");--> statement-breakpoint
CREATE UNIQUE INDEX "door_controller_device_unique" ON "door_controller" USING btree ("device_id");--> statement-breakpoint
CREATE INDEX "door_controller_position_idx" ON "door_controller" USING btree ("position_id");--> statement-breakpoint
CREATE INDEX "door_controller_org_idx" ON "door_controller" USING btree ("org_id");--> statement-breakpoint
CREATE INDEX "door_device_nonce_received_idx" ON "door_device_nonce" USING btree ("received_at");--> statement-breakpoint
CREATE INDEX "door_entry_position_at_idx" ON "door_entry" USING btree ("position_id","at");--> statement-breakpoint
CREATE INDEX "door_entry_org_at_idx" ON "door_entry" USING btree ("org_id","at");--> statement-breakpoint
CREATE UNIQUE INDEX "door_entry_request_unique" ON "door_entry" USING btree ("user_id","request_id");--> statement-breakpoint
CREATE INDEX "door_rejected_message_at_idx" ON "door_rejected_message" USING btree ("at");