import type { ComponentType } from "react";
import type { RouteObject } from "react-router";
import type { Permission } from "./components/session.ts";
import { platformModule } from "./routes/platform/index.ts";
import { processModule } from "./routes/process/index.ts";
import { profileModule } from "./routes/profile/index.ts";
import { readinessModule } from "./routes/readiness/index.ts";
import { supportModule } from "./routes/support/index.ts";

/**
 * Where a nav entry sits. The menu lists sections in this order and, within one, entries in
 * module order, so a new context's pages land beside the others' work without renumbering.
 */
export const NAV_SECTIONS = ["start", "work", "admin", "self"] as const;
export type NavSection = (typeof NAV_SECTIONS)[number];

export interface NavEntry {
  to: string;
  /** i18n key of the label, in any namespace. */
  key: string;
  /** Shown only to people who hold it; the server enforces it again on every request. */
  permission?: Permission;
  section: NavSection;
}

/**
 * What a route says about itself through React Router's `handle`: `help` is the id of the user
 * guide's section about the page (docs/anvandarguide.md), which the header's help link opens.
 * modules.test.ts fails when a route has none or names a heading the guide no longer has.
 */
export interface RouteHandle {
  help: string;
}

/** The help section of the deepest route that names one, from React Router's `useMatches()`. */
export function helpSectionOf(matches: readonly { handle: unknown }[]): string | undefined {
  for (const match of [...matches].reverse()) {
    const help = (match.handle as Partial<RouteHandle> | undefined)?.help;
    if (help) return help;
  }
  return undefined;
}

/** One bounded context in the web UI; the server's module list has the same names. */
export interface WebModule {
  /** Context name, as in src/domain/<name>, src/db/schema/<name>.ts, src/server/<name>. */
  name: string;
  /**
   * i18next namespace: the texts in src/web/i18n/<language>/<namespace>.json. Keys resolve
   * across every namespace, so `t("readiness.title")` needs no prefix, and a key may live in
   * only one of them (checked by catalogues.test.ts).
   */
  namespace: string;
  /** i18n key of the module's name on its home-page card. */
  title: string;
  /** i18n key of one line on what the module is for, under its name on the home page. */
  description: string;
  /**
   * Whether the namespace loads before the first render (the shell: sign-in, menu, home). Any
   * other module's texts load with its first page, so the sign-in page does not carry them.
   */
  textsAtStart?: boolean;
  /**
   * Further namespaces of the module (`<language>/<name>.json`), loaded only by the pages that
   * name them in `page()`: texts the shell does not need, kept off the sign-in page.
   */
  lazyNamespaces?: readonly string[];
  nav: NavEntry[];
  /**
   * Pages inside the signed-in layout; give each a `lazy` loader (`page()`) so it is its own
   * chunk, and a `handle` (RouteHandle) naming its section of the user guide.
   */
  routes: RouteObject[];
  /**
   * Parts the home page shows, in module order after its own content: e.g. "interviews waiting
   * for my scores". Each part reads what it needs itself (`useMe()`, queries) and renders nothing
   * when it has nothing to say or the person may not see it. Wrap it in `React.lazy` when it
   * pulls in more than a few kilobytes, so the home page stays light.
   */
  home?: ComponentType[];
}

/** Every context of the web UI, in menu and home-page order. A new context adds one line. */
export const WEB_MODULES: readonly WebModule[] = [
  platformModule,
  readinessModule,
  processModule,
  profileModule,
  supportModule,
];

/** The i18next namespace every module shares (app name, buttons, header). */
export const COMMON_NAMESPACE = "common";

export function navEntries(modules: readonly WebModule[] = WEB_MODULES): NavEntry[] {
  return NAV_SECTIONS.flatMap((section) =>
    modules.flatMap((m) => m.nav.filter((n) => n.section === section)),
  );
}

export function moduleRoutes(modules: readonly WebModule[] = WEB_MODULES): RouteObject[] {
  return modules.flatMap((m) => m.routes);
}

/** The modules' home-page parts in module order, each with a stable React key. */
export function homeParts(
  modules: readonly WebModule[] = WEB_MODULES,
): { key: string; Part: ComponentType }[] {
  return modules.flatMap((m) => (m.home ?? []).map((Part, i) => ({ key: `${m.name}.${i}`, Part })));
}
