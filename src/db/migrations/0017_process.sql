CREATE TABLE "community"."process_checklists" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organisation_id" uuid NOT NULL,
	"version" integer NOT NULL,
	"title" jsonb NOT NULL,
	"items" jsonb NOT NULL,
	"based_on_id" uuid,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "community"."process_cycles" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"process_id" uuid NOT NULL,
	"number" integer NOT NULL,
	"started_on" date NOT NULL,
	"closed_on" date,
	"note" text DEFAULT '' NOT NULL,
	"checklist_id" uuid,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	CONSTRAINT "process_cycles_number" CHECK (number >= 1),
	CONSTRAINT "process_cycles_closed" CHECK (closed_on IS NULL OR closed_on >= started_on)
);
--> statement-breakpoint
CREATE TABLE "community"."process_evidence" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"item_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"record_id" uuid,
	"title" text,
	"url" text,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "process_evidence_kind" CHECK (kind IN ('readiness_assessment', 'profile_wave', 'prioritisation', 'action_plan', 'decision', 'document')),
	CONSTRAINT "process_evidence_target" CHECK ((kind = 'document') = (url IS NOT NULL) AND (kind = 'document') = (record_id IS NULL))
);
--> statement-breakpoint
CREATE TABLE "community"."process_items" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"cycle_id" uuid NOT NULL,
	"phase" integer NOT NULL,
	"key" text NOT NULL,
	"position" integer NOT NULL,
	"required" boolean NOT NULL,
	"text" jsonb NOT NULL,
	"status" text DEFAULT 'not_started' NOT NULL,
	"na_reason" text,
	"responsible_id" uuid,
	"due_on" date,
	"notes" text DEFAULT '' NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"updated_by" uuid,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "process_items_phase" CHECK (phase BETWEEN 1 AND 5),
	CONSTRAINT "process_items_status" CHECK (status IN ('not_started', 'in_progress', 'done', 'not_applicable')),
	CONSTRAINT "process_items_na_reason" CHECK (status <> 'not_applicable' OR na_reason IS NOT NULL)
);
--> statement-breakpoint
CREATE TABLE "community"."process_phases" (
	"cycle_id" uuid NOT NULL,
	"phase" integer NOT NULL,
	"started_on" date,
	"completed_on" date,
	"completed_by" uuid,
	"decision_note" text,
	CONSTRAINT "process_phases_cycle_id_phase_pk" PRIMARY KEY("cycle_id","phase"),
	CONSTRAINT "process_phases_phase" CHECK (phase BETWEEN 1 AND 5),
	CONSTRAINT "process_phases_completed" CHECK (completed_on IS NULL OR started_on IS NOT NULL)
);
--> statement-breakpoint
CREATE TABLE "community"."process_processes" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organisation_id" uuid NOT NULL,
	"collaboration_id" uuid,
	"name" text NOT NULL,
	"vision" text DEFAULT '' NOT NULL,
	"actors" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"key_leaders" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"board" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"promotive" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"checklist_id" uuid,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL
);
--> statement-breakpoint
ALTER TABLE "community"."process_checklists" ADD CONSTRAINT "process_checklists_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "platform"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "community"."process_checklists" ADD CONSTRAINT "process_checklists_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "platform"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "community"."process_cycles" ADD CONSTRAINT "process_cycles_process_id_process_processes_id_fk" FOREIGN KEY ("process_id") REFERENCES "community"."process_processes"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "community"."process_cycles" ADD CONSTRAINT "process_cycles_checklist_id_process_checklists_id_fk" FOREIGN KEY ("checklist_id") REFERENCES "community"."process_checklists"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "community"."process_cycles" ADD CONSTRAINT "process_cycles_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "platform"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "community"."process_evidence" ADD CONSTRAINT "process_evidence_item_id_process_items_id_fk" FOREIGN KEY ("item_id") REFERENCES "community"."process_items"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "community"."process_evidence" ADD CONSTRAINT "process_evidence_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "platform"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "community"."process_items" ADD CONSTRAINT "process_items_cycle_id_process_cycles_id_fk" FOREIGN KEY ("cycle_id") REFERENCES "community"."process_cycles"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "community"."process_items" ADD CONSTRAINT "process_items_responsible_id_users_id_fk" FOREIGN KEY ("responsible_id") REFERENCES "platform"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "community"."process_items" ADD CONSTRAINT "process_items_updated_by_users_id_fk" FOREIGN KEY ("updated_by") REFERENCES "platform"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "community"."process_phases" ADD CONSTRAINT "process_phases_cycle_id_process_cycles_id_fk" FOREIGN KEY ("cycle_id") REFERENCES "community"."process_cycles"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "community"."process_phases" ADD CONSTRAINT "process_phases_completed_by_users_id_fk" FOREIGN KEY ("completed_by") REFERENCES "platform"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "community"."process_processes" ADD CONSTRAINT "process_processes_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "platform"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "community"."process_processes" ADD CONSTRAINT "process_processes_collaboration_id_organisations_id_fk" FOREIGN KEY ("collaboration_id") REFERENCES "platform"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "community"."process_processes" ADD CONSTRAINT "process_processes_checklist_id_process_checklists_id_fk" FOREIGN KEY ("checklist_id") REFERENCES "community"."process_checklists"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "community"."process_processes" ADD CONSTRAINT "process_processes_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "platform"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "process_checklists_version_key" ON "community"."process_checklists" USING btree ("organisation_id","version");--> statement-breakpoint
CREATE UNIQUE INDEX "process_cycles_number_key" ON "community"."process_cycles" USING btree ("process_id","number");--> statement-breakpoint
CREATE UNIQUE INDEX "process_cycles_one_open_key" ON "community"."process_cycles" USING btree ("process_id") WHERE closed_on IS NULL;--> statement-breakpoint
CREATE INDEX "process_evidence_item_idx" ON "community"."process_evidence" USING btree ("item_id");--> statement-breakpoint
CREATE INDEX "process_evidence_record_idx" ON "community"."process_evidence" USING btree ("kind","record_id");--> statement-breakpoint
CREATE UNIQUE INDEX "process_items_key" ON "community"."process_items" USING btree ("cycle_id","key");--> statement-breakpoint
CREATE INDEX "process_items_responsible_idx" ON "community"."process_items" USING btree ("responsible_id");--> statement-breakpoint
CREATE UNIQUE INDEX "process_processes_organisation_key" ON "community"."process_processes" USING btree ("organisation_id");--> statement-breakpoint
CREATE INDEX "process_processes_collaboration_idx" ON "community"."process_processes" USING btree ("collaboration_id");