import { EventEmitter } from "node:events";
import type pg from "pg";
import { describe, expect, it } from "vitest";
import type { DbOrTx } from "../../db/database.ts";
import { AuthCache } from "../platform/auth-cache.ts";
import { AccessContext } from "./access.ts";
import type { Actor } from "./actor.ts";

// A request's connection that counts the scope queries sent on it and answers them only when
// told, so that requests can be made to miss the cache at the same time.
function connection() {
  const answers: (() => void)[] = [];
  const db = {
    execute: () =>
      new Promise((resolve) => {
        answers.push(() => resolve({ rows: [{ id: "7a1e7a5c-1d2e-4b8a-9c0f-1a2b3c4d5e6f" }] }));
      }),
  } as unknown as DbOrTx;
  return { db, answers };
}

async function listeningCache() {
  const client = Object.assign(new EventEmitter(), {
    query: async () => ({ rows: [] }),
    release: () => {},
  });
  const cache = new AuthCache({ connect: async () => client } as unknown as pg.Pool, 60_000);
  await cache.start();
  return cache;
}

const actor: Actor = {
  userId: "0b5c8f0e-3f43-4c51-9d35-1f1d2a3b4c5d",
  email: "samordnare@example.test",
  displayName: "Samordnare",
  locale: "sv",
  sessionId: "s",
  authMethod: "password",
  mfaPending: false,
  totpEnabled: false,
  mfaEnrolmentRequired: false,
  grants: [{ id: "g", role: "org_admin", organisationId: "5d4c3b2a-1f0e-4d9c-8b7a-6f5e4d3c2b1a" }],
};

describe("AccessContext: a person's scope when the cache misses", () => {
  it("is read once for the reading requests that miss it together", async () => {
    const cache = await listeningCache();
    const first = connection();
    const second = connection();
    const a = new AccessContext(actor, first.db, cache, true).subtree("user.read");
    const b = new AccessContext(actor, second.db, cache, true).subtree("user.read");
    expect(first.answers).toHaveLength(1);
    expect(second.answers).toHaveLength(0);
    first.answers[0]!();
    expect(await b).toEqual(await a);
  });

  it("is read in its own transaction by a writing request", async () => {
    const cache = await listeningCache();
    const reading = connection();
    const writing = connection();
    const read = new AccessContext(actor, reading.db, cache, true).subtree("user.read");
    const written = new AccessContext(actor, writing.db, cache, false).subtree("user.read");
    expect(reading.answers).toHaveLength(1);
    expect(writing.answers).toHaveLength(1);
    for (const answer of [...reading.answers, ...writing.answers]) answer();
    await Promise.all([read, written]);
  });
});
