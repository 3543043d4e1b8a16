import { count } from "drizzle-orm";
import { recordAudit, systemAuditContext } from "../audit.ts";
import type { Db } from "../database.ts";
import { users } from "../schema/platform.ts";
import type { DemoSeed, DemoSeedContext } from "./context.ts";
import { DEMO_PASSWORD, DEMO_USERS } from "./demo-organisations.ts";
import { seedDemoPlatform } from "./demo-platform.ts";
import { seedDemoProcess } from "./demo-process.ts";
import { seedDemoProfile } from "./demo-profile.ts";
import { seedDemoReadiness } from "./demo-readiness.ts";
import { seedDemoSupport } from "./demo-support.ts";

export type { DemoSeed, DemoSeedContext } from "./context.ts";

/**
 * Every context's demo seed, in the order they run: platform first (organisations and people),
 * then the contexts whose data belongs to them. A new context adds its `seedDemo<Context>` here;
 * the server's module list refers to the same functions.
 */
export const DEMO_SEEDS: readonly DemoSeed[] = [
  seedDemoPlatform,
  seedDemoReadiness,
  seedDemoSupport,
  seedDemoProcess,
  seedDemoProfile,
];

export async function databaseIsEmpty(db: Db): Promise<boolean> {
  const [row] = await db.select({ n: count() }).from(users);
  return Number(row?.n ?? 0) === 0;
}

/** Fictional demo data of every context, in one transaction. */
export async function seedDemo(
  db: Db,
  seeds: readonly DemoSeed[] = DEMO_SEEDS,
): Promise<{ email: string; role: string; password: string }[]> {
  await db.transaction(async (tx) => {
    const ctx: DemoSeedContext = { orgIds: new Map() };
    for (const seed of seeds) await seed(tx, ctx);
    await recordAudit(tx, systemAuditContext("paraply seed"), {
      action: "seed.demo",
      details: { organisations: ctx.orgIds.size, users: DEMO_USERS.length },
    });
  });
  return DEMO_USERS.map((u) => ({ email: u.email, role: u.role, password: DEMO_PASSWORD }));
}
