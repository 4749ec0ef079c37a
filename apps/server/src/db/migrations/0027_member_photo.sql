CREATE TABLE "person_photo" (
	"person_id" uuid PRIMARY KEY NOT NULL,
	"content_type" text NOT NULL,
	"data_enc" text NOT NULL,
	"size" integer NOT NULL,
	"sha256" text NOT NULL,
	"consent_at" timestamp with time zone NOT NULL,
	"consent_recorded_by" uuid,
	"consent_recorded_by_name" text,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "person_photo_type_check" CHECK ("person_photo"."content_type" in ('image/jpeg','image/png','image/webp')),
	CONSTRAINT "person_photo_size_check" CHECK ("person_photo"."size" > 0 and "person_photo"."size" <= 5242880)
);
--> statement-breakpoint
ALTER TABLE "person_photo" ADD CONSTRAINT "person_photo_person_id_person_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."person"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "person_photo" ADD CONSTRAINT "person_photo_consent_recorded_by_app_user_id_fk" FOREIGN KEY ("consent_recorded_by") REFERENCES "public"."app_user"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
-- The shard key (docs/SCALING.md): a photo lives in its person's district, beside the person.
SELECT niangjia_add_district_key('person_photo', 'person_id', 'person', 'id');
--> statement-breakpoint
SELECT niangjia_colocate_fk('person_photo', 'person_id', 'person', 'id', 'ON DELETE CASCADE');
