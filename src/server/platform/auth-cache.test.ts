import { EventEmitter } from "node:events";
import type pg from "pg";
import { describe, expect, it } from "vitest";
import { AuthCache } from "./auth-cache.ts";
import { OrganisationSnapshot } from "./queries.ts";

// The cache's bookkeeping without a database: a client that accepts LISTEN and can be made to
// deliver a notification or drop the connection. The cross-instance behaviour over a real
// PostgreSQL is tested in test/auth-cache.test.ts.
function listeningCache() {
  const client = Object.assign(new EventEmitter(), {
    query: async () => ({ rows: [] }),
    release: () => {},
  });
  const pool = { connect: async () => client } as unknown as pg.Pool;
  return { cache: new AuthCache(pool, 60_000), client };
}

const snapshot = new OrganisationSnapshot([]);

describe("AuthCache: the organisation tree", () => {
  it("holds the tree only while listening", async () => {
    const { cache } = listeningCache();
    cache.setOrganisations(snapshot, cache.version);
    expect(cache.getOrganisations()).toBeUndefined();
    await cache.start();
    cache.setOrganisations(snapshot, cache.version);
    expect(cache.getOrganisations()).toBe(snapshot);
  });

  it("drops the tree on this instance's own change, before any notification", async () => {
    const { cache } = listeningCache();
    await cache.start();
    cache.setOrganisations(snapshot, cache.version);
    cache.organisationsChanged();
    expect(cache.getOrganisations()).toBeUndefined();
  });

  it("does not store a tree read before a change was announced", async () => {
    const { cache, client } = listeningCache();
    await cache.start();
    const readAt = cache.version;
    client.emit("notification", { payload: "*" });
    cache.setOrganisations(snapshot, readAt);
    expect(cache.getOrganisations()).toBeUndefined();
    const readAgain = cache.version;
    cache.organisationsChanged();
    cache.setOrganisations(snapshot, readAgain);
    expect(cache.getOrganisations()).toBeUndefined();
  });

  it("keeps the tree when one person's session or roles change", async () => {
    const { cache, client } = listeningCache();
    await cache.start();
    cache.setOrganisations(snapshot, cache.version);
    client.emit("notification", { payload: "6f9c2a56-9d55-4a57-9a39-7d3c0f6f2a11" });
    expect(cache.getOrganisations()).toBe(snapshot);
    client.emit("notification", { payload: "*" });
    expect(cache.getOrganisations()).toBeUndefined();
  });

  it("empties and stops trusting itself when the listening connection is lost", async () => {
    const { cache, client } = listeningCache();
    await cache.start();
    cache.setOrganisations(snapshot, cache.version);
    client.emit("end");
    expect(cache.active).toBe(false);
    expect(cache.getOrganisations()).toBeUndefined();
    await cache.stop();
  });
});
