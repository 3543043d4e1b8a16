import type { Role } from "../platform/roles.ts";

/**
 * The prevention process is community-level work: it asks for readiness' community.read and
 * community.edit and needs nothing of its own.
 */
export const PROCESS_PERMISSIONS = {} as const satisfies Record<string, readonly Role[]>;
