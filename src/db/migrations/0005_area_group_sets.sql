CREATE TABLE "platform"."area_group_members" (
	"group_id" uuid NOT NULL,
	"group_set_id" uuid NOT NULL,
	"area_id" uuid NOT NULL,
	CONSTRAINT "area_group_members_group_id_area_id_pk" PRIMARY KEY("group_id","area_id"),
	CONSTRAINT "area_group_members_one_group_per_set" UNIQUE("group_set_id","area_id")
);
--> statement-breakpoint
CREATE TABLE "platform"."area_group_sets" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"municipality_id" uuid NOT NULL,
	"name" text NOT NULL,
	"kind" text NOT NULL,
	"description" text,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "area_group_sets_name_not_blank" CHECK (length(btrim(name)) > 0)
);
--> statement-breakpoint
CREATE TABLE "platform"."area_groups" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"group_set_id" uuid NOT NULL,
	"name" text NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "area_groups_id_set_key" UNIQUE("id","group_set_id"),
	CONSTRAINT "area_groups_name_not_blank" CHECK (length(btrim(name)) > 0)
);
--> statement-breakpoint
ALTER TABLE "platform"."area_group_members" ADD CONSTRAINT "area_group_members_area_id_organisations_id_fk" FOREIGN KEY ("area_id") REFERENCES "platform"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "platform"."area_group_members" ADD CONSTRAINT "area_group_members_group_fk" FOREIGN KEY ("group_id","group_set_id") REFERENCES "platform"."area_groups"("id","group_set_id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "platform"."area_group_sets" ADD CONSTRAINT "area_group_sets_municipality_id_organisations_id_fk" FOREIGN KEY ("municipality_id") REFERENCES "platform"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "platform"."area_groups" ADD CONSTRAINT "area_groups_group_set_id_area_group_sets_id_fk" FOREIGN KEY ("group_set_id") REFERENCES "platform"."area_group_sets"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "area_group_members_area_idx" ON "platform"."area_group_members" USING btree ("area_id");--> statement-breakpoint
CREATE UNIQUE INDEX "area_group_sets_name_key" ON "platform"."area_group_sets" USING btree ("municipality_id",lower("name"));--> statement-breakpoint
CREATE UNIQUE INDEX "area_groups_name_key" ON "platform"."area_groups" USING btree ("group_set_id",lower("name"));