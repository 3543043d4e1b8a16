import type { FastifyRequest } from "fastify";
import type { Db } from "../../db/database.ts";
import type { Permission } from "../../domain/platform/roles.ts";
import type { AuthCache } from "../platform/auth-cache.ts";
import { PLATFORM_HIDDEN_ACTIONS, platformPolicy } from "../platform/policy.ts";
import { lineageWhere, type OrgIdSet, subtreeWhere } from "../platform/queries.ts";
import { readinessPolicy } from "../readiness/policy.ts";
import { SUPPORT_HIDDEN_ACTIONS, supportPolicy } from "../support/policy.ts";
import type { Actor } from "./actor.ts";
import { ForbiddenError, NotFoundError, UnauthenticatedError } from "./errors.ts";

/**
 * What a policy rule may consult. Organisation scopes are computed once per request and
 * memoised, so a route that asks several questions runs each scope query once.
 */
export class AccessContext {
  private readonly memo = new Map<string, Promise<OrgIdSet>>();

  constructor(
    readonly actor: Actor,
    readonly db: Db,
    private readonly cache?: AuthCache,
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
        const version = this.cache?.version ?? 0;
        value = compute().then((scope) => {
          this.cache?.setScope(this.actor.userId, key, scope, version);
          return scope;
        });
      }
      this.memo.set(key, value);
    }
    return value;
  }
}

export type PolicyRule<T> = (ctx: AccessContext, target: T) => boolean | Promise<boolean>;

/** Every context's rules in one table; the action names say context and verb. */
const policies = { ...platformPolicy, ...supportPolicy, ...readinessPolicy };
type Policies = typeof policies;
export type Action = keyof Policies;
export type TargetOf<A extends Action> = Parameters<Policies[A]>[1];

// Individual-level records answer 404 when denied: that a child's case exists is itself secret.
// So does a job of someone else's.
const HIDDEN_WHEN_DENIED = new Set<string>([...SUPPORT_HIDDEN_ACTIONS, ...PLATFORM_HIDDEN_ACTIONS]);

export function accessContextOf(request: FastifyRequest, db: Db): AccessContext {
  if (!request.actor) throw new UnauthenticatedError();
  return new AccessContext(request.actor, db, request.server.authCache);
}

export async function can<A extends Action>(
  ctx: AccessContext,
  action: A,
  target: TargetOf<A>,
): Promise<boolean> {
  const rule = policies[action] as PolicyRule<TargetOf<A>>;
  return rule(ctx, target);
}

/** The only way a route asks whether the caller may do something; throws when not. */
export async function authorize<A extends Action>(
  ctx: AccessContext,
  action: A,
  target: TargetOf<A>,
): Promise<void> {
  if (await can(ctx, action, target)) return;
  throw HIDDEN_WHEN_DENIED.has(action) ? new NotFoundError() : new ForbiddenError();
}
