import { randomUUID } from "node:crypto";
import fc from "fast-check";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import {
  type AccessFacts,
  CASE_SCOPES,
  type CaseScope,
  isLive,
  REFERRAL_SCOPES,
  REFERRAL_TYPES,
  type ReferralStatus,
  type ReferralType,
} from "../src/domain/support/access.ts";
import { buildTestApp, type TestApp } from "./helpers/app.ts";
import { actorWith, buildMunicipality, buildUnit } from "./helpers/factories.ts";
import { buildSupportCase, closeCasesAsOwner } from "./helpers/support.ts";

/**
 * Random histories of a small world (two cases, three people) — grants, consent given and
 * withdrawn, referrals sent, accepted, declined, done and revoked, handover grace, emergency
 * access, closure, ended access and time passing — checked after every step against the pure
 * model (src/domain/support/access.ts `isLive`): nobody reads any part after their access ended,
 * and each reader sees exactly their scopes, through the list, the search, the detail and the
 * access log of the API, and in the database itself as the runtime role without the
 * application's checks.
 */

const HOUR = 3_600_000;
const PEOPLE = 3;
const CASES = 2;

type Op =
  | { kind: "grant"; user: number; case: number; scopes: CaseScope[]; hours: number | null }
  | { kind: "consent"; case: number; hours: number | null }
  | { kind: "grantByConsent"; user: number; consent: number; scopes: CaseScope[] }
  | { kind: "withdraw"; consent: number }
  | { kind: "invite"; user: number; case: number; type: ReferralType }
  | { kind: "referral"; referral: number; to: ReferralStatus }
  | { kind: "emergency"; user: number; case: number; hours: number }
  | { kind: "handover"; access: number; hours: number }
  | { kind: "end"; access: number }
  | { kind: "close"; case: number }
  | { kind: "time"; hours: number };

const scopesArb = fc.subarray([...CASE_SCOPES], { minLength: 1 });
const user = fc.nat(PEOPLE - 1);
const kase = fc.nat(CASES - 1);
// Indices into what exists so far, taken modulo its length when applied.
const ref = fc.nat(99);
const opArb: fc.Arbitrary<Op> = fc.oneof(
  fc.record({
    kind: fc.constant("grant" as const),
    user,
    case: kase,
    scopes: scopesArb,
    hours: fc.option(fc.integer({ min: 1, max: 4 })),
  }),
  fc.record({
    kind: fc.constant("consent" as const),
    case: kase,
    hours: fc.option(fc.integer({ min: 1, max: 4 })),
  }),
  fc.record({
    kind: fc.constant("grantByConsent" as const),
    user,
    consent: ref,
    scopes: scopesArb,
  }),
  fc.record({ kind: fc.constant("withdraw" as const), consent: ref }),
  fc.record({
    kind: fc.constant("invite" as const),
    user,
    case: kase,
    type: fc.constantFrom(...REFERRAL_TYPES),
  }),
  fc.record({
    kind: fc.constant("referral" as const),
    referral: ref,
    to: fc.constantFrom<ReferralStatus>("accepted", "declined", "done", "revoked"),
  }),
  fc.record({
    kind: fc.constant("emergency" as const),
    user,
    case: kase,
    hours: fc.integer({ min: 1, max: 3 }),
  }),
  fc.record({
    kind: fc.constant("handover" as const),
    access: ref,
    hours: fc.integer({ min: 1, max: 3 }),
  }),
  fc.record({ kind: fc.constant("end" as const), access: ref }),
  fc.record({ kind: fc.constant("close" as const), case: kase }),
  fc.record({ kind: fc.constant("time" as const), hours: fc.integer({ min: 1, max: 3 }) }),
);

interface ModelAccess extends AccessFacts {
  id: string;
  case: number;
  user: number;
  consent: number | null;
  referral: number | null;
}
interface ModelConsent {
  id: string;
  case: number;
  validFrom: Date;
  validUntil: Date | null;
  withdrawnAt: Date | null;
}
interface ModelReferral {
  id: string;
  case: number;
  status: ReferralStatus;
}

let t: TestApp;
let runtime: pg.Client;
let municipalityId: string;
const people: { id: string; headers: Record<string, string> }[] = [];

