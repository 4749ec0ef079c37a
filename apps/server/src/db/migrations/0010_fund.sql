CREATE TABLE "breakfast_card" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"fund_id" uuid NOT NULL,
	"number" text NOT NULL,
	"holder_name" text NOT NULL,
	"phone_hash" text,
	"phone_masked" text,
	"employer" text,
	"status" text DEFAULT 'active' NOT NULL,
	"valid_until" date NOT NULL,
	"suspended_reason" text,
	"replaced_by_id" uuid,
	"import_id" uuid,
	"version" integer DEFAULT 1 NOT NULL,
	"issued_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "breakfast_card_status_check" CHECK ("breakfast_card"."status" in ('active','suspended','replaced'))
);
--> statement-breakpoint
CREATE TABLE "breakfast_card_import" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"fund_id" uuid NOT NULL,
	"file_name" text,
	"file_hash" text NOT NULL,
	"status" text NOT NULL,
	"mode" text,
	"rows" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"errors" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"total_rows" integer DEFAULT 0 NOT NULL,
	"valid_rows" integer DEFAULT 0 NOT NULL,
	"error_rows" integer DEFAULT 0 NOT NULL,
	"committed_rows" integer DEFAULT 0 NOT NULL,
	"created_by_id" uuid,
	"created_by_name" text,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"committed_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "breakfast_redemption" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"terminal_id" uuid NOT NULL,
	"redemption_id" text NOT NULL,
	"shop_id" uuid NOT NULL,
	"card_id" uuid,
	"card_number" text,
	"redeemed_at" timestamp with time zone NOT NULL,
	"service_day" date NOT NULL,
	"status" text NOT NULL,
	"code" text,
	"slot" integer,
	"price_fen" bigint,
	"remaining_today" integer,
	"entry_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "breakfast_redemption_status_check" CHECK ("breakfast_redemption"."status" in ('approved','refused'))
);
--> statement-breakpoint
CREATE TABLE "contribution_rule" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"shop_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"fixed_fen" bigint,
	"bps" integer,
	"cap_fen" bigint,
	"effective_from" date NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "contribution_rule_kind_check" CHECK (("contribution_rule"."kind" = 'fixed' and "contribution_rule"."fixed_fen" is not null) or ("contribution_rule"."kind" = 'bps' and "contribution_rule"."bps" is not null))
);
--> statement-breakpoint
CREATE TABLE "custodian_statement" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"fund_id" uuid NOT NULL,
	"file_name" text,
	"line_count" integer NOT NULL,
	"from_date" date,
	"to_date" date,
	"total_fen" bigint NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "custodian_statement_line" (
	"statement_id" uuid NOT NULL,
	"line_no" integer NOT NULL,
	"value_date" date NOT NULL,
	"reference" text NOT NULL,
	"amount_fen" bigint NOT NULL,
	"description" text,
	CONSTRAINT "custodian_statement_line_statement_id_line_no_pk" PRIMARY KEY("statement_id","line_no")
);
--> statement-breakpoint
CREATE TABLE "custodian_transfer" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"fund_id" uuid NOT NULL,
	"amount_fen" bigint NOT NULL,
	"transferred_on" date NOT NULL,
	"reference" text NOT NULL,
	"note" text,
	"entry_id" uuid NOT NULL,
	"created_by_name" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "fund" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"code" text NOT NULL,
	"name" text NOT NULL,
	"org_id" uuid NOT NULL,
	"breakfasts_per_day" integer DEFAULT 1 NOT NULL,
	"breakfast_price_fen" bigint DEFAULT 800 NOT NULL,
	"min_balance_fen" bigint DEFAULT 0 NOT NULL,
	"default_card_valid_until" date,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "fund_account" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"fund_id" uuid NOT NULL,
	"code" text NOT NULL,
	"kind" text NOT NULL,
	"name" text NOT NULL,
	"shop_id" uuid,
	"position_id" uuid,
	"balance_fen" bigint DEFAULT 0 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "fund_account_kind_check" CHECK ("fund_account"."kind" in ('shop_contributions','station_breakfasts','collected','custodian','adjustments'))
);
--> statement-breakpoint
CREATE TABLE "fund_entry" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"fund_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"occurred_at" timestamp with time zone NOT NULL,
	"memo" text NOT NULL,
	"shop_id" uuid,
	"position_id" uuid,
	"amount_fen" bigint NOT NULL,
	"sale_count" integer DEFAULT 0 NOT NULL,
	"sales_fen" bigint DEFAULT 0 NOT NULL,
	"breakfast_count" integer DEFAULT 0 NOT NULL,
	"reverses_entry_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "fund_entry_kind_check" CHECK ("fund_entry"."kind" in ('sale','refund','breakfast','transfer','history','adjustment'))
);
--> statement-breakpoint
CREATE TABLE "fund_posting" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"entry_id" uuid NOT NULL,
	"account_id" uuid NOT NULL,
	"amount_fen" bigint NOT NULL,
	"occurred_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "fund_refund" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"terminal_id" uuid NOT NULL,
	"refund_id" text NOT NULL,
	"sale_row_id" uuid NOT NULL,
	"reversed_fen" bigint NOT NULL,
	"refunded_at" timestamp with time zone NOT NULL,
	"reason" text,
	"entry_id" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "fund_sale" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"terminal_id" uuid NOT NULL,
	"shop_id" uuid NOT NULL,
	"sale_id" text NOT NULL,
	"amount_fen" bigint NOT NULL,
	"items" jsonb NOT NULL,
	"sold_at" timestamp with time zone NOT NULL,
	"contribution_fen" bigint NOT NULL,
	"entry_id" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "fund_shop" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"code" text NOT NULL,
	"name" text NOT NULL,
	"fund_id" uuid NOT NULL,
	"position_id" uuid NOT NULL,
	"org_id" uuid NOT NULL,
	"operator_name" text NOT NULL,
	"operator_credit_code" text,
	"status" text DEFAULT 'active' NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "fund_shop_status_check" CHECK ("fund_shop"."status" in ('active','closed'))
);
--> statement-breakpoint
CREATE TABLE "fund_total" (
	"fund_id" uuid PRIMARY KEY NOT NULL,
	"contributed_fen" bigint DEFAULT 0 NOT NULL,
	"sales" bigint DEFAULT 0 NOT NULL,
	"breakfast_fen" bigint DEFAULT 0 NOT NULL,
	"breakfasts" bigint DEFAULT 0 NOT NULL,
	"transferred_fen" bigint DEFAULT 0 NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "pos_nonce" (
	"terminal_id" uuid NOT NULL,
	"nonce" text NOT NULL,
	"seen_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "pos_nonce_terminal_id_nonce_pk" PRIMARY KEY("terminal_id","nonce")
);
--> statement-breakpoint
CREATE TABLE "pos_terminal" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"shop_id" uuid NOT NULL,
	"name" text NOT NULL,
	"key_id" text NOT NULL,
	"secret_enc" text NOT NULL,
	"status" text DEFAULT 'active' NOT NULL,
	"key_created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"last_seen_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "pos_terminal_status_check" CHECK ("pos_terminal"."status" in ('active','revoked'))
);
--> statement-breakpoint
ALTER TABLE "breakfast_card" ADD CONSTRAINT "breakfast_card_fund_id_fund_id_fk" FOREIGN KEY ("fund_id") REFERENCES "public"."fund"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "breakfast_card_import" ADD CONSTRAINT "breakfast_card_import_fund_id_fund_id_fk" FOREIGN KEY ("fund_id") REFERENCES "public"."fund"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "breakfast_card_import" ADD CONSTRAINT "breakfast_card_import_created_by_id_app_user_id_fk" FOREIGN KEY ("created_by_id") REFERENCES "public"."app_user"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "breakfast_redemption" ADD CONSTRAINT "breakfast_redemption_terminal_id_pos_terminal_id_fk" FOREIGN KEY ("terminal_id") REFERENCES "public"."pos_terminal"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "breakfast_redemption" ADD CONSTRAINT "breakfast_redemption_shop_id_fund_shop_id_fk" FOREIGN KEY ("shop_id") REFERENCES "public"."fund_shop"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "breakfast_redemption" ADD CONSTRAINT "breakfast_redemption_card_id_breakfast_card_id_fk" FOREIGN KEY ("card_id") REFERENCES "public"."breakfast_card"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "contribution_rule" ADD CONSTRAINT "contribution_rule_shop_id_fund_shop_id_fk" FOREIGN KEY ("shop_id") REFERENCES "public"."fund_shop"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "custodian_statement" ADD CONSTRAINT "custodian_statement_fund_id_fund_id_fk" FOREIGN KEY ("fund_id") REFERENCES "public"."fund"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "custodian_statement_line" ADD CONSTRAINT "custodian_statement_line_statement_id_custodian_statement_id_fk" FOREIGN KEY ("statement_id") REFERENCES "public"."custodian_statement"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "custodian_transfer" ADD CONSTRAINT "custodian_transfer_fund_id_fund_id_fk" FOREIGN KEY ("fund_id") REFERENCES "public"."fund"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "fund" ADD CONSTRAINT "fund_org_id_org_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."org"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "fund_account" ADD CONSTRAINT "fund_account_fund_id_fund_id_fk" FOREIGN KEY ("fund_id") REFERENCES "public"."fund"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "fund_account" ADD CONSTRAINT "fund_account_shop_id_fund_shop_id_fk" FOREIGN KEY ("shop_id") REFERENCES "public"."fund_shop"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "fund_account" ADD CONSTRAINT "fund_account_position_id_position_id_fk" FOREIGN KEY ("position_id") REFERENCES "public"."position"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "fund_entry" ADD CONSTRAINT "fund_entry_fund_id_fund_id_fk" FOREIGN KEY ("fund_id") REFERENCES "public"."fund"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "fund_posting" ADD CONSTRAINT "fund_posting_entry_id_fund_entry_id_fk" FOREIGN KEY ("entry_id") REFERENCES "public"."fund_entry"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "fund_posting" ADD CONSTRAINT "fund_posting_account_id_fund_account_id_fk" FOREIGN KEY ("account_id") REFERENCES "public"."fund_account"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "fund_refund" ADD CONSTRAINT "fund_refund_terminal_id_pos_terminal_id_fk" FOREIGN KEY ("terminal_id") REFERENCES "public"."pos_terminal"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "fund_refund" ADD CONSTRAINT "fund_refund_sale_row_id_fund_sale_id_fk" FOREIGN KEY ("sale_row_id") REFERENCES "public"."fund_sale"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "fund_sale" ADD CONSTRAINT "fund_sale_terminal_id_pos_terminal_id_fk" FOREIGN KEY ("terminal_id") REFERENCES "public"."pos_terminal"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "fund_sale" ADD CONSTRAINT "fund_sale_shop_id_fund_shop_id_fk" FOREIGN KEY ("shop_id") REFERENCES "public"."fund_shop"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "fund_shop" ADD CONSTRAINT "fund_shop_fund_id_fund_id_fk" FOREIGN KEY ("fund_id") REFERENCES "public"."fund"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "fund_shop" ADD CONSTRAINT "fund_shop_position_id_position_id_fk" FOREIGN KEY ("position_id") REFERENCES "public"."position"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "fund_shop" ADD CONSTRAINT "fund_shop_org_id_org_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."org"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "fund_total" ADD CONSTRAINT "fund_total_fund_id_fund_id_fk" FOREIGN KEY ("fund_id") REFERENCES "public"."fund"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "pos_terminal" ADD CONSTRAINT "pos_terminal_shop_id_fund_shop_id_fk" FOREIGN KEY ("shop_id") REFERENCES "public"."fund_shop"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "breakfast_card_number_unique" ON "breakfast_card" USING btree ("number");--> statement-breakpoint
CREATE INDEX "breakfast_card_phone_idx" ON "breakfast_card" USING btree ("phone_hash");--> statement-breakpoint
CREATE INDEX "breakfast_card_fund_idx" ON "breakfast_card" USING btree ("fund_id");--> statement-breakpoint
CREATE UNIQUE INDEX "breakfast_redemption_terminal_unique" ON "breakfast_redemption" USING btree ("terminal_id","redemption_id");--> statement-breakpoint
CREATE UNIQUE INDEX "breakfast_redemption_slot_unique" ON "breakfast_redemption" USING btree ("card_id","service_day","slot") WHERE "breakfast_redemption"."status" = 'approved';--> statement-breakpoint
CREATE INDEX "breakfast_redemption_card_idx" ON "breakfast_redemption" USING btree ("card_id","service_day");--> statement-breakpoint
CREATE UNIQUE INDEX "contribution_rule_shop_from_unique" ON "contribution_rule" USING btree ("shop_id","effective_from");--> statement-breakpoint
CREATE INDEX "custodian_statement_line_ref_idx" ON "custodian_statement_line" USING btree ("reference");--> statement-breakpoint
CREATE UNIQUE INDEX "custodian_transfer_reference_unique" ON "custodian_transfer" USING btree ("fund_id","reference");--> statement-breakpoint
CREATE UNIQUE INDEX "fund_code_unique" ON "fund" USING btree ("code");--> statement-breakpoint
CREATE INDEX "fund_org_idx" ON "fund" USING btree ("org_id");--> statement-breakpoint
CREATE UNIQUE INDEX "fund_account_code_unique" ON "fund_account" USING btree ("fund_id","code");--> statement-breakpoint
CREATE INDEX "fund_entry_fund_time_idx" ON "fund_entry" USING btree ("fund_id","occurred_at");--> statement-breakpoint
CREATE INDEX "fund_entry_shop_time_idx" ON "fund_entry" USING btree ("shop_id","occurred_at");--> statement-breakpoint
CREATE INDEX "fund_entry_position_time_idx" ON "fund_entry" USING btree ("position_id","occurred_at");--> statement-breakpoint
CREATE UNIQUE INDEX "fund_entry_reverses_unique" ON "fund_entry" USING btree ("reverses_entry_id");--> statement-breakpoint
CREATE INDEX "fund_posting_entry_idx" ON "fund_posting" USING btree ("entry_id");--> statement-breakpoint
CREATE INDEX "fund_posting_account_time_idx" ON "fund_posting" USING btree ("account_id","occurred_at");--> statement-breakpoint
CREATE UNIQUE INDEX "fund_refund_terminal_refund_unique" ON "fund_refund" USING btree ("terminal_id","refund_id");--> statement-breakpoint
CREATE UNIQUE INDEX "fund_refund_sale_unique" ON "fund_refund" USING btree ("sale_row_id");--> statement-breakpoint
CREATE UNIQUE INDEX "fund_sale_terminal_sale_unique" ON "fund_sale" USING btree ("terminal_id","sale_id");--> statement-breakpoint
CREATE INDEX "fund_sale_shop_time_idx" ON "fund_sale" USING btree ("shop_id","sold_at");--> statement-breakpoint
CREATE UNIQUE INDEX "fund_shop_code_unique" ON "fund_shop" USING btree ("code");--> statement-breakpoint
CREATE INDEX "fund_shop_position_idx" ON "fund_shop" USING btree ("position_id");--> statement-breakpoint
CREATE INDEX "pos_nonce_seen_idx" ON "pos_nonce" USING btree ("seen_at");--> statement-breakpoint
CREATE UNIQUE INDEX "pos_terminal_key_unique" ON "pos_terminal" USING btree ("key_id");--> statement-breakpoint
CREATE INDEX "pos_terminal_shop_idx" ON "pos_terminal" USING btree ("shop_id");