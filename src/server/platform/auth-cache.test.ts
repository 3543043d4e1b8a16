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

describe("AuthCache: one load per missed entry", () => {
  function deferredLoads() {
    const started: { resolve: (value: string) => void; reject: (error: Error) => void }[] = [];
    const load = () =>
      new Promise<string>((resolve, reject) => {
        started.push({ resolve, reject });
      });
    return { started, load };
  }

  it("shares a running load among the requests that ask meanwhile, and loads anew after it", async () => {
    const { cache } = listeningCache();
    await cache.start();
    const { started, load } = deferredLoads();
    const first = cache.coalesce("organisations", load);
    const second = cache.coalesce("organisations", load);
    const other = cache.coalesce("actor:x", load);
    expect(started).toHaveLength(2);
    started[0]!.resolve("tree");
    expect(await first).toBe("tree");
    expect(await second).toBe("tree");
    started[1]!.resolve("actor");
    expect(await other).toBe("actor");
    void cache.coalesce("organisations", load);
    expect(started).toHaveLength(3);
  });

  it("does not let a request join a load begun before an invalidation", async () => {
    const { cache, client } = listeningCache();
    await cache.start();
    const { started, load } = deferredLoads();
    const before = cache.coalesce("organisations", load);
    client.emit("notification", { payload: "*" });
    const after = cache.coalesce("organisations", load);
    expect(started).toHaveLength(2);
    started[0]!.resolve("old");
    expect(await before).toBe("old");
    // The earlier load finishing does not drop the later one, still running.
    const joined = cache.coalesce("organisations", load);
    expect(started).toHaveLength(2);
    started[1]!.resolve("new");
    expect(await after).toBe("new");
    expect(await joined).toBe("new");
  });

  it("passes a failed load to each request waiting on it, and tries again on the next", async () => {
    const { cache } = listeningCache();
    await cache.start();
    const { started, load } = deferredLoads();
    const a = cache.coalesce("organisations", load);
    const b = cache.coalesce("organisations", load);
    started[0]!.reject(new Error("connection lost"));
    await expect(a).rejects.toThrow("connection lost");
    await expect(b).rejects.toThrow("connection lost");
    void cache.coalesce("organisations", load);
    expect(started).toHaveLength(2);
  });
});