beforeAll(async () => {
  t = await buildTestApp();
  runtime = new pg.Client({ connectionString: inject("databaseUrl") });
  await runtime.connect();
  const municipality = await buildMunicipality(t.db);
  municipalityId = municipality.id;
  const unit = await buildUnit(t.db, municipality.id);
  for (let i = 0; i < PEOPLE; i++) {
    const { user: u, headers } = await actorWith(t, "practitioner", unit.id);
    people.push({ id: u.id, headers });
  }
});
afterAll(async () => {
  await runtime.end();
  await t.close();
});

const pick = <T>(items: T[], i: number): T | undefined =>
  items.length === 0 ? undefined : items[i % items.length];

class World {
  cases: { id: string; personalNumber: string; open: boolean }[] = [];
  access: ModelAccess[] = [];
  consents: ModelConsent[] = [];
  referrals: ModelReferral[] = [];

  async create() {
    for (let i = 0; i < CASES; i++) {
      const c = await buildSupportCase(t, municipalityId);
      this.cases.push({ id: c.id, personalNumber: c.personalNumber, open: true });
    }
  }

  private async insertAccess(a: Omit<ModelAccess, "id" | "validFrom" | "endedAt" | "graceUntil">) {
    // Nobody is given access to a closed case: the database refuses it (and so would the app).
    if (!this.cases[a.case]!.open) return;
    const id = randomUUID();
    const validFrom = new Date(Date.now() - 1000);
    const role =
      a.basis === "emergency"
        ? "emergency"
        : a.basis === "referral"
          ? "referral_recipient"
          : "team_member";
    await t.owner.pool.query(
      `INSERT INTO support.case_access (id, case_id, user_id, role, basis, scopes, consent_id,
         referral_id, reason, valid_from, valid_until)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11)`,
      [
        id,
        this.cases[a.case]!.id,
        people[a.user]!.id,
        role,
        a.basis,
        a.scopes,
        a.consent === null ? null : this.consents[a.consent]!.id,
        a.referral === null ? null : this.referrals[a.referral]!.id,
        a.basis === "emergency" ? "Akut fara" : null,
        validFrom,
        a.validUntil,
      ],
    );
    this.access.push({ ...a, id, validFrom, endedAt: null, graceUntil: null });
  }

