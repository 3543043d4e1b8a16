import { page as pageOf } from "../../components/lazy-page.ts";
import type { WebModule } from "../../modules.ts";

const page = <M, K extends keyof M>(load: () => Promise<M>, name: K) =>
  pageOf(load, name, "process");

/** The prevention process (Communities That Care): phases, milestones, cycles, board overview. */
export const processModule: WebModule = {
  name: "process",
  namespace: "process",
  title: "process.title",
  description: "process.module.description",
  nav: [{ to: "/process", key: "nav.process", permission: "community.read", section: "work" }],
  routes: [
    {
      path: "/process",
      handle: { help: "förebyggande-process" },
      lazy: page(() => import("./list.tsx"), "ProcessListPage"),
    },
    {
      path: "/process/overview",
      handle: { help: "styrgruppsöversikt" },
      lazy: page(() => import("./overview.tsx"), "ProcessOverviewPage"),
    },
    {
      path: "/process/checklists",
      handle: { help: "egna-checklistor" },
      lazy: page(() => import("./checklists.tsx"), "ProcessChecklistsPage"),
    },
    {
      path: "/process/:id",
      handle: { help: "milstolpar-och-riktmärken" },
      lazy: page(() => import("./process.tsx"), "ProcessPage"),
    },
    {
      path: "/process/:id/cycles/:cycleId",
      handle: { help: "cykler" },
      lazy: page(() => import("./process.tsx"), "ProcessPage"),
    },
  ],
};
