import { page as pageOf } from "../../components/lazy-page.ts";
import type { WebModule } from "../../modules.ts";

const page = <M, K extends keyof M>(load: () => Promise<M>, name: K) =>
  pageOf(load, name, "readiness");

/** Community readiness assessments (CRM): interviews, blind scoring, consensus, results. */
export const readinessModule: WebModule = {
  name: "readiness",
  namespace: "readiness",
  nav: [{ to: "/readiness", key: "nav.readiness", permission: "community.read", section: "work" }],
  routes: [
    { path: "/readiness", lazy: page(() => import("./list.tsx"), "ReadinessListPage") },
    { path: "/readiness/new", lazy: page(() => import("./new.tsx"), "ReadinessNewPage") },
    {
      path: "/readiness/compare",
      lazy: page(() => import("./compare.tsx"), "ReadinessComparePage"),
    },
    {
      path: "/readiness/guides",
      lazy: page(() => import("./guides.tsx"), "ReadinessGuidesPage"),
    },
    {
      path: "/readiness/guides/:guideId",
      lazy: page(() => import("./guide-view.tsx"), "ReadinessGuidePage"),
    },
    {
      path: "/readiness/guides/new",
      lazy: page(() => import("./guides.tsx"), "ReadinessGuideEditorPage"),
    },
    { path: "/readiness/:id", lazy: page(() => import("./overview.tsx"), "ReadinessOverviewPage") },
    {
      path: "/readiness/:id/consensus",
      lazy: page(() => import("./consensus.tsx"), "ReadinessConsensusPage"),
    },
    {
      path: "/readiness/:id/results",
      lazy: page(() => import("./results.tsx"), "ReadinessResultsPage"),
    },
    {
      path: "/readiness/:id/interviews/:interviewId",
      lazy: page(() => import("./interview.tsx"), "ReadinessInterviewPage"),
    },
    {
      path: "/readiness/:id/interviews/:interviewId/scores",
      lazy: page(() => import("./scoring.tsx"), "ReadinessScoringPage"),
    },
  ],
};
