CREATE SCHEMA "community";
--> statement-breakpoint
CREATE TABLE "community"."readiness_assessments" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organisation_id" uuid NOT NULL,
	"topic" jsonb NOT NULL,
	"period_start" date NOT NULL,
	"period_end" date NOT NULL,
	"guide_id" uuid NOT NULL,
	"target_interviews" integer DEFAULT 5 NOT NULL,
	"score_grid" text DEFAULT 'half' NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	CONSTRAINT "readiness_assessments_period" CHECK (period_end >= period_start)
);
--> statement-breakpoint
CREATE TABLE "community"."readiness_consensus" (
	"interview_id" uuid NOT NULL,
	"dimension" text NOT NULL,
	"score" numeric(3, 1) NOT NULL,
	"comment" text,
	"decided_by" uuid,
	"decided_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "readiness_consensus_interview_id_dimension_pk" PRIMARY KEY("interview_id","dimension")
);
--> statement-breakpoint
CREATE TABLE "community"."readiness_guides" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organisation_id" uuid,
	"key" text NOT NULL,
	"version" integer NOT NULL,
	"title" jsonb NOT NULL,
	"questions" jsonb NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "community"."readiness_interviews" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"assessment_id" uuid NOT NULL,
	"respondent_id" uuid NOT NULL,
	"interviewer_id" uuid,
	"number" integer NOT NULL,
	"held_on" date NOT NULL,
	"duration_minutes" integer NOT NULL,
	"answers" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "community"."readiness_respondents" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"assessment_id" uuid NOT NULL,
	"role" text NOT NULL,
	"sector" text NOT NULL,
	"name" text,
	"contact" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "community"."readiness_score_submissions" (
	"interview_id" uuid NOT NULL,
	"scorer_id" uuid NOT NULL,
	"submitted_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "readiness_score_submissions_interview_id_scorer_id_pk" PRIMARY KEY("interview_id","scorer_id")
);
--> statement-breakpoint
CREATE TABLE "community"."readiness_scores" (
	"interview_id" uuid NOT NULL,
	"scorer_id" uuid NOT NULL,
	"dimension" text NOT NULL,
	"score" numeric(3, 1) NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "readiness_scores_interview_id_scorer_id_dimension_pk" PRIMARY KEY("interview_id","scorer_id","dimension")
);
--> statement-breakpoint
CREATE TABLE "community"."readiness_team" (
	"assessment_id" uuid NOT NULL,
	"user_id" uuid NOT NULL,
	"role" text NOT NULL,
	CONSTRAINT "readiness_team_assessment_id_user_id_role_pk" PRIMARY KEY("assessment_id","user_id","role")
);
--> statement-breakpoint
ALTER TABLE "community"."readiness_assessments" ADD CONSTRAINT "readiness_assessments_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "platform"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "community"."readiness_assessments" ADD CONSTRAINT "readiness_assessments_guide_id_readiness_guides_id_fk" FOREIGN KEY ("guide_id") REFERENCES "community"."readiness_guides"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "community"."readiness_assessments" ADD CONSTRAINT "readiness_assessments_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "platform"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "community"."readiness_consensus" ADD CONSTRAINT "readiness_consensus_interview_id_readiness_interviews_id_fk" FOREIGN KEY ("interview_id") REFERENCES "community"."readiness_interviews"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "community"."readiness_consensus" ADD CONSTRAINT "readiness_consensus_decided_by_users_id_fk" FOREIGN KEY ("decided_by") REFERENCES "platform"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "community"."readiness_guides" ADD CONSTRAINT "readiness_guides_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "platform"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "community"."readiness_guides" ADD CONSTRAINT "readiness_guides_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "platform"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "community"."readiness_interviews" ADD CONSTRAINT "readiness_interviews_assessment_id_readiness_assessments_id_fk" FOREIGN KEY ("assessment_id") REFERENCES "community"."readiness_assessments"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "community"."readiness_interviews" ADD CONSTRAINT "readiness_interviews_respondent_id_readiness_respondents_id_fk" FOREIGN KEY ("respondent_id") REFERENCES "community"."readiness_respondents"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "community"."readiness_interviews" ADD CONSTRAINT "readiness_interviews_interviewer_id_users_id_fk" FOREIGN KEY ("interviewer_id") REFERENCES "platform"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "community"."readiness_respondents" ADD CONSTRAINT "readiness_respondents_assessment_id_readiness_assessments_id_fk" FOREIGN KEY ("assessment_id") REFERENCES "community"."readiness_assessments"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "community"."readiness_score_submissions" ADD CONSTRAINT "readiness_score_submissions_interview_id_readiness_interviews_id_fk" FOREIGN KEY ("interview_id") REFERENCES "community"."readiness_interviews"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "community"."readiness_score_submissions" ADD CONSTRAINT "readiness_score_submissions_scorer_id_users_id_fk" FOREIGN KEY ("scorer_id") REFERENCES "platform"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "community"."readiness_scores" ADD CONSTRAINT "readiness_scores_interview_id_readiness_interviews_id_fk" FOREIGN KEY ("interview_id") REFERENCES "community"."readiness_interviews"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "community"."readiness_scores" ADD CONSTRAINT "readiness_scores_scorer_id_users_id_fk" FOREIGN KEY ("scorer_id") REFERENCES "platform"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "community"."readiness_team" ADD CONSTRAINT "readiness_team_assessment_id_readiness_assessments_id_fk" FOREIGN KEY ("assessment_id") REFERENCES "community"."readiness_assessments"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "community"."readiness_team" ADD CONSTRAINT "readiness_team_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "platform"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "readiness_assessments_org_idx" ON "community"."readiness_assessments" USING btree ("organisation_id");--> statement-breakpoint
CREATE UNIQUE INDEX "readiness_guides_version_key" ON "community"."readiness_guides" USING btree (coalesce("organisation_id", '00000000-0000-0000-0000-000000000000'::uuid),"key","version");--> statement-breakpoint
CREATE UNIQUE INDEX "readiness_interviews_number_key" ON "community"."readiness_interviews" USING btree ("assessment_id","number");--> statement-breakpoint
CREATE INDEX "readiness_respondents_assessment_idx" ON "community"."readiness_respondents" USING btree ("assessment_id");