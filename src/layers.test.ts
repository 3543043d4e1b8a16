import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";

/**
 * Layers import only downward (docs/decisions.md, "Layers and modules"): what each top-level
 * folder of src/ may import from the others. Files directly in src/ (config.ts) are shared.
 */
const ALLOWED: Record<string, readonly string[]> = {
  domain: [],
  lib: [],
  db: ["domain", "lib"],
  web: ["domain"],
  jobs: ["domain", "lib", "db"],
  server: ["domain", "lib", "db", "jobs"],
  cli: ["domain", "lib", "db", "jobs", "server"],
};

/**
 * Imports that break the rule today, each with the change that removes it. An entry no longer
 * needed fails the test too, so the list cannot go stale.
 */
const KNOWN: Record<string, string> = {};

const SRC = path.resolve(import.meta.dirname);
const IMPORT = /(?:\bfrom\s+|\bimport\s*\(\s*|\bimport\s+)["'](\.{1,2}\/[^"']+)["']/g;

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(full);
    return /\.tsx?$/.test(entry.name) ? [full] : [];
  });
}

function crossings(): string[] {
  return sourceFiles(SRC).flatMap((file) => {
    const from = path.relative(SRC, file);
    const layer = from.split(path.sep)[0]!;
    return [...readFileSync(file, "utf8").matchAll(IMPORT)].flatMap((match) => {
      const to = path.relative(SRC, path.resolve(path.dirname(file), match[1]!));
      const target = to.split(path.sep);
      if (target.length < 2 || target[0] === layer) return [];
      return ALLOWED[layer]?.includes(target[0]!) ? [] : [`${from} -> ${to}`];
    });
  });
}

describe("the layers of src/", () => {
  it("import only downward", () => {
    const found = crossings();
    expect(found.filter((c) => !(c in KNOWN))).toEqual([]);
    expect(Object.keys(KNOWN).filter((k) => !found.includes(k))).toEqual([]);
  });
});
