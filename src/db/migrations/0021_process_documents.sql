CREATE TABLE "community"."process_documents" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"process_id" uuid NOT NULL,
	"item_id" uuid NOT NULL,
	"evidence_id" uuid NOT NULL,
	"file_name" text NOT NULL,
	"content_type" text NOT NULL,
	"size" bigint NOT NULL,
	"bytes" "bytea" NOT NULL,
	"sha256" text NOT NULL,
	"uploaded_by" uuid,
	"uploaded_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "process_documents_size" CHECK (size = octet_length(bytes) AND size <= 10485760)
);
--> statement-breakpoint
ALTER TABLE "community"."process_documents" ADD CONSTRAINT "process_documents_process_id_process_processes_id_fk" FOREIGN KEY ("process_id") REFERENCES "community"."process_processes"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "community"."process_documents" ADD CONSTRAINT "process_documents_item_id_process_items_id_fk" FOREIGN KEY ("item_id") REFERENCES "community"."process_items"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "community"."process_documents" ADD CONSTRAINT "process_documents_evidence_id_process_evidence_id_fk" FOREIGN KEY ("evidence_id") REFERENCES "community"."process_evidence"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "community"."process_documents" ADD CONSTRAINT "process_documents_uploaded_by_users_id_fk" FOREIGN KEY ("uploaded_by") REFERENCES "platform"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "process_documents_evidence_key" ON "community"."process_documents" USING btree ("evidence_id");--> statement-breakpoint
CREATE INDEX "process_documents_item_idx" ON "community"."process_documents" USING btree ("item_id");