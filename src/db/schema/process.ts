import { sql } from "drizzle-orm";
import {
  bigint,
  boolean,
  check,
  customType,
  date,
  index,
  integer,
  jsonb,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from "drizzle-orm/pg-core";
import type { ChecklistItem } from "../../domain/process/checklist.ts";
import type { ActorKind, BoardSector, PromotiveElement } from "../../domain/process/parts.ts";
import { EVIDENCE_KINDS } from "../../domain/process/parts.ts";
import { ITEM_STATUSES } from "../../domain/process/rules.ts";
import { community } from "./community.ts";
import { organisations, users } from "./platform.ts";

const inList = (values: readonly string[]) =>
  sql.raw(`(${values.map((v) => `'${v}'`).join(", ")})`);

/**
 * An organisation's own versions of the milestone checklist. Paraply's own list lives in the
 * domain code (no row); each edit is a new version, and a cycle copies the items it starts
 * with, so a version is never changed once written.
 */
export const processChecklists = community.table(
  "process_checklists",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    organisationId: uuid("organisation_id")
      .notNull()
      .references(() => organisations.id),
    version: integer("version").notNull(),
    title: jsonb("title").$type<{ sv: string; en: string }>().notNull(),
    items: jsonb("items").$type<ChecklistItem[]>().notNull(),
    /** The version it was copied from; null when copied from Paraply's own list. */
    basedOnId: uuid("based_on_id"),
    createdBy: uuid("created_by").references(() => users.id),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex("process_checklists_version_key").on(t.organisationId, t.version)],
);

/**
 * One community's prevention process: who takes part, the vision, the promotive part, and the
 * checklist version new cycles start from. One process per community; a collaboration's board
 * sees the processes that name it.
 */
export const processProcesses = community.table(
  "process_processes",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    organisationId: uuid("organisation_id")
      .notNull()
      .references(() => organisations.id),
    collaborationId: uuid("collaboration_id").references(() => organisations.id),
    name: text("name").notNull(),
    vision: text("vision").notNull().default(""),
    actors: jsonb("actors").$type<{ kind: ActorKind; name: string }[]>().notNull().default([]),
    keyLeaders: jsonb("key_leaders")
      .$type<{ name: string; role: string }[]>()
      .notNull()
      .default([]),
    board: jsonb("board")
      .$type<{ name: string; sector: BoardSector; role?: string }[]>()
      .notNull()
      .default([]),
    promotive: jsonb("promotive")
      .$type<Partial<Record<PromotiveElement, string>>>()
      .notNull()
      .default({}),
    /** Null: Paraply's own checklist. */
    checklistId: uuid("checklist_id").references(() => processChecklists.id),
    createdBy: uuid("created_by").references(() => users.id),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
    version: integer("version").notNull().default(1),
  },
  (t) => [
    uniqueIndex("process_processes_organisation_key").on(t.organisationId),
    index("process_processes_collaboration_idx").on(t.collaborationId),
  ],
);

/** A pass through the phases; the first starts at phase 1, later ones at phase 2. */
export const processCycles = community.table(
  "process_cycles",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    processId: uuid("process_id")
      .notNull()
      .references(() => processProcesses.id, { onDelete: "cascade" }),
    number: integer("number").notNull(),
    startedOn: date("started_on").notNull(),
    closedOn: date("closed_on"),
    note: text("note").notNull().default(""),
    /** The checklist version its items were copied from (null: Paraply's own). */
    checklistId: uuid("checklist_id").references(() => processChecklists.id),
    createdBy: uuid("created_by").references(() => users.id),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    version: integer("version").notNull().default(1),
  },
  (t) => [
    uniqueIndex("process_cycles_number_key").on(t.processId, t.number),
    // At most one open cycle per process, whatever the application does.
    uniqueIndex("process_cycles_one_open_key").on(t.processId).where(sql`closed_on IS NULL`),
    check("process_cycles_number", sql`number >= 1`),
    check("process_cycles_closed", sql`closed_on IS NULL OR closed_on >= started_on`),
  ],
);

