import { platformModule } from "./platform/index.ts";
import { profileModule } from "./profile/index.ts";
import { readinessModule } from "./readiness/index.ts";
import { supportModule } from "./support/index.ts";

/**
 * Every context of the server, in the order of DOMAIN_CONTEXTS (src/domain/contexts.ts).
 * Adding a context: its folders, one line here and one line there.
 */
export const MODULES = [platformModule, readinessModule, supportModule, profileModule] as const;
