import type { FastifyRequest } from "fastify";
import type { DbOrTx } from "../../db/database.ts";
import type { Permission } from "../../domain/platform/roles.ts";
import { MODULES } from "../modules.ts";
import type { AuthCache } from "../platform/auth-cache.ts";
import { lineageWhere, type OrgIdSet, subtreeWhere } from "../platform/queries.ts";
import type { Actor } from "./actor.ts";
import { ForbiddenError, NotFoundError, UnauthenticatedError } from "./errors.ts";

/**
 * What a policy rule may consult. Organisation scopes are computed once per request and
 * memoised, so a route that asks several questions runs each scope query once.
 */
export class AccessContext {
  private readonly memo = new Map<string, Promise<OrgIdSet>>();

  /**
   * `readOnly`: the request changes nothing (GET), so a scope it reads may be handed to other
   * requests of the same person that miss the cache meanwhile; a writing request's transaction
   * may hold changes not yet committed, which no other request may see.
   */
  constructor(
    readonly actor: Actor,
    readonly db: DbOrTx,
    private readonly cache?: AuthCache,
    private readonly readOnly = false,
  ) {}

  /** Organisations at or below a role that grants `permission`. */
  subtree(permission: Permission): Promise<OrgIdSet> {
    return this.remember(`subtree:${permission}`, () =>
      subtreeWhere(this.db, this.actor, permission),
    );
  }

  /** Organisations above or below a role that grants `permission`. */
  lineage(permission: Permission): Promise<OrgIdSet> {
    return this.remember(`lineage:${permission}`, () =>
      lineageWhere(this.db, this.actor, permission),
    );
  }

  private remember(key: string, compute: () => Promise<OrgIdSet>): Promise<OrgIdSet> {
    let value = this.memo.get(key);
    if (!value) {
      const cached = this.cache?.getScope(this.actor.userId, key);
      if (cached !== undefined) {
        value = Promise.resolve(cached);
      } else {
        const cache = this.cache;
        const load = () => {
          const version = cache?.version ?? 0;
          return compute().then((scope) => {
            cache?.setScope(this.actor.userId, key, scope, version);
            return scope;
          });
        };
        value =
          cache && this.readOnly
            ? cache.coalesce(`scope:${this.actor.userId}:${key}`, load)
            : load();
      }
      this.memo.set(key, value);
    }
    return value;
  }
}

export type PolicyRule<T> = (ctx: AccessContext, target: T) => boolean | Promise<boolean>;

type UnionToIntersection<U> = (U extends unknown ? (x: U) => void : never) extends (
  x: infer I,
) => void
  ? I
  : never;
type Policies = UnionToIntersection<(typeof MODULES)[number]["policy"]>;
export type Action = keyof Policies & string;
export type TargetOf<A extends Action> = Parameters<Policies[A]>[1];

interface PolicyTable {
  rules: Record<string, PolicyRule<unknown>>;
  hidden: Set<string>;
}
let table: PolicyTable | undefined;

/**
 * Every context's rules in one table, built from the module list on first use: the modules
 * import this file for `authorize`, so the list is not there yet while this file loads.
 */
function policyTable(): PolicyTable {
  table ??= {
    rules: Object.assign({}, ...MODULES.map((m) => m.policy)),
    hidden: new Set(MODULES.flatMap((m) => m.hiddenActions as readonly string[])),
  };
  return table;
}

/** Whether a denial of this action answers 404 and is recorded as a denied attempt. */
export function isHiddenAction(action: Action): boolean {
  return policyTable().hidden.has(action);
}

export function accessContextOf(request: FastifyRequest, db: DbOrTx): AccessContext {
  if (!request.actor) throw new UnauthenticatedError();
  const readOnly = request.method === "GET" || request.method === "HEAD";
  return new AccessContext(request.actor, db, request.server.authCache, readOnly);
}

export async function can<A extends Action>(
  ctx: AccessContext,
  action: A,
  target: TargetOf<A>,
): Promise<boolean> {
  const rule = policyTable().rules[action] as PolicyRule<TargetOf<A>>;
  return rule(ctx, target);
}

/** The only way a route asks whether the caller may do something; throws when not. */
export async function authorize<A extends Action>(
  ctx: AccessContext,
  action: A,
  target: TargetOf<A>,
): Promise<void> {
  if (await can(ctx, action, target)) return;
  throw isHiddenAction(action) ? new NotFoundError() : new ForbiddenError();
}
