import { page as pageOf } from "../../components/lazy-page.ts";
import type { WebModule } from "../../modules.ts";

const page = <M, K extends keyof M>(load: () => Promise<M>, name: K) =>
  pageOf(load, name, "profile");

/** Area profiles: survey waves to risk and protective factors, compared and prioritised. */
export const profileModule: WebModule = {
  name: "profile",
  namespace: "profile",
  title: "profile.title",
  description: "profile.module.description",
  nav: [{ to: "/profile", key: "nav.profile", permission: "community.read", section: "work" }],
  routes: [
    {
      path: "/profile",
      handle: { help: "områdesprofil" },
      lazy: page(() => import("./list.tsx"), "ProfileListPage"),
    },
    {
      path: "/profile/instruments",
      handle: { help: "instrument" },
      lazy: page(() => import("./instruments.tsx"), "ProfileInstrumentsPage"),
    },
    {
      path: "/profile/instruments/:id",
      handle: { help: "instrument" },
      lazy: page(() => import("./instruments.tsx"), "ProfileInstrumentPage"),
    },
    {
      path: "/profile/import",
      handle: { help: "importera-en-enkätomgång" },
      lazy: page(() => import("./import.tsx"), "ProfileImportPage"),
    },
    {
      path: "/profile/kolada",
      handle: { help: "profilen-för-en-omgång" },
      lazy: page(() => import("./kolada.tsx"), "ProfileKoladaPage"),
    },
    {
      path: "/profile/waves/:id",
      handle: { help: "profilen-för-en-omgång" },
      lazy: page(() => import("./wave.tsx"), "ProfileWavePage"),
    },
    {
      path: "/profile/waves/:id/compare",
      handle: { help: "jämför-och-se-utvecklingen" },
      lazy: page(() => import("./compare.tsx"), "ProfileComparePage"),
    },
    {
      path: "/profile/waves/:id/trend",
      handle: { help: "jämför-och-se-utvecklingen" },
      lazy: page(() => import("./trend.tsx"), "ProfileTrendPage"),
    },
    {
      path: "/profile/waves/:id/areas",
      handle: { help: "jämför-och-se-utvecklingen" },
      lazy: page(() => import("./areas.tsx"), "ProfileAreasPage"),
    },
    {
      path: "/profile/waves/:id/prioritise",
      handle: { help: "prioritera-faktorer" },
      lazy: page(() => import("./prioritise.tsx"), "ProfilePrioritisePage"),
    },
  ],
};
