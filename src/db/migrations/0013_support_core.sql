CREATE TABLE "support"."child_contacts" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"child_id" uuid NOT NULL,
	"user_id" uuid NOT NULL,
	"organisation_id" uuid NOT NULL,
	"title" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "support"."consents" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"case_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"given_by" text NOT NULL,
	"giver_name" text NOT NULL,
	"purpose" text NOT NULL,
	"sharing_organisation_ids" uuid[] NOT NULL,
	"recipient_organisation_ids" uuid[] NOT NULL,
	"scopes" text[] NOT NULL,
	"valid_from" timestamp with time zone NOT NULL,
	"valid_until" timestamp with time zone,
	"withdrawn_at" timestamp with time zone,
	"withdrawn_by" uuid,
	"recorded_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "consents_kind_values" CHECK (kind IN ('sharing', 'sip', 'statistics')),
	CONSTRAINT "consents_giver_values" CHECK (given_by IN ('guardian', 'child')),
	CONSTRAINT "consents_scopes_values" CHECK (cardinality(scopes) > 0 AND scopes <@ ARRAY['summary', 'plan', 'wellbeing', 'chronology', 'own_notes', 'concern_reports', 'consents', 'access_log']::text[]),
	CONSTRAINT "consents_period" CHECK (valid_until IS NULL OR valid_until > valid_from)
);
--> statement-breakpoint
CREATE TABLE "support"."notifications" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"user_id" uuid NOT NULL,
	"case_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"read_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "support"."referrals" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"case_id" uuid NOT NULL,
	"type" text NOT NULL,
	"status" text DEFAULT 'sent' NOT NULL,
	"from_user_id" uuid NOT NULL,
	"to_user_id" uuid NOT NULL,
	"message" text DEFAULT '' NOT NULL,
	"deadline" date,
	"decline_reason" text,
	"sent_at" timestamp with time zone DEFAULT now() NOT NULL,
	"responded_at" timestamp with time zone,
	"finished_at" timestamp with time zone,
	"finished_by" uuid,
	CONSTRAINT "referrals_type_values" CHECK (type IN ('sip_participant', 'assessment_contribution', 'intervention', 'consultation', 'handover')),
	CONSTRAINT "referrals_status_values" CHECK (status IN ('sent', 'accepted', 'declined', 'done', 'revoked')),
	CONSTRAINT "referrals_decline_reason" CHECK (status <> 'declined' OR length(btrim(coalesce(decline_reason, ''))) > 0)
);
--> statement-breakpoint
ALTER TABLE "support"."case_access" DROP CONSTRAINT "case_access_scopes_not_empty";--> statement-breakpoint
ALTER TABLE "support"."cases" ALTER COLUMN "child_id" DROP NOT NULL;--> statement-breakpoint
ALTER TABLE "support"."case_access" ADD COLUMN "consent_id" uuid;--> statement-breakpoint
ALTER TABLE "support"."case_access" ADD COLUMN "referral_id" uuid;--> statement-breakpoint
ALTER TABLE "support"."case_access" ADD COLUMN "legal_basis" text;--> statement-breakpoint
ALTER TABLE "support"."case_access" ADD COLUMN "grace_until" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "support"."case_access" ADD COLUMN "ended_by" uuid;--> statement-breakpoint
ALTER TABLE "support"."case_access" ADD COLUMN "reviewed_by" uuid;--> statement-breakpoint
ALTER TABLE "support"."case_access" ADD COLUMN "reviewed_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "support"."case_access" ADD COLUMN "verdict" text;--> statement-breakpoint
ALTER TABLE "support"."case_access" ADD COLUMN "review_note" text;--> statement-breakpoint
ALTER TABLE "support"."cases" ADD COLUMN "kind" text DEFAULT 'child' NOT NULL;--> statement-breakpoint
ALTER TABLE "support"."cases" ADD COLUMN "label" text;--> statement-breakpoint
ALTER TABLE "support"."cases" ADD COLUMN "organisation_id" uuid;--> statement-breakpoint
ALTER TABLE "support"."cases" ADD COLUMN "observation" text DEFAULT '' NOT NULL;--> statement-breakpoint
ALTER TABLE "support"."cases" ADD COLUMN "immediate_support" text DEFAULT '' NOT NULL;--> statement-breakpoint
ALTER TABLE "support"."cases" ADD COLUMN "opened_by" uuid;--> statement-breakpoint
ALTER TABLE "support"."cases" ADD COLUMN "closed_by" uuid;--> statement-breakpoint
ALTER TABLE "support"."cases" ADD COLUMN "outcome" text;--> statement-breakpoint
ALTER TABLE "support"."cases" ADD COLUMN "closure_reason" text;--> statement-breakpoint
ALTER TABLE "support"."children" ADD COLUMN "address" text;--> statement-breakpoint
ALTER TABLE "support"."child_contacts" ADD CONSTRAINT "child_contacts_child_id_children_id_fk" FOREIGN KEY ("child_id") REFERENCES "support"."children"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "support"."child_contacts" ADD CONSTRAINT "child_contacts_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "platform"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "support"."child_contacts" ADD CONSTRAINT "child_contacts_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "platform"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "support"."consents" ADD CONSTRAINT "consents_case_id_cases_id_fk" FOREIGN KEY ("case_id") REFERENCES "support"."cases"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "support"."consents" ADD CONSTRAINT "consents_withdrawn_by_users_id_fk" FOREIGN KEY ("withdrawn_by") REFERENCES "platform"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "support"."consents" ADD CONSTRAINT "consents_recorded_by_users_id_fk" FOREIGN KEY ("recorded_by") REFERENCES "platform"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "support"."notifications" ADD CONSTRAINT "notifications_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "platform"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "support"."notifications" ADD CONSTRAINT "notifications_case_id_cases_id_fk" FOREIGN KEY ("case_id") REFERENCES "support"."cases"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "support"."referrals" ADD CONSTRAINT "referrals_case_id_cases_id_fk" FOREIGN KEY ("case_id") REFERENCES "support"."cases"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "support"."referrals" ADD CONSTRAINT "referrals_from_user_id_users_id_fk" FOREIGN KEY ("from_user_id") REFERENCES "platform"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "support"."referrals" ADD CONSTRAINT "referrals_to_user_id_users_id_fk" FOREIGN KEY ("to_user_id") REFERENCES "platform"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "support"."referrals" ADD CONSTRAINT "referrals_finished_by_users_id_fk" FOREIGN KEY ("finished_by") REFERENCES "platform"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "child_contacts_child_user_key" ON "support"."child_contacts" USING btree ("child_id","user_id");--> statement-breakpoint
CREATE INDEX "consents_case_idx" ON "support"."consents" USING btree ("case_id");--> statement-breakpoint
CREATE INDEX "notifications_user_idx" ON "support"."notifications" USING btree ("user_id","created_at");--> statement-breakpoint
CREATE INDEX "referrals_case_idx" ON "support"."referrals" USING btree ("case_id");--> statement-breakpoint
CREATE INDEX "referrals_to_user_idx" ON "support"."referrals" USING btree ("to_user_id","status");--> statement-breakpoint
ALTER TABLE "support"."case_access" ADD CONSTRAINT "case_access_consent_id_consents_id_fk" FOREIGN KEY ("consent_id") REFERENCES "support"."consents"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "support"."case_access" ADD CONSTRAINT "case_access_referral_id_referrals_id_fk" FOREIGN KEY ("referral_id") REFERENCES "support"."referrals"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "support"."case_access" ADD CONSTRAINT "case_access_ended_by_users_id_fk" FOREIGN KEY ("ended_by") REFERENCES "platform"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "support"."case_access" ADD CONSTRAINT "case_access_reviewed_by_users_id_fk" FOREIGN KEY ("reviewed_by") REFERENCES "platform"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "support"."cases" ADD CONSTRAINT "cases_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "platform"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "support"."cases" ADD CONSTRAINT "cases_opened_by_users_id_fk" FOREIGN KEY ("opened_by") REFERENCES "platform"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "support"."cases" ADD CONSTRAINT "cases_closed_by_users_id_fk" FOREIGN KEY ("closed_by") REFERENCES "platform"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "case_access_case_idx" ON "support"."case_access" USING btree ("case_id");--> statement-breakpoint
CREATE INDEX "case_access_emergency_idx" ON "support"."case_access" USING btree ("valid_from") WHERE basis = 'emergency';--> statement-breakpoint
CREATE UNIQUE INDEX "children_personal_number_key" ON "support"."children" USING btree ("personal_number") WHERE personal_number IS NOT NULL;--> statement-breakpoint
ALTER TABLE "support"."case_access" DROP COLUMN "basis_ref";--> statement-breakpoint
ALTER TABLE "support"."case_access" ADD CONSTRAINT "case_access_emergency_until" CHECK (basis <> 'emergency' OR valid_until IS NOT NULL);--> statement-breakpoint
ALTER TABLE "support"."case_access" ADD CONSTRAINT "case_access_emergency_role" CHECK ((basis = 'emergency') = (role = 'emergency'));--> statement-breakpoint
ALTER TABLE "support"."case_access" ADD CONSTRAINT "case_access_scopes_values" CHECK (cardinality(scopes) > 0 AND scopes <@ ARRAY['summary', 'plan', 'wellbeing', 'chronology', 'own_notes', 'concern_reports', 'consents', 'access_log']::text[]);--> statement-breakpoint
ALTER TABLE "support"."case_access" ADD CONSTRAINT "case_access_role_values" CHECK (role IN ('discoverer', 'child_contact', 'support_coordinator', 'team_member', 'referral_recipient', 'emergency'));--> statement-breakpoint
ALTER TABLE "support"."case_access" ADD CONSTRAINT "case_access_basis_values" CHECK (basis IN ('case_role', 'referral', 'consent', 'legal_exception', 'emergency'));--> statement-breakpoint
ALTER TABLE "support"."case_access" ADD CONSTRAINT "case_access_consent_ref" CHECK ((basis = 'consent') = (consent_id IS NOT NULL));--> statement-breakpoint
ALTER TABLE "support"."case_access" ADD CONSTRAINT "case_access_referral_ref" CHECK ((basis = 'referral') = (referral_id IS NOT NULL));--> statement-breakpoint
ALTER TABLE "support"."case_access" ADD CONSTRAINT "case_access_legal_basis" CHECK ((basis = 'legal_exception') = (length(btrim(coalesce(legal_basis, ''))) > 0));--> statement-breakpoint
ALTER TABLE "support"."case_access" ADD CONSTRAINT "case_access_ended" CHECK ((ended_at IS NULL) = (ended_reason IS NULL) AND (ended_reason IS NULL OR ended_reason IN ('ended_by_responsible', 'role_ended', 'consent_withdrawn', 'consent_expired', 'referral_done', 'referral_revoked', 'referral_declined', 'handover', 'case_closed', 'emergency_ended', 'expired')));--> statement-breakpoint
ALTER TABLE "support"."case_access" ADD CONSTRAINT "case_access_period" CHECK (valid_until IS NULL OR valid_until > valid_from);--> statement-breakpoint
ALTER TABLE "support"."case_access" ADD CONSTRAINT "case_access_review" CHECK ((verdict IS NULL AND reviewed_at IS NULL AND reviewed_by IS NULL) OR (basis = 'emergency' AND verdict IN ('justified', 'unjustified') AND reviewed_at IS NOT NULL AND reviewed_by IS NOT NULL));--> statement-breakpoint
ALTER TABLE "support"."cases" ADD CONSTRAINT "cases_kind_values" CHECK (kind IN ('child', 'consultation'));--> statement-breakpoint
ALTER TABLE "support"."cases" ADD CONSTRAINT "cases_status_values" CHECK (status IN ('open', 'closed'));--> statement-breakpoint
ALTER TABLE "support"."cases" ADD CONSTRAINT "cases_identity" CHECK ((kind = 'child' AND child_id IS NOT NULL) OR (kind = 'consultation' AND child_id IS NULL AND length(btrim(coalesce(label, ''))) > 0));--> statement-breakpoint
ALTER TABLE "support"."cases" ADD CONSTRAINT "cases_closure" CHECK ((status = 'open' AND closed_at IS NULL) OR (status = 'closed' AND closed_at IS NOT NULL AND outcome IN ('needs_met', 'moved', 'transferred', 'declined', 'other') AND length(btrim(coalesce(closure_reason, ''))) > 0));--> statement-breakpoint
ALTER TABLE "support"."children" ADD CONSTRAINT "children_personal_number_format" CHECK (personal_number IS NULL OR personal_number ~ '^[0-9]{12}$');