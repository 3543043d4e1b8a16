import { readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { type AuditEntry, recordAudit, systemAuditContext } from "../db/audit.ts";
import type { Tx } from "../db/database.ts";
import { DEMO_SEEDS } from "../db/seed/demo.ts";
import { AUDIT_ACTIONS, DOMAIN_CONTEXTS } from "../domain/contexts.ts";
import { PERMISSIONS } from "../domain/platform/roles.ts";
import { MODULES } from "./modules.ts";

const SRC = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const file = path.join(dir, name);
    if (statSync(file).isDirectory()) return sourceFiles(file);
    return /\.tsx?$/.test(name) && !/\.test\.tsx?$/.test(name) ? [file] : [];
  });
}

describe("module list", () => {
  it("holds the domain's contexts, in the same order, each with its own declarations", () => {
    expect(MODULES.map((m) => m.name)).toEqual(DOMAIN_CONTEXTS.map((c) => c.name));
    MODULES.forEach((module, i) => {
      expect(module.domain.permissions).toBe(DOMAIN_CONTEXTS[i]!.permissions);
      expect(module.domain.auditActions).toBe(DOMAIN_CONTEXTS[i]!.auditActions);
    });
  });

  it("gives each context's demo seed, in the module order, as the demo seed runs them", () => {
    expect(MODULES.flatMap((m) => ("seed" in m && m.seed ? [m.seed] : []))).toEqual(DEMO_SEEDS);
  });

  it("declares each permission, policy action and audit action in one context only", () => {
    expect(new Set(PERMISSIONS).size).toBe(PERMISSIONS.length);
    expect(new Set(AUDIT_ACTIONS).size).toBe(AUDIT_ACTIONS.length);
    const actions = MODULES.flatMap((m) => Object.keys(m.policy));
    expect(new Set(actions).size).toBe(actions.length);
  });

  it("names every hidden action among its own policy's and its own audit actions", () => {
    for (const module of MODULES) {
      for (const action of module.hiddenActions) {
        expect(Object.keys(module.policy)).toContain(action);
        expect(module.domain.auditActions as readonly string[]).toContain(action);
      }
    }
  });

  it("reports a declared audit action that no code writes", () => {
    const declarations = /[\\/]domain[\\/]\w+[\\/]audit-actions\.ts$/;
    const code = sourceFiles(SRC)
      .filter((file) => !declarations.test(file))
      .map((file) => readFileSync(file, "utf8"))
      .join("\n");
    const unused = AUDIT_ACTIONS.filter((action) => !code.includes(`"${action}"`));
    expect(unused, "declared audit actions never written").toEqual([]);
  });

  it("refuses, at compile time, an audit action no context declares", () => {
    // Never called: the check is tsc's. Without the directive below this file does not compile.
    const write = (tx: Tx) =>
      // @ts-expect-error "no.such.action" is not an AuditAction.
      recordAudit(tx, systemAuditContext("test"), { action: "no.such.action" });
    const entry: AuditEntry = { action: AUDIT_ACTIONS[0]! };
    expect(typeof write).toBe("function");
    expect(entry.action).toBe("auth.sign_in");
  });
});