/** Each phase of a cycle: when it started and the decision that completed it. */
export const processPhases = community.table(
  "process_phases",
  {
    cycleId: uuid("cycle_id")
      .notNull()
      .references(() => processCycles.id, { onDelete: "cascade" }),
    phase: integer("phase").notNull(),
    startedOn: date("started_on"),
    completedOn: date("completed_on"),
    completedBy: uuid("completed_by").references(() => users.id),
    decisionNote: text("decision_note"),
  },
  (t) => [
    primaryKey({ columns: [t.cycleId, t.phase] }),
    check("process_phases_phase", sql`phase BETWEEN 1 AND 5`),
    check("process_phases_completed", sql`completed_on IS NULL OR started_on IS NOT NULL`),
  ],
);

/** One milestone of one cycle, copied from the checklist version the cycle started with. */
export const processItems = community.table(
  "process_items",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    cycleId: uuid("cycle_id")
      .notNull()
      .references(() => processCycles.id, { onDelete: "cascade" }),
    phase: integer("phase").notNull(),
    key: text("key").notNull(),
    position: integer("position").notNull(),
    required: boolean("required").notNull(),
    text: jsonb("text").$type<{ sv: string; en: string }>().notNull(),
    status: text("status", { enum: ITEM_STATUSES }).notNull().default("not_started"),
    naReason: text("na_reason"),
    responsibleId: uuid("responsible_id").references(() => users.id),
    dueOn: date("due_on"),
    notes: text("notes").notNull().default(""),
    version: integer("version").notNull().default(1),
    updatedBy: uuid("updated_by").references(() => users.id),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex("process_items_key").on(t.cycleId, t.key),
    index("process_items_responsible_idx").on(t.responsibleId),
    check("process_items_phase", sql`phase BETWEEN 1 AND 5`),
    check("process_items_status", sql`status IN ${inList(ITEM_STATUSES)}`),
    check("process_items_na_reason", sql`status <> 'not_applicable' OR na_reason IS NOT NULL`),
  ],
);

/**
 * What shows that an item is done: a Paraply record (its kind and id; readiness assessments,
 * profile waves and prioritisations are checked when linked, records of modules still to come
 * are stored as given) or a document's address.
 */
export const processEvidence = community.table(
  "process_evidence",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    itemId: uuid("item_id")
      .notNull()
      .references(() => processItems.id, { onDelete: "cascade" }),
    kind: text("kind", { enum: EVIDENCE_KINDS }).notNull(),
    recordId: uuid("record_id"),
    title: text("title"),
    url: text("url"),
    createdBy: uuid("created_by").references(() => users.id),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index("process_evidence_item_idx").on(t.itemId),
    index("process_evidence_record_idx").on(t.kind, t.recordId),
    check("process_evidence_kind", sql`kind IN ${inList(EVIDENCE_KINDS)}`),
    check(
      "process_evidence_target",
      sql`(kind = 'document') = (url IS NOT NULL) AND (kind = 'document') = (record_id IS NULL)`,
    ),
  ],
);

const bytea = customType<{ data: Buffer; driverData: Buffer }>({ dataType: () => "bytea" });

/**
 * A file uploaded as a milestone's evidence. Its evidence row (kind document, the download
 * address as url) lists it on the item; removing that row removes the file with it.
 */
export const processDocuments = community.table(
  "process_documents",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    processId: uuid("process_id")
      .notNull()
      .references(() => processProcesses.id, { onDelete: "cascade" }),
    itemId: uuid("item_id")
      .notNull()
      .references(() => processItems.id, { onDelete: "cascade" }),
    evidenceId: uuid("evidence_id")
      .notNull()
      .references(() => processEvidence.id, { onDelete: "cascade" }),
    fileName: text("file_name").notNull(),
    contentType: text("content_type").notNull(),
    size: bigint("size", { mode: "number" }).notNull(),
    bytes: bytea("bytes").notNull(),
    sha256: text("sha256").notNull(),
    uploadedBy: uuid("uploaded_by").references(() => users.id),
    uploadedAt: timestamp("uploaded_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex("process_documents_evidence_key").on(t.evidenceId),
    index("process_documents_item_idx").on(t.itemId),
    check("process_documents_size", sql`size = octet_length(bytes) AND size <= 10485760`),
  ],
);
