import { spawn } from "node:child_process";
import { count, eq, like } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { auditLog, organisations, users } from "../src/db/schema/platform.ts";
import { readinessAssessments } from "../src/db/schema/readiness.ts";
import { type DemoSeed, databaseIsEmpty, seedDemo } from "../src/db/seed/demo.ts";
import { seedDemoPlatform } from "../src/db/seed/demo-platform.ts";
import { seedDemoReadiness } from "../src/db/seed/demo-readiness.ts";
import { withOwnDatabase } from "./helpers/app.ts";

function paraply(
  urls: { url: string; ownerUrl: string },
  ...args: string[]
): Promise<{ status: number | null; out: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ["bin/paraply.js", ...args], {
      env: { ...process.env, DATABASE_URL: urls.url, DATABASE_OWNER_URL: urls.ownerUrl },
    });
    let out = "";
    child.stdout.on("data", (d) => (out += d));
    child.stderr.on("data", (d) => (out += d));
    const timer = setTimeout(() => child.kill(), 60_000);
    child.on("error", reject);
    child.on("close", (status) => {
      clearTimeout(timer);
      resolve({ status, out });
    });
  });
}

describe("the demo seed", () => {
  it("runs each context's seed in list order in one transaction, platform's first", async () => {
    await withOwnDatabase(async ({ db }) => {
      const seen: (string | undefined)[] = [];
      const probe: DemoSeed = async (_tx, ctx) => {
        seen.push(ctx.orgIds.get("bengtsfors"));
      };
      const demo = await seedDemo(db, [seedDemoPlatform, seedDemoReadiness, probe]);
      expect(demo.map((u) => u.role)).toEqual([
        "system_admin",
        "org_admin",
        "coordinator",
        "analyst",
        "practitioner",
        "reader",
        "practitioner",
        "practitioner",
        "practitioner",
        "practitioner",
        "practitioner",
      ]);
      // The platform seed filled the context the later seeds read.
      const [bengtsfors] = await db
        .select({ id: organisations.id })
        .from(organisations)
        .where(eq(organisations.name, "Bengtsfors"));
      expect(seen).toEqual([bengtsfors?.id]);
      const [people] = await db.select({ n: count() }).from(users);
      expect(people?.n).toBe(11);
      const [assessments] = await db.select({ n: count() }).from(readinessAssessments);
      expect(assessments?.n).toBe(4);
      const rows = await db
        .select({ action: auditLog.action })
        .from(auditLog)
        .where(like(auditLog.action, "seed.demo%"))
        .orderBy(auditLog.seq);
      expect(rows.map((r) => r.action)).toEqual(["seed.demo.readiness", "seed.demo"]);
    });
  });

  it("leaves nothing behind when a context's seed fails", async () => {
    await withOwnDatabase(async ({ db }) => {
      // Readiness before platform finds no organisations: the whole seed rolls back.
      await expect(seedDemo(db, [seedDemoReadiness, seedDemoPlatform])).rejects.toThrow();
      expect(await databaseIsEmpty(db)).toBe(true);
      const [orgs] = await db.select({ n: count() }).from(organisations);
      expect(orgs?.n).toBe(0);
    });
  });

  it("is what `paraply seed --demo` writes, and only into an empty database", async () => {
    await withOwnDatabase(async ({ url, ownerUrl, db }) => {
      const first = await paraply({ url, ownerUrl }, "seed", "--demo");
      expect(first.status).toBe(0);
      expect(first.out).toContain("coordinator\tsamordnare@bengtsfors.example\t");
      const [assessments] = await db.select({ n: count() }).from(readinessAssessments);
      expect(assessments?.n).toBe(4);
      const again = await paraply({ url, ownerUrl }, "seed", "--demo");
      expect(again.status).toBe(1);
    });
  });
});