  async apply(op: Op) {
    const pool = t.owner.pool;
    const now = Date.now();
    const later = (h: number | null) => (h === null ? null : new Date(now + h * HOUR));
    switch (op.kind) {
      case "grant":
        return this.insertAccess({
          case: op.case,
          user: op.user,
          basis: "case_role",
          scopes: op.scopes,
          validUntil: later(op.hours),
          consent: null,
          referral: null,
        });
      case "consent": {
        const id = randomUUID();
        const validFrom = new Date(now - 1000);
        const validUntil = later(op.hours);
        await pool.query(
          `INSERT INTO support.consents (id, case_id, kind, given_by, giver_name, purpose,
             sharing_organisation_ids, recipient_organisation_ids, scopes, valid_from, valid_until)
           VALUES ($1, $2, 'sharing', 'guardian', 'Vårdnadshavare', 'Samordning', '{}', '{}',
             '{summary}', $3, $4)`,
          [id, this.cases[op.case]!.id, validFrom, validUntil],
        );
        this.consents.push({ id, case: op.case, validFrom, validUntil, withdrawnAt: null });
        return;
      }
      case "grantByConsent": {
        const consent = pick(this.consents, op.consent);
        if (!consent) return;
        return this.insertAccess({
          case: consent.case,
          user: op.user,
          basis: "consent",
          scopes: op.scopes,
          validUntil: null,
          consent: this.consents.indexOf(consent),
          referral: null,
        });
      }
      case "withdraw": {
        const consent = pick(this.consents, op.consent);
        if (!consent || consent.withdrawnAt) return;
        consent.withdrawnAt = new Date(now);
        await pool.query("UPDATE support.consents SET withdrawn_at = $2 WHERE id = $1", [
          consent.id,
          consent.withdrawnAt,
        ]);
        return;
      }
      case "invite": {
        const id = randomUUID();
        await pool.query(
          `INSERT INTO support.referrals (id, case_id, type, from_user_id, to_user_id)
           VALUES ($1, $2, $3, $4, $5)`,
          [
            id,
            this.cases[op.case]!.id,
            op.type,
            people[(op.user + 1) % PEOPLE]!.id,
            people[op.user]!.id,
          ],
        );
        this.referrals.push({ id, case: op.case, status: "sent" });
        return this.insertAccess({
          case: op.case,
          user: op.user,
          basis: "referral",
          scopes: [...REFERRAL_SCOPES[op.type]],
          validUntil: null,
          consent: null,
          referral: this.referrals.length - 1,
        });
      }
      case "referral": {
        const referral = pick(this.referrals, op.referral);
        if (!referral) return;
        // The database takes any status; the lifecycle's order is the commands' rule.
        referral.status = op.to;
        await pool.query(
          `UPDATE support.referrals SET status = $2,
             decline_reason = CASE WHEN $2 = 'declined' THEN 'Ingen tid' END WHERE id = $1`,
          [referral.id, op.to],
        );
        return;
      }
      case "emergency":
        return this.insertAccess({
          case: op.case,
          user: op.user,
          basis: "emergency",
          scopes: ["summary", "plan", "chronology"],
          validUntil: later(op.hours),
          consent: null,
          referral: null,
        });
      case "handover": {
        const access = pick(this.access, op.access);
        if (!access || access.graceUntil) return;
        access.graceUntil = later(op.hours);
        await pool.query("UPDATE support.case_access SET grace_until = $2 WHERE id = $1", [
          access.id,
          access.graceUntil,
        ]);
        return;
      }
      case "end": {
        const access = pick(this.access, op.access);
        if (!access || access.endedAt) return;
        access.endedAt = new Date(now);
        await pool.query(
          `UPDATE support.case_access SET ended_at = $2, ended_reason = 'ended_by_responsible'
            WHERE id = $1`,
          [access.id, access.endedAt],
        );
        return;
      }
      case "close": {
        const c = this.cases[op.case]!;
        if (!c.open) return;
        c.open = false;
        await closeCasesAsOwner(t, [c.id]);
        return;
      }
      case "time":
        return this.passTime(op.hours * HOUR);
    }
  }

  /** Time passes: every instant of this world moves back by the same amount, in both places. */
  private async passTime(ms: number) {
    const back = (d: Date | null) => (d === null ? null : new Date(d.getTime() - ms));
    for (const a of this.access) {
      a.validFrom = back(a.validFrom)!;
      a.validUntil = back(a.validUntil);
      a.graceUntil = back(a.graceUntil);
      a.endedAt = back(a.endedAt);
    }
    for (const c of this.consents) {
      c.validFrom = back(c.validFrom)!;
      c.validUntil = back(c.validUntil);
      c.withdrawnAt = back(c.withdrawnAt);
    }
    const interval = `${ms} milliseconds`;
    const ids = this.cases.map((c) => c.id);
    await t.owner.pool.query(
      `UPDATE support.case_access SET valid_from = valid_from - $2::interval,
         valid_until = valid_until - $2::interval, grace_until = grace_until - $2::interval,
         ended_at = ended_at - $2::interval
        WHERE case_id = ANY($1::uuid[])`,
      [ids, interval],
    );
    await t.owner.pool.query(
      `UPDATE support.consents SET valid_from = valid_from - $2::interval,
         valid_until = valid_until - $2::interval, withdrawn_at = withdrawn_at - $2::interval
        WHERE case_id = ANY($1::uuid[])`,
      [ids, interval],
    );
  }

  /** What the model says each person may read of each case now: the union of live scopes. */
  expected(userIdx: number, caseIdx: number): Set<CaseScope> {
    const now = new Date();
    const scopes = new Set<CaseScope>();
    for (const a of this.access) {
      if (a.user !== userIdx || a.case !== caseIdx) continue;
      const around = {
        caseStatus: this.cases[caseIdx]!.open ? ("open" as const) : ("closed" as const),
        consent: a.consent === null ? null : this.consents[a.consent]!,
        referral: a.referral === null ? null : this.referrals[a.referral]!,
      };
      if (isLive(a, around, now)) for (const s of a.scopes) scopes.add(s);
    }
    return scopes;
  }

