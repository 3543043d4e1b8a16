CREATE SCHEMA "platform";
--> statement-breakpoint
CREATE SCHEMA "support";
--> statement-breakpoint
CREATE TABLE "platform"."audit_log" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"seq" bigint DEFAULT 0 NOT NULL,
	"occurred_at" timestamp with time zone DEFAULT now() NOT NULL,
	"actor_id" uuid,
	"actor_label" text NOT NULL,
	"action" text NOT NULL,
	"outcome" text DEFAULT 'success' NOT NULL,
	"subject_type" text,
	"subject_id" text,
	"organisation_id" uuid,
	"personal_data" boolean DEFAULT false NOT NULL,
	"reason" text,
	"ip" text,
	"user_agent" text,
	"request_id" text,
	"details" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"prev_hash" text DEFAULT '' NOT NULL,
	"hash" text DEFAULT '' NOT NULL
);
--> statement-breakpoint
CREATE TABLE "platform"."municipality_refs" (
	"code" char(4) PRIMARY KEY NOT NULL,
	"name" text NOT NULL,
	"county_code" char(2) NOT NULL,
	"county_name" text NOT NULL
);
--> statement-breakpoint
CREATE TABLE "platform"."oidc_login_flows" (
	"state" text PRIMARY KEY NOT NULL,
	"nonce" text NOT NULL,
	"code_verifier" text NOT NULL,
	"return_to" text DEFAULT '/' NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "platform"."organisations" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"kind" text NOT NULL,
	"parent_id" uuid,
	"name" text NOT NULL,
	"municipality_code" char(4),
	"sector" text,
	"area_type" text,
	"description" text,
	"archived_at" timestamp with time zone,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "organisations_sector_only_units" CHECK ((kind = 'unit') = (sector IS NOT NULL)),
	CONSTRAINT "organisations_area_type_only_areas" CHECK ((kind = 'area') = (area_type IS NOT NULL)),
	CONSTRAINT "organisations_code_only_municipalities" CHECK ((kind = 'municipality') = (municipality_code IS NOT NULL)),
	CONSTRAINT "organisations_name_not_blank" CHECK (length(btrim(name)) > 0)
);
--> statement-breakpoint
CREATE TABLE "platform"."role_assignments" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"user_id" uuid NOT NULL,
	"organisation_id" uuid,
	"role" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"created_by" uuid,
	CONSTRAINT "role_assignments_scope" CHECK ((role = 'system_admin') = (organisation_id IS NULL))
);
--> statement-breakpoint
CREATE TABLE "platform"."sessions" (
	"id" text PRIMARY KEY NOT NULL,
	"user_id" uuid NOT NULL,
	"auth_method" text NOT NULL,
	"mfa_pending" boolean DEFAULT false NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"last_seen_at" timestamp with time zone DEFAULT now() NOT NULL,
	"expires_at" timestamp with time zone NOT NULL,
	"revoked_at" timestamp with time zone,
	"ip" "inet",
	"user_agent" text
);
--> statement-breakpoint
CREATE TABLE "platform"."settings" (
	"key" text PRIMARY KEY NOT NULL,
	"value" jsonb NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_by" uuid
);
--> statement-breakpoint
CREATE TABLE "platform"."users" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"email" text NOT NULL,
	"display_name" text NOT NULL,
	"password_hash" text,
	"locale" text DEFAULT 'sv' NOT NULL,
	"totp_secret" text,
	"totp_enabled_at" timestamp with time zone,
	"failed_logins" integer DEFAULT 0 NOT NULL,
	"locked_until" timestamp with time zone,
	"disabled_at" timestamp with time zone,
	"oidc_issuer" text,
	"oidc_subject" text,
	"last_login_at" timestamp with time zone,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "users_oidc_identity_key" UNIQUE("oidc_issuer","oidc_subject")
);
--> statement-breakpoint
CREATE TABLE "support"."case_access" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"case_id" uuid NOT NULL,
	"user_id" uuid NOT NULL,
	"role" text NOT NULL,
	"scopes" text[] NOT NULL,
	"basis" text NOT NULL,
	"basis_ref" uuid,
	"reason" text,
	"valid_from" timestamp with time zone DEFAULT now() NOT NULL,
	"valid_until" timestamp with time zone,
	"ended_at" timestamp with time zone,
	"ended_reason" text,
	"granted_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "case_access_emergency_reason" CHECK (basis <> 'emergency' OR length(btrim(coalesce(reason, ''))) > 0),
	CONSTRAINT "case_access_scopes_not_empty" CHECK (cardinality(scopes) > 0)
);
--> statement-breakpoint
CREATE TABLE "support"."cases" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"child_id" uuid NOT NULL,
	"municipality_id" uuid NOT NULL,
	"status" text DEFAULT 'open' NOT NULL,
	"opened_at" timestamp with time zone DEFAULT now() NOT NULL,
	"closed_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "support"."children" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"municipality_id" uuid NOT NULL,
	"personal_number" text,
	"given_name" text NOT NULL,
	"family_name" text NOT NULL,
	"birth_date" date NOT NULL,
	"protected_identity" text DEFAULT 'none' NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "platform"."organisations" ADD CONSTRAINT "organisations_municipality_code_municipality_refs_code_fk" FOREIGN KEY ("municipality_code") REFERENCES "platform"."municipality_refs"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "platform"."organisations" ADD CONSTRAINT "organisations_parent_fk" FOREIGN KEY ("parent_id") REFERENCES "platform"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "platform"."role_assignments" ADD CONSTRAINT "role_assignments_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "platform"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "platform"."role_assignments" ADD CONSTRAINT "role_assignments_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "platform"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "platform"."role_assignments" ADD CONSTRAINT "role_assignments_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "platform"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "platform"."sessions" ADD CONSTRAINT "sessions_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "platform"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "platform"."settings" ADD CONSTRAINT "settings_updated_by_users_id_fk" FOREIGN KEY ("updated_by") REFERENCES "platform"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "support"."case_access" ADD CONSTRAINT "case_access_case_id_cases_id_fk" FOREIGN KEY ("case_id") REFERENCES "support"."cases"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "support"."case_access" ADD CONSTRAINT "case_access_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "platform"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "support"."case_access" ADD CONSTRAINT "case_access_granted_by_users_id_fk" FOREIGN KEY ("granted_by") REFERENCES "platform"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "support"."cases" ADD CONSTRAINT "cases_child_id_children_id_fk" FOREIGN KEY ("child_id") REFERENCES "support"."children"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "support"."cases" ADD CONSTRAINT "cases_municipality_id_organisations_id_fk" FOREIGN KEY ("municipality_id") REFERENCES "platform"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "support"."children" ADD CONSTRAINT "children_municipality_id_organisations_id_fk" FOREIGN KEY ("municipality_id") REFERENCES "platform"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "audit_log_seq_key" ON "platform"."audit_log" USING btree ("seq");--> statement-breakpoint
