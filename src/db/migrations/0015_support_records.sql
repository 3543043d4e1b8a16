CREATE TABLE "support"."chronology_entries" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"case_id" uuid NOT NULL,
	"occurred_on" date NOT NULL,
	"kind" text NOT NULL,
	"category" text NOT NULL,
	"scope" text NOT NULL,
	"text" text NOT NULL,
	"source_organisation" text DEFAULT '' NOT NULL,
	"source_id" uuid,
	"recorded_by" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "chronology_entries_kind_values" CHECK (kind IN ('manual', 'assessment', 'measure', 'measure_evaluated', 'team_formed', 'coordinator_assigned', 'sip_meeting', 'concern_reported', 'disclosure')),
	CONSTRAINT "chronology_entries_category_values" CHECK (category IN ('concern', 'strength', 'support', 'meeting', 'other')),
	CONSTRAINT "chronology_entries_scope_values" CHECK (scope IN ('summary', 'plan', 'wellbeing', 'chronology', 'own_notes', 'concern_reports', 'consents', 'access_log')),
	CONSTRAINT "chronology_entries_source" CHECK ((kind = 'manual') = (source_id IS NULL))
);
--> statement-breakpoint
CREATE TABLE "support"."compass_assessments" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"case_id" uuid NOT NULL,
	"assessed_on" date NOT NULL,
	"child_view" text DEFAULT '' NOT NULL,
	"guardians_view" text DEFAULT '' NOT NULL,
	"summary" text NOT NULL,
	"assessed_by" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "compass_assessments_summary" CHECK (length(btrim(summary)) > 0)
);
--> statement-breakpoint
CREATE TABLE "support"."compass_configs" (
	"municipality_id" uuid PRIMARY KEY NOT NULL,
	"needs" jsonb NOT NULL,
	"updated_by" uuid,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "support"."compass_ratings" (
	"assessment_id" uuid NOT NULL,
	"case_id" uuid NOT NULL,
	"need" text NOT NULL,
	"rating" integer NOT NULL,
	"reason" text NOT NULL,
	CONSTRAINT "compass_ratings_assessment_id_need_pk" PRIMARY KEY("assessment_id","need"),
	CONSTRAINT "compass_ratings_range" CHECK (rating BETWEEN 1 AND 5),
	CONSTRAINT "compass_ratings_reason" CHECK (length(btrim(reason)) > 0)
);
--> statement-breakpoint
CREATE TABLE "support"."concern_reports" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"municipality_id" uuid NOT NULL,
	"intake_unit_id" uuid NOT NULL,
	"filed_in_case_id" uuid,
	"child_personal_number" text,
	"child_name" text DEFAULT '' NOT NULL,
	"unborn_child" boolean DEFAULT false NOT NULL,
	"reporter_id" uuid NOT NULL,
	"reporter_role" text NOT NULL,
	"reporter_organisation" text NOT NULL,
	"reporter_phone" text DEFAULT '' NOT NULL,
	"observation" text NOT NULL,
	"child_told" boolean NOT NULL,
	"guardians_told" boolean NOT NULL,
	"not_told_reason" text,
	"interpreter_needed" boolean DEFAULT false NOT NULL,
	"interpreter_language" text DEFAULT '' NOT NULL,
	"other_services" text DEFAULT '' NOT NULL,
	"status" text DEFAULT 'sent' NOT NULL,
	"sent_at" timestamp with time zone DEFAULT now() NOT NULL,
	"received_at" timestamp with time zone,
	"received_by" uuid,
	"feedback_due_at" timestamp with time zone,
	"feedback" text DEFAULT '' NOT NULL,
	"feedback_at" timestamp with time zone,
	"feedback_by" uuid,
	CONSTRAINT "concern_reports_status_values" CHECK (status IN ('sent', 'received', 'feedback_given')),
	CONSTRAINT "concern_reports_role_values" CHECK (reporter_role IN ('school', 'preschool', 'child_health', 'maternity_care', 'health_care', 'social_services', 'police', 'leisure', 'other')),
	CONSTRAINT "concern_reports_not_told_reason" CHECK ((child_told AND guardians_told) OR length(btrim(coalesce(not_told_reason, ''))) > 0),
	CONSTRAINT "concern_reports_personal_number_format" CHECK (child_personal_number IS NULL OR child_personal_number ~ '^[0-9]{12}$'),
	CONSTRAINT "concern_reports_receipt" CHECK ((status = 'sent' AND received_at IS NULL) OR (status <> 'sent' AND received_at IS NOT NULL AND feedback_due_at IS NOT NULL)),
	CONSTRAINT "concern_reports_feedback" CHECK ((status = 'feedback_given') = (feedback_at IS NOT NULL AND length(btrim(feedback)) > 0))
);
--> statement-breakpoint
CREATE TABLE "support"."disclosures" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"case_id" uuid NOT NULL,
	"disclosed_on" date NOT NULL,
	"recipient" text NOT NULL,
	"information" text NOT NULL,
	"reason" text NOT NULL,
	"basis" text NOT NULL,
	"consent_id" uuid,
	"legal_duty" text,
	"disclosed_by" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "disclosures_basis_values" CHECK (basis IN ('consent', 'legal_duty')),
	CONSTRAINT "disclosures_basis_ref" CHECK ((basis = 'consent' AND consent_id IS NOT NULL AND legal_duty IS NULL) OR (basis = 'legal_duty' AND consent_id IS NULL AND length(btrim(coalesce(legal_duty, ''))) > 0)),
	CONSTRAINT "disclosures_reason" CHECK (length(btrim(reason)) > 0)
);
--> statement-breakpoint
CREATE TABLE "support"."intake_units" (
	"municipality_id" uuid PRIMARY KEY NOT NULL,
	"unit_id" uuid NOT NULL,
	"updated_by" uuid,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "support"."plan_measures" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"case_id" uuid NOT NULL,
	"what" text NOT NULL,
	"owner_name" text NOT NULL,
	"owner_user_id" uuid,
	"due_on" date NOT NULL,
	"evaluate_on" date NOT NULL,
	"status" text DEFAULT 'planned' NOT NULL,
	"evaluation" text DEFAULT '' NOT NULL,
	"created_by" uuid NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "plan_measures_status_values" CHECK (status IN ('planned', 'done', 'not_done')),
	CONSTRAINT "plan_measures_evaluation_after_due" CHECK (evaluate_on >= due_on),
	CONSTRAINT "plan_measures_named" CHECK (length(btrim(what)) > 0 AND length(btrim(owner_name)) > 0)
);
--> statement-breakpoint
CREATE TABLE "support"."sips" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"case_id" uuid NOT NULL,
	"status" text DEFAULT 'draft' NOT NULL,
	"interventions" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"overall_responsible" text,
	"overall_responsible_name" text DEFAULT '' NOT NULL,
	"meeting_on" date,
	"participants" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"minutes" text DEFAULT '' NOT NULL,
	"follow_up_on" date,
	"child_goals" text DEFAULT '' NOT NULL,
	"child_voice" text DEFAULT '' NOT NULL,
	"consent_id" uuid,
	"created_by" uuid NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "sips_status_values" CHECK (status IN ('draft', 'agreed', 'followed_up')),
	CONSTRAINT "sips_responsible_values" CHECK (overall_responsible IS NULL OR overall_responsible IN ('municipality', 'region', 'other')),
	CONSTRAINT "sips_agreed_complete" CHECK (status = 'draft' OR (overall_responsible IN ('municipality', 'region') AND meeting_on IS NOT NULL AND follow_up_on > meeting_on))
);
--> statement-breakpoint
CREATE TABLE "support"."team_members" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"team_id" uuid NOT NULL,
	"case_id" uuid NOT NULL,
	"user_id" uuid NOT NULL,
	"organisation_name" text NOT NULL,
	"access_id" uuid NOT NULL,
	"added_by" uuid NOT NULL,
	"added_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "support"."teams" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"case_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"formed_by" uuid NOT NULL,
	"formed_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "teams_kind_values" CHECK (kind IN ('age_0_6', 'age_6_12', 'age_12_18', 'individual'))
);
--> statement-breakpoint
ALTER TABLE "support"."chronology_entries" ADD CONSTRAINT "chronology_entries_case_id_cases_id_fk" FOREIGN KEY ("case_id") REFERENCES "support"."cases"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "support"."chronology_entries" ADD CONSTRAINT "chronology_entries_recorded_by_users_id_fk" FOREIGN KEY ("recorded_by") REFERENCES "platform"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "support"."compass_assessments" ADD CONSTRAINT "compass_assessments_case_id_cases_id_fk" FOREIGN KEY ("case_id") REFERENCES "support"."cases"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "support"."compass_assessments" ADD CONSTRAINT "compass_assessments_assessed_by_users_id_fk" FOREIGN KEY ("assessed_by") REFERENCES "platform"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "support"."compass_configs" ADD CONSTRAINT "compass_configs_municipality_id_organisations_id_fk" FOREIGN KEY ("municipality_id") REFERENCES "platform"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "support"."compass_configs" ADD CONSTRAINT "compass_configs_updated_by_users_id_fk" FOREIGN KEY ("updated_by") REFERENCES "platform"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "support"."compass_ratings" ADD CONSTRAINT "compass_ratings_assessment_id_compass_assessments_id_fk" FOREIGN KEY ("assessment_id") REFERENCES "support"."compass_assessments"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "support"."compass_ratings" ADD CONSTRAINT "compass_ratings_case_id_cases_id_fk" FOREIGN KEY ("case_id") REFERENCES "support"."cases"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "support"."concern_reports" ADD CONSTRAINT "concern_reports_municipality_id_organisations_id_fk" FOREIGN KEY ("municipality_id") REFERENCES "platform"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "support"."concern_reports" ADD CONSTRAINT "concern_reports_intake_unit_id_organisations_id_fk" FOREIGN KEY ("intake_unit_id") REFERENCES "platform"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "support"."concern_reports" ADD CONSTRAINT "concern_reports_filed_in_case_id_cases_id_fk" FOREIGN KEY ("filed_in_case_id") REFERENCES "support"."cases"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "support"."concern_reports" ADD CONSTRAINT "concern_reports_reporter_id_users_id_fk" FOREIGN KEY ("reporter_id") REFERENCES "platform"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "support"."concern_reports" ADD CONSTRAINT "concern_reports_received_by_users_id_fk" FOREIGN KEY ("received_by") REFERENCES "platform"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "support"."concern_reports" ADD CONSTRAINT "concern_reports_feedback_by_users_id_fk" FOREIGN KEY ("feedback_by") REFERENCES "platform"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "support"."disclosures" ADD CONSTRAINT "disclosures_case_id_cases_id_fk" FOREIGN KEY ("case_id") REFERENCES "support"."cases"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "support"."disclosures" ADD CONSTRAINT "disclosures_consent_id_consents_id_fk" FOREIGN KEY ("consent_id") REFERENCES "support"."consents"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "support"."disclosures" ADD CONSTRAINT "disclosures_disclosed_by_users_id_fk" FOREIGN KEY ("disclosed_by") REFERENCES "platform"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "support"."intake_units" ADD CONSTRAINT "intake_units_municipality_id_organisations_id_fk" FOREIGN KEY ("municipality_id") REFERENCES "platform"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "support"."intake_units" ADD CONSTRAINT "intake_units_unit_id_organisations_id_fk" FOREIGN KEY ("unit_id") REFERENCES "platform"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "support"."intake_units" ADD CONSTRAINT "intake_units_updated_by_users_id_fk" FOREIGN KEY ("updated_by") REFERENCES "platform"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "support"."plan_measures" ADD CONSTRAINT "plan_measures_case_id_cases_id_fk" FOREIGN KEY ("case_id") REFERENCES "support"."cases"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "support"."plan_measures" ADD CONSTRAINT "plan_measures_owner_user_id_users_id_fk" FOREIGN KEY ("owner_user_id") REFERENCES "platform"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "support"."plan_measures" ADD CONSTRAINT "plan_measures_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "platform"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "support"."sips" ADD CONSTRAINT "sips_case_id_cases_id_fk" FOREIGN KEY ("case_id") REFERENCES "support"."cases"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "support"."sips" ADD CONSTRAINT "sips_consent_id_consents_id_fk" FOREIGN KEY ("consent_id") REFERENCES "support"."consents"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "support"."sips" ADD CONSTRAINT "sips_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "platform"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "support"."team_members" ADD CONSTRAINT "team_members_team_id_teams_id_fk" FOREIGN KEY ("team_id") REFERENCES "support"."teams"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "support"."team_members" ADD CONSTRAINT "team_members_case_id_cases_id_fk" FOREIGN KEY ("case_id") REFERENCES "support"."cases"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "support"."team_members" ADD CONSTRAINT "team_members_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "platform"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "support"."team_members" ADD CONSTRAINT "team_members_access_id_case_access_id_fk" FOREIGN KEY ("access_id") REFERENCES "support"."case_access"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "support"."team_members" ADD CONSTRAINT "team_members_added_by_users_id_fk" FOREIGN KEY ("added_by") REFERENCES "platform"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "support"."teams" ADD CONSTRAINT "teams_case_id_cases_id_fk" FOREIGN KEY ("case_id") REFERENCES "support"."cases"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "support"."teams" ADD CONSTRAINT "teams_formed_by_users_id_fk" FOREIGN KEY ("formed_by") REFERENCES "platform"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "chronology_entries_case_idx" ON "support"."chronology_entries" USING btree ("case_id","occurred_on");--> statement-breakpoint
CREATE INDEX "compass_assessments_case_idx" ON "support"."compass_assessments" USING btree ("case_id","assessed_on");--> statement-breakpoint
CREATE INDEX "concern_reports_intake_idx" ON "support"."concern_reports" USING btree ("intake_unit_id","status");--> statement-breakpoint
CREATE INDEX "concern_reports_reporter_idx" ON "support"."concern_reports" USING btree ("reporter_id");--> statement-breakpoint
CREATE INDEX "concern_reports_case_idx" ON "support"."concern_reports" USING btree ("filed_in_case_id");--> statement-breakpoint
CREATE INDEX "disclosures_case_idx" ON "support"."disclosures" USING btree ("case_id");--> statement-breakpoint
CREATE INDEX "plan_measures_case_idx" ON "support"."plan_measures" USING btree ("case_id");--> statement-breakpoint
CREATE INDEX "sips_case_idx" ON "support"."sips" USING btree ("case_id");--> statement-breakpoint
CREATE UNIQUE INDEX "team_members_team_user_key" ON "support"."team_members" USING btree ("team_id","user_id");--> statement-breakpoint
CREATE UNIQUE INDEX "teams_case_kind_key" ON "support"."teams" USING btree ("case_id","kind");