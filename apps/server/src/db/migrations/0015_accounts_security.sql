CREATE TABLE "login_failure" (
	"login_hash" text NOT NULL,
	"address" text NOT NULL,
	"failures" integer DEFAULT 0 NOT NULL,
	"locked_until" timestamp with time zone,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "login_failure_login_hash_address_pk" PRIMARY KEY("login_hash","address")
);
--> statement-breakpoint
ALTER TABLE "app_user" ADD COLUMN "created_by" uuid;--> statement-breakpoint
CREATE INDEX "login_failure_updated_idx" ON "login_failure" USING btree ("updated_at");--> statement-breakpoint
ALTER TABLE "app_user" ADD CONSTRAINT "app_user_created_by_app_user_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."app_user"("id") ON DELETE set null ON UPDATE no action;