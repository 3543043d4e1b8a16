import type { Role } from "../platform/roles.ts";

/**
 * Area profiles declare no permission of their own: reading is `community.read`, instruments and
 * prioritisations are `community.edit`, and survey and Kolada imports are `profile.import`, all
 * three declared by readiness for the community contexts.
 */
export const PROFILE_PERMISSIONS = {} as const satisfies Record<string, readonly Role[]>;
