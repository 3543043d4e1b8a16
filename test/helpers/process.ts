import { and, eq, sql } from "drizzle-orm";
import { systemAuditContext } from "../../src/db/audit.ts";
import type { Db } from "../../src/db/database.ts";
import { organisations } from "../../src/db/schema/platform.ts";
import { processCycles, processItems, processPhases } from "../../src/db/schema/process.ts";
import { startProcess } from "../../src/server/process/commands/start-process.ts";
import type { TestApp } from "./app.ts";
import { buildArea, buildUser } from "./factories.ts";
import { call, type Method } from "./http.ts";

/** A request to the process API: `url` is the path below /api/process. */
export function callProcess(
  t: TestApp,
  method: Method,
  url: string,
  headers: object,
  payload?: unknown,
) {
  return call(t, method, `/api/process${url}`, headers, payload);
}

/**
 * A process started through its own command, in a fresh area under `parentId` (one process per
 * community, so each test gets its own community).
 */
export async function buildProcess(
  db: Db,
  options: { parentId: string; collaborationId?: string; startedOn?: string },
) {
  const area = await buildArea(db, options.parentId);
  const creator = await buildUser(db, { role: "coordinator", organisationId: options.parentId });
  const id = await startProcess(
    db,
    { audit: systemAuditContext("test"), actorId: creator.id },
    {
      organisationId: area.id,
      collaborationId: options.collaborationId ?? null,
      name: area.name,
      startedOn: options.startedOn ?? "2026-01-05",
      vision: "",
      actors: [],
      keyLeaders: [],
      board: [],
      promotive: {},
    },
    null,
  );
  const [cycle] = await db.select().from(processCycles).where(eq(processCycles.processId, id));
  const items = await db.select().from(processItems).where(eq(processItems.cycleId, cycle!.id));
  return { id, area, cycle: cycle!, items };
}

/** Marks every item of a phase done, straight in the database. */
export async function settlePhase(db: Db, cycleId: string, phase: number) {
  await db
    .update(processItems)
    .set({ status: "done" })
    .where(and(eq(processItems.cycleId, cycleId), eq(processItems.phase, phase)));
}

/** Closes a cycle as if every phase had been completed, straight in the database. */
export async function closeCycle(db: Db, cycleId: string, on = "2026-12-31") {
  await db
    .update(processPhases)
    .set({ startedOn: sql`coalesce(started_on, ${on}::date)`, completedOn: on })
    .where(eq(processPhases.cycleId, cycleId));
  await db.update(processCycles).set({ closedOn: on }).where(eq(processCycles.id, cycleId));
}

/** A collaboration under a region. */
export async function buildCollaboration(db: Db, regionId: string) {
  const [row] = await db
    .insert(organisations)
    .values({ kind: "collaboration", parentId: regionId, name: `Samverkan ${Date.now()}` })
    .returning();
  return row!;
}