  async close() {
    await closeCasesAsOwner(
      t,
      this.cases.map((c) => c.id),
    );
  }
}

/** What the runtime role sees in one transaction as this person, with no application check. */
async function databaseView(userId: string) {
  await runtime.query("BEGIN");
  try {
    await runtime.query("SELECT set_config('paraply.actor_id', $1, true)", [userId]);
    const cases = await runtime.query<{ id: string }>("SELECT id FROM support.cases");
    const consents = await runtime.query<{ case_id: string }>(
      "SELECT DISTINCT case_id FROM support.consents",
    );
    const access = await runtime.query<{ case_id: string }>(
      "SELECT DISTINCT case_id FROM support.case_access",
    );
    const children = await runtime.query<{ n: number }>(
      "SELECT count(*)::int AS n FROM support.children",
    );
    return {
      cases: cases.rows.map((r) => r.id).sort(),
      consents: consents.rows.map((r) => r.case_id).sort(),
      access: access.rows.map((r) => r.case_id).sort(),
      children: children.rows[0]!.n,
    };
  } finally {
    await runtime.query("ROLLBACK");
  }
}

/**
 * Every step checks the list, the detail and the database; the search and the access log (the
 * same live-access rows again) are checked at the end of each history, to keep the run short.
 */
async function check(world: World, full: boolean) {
  for (let u = 0; u < PEOPLE; u++) {
    const person = people[u]!;
    const expected = world.cases.map((_, c) => world.expected(u, c));
    const liveIds = world.cases
      .filter((_, c) => expected[c]!.size > 0)
      .map((c) => c.id)
      .sort();
    const withConsents = world.cases
      .filter((_, c) => expected[c]!.has("consents"))
      .map((c) => c.id)
      .sort();

    const list = await t.app.inject({ url: "/api/support/cases", headers: person.headers });
    expect(
      list
        .json()
        .items.map((i: { id: string }) => i.id)
        .sort(),
    ).toEqual(liveIds);

    for (let c = 0; c < CASES; c++) {
      const scopes = expected[c]!;
      const supportCase = world.cases[c]!;
      const detail = await t.app.inject({
        url: `/api/support/cases/${supportCase.id}`,
        headers: person.headers,
      });
      if (scopes.size === 0) {
        expect(detail.statusCode).toBe(404);
      } else {
        const body = detail.json();
        expect(body.access.scopes.sort()).toEqual([...scopes].sort());
        expect(body.summary !== null).toBe(scopes.has("summary"));
        expect(body.consents !== null).toBe(scopes.has("consents"));
      }
      if (!full) continue;
      const search = await t.app.inject({
        url: `/api/support/cases/search?personalNumber=${supportCase.personalNumber}`,
        headers: person.headers,
      });
      expect(search.json().items.map((i: { id: string }) => i.id)).toEqual(
        scopes.size > 0 ? [supportCase.id] : [],
      );
      const log = await t.app.inject({
        url: `/api/support/cases/${supportCase.id}/access-log`,
        headers: person.headers,
      });
      expect(log.statusCode).toBe(scopes.has("access_log") ? 200 : 404);
    }
    const db = await databaseView(person.id);
    const mine = new Set(world.cases.map((c) => c.id));
    expect(db.cases.filter((id) => mine.has(id))).toEqual(liveIds);
    // Nothing of any earlier world either: those cases are all closed.
    expect(db.cases.length).toBe(liveIds.length);
    expect(db.access).toEqual(liveIds);
    expect(db.consents.filter((id) => !withConsents.includes(id))).toEqual([]);
    expect(db.children).toBe(liveIds.length);
  }
}

describe("nobody reads more than their live access allows, anywhere", () => {
  it("holds over random histories, through the API and in the database as the runtime role", async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(opArb, { minLength: 1, maxLength: 12 }), async (ops) => {
        const world = new World();
        await world.create();
        try {
          await check(world, false);
          for (const op of ops) {
            await world.apply(op);
            await check(world, false);
          }
          await check(world, true);
        } finally {
          await world.close();
        }
      }),
      { numRuns: 12 },
    );
  }, 60_000);
});