CREATE INDEX "audit_log_occurred_idx" ON "platform"."audit_log" USING btree ("occurred_at");--> statement-breakpoint
CREATE INDEX "audit_log_actor_idx" ON "platform"."audit_log" USING btree ("actor_id");--> statement-breakpoint
CREATE INDEX "audit_log_subject_idx" ON "platform"."audit_log" USING btree ("subject_type","subject_id");--> statement-breakpoint
CREATE INDEX "audit_log_organisation_idx" ON "platform"."audit_log" USING btree ("organisation_id");--> statement-breakpoint
CREATE INDEX "organisations_parent_idx" ON "platform"."organisations" USING btree ("parent_id");--> statement-breakpoint
CREATE UNIQUE INDEX "organisations_municipality_code_key" ON "platform"."organisations" USING btree ("municipality_code") WHERE kind = 'municipality';--> statement-breakpoint
CREATE UNIQUE INDEX "role_assignments_unique_key" ON "platform"."role_assignments" USING btree ("user_id",coalesce("organisation_id", '00000000-0000-0000-0000-000000000000'::uuid),"role");--> statement-breakpoint
CREATE INDEX "role_assignments_organisation_idx" ON "platform"."role_assignments" USING btree ("organisation_id");--> statement-breakpoint
CREATE INDEX "sessions_user_idx" ON "platform"."sessions" USING btree ("user_id");--> statement-breakpoint
CREATE UNIQUE INDEX "users_email_key" ON "platform"."users" USING btree (lower("email"));--> statement-breakpoint
CREATE INDEX "case_access_user_idx" ON "support"."case_access" USING btree ("user_id","case_id");--> statement-breakpoint
CREATE INDEX "cases_child_idx" ON "support"."cases" USING btree ("child_id");