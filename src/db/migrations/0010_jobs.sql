CREATE TABLE "platform"."jobs" (
	"id" uuid PRIMARY KEY NOT NULL,
	"kind" text NOT NULL,
	"requested_by" uuid,
	"organisation_id" uuid,
	"state" text DEFAULT 'queued' NOT NULL,
	"progress" real DEFAULT 0 NOT NULL,
	"message" jsonb,
	"result" jsonb,
	"error" text,
	"checkpoint" jsonb,
	"attempt" integer DEFAULT 0 NOT NULL,
	"cancel_requested_at" timestamp with time zone,
	"heartbeat_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"started_at" timestamp with time zone,
	"finished_at" timestamp with time zone,
	CONSTRAINT "jobs_progress_share" CHECK ("platform"."jobs"."progress" >= 0 AND "platform"."jobs"."progress" <= 1),
	CONSTRAINT "jobs_state_known" CHECK ("platform"."jobs"."state" IN ('queued', 'running', 'done', 'failed', 'cancelled'))
);
--> statement-breakpoint
ALTER TABLE "platform"."jobs" ADD CONSTRAINT "jobs_requested_by_users_id_fk" FOREIGN KEY ("requested_by") REFERENCES "platform"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "platform"."jobs" ADD CONSTRAINT "jobs_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "platform"."organisations"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "jobs_running_idx" ON "platform"."jobs" USING btree ("heartbeat_at") WHERE "platform"."jobs"."state" = 'running';--> statement-breakpoint
CREATE INDEX "jobs_requested_by_idx" ON "platform"."jobs" USING btree ("requested_by");--> statement-breakpoint
CREATE INDEX "jobs_finished_idx" ON "platform"."jobs" USING btree ("finished_at");