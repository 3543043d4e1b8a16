CREATE TABLE "community"."profile_upload_chunks" (
	"import_id" uuid NOT NULL,
	"seq" integer NOT NULL,
	"bytes" "bytea" NOT NULL,
	CONSTRAINT "profile_upload_chunks_import_id_seq_pk" PRIMARY KEY("import_id","seq")
);
--> statement-breakpoint
ALTER TABLE "community"."profile_upload_chunks" ADD CONSTRAINT "profile_upload_chunks_import_id_profile_imports_id_fk" FOREIGN KEY ("import_id") REFERENCES "community"."profile_imports"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "community"."profile_imports" DROP COLUMN "file_path";