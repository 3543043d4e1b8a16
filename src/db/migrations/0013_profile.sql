CREATE TABLE "community"."profile_fine_counts" (
	"import_id" uuid NOT NULL,
	"cell" integer NOT NULL,
	"area" text NOT NULL,
	"grade" text NOT NULL,
	"gender" text NOT NULL,
	"school" text NOT NULL,
	"respondents" integer NOT NULL,
	"n" integer[] NOT NULL,
	"flagged" integer[] NOT NULL,
	CONSTRAINT "profile_fine_counts_import_id_cell_pk" PRIMARY KEY("import_id","cell")
);
--> statement-breakpoint
CREATE TABLE "community"."profile_imports" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"wave_id" uuid NOT NULL,
	"file_name" text NOT NULL,
	"format" text NOT NULL,
	"file_path" text,
	"state" text DEFAULT 'uploaded' NOT NULL,
	"job_id" uuid,
	"columns" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"suggested_mapping" jsonb,
	"mapping" jsonb,
	"rows" integer,
	"problem_rows" integer DEFAULT 0 NOT NULL,
	"problem_count" integer DEFAULT 0 NOT NULL,
	"problems" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"problem_lines" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"excluded_rows" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"screened_out" integer DEFAULT 0 NOT NULL,
	"error" text,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "community"."profile_indicators" (
	"organisation_id" uuid NOT NULL,
	"kpi" text NOT NULL,
	"title" text,
	"municipality" text NOT NULL,
	"period" smallint NOT NULL,
	"gender" text NOT NULL,
	"value" numeric,
	"count" numeric,
	"status" text,
	"source" text DEFAULT 'Kolada' NOT NULL,
	"imported_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "profile_indicators_organisation_id_kpi_municipality_period_gender_pk" PRIMARY KEY("organisation_id","kpi","municipality","period","gender")
);
--> statement-breakpoint
CREATE TABLE "community"."profile_instruments" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organisation_id" uuid,
	"key" text NOT NULL,
	"version" integer NOT NULL,
	"name" jsonb NOT NULL,
	"definition" jsonb NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "community"."profile_prioritisations" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"wave_id" uuid NOT NULL,
	"organisation_id" uuid NOT NULL,
	"basis" text NOT NULL,
	"factors" jsonb NOT NULL,
	"decided_by" uuid,
	"decided_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "community"."profile_respondents" (
	"import_id" uuid NOT NULL,
	"line" integer NOT NULL,
	"cell" integer NOT NULL,
	"scored" "bytea" NOT NULL,
	"flagged" "bytea" NOT NULL
);
--> statement-breakpoint
CREATE TABLE "community"."profile_wave_invited" (
	"wave_id" uuid NOT NULL,
	"school" text NOT NULL,
	"grade" text NOT NULL,
	"invited" integer NOT NULL,
	CONSTRAINT "profile_wave_invited_wave_id_school_grade_pk" PRIMARY KEY("wave_id","school","grade"),
	CONSTRAINT "profile_wave_invited_non_negative" CHECK (invited >= 0)
);
--> statement-breakpoint
CREATE TABLE "community"."profile_waves" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organisation_id" uuid NOT NULL,
	"instrument_id" uuid NOT NULL,
	"name" text NOT NULL,
	"year" integer NOT NULL,
	"current_import_id" uuid,
	"respondents" integer DEFAULT 0 NOT NULL,
	"excluded" integer DEFAULT 0 NOT NULL,
	"imported_at" timestamp with time zone,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "profile_waves_name_not_blank" CHECK (length(btrim(name)) > 0)
);
--> statement-breakpoint
ALTER TABLE "community"."profile_imports" ADD CONSTRAINT "profile_imports_wave_id_profile_waves_id_fk" FOREIGN KEY ("wave_id") REFERENCES "community"."profile_waves"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "community"."profile_imports" ADD CONSTRAINT "profile_imports_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "platform"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "community"."profile_indicators" ADD CONSTRAINT "profile_indicators_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "platform"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "community"."profile_instruments" ADD CONSTRAINT "profile_instruments_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "platform"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "community"."profile_instruments" ADD CONSTRAINT "profile_instruments_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "platform"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "community"."profile_prioritisations" ADD CONSTRAINT "profile_prioritisations_wave_id_profile_waves_id_fk" FOREIGN KEY ("wave_id") REFERENCES "community"."profile_waves"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "community"."profile_prioritisations" ADD CONSTRAINT "profile_prioritisations_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "platform"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "community"."profile_prioritisations" ADD CONSTRAINT "profile_prioritisations_decided_by_users_id_fk" FOREIGN KEY ("decided_by") REFERENCES "platform"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "community"."profile_wave_invited" ADD CONSTRAINT "profile_wave_invited_wave_id_profile_waves_id_fk" FOREIGN KEY ("wave_id") REFERENCES "community"."profile_waves"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "community"."profile_waves" ADD CONSTRAINT "profile_waves_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "platform"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "community"."profile_waves" ADD CONSTRAINT "profile_waves_instrument_id_profile_instruments_id_fk" FOREIGN KEY ("instrument_id") REFERENCES "community"."profile_instruments"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "community"."profile_waves" ADD CONSTRAINT "profile_waves_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "platform"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "profile_fine_counts_key" ON "community"."profile_fine_counts" USING btree ("import_id","area","grade","gender","school");--> statement-breakpoint
CREATE INDEX "profile_imports_wave_idx" ON "community"."profile_imports" USING btree ("wave_id","created_at");--> statement-breakpoint
CREATE UNIQUE INDEX "profile_instruments_version_key" ON "community"."profile_instruments" USING btree (coalesce("organisation_id", '00000000-0000-0000-0000-000000000000'::uuid),"key","version");--> statement-breakpoint
CREATE INDEX "profile_prioritisations_wave_idx" ON "community"."profile_prioritisations" USING btree ("wave_id","decided_at");--> statement-breakpoint
CREATE INDEX "profile_respondents_import_idx" ON "community"."profile_respondents" USING brin ("import_id");--> statement-breakpoint
CREATE INDEX "profile_waves_org_idx" ON "community"."profile_waves" USING btree ("organisation_id","year");