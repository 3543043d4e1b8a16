import { randomUUID } from "node:crypto";
import { sql } from "drizzle-orm";
import type { Db, DbOrTx } from "../../src/db/database.ts";
import { organisations, roleAssignments, users } from "../../src/db/schema/platform.ts";
import type { Sector } from "../../src/domain/platform/organisations.ts";
import type { Role } from "../../src/domain/platform/roles.ts";
import { hashPassword } from "../../src/lib/passwords.ts";
import { SESSION_COOKIE } from "../../src/server/platform/sessions.ts";
import type { TestApp } from "./app.ts";

export const TEST_PASSWORD = "correct-horse-battery-staple";
let cachedHash: Promise<string> | undefined;

const unique = () => randomUUID().slice(0, 8);

export async function buildRegion(db: Db, name = `Region ${unique()}`) {
  const [row] = await db.insert(organisations).values({ kind: "region", name }).returning();
  return row!;
}

/** A fresh municipality (a free SCB code) under a fresh region, for one test's own data. */
export async function buildMunicipality(db: Db, overrides: { parentId?: string } = {}) {
  const parentId = overrides.parentId ?? (await buildRegion(db)).id;
  for (let attempt = 0; attempt < 10; attempt++) {
    const free = await db.execute<{ code: string; name: string }>(sql`
      SELECT code, name FROM platform.municipality_refs r
      WHERE NOT EXISTS (SELECT 1 FROM platform.organisations o WHERE o.municipality_code = r.code)
      ORDER BY random() LIMIT 1`);
    const ref = free.rows[0];
    if (!ref) throw new Error("No free municipality code left in the test database");
    try {
      const [row] = await db
        .insert(organisations)
        .values({ kind: "municipality", parentId, name: ref.name, municipalityCode: ref.code })
        .returning();
      return row!;
    } catch (error) {
      if ((error as { cause?: { code?: string } }).cause?.code !== "23505") throw error;
    }
  }
  throw new Error("Could not find a free municipality code");
}

export async function buildArea(db: Db, parentId: string, name = `Område ${unique()}`) {
  const [row] = await db
    .insert(organisations)
    .values({ kind: "area", parentId, name, areaType: "district" })
    .returning();
  return row!;
}

export async function buildUnit(
  db: Db,
  parentId: string,
  sector: Sector = "skola",
  name = `Enhet ${unique()}`,
) {
  const [row] = await db
    .insert(organisations)
    .values({ kind: "unit", parentId, name, sector })
    .returning();
  return row!;
}

/** A user with one role; the organisation is created when not given (except for system_admin). */
export async function buildUser(
  db: DbOrTx,
  options: { role?: Role; organisationId?: string | null; email?: string; password?: string } = {},
) {
  const role = options.role ?? "reader";
  const organisationId =
    role === "system_admin" ? null : (options.organisationId ?? (await buildMunicipality(db)).id);
  cachedHash ??= hashPassword(TEST_PASSWORD);
  const passwordHash = options.password ? await hashPassword(options.password) : await cachedHash;
  const [user] = await db
    .insert(users)
    .values({
      email: options.email ?? `user-${unique()}@test.example`,
      displayName: `Test ${unique()}`,
      passwordHash,
    })
    .returning();
  await db.insert(roleAssignments).values({ userId: user!.id, role, organisationId });
  return { ...user!, role, organisationId };
}

/** Signs in through the real login route and returns the cookie header for later requests. */
export async function signIn(t: TestApp, email: string, password = TEST_PASSWORD) {
  const res = await t.app.inject({
    method: "POST",
    url: "/api/auth/login",
    payload: { email, password },
  });
  if (res.statusCode !== 200) throw new Error(`sign-in failed: ${res.statusCode} ${res.body}`);
  const cookie = res.cookies.find((c) => c.name === SESSION_COOKIE);
  return { cookie: `${SESSION_COOKIE}=${cookie!.value}` };
}

/** A signed-in user with a role: the usual start of an endpoint test. */
export async function actorWith(t: TestApp, role: Role, organisationId?: string | null) {
  const user = await buildUser(t.db, { role, organisationId });
  const { cookie } = await signIn(t, user.email);
  return { user, headers: { cookie } };
}
