import { randomUUID } from "node:crypto";
import type { Role } from "../../src/domain/platform/roles.ts";
import type { TestApp } from "../helpers/app.ts";
import { buildUser } from "../helpers/factories.ts";

/**
 * One context's part of the authorisation matrix: for each of its routes, the status every
 * caller gets (`rows`) and a valid request that lets authorisation rather than validation decide
 * (`requests`). A cell is one status (target in a foreign municipality, or no target) or
 * `{ own, foreign }` when the answer depends on whether the target lies in the caller's own
 * municipality.
 */
export interface ModuleMatrix {
  rows: Record<string, Row>;
  requests: Record<string, (f: Fixture) => Promise<MatrixRequest>>;
}

export type Caller = "anonymous" | Role;
export type Cell = number | { own: number; foreign: number };
export type Row = Record<Caller, Cell>;

export interface MatrixRequest {
  url: string;
  payload?: unknown;
}
export interface Fixture {
  t: TestApp;
  /** The municipality the target lies in: the caller's own or a foreign one. */
  org: { id: string };
  headers: Record<string, string>;
}

export const all = (status: number, anonymous = 401): Row => ({
  anonymous,
  system_admin: status,
  org_admin: status,
  coordinator: status,
  analyst: status,
  practitioner: status,
  reader: status,
});
export const scoped = (own: number, foreign: number) => ({ own, foreign });

/** Read along the lineage: the caller's own municipality yes, a foreign one 403. */
export const readable: Row = {
  anonymous: 401,
  system_admin: 200,
  org_admin: scoped(200, 403),
  coordinator: scoped(200, 403),
  analyst: scoped(200, 403),
  practitioner: scoped(200, 403),
  reader: scoped(200, 403),
};

/** Changed by the organisation's administrators: their own municipality yes, a foreign one 403. */
export const managed = (status: number): Row => ({
  ...all(403),
  system_admin: status,
  org_admin: scoped(status, 403),
});

export const uniq = () => randomUUID().slice(0, 8);

export async function targetUser(f: Fixture) {
  return buildUser(f.t.db, { role: "reader", organisationId: f.org.id });
}
