import { execFileSync } from "node:child_process";
import { cpSync, mkdtempSync, readdirSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";

const ROOT = path.resolve(import.meta.dirname, "../..");
const MIGRATIONS = path.join(ROOT, "src/db/migrations");

function listing(dir: string): string[] {
  return readdirSync(dir, { recursive: true, encoding: "utf8" }).sort();
}

/**
 * drizzle-kit diffs the schema against the LAST snapshot in meta/ only, and refuses a chain where
 * two snapshots share a prevId. A hand-written migration without a matching snapshot makes the
 * next `drizzle-kit generate` re-create what it already added, so the check runs on a copy of
 * the folder and must find nothing to do.
 */
describe("migration snapshots", () => {
  it("the latest snapshot matches the schema: drizzle-kit generate finds nothing to migrate", () => {
    const scratch = mkdtempSync(path.join(tmpdir(), "paraply-snapshots-"));
    try {
      const out = path.join(scratch, "migrations");
      cpSync(MIGRATIONS, out, { recursive: true });
      const before = listing(out);
      const stdout = execFileSync(
        process.execPath,
        [
          path.join(ROOT, "node_modules/drizzle-kit/bin.cjs"),
          "generate",
          "--dialect=postgresql",
          "--schema=./src/db/schema/*.ts",
          // drizzle-kit prefixes --out with "./", so an absolute path must be given relative.
          `--out=${path.relative(ROOT, out)}`,
        ],
        { cwd: ROOT, encoding: "utf8", stdio: ["ignore", "pipe", "pipe"] },
      );
      expect(stdout).toContain("No schema changes, nothing to migrate");
      expect(listing(out)).toEqual(before);
    } finally {
      rmSync(scratch, { recursive: true, force: true });
    }
  }, 20_000);
});
