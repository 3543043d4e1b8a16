import type pg from "pg";
import type { Actor } from "../plugins/actor.ts";
import type { OrganisationSnapshot, OrgIdSet } from "./queries.ts";

const CHANNEL = "paraply_auth";

interface Entry<T> {
  value: T;
  storedAt: number;
  userId: string;
}

/**
 * A short-lived cache of sessions, access scopes and the organisation tree, so that an
 * authenticated read does not pay several round trips before (or for) its own query. It is only
 * trusted while this instance listens to the database's change notifications (see migration
 * 0004): a revoked session, a changed role or a moved organisation drops the affected entries on
 * every instance at commit. If the listening connection is lost, the cache empties and stays off
 * until it is back, so staleness is bounded
 * by the notification delay, never by the time-to-live alone.
 */
export class AuthCache {
  private readonly actors = new Map<string, Entry<{ actor: Actor; expiresAt: number }>>();
  private readonly scopes = new Map<string, Entry<OrgIdSet>>();
  private organisations: { value: OrganisationSnapshot; storedAt: number } | undefined;
  private client: pg.PoolClient | null = null;
  // Bumped by every invalidation: a value read from the database before a change was announced
  // must not be stored after it.
  private generation = 0;
  private closed = false;
  private retry: NodeJS.Timeout | undefined;
  private readonly loading = new Map<string, Promise<unknown>>();

  constructor(
    private readonly pool: pg.Pool,
    private readonly ttlMs = 10_000,
    private readonly maxEntries = 20_000,
  ) {}

  get active(): boolean {
    return this.client !== null;
  }

  async start(): Promise<void> {
    if (this.closed) return;
    try {
      const client = await this.pool.connect();
      client.on("notification", (message) => this.invalidate(message.payload ?? "*"));
      client.on("error", () => this.lost(client));
      client.on("end", () => this.lost(client));
      await client.query(`LISTEN ${CHANNEL}`);
      this.client = client;
    } catch {
      this.scheduleRetry();
    }
  }

  async stop(): Promise<void> {
    this.closed = true;
    clearTimeout(this.retry);
    const client = this.client;
    this.client = null;
    this.clear();
    if (client) {
      await client.query(`UNLISTEN ${CHANNEL}`).catch(() => {});
      client.release();
    }
  }

  /** Take before reading from the database; pass to set… so a stale read is not stored. */
  get version(): number {
    return this.generation;
  }

  /**
   * One load for every request that misses the same entry while it runs. When an entry expires
   * under load, each of the waiting requests used to read it anew: fifty reads of the
   * organisation tree at once, and fifty copies of the system administrator's list built
   * (bench/api: p99 over a second). Never for a load inside a writing request's transaction,
   * whose uncommitted view must not reach another request. A load begun before an invalidation
   * is not joined after it.
   */
  coalesce<T>(key: string, load: () => Promise<T>): Promise<T> {
    const running = this.loading.get(key) as Promise<T> | undefined;
    if (running) return running;
    const promise = load().finally(() => {
      if (this.loading.get(key) === promise) this.loading.delete(key);
    });
    this.loading.set(key, promise);
    return promise;
  }

  getActor(tokenHash: string): Actor | undefined {
    const entry = this.fresh(this.actors, tokenHash);
    if (!entry || entry.value.expiresAt <= Date.now()) return undefined;
    return entry.value.actor;
  }

  setActor(tokenHash: string, actor: Actor, expiresAt: Date, version: number): void {
    this.put(
      this.actors,
      tokenHash,
      actor.userId,
      { actor, expiresAt: expiresAt.getTime() },
      version,
    );
  }

  getScope(userId: string, key: string): OrgIdSet | undefined {
    return this.fresh(this.scopes, `${userId}:${key}`)?.value;
  }

  setScope(userId: string, key: string, scope: OrgIdSet, version: number): void {
    this.put(this.scopes, `${userId}:${key}`, userId, scope, version);
  }

  getOrganisations(): OrganisationSnapshot | undefined {
    const entry = this.organisations;
    if (!this.active || !entry) return undefined;
    if (Date.now() - entry.storedAt > this.ttlMs) {
      this.organisations = undefined;
      return undefined;
    }
    return entry.value;
  }

  setOrganisations(snapshot: OrganisationSnapshot, version: number): void {
    if (!this.active || version !== this.generation) return;
    this.organisations = { value: snapshot, storedAt: Date.now() };
  }

  /**
   * An organisation changed through this instance: its next read must show the change, before
   * the database's notification arrives (which then drops everything, as for any instance).
   */
  organisationsChanged(): void {
    this.generation++;
    this.loading.clear();
    this.organisations = undefined;
    this.scopes.clear();
  }

  private fresh<T>(map: Map<string, Entry<T>>, key: string): Entry<T> | undefined {
    if (!this.active) return undefined;
    const entry = map.get(key);
    if (!entry) return undefined;
    if (Date.now() - entry.storedAt > this.ttlMs) {
      map.delete(key);
      return undefined;
    }
    return entry;
  }

  private put<T>(
    map: Map<string, Entry<T>>,
    key: string,
    userId: string,
    value: T,
    version: number,
  ): void {
    if (!this.active || version !== this.generation) return;
    if (map.size >= this.maxEntries) map.clear();
    map.set(key, { value, storedAt: Date.now(), userId });
  }

  /** Drops what is cached for one person (or everyone with "*"), e.g. after their own change. */
  invalidate(target: string): void {
    this.generation++;
    this.loading.clear();
    if (target === "*") {
      this.clear();
      return;
    }
    for (const map of [this.actors, this.scopes] as Map<string, Entry<unknown>>[]) {
      for (const [key, entry] of map) if (entry.userId === target) map.delete(key);
    }
  }

  private clear(): void {
    this.generation++;
    this.loading.clear();
    this.actors.clear();
    this.scopes.clear();
    this.organisations = undefined;
  }

  private lost(client: pg.PoolClient): void {
    if (this.client !== client) return;
    this.client = null;
    this.clear();
    client.release(true);
    this.scheduleRetry();
  }

  private scheduleRetry(): void {
    if (this.closed) return;
    clearTimeout(this.retry);
    this.retry = setTimeout(() => void this.start(), 1_000);
    this.retry.unref();
  }
}
