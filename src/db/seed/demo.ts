import { count, eq } from "drizzle-orm";
import { hashPassword } from "../../server/platform/passwords.ts";
import { recordAudit, systemAuditContext } from "../audit.ts";
import type { Db, Tx } from "../database.ts";
import { municipalityRefs, organisations, roleAssignments, users } from "../schema/platform.ts";
import { seedDemoAreaGroups } from "./demo-area-groups.ts";
import {
  DEMO_ORGANISATIONS,
  DEMO_PASSWORD,
  DEMO_USERS,
  type DemoOrg,
} from "./demo-organisations.ts";
import { seedDemoReadiness } from "./demo-readiness.ts";

export async function databaseIsEmpty(db: Db): Promise<boolean> {
  const [row] = await db.select({ n: count() }).from(users);
  return Number(row?.n ?? 0) === 0;
}

async function insertTree(
  tx: Tx,
  nodes: DemoOrg[],
  parentId: string | null,
  ids: Map<string, string>,
) {
  for (const node of nodes) {
    let name = node.name;
    if (node.code) {
      const [ref] = await tx
        .select()
        .from(municipalityRefs)
        .where(eq(municipalityRefs.code, node.code));
      if (!ref) throw new Error(`Unknown municipality code ${node.code}`);
      name = ref.name;
    }
    const [row] = await tx
      .insert(organisations)
      .values({
        kind: node.kind,
        parentId,
        name: name!,
        municipalityCode: node.code ?? null,
        sector: node.sector ?? null,
        areaType: node.areaType ?? null,
        description: node.description ?? null,
      })
      .returning({ id: organisations.id });
    ids.set(node.key, row!.id);
    await insertTree(tx, node.children ?? [], row!.id, ids);
  }
}

/** Fictional demo data: the organisation tree and one user per role. One transaction. */
export async function seedDemo(
  db: Db,
): Promise<{ email: string; role: string; password: string }[]> {
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  await db.transaction(async (tx) => {
    const ids = new Map<string, string>();
    await insertTree(tx, DEMO_ORGANISATIONS, null, ids);
    for (const demo of DEMO_USERS) {
      const [user] = await tx
        .insert(users)
        .values({ email: demo.email, displayName: demo.name, passwordHash })
        .returning({ id: users.id });
      await tx.insert(roleAssignments).values({
        userId: user!.id,
        role: demo.role,
        organisationId: demo.org ? ids.get(demo.org)! : null,
      });
    }
    await seedDemoAreaGroups(tx, ids);
    await seedDemoReadiness(tx, ids);
    await recordAudit(tx, systemAuditContext("paraply seed"), {
      action: "seed.demo",
      details: { organisations: ids.size, users: DEMO_USERS.length },
    });
  });
  return DEMO_USERS.map((u) => ({ email: u.email, role: u.role, password: DEMO_PASSWORD }));
}
