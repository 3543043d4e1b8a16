import { eq } from "drizzle-orm";
import { hashPassword } from "../../lib/passwords.ts";
import type { Tx } from "../database.ts";
import { municipalityRefs, organisations, roleAssignments, users } from "../schema/platform.ts";
import type { DemoSeedContext } from "./context.ts";
import { seedDemoAreaGroups } from "./demo-area-groups.ts";
import {
  DEMO_ORGANISATIONS,
  DEMO_PASSWORD,
  DEMO_USERS,
  type DemoOrg,
} from "./demo-organisations.ts";

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

/**
 * The organisation tree, one user per role and Bengtsfors's area groupings. Runs first: every
 * other context's demo data belongs to these organisations and people.
 */
export async function seedDemoPlatform(tx: Tx, ctx: DemoSeedContext): Promise<void> {
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  await insertTree(tx, DEMO_ORGANISATIONS, null, ctx.orgIds);
  for (const demo of DEMO_USERS) {
    const [user] = await tx
      .insert(users)
      .values({ email: demo.email, displayName: demo.name, passwordHash })
      .returning({ id: users.id });
    await tx.insert(roleAssignments).values({
      userId: user!.id,
      role: demo.role,
      organisationId: demo.org ? ctx.orgIds.get(demo.org)! : null,
    });
  }
  await seedDemoAreaGroups(tx, ctx.orgIds);
}
