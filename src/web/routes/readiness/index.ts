import { page as pageOf } from "../../components/lazy-page.ts";
import type { WebModule } from "../../modules.ts";

const page = <M, K extends keyof M>(load: () => Promise<M>, name: K) =>
  pageOf(load, name, "readiness");

/** Community readiness assessments (CRM): interviews, blind scoring, consensus, results. */
export const readinessModule: WebModule = {
  name: "readiness",
  namespace: "readiness",
  title: "readiness.title",
  description: "readiness.module.description",
  nav: [{ to: "/readiness", key: "nav.readiness", permission: "community.read", section: "work" }],
  routes: [
    {
      path: "/readiness",
      handle: { help: "beredskapsmätning" },
      lazy: page(() => import("./list.tsx"), "ReadinessListPage"),
    },
    {
      path: "/readiness/new",
      handle: { help: "1-skapa-en-mätning" },
      lazy: page(() => import("./new.tsx"), "ReadinessNewPage"),
    },
    {
      path: "/readiness/compare",
      handle: { help: "10-jämför-mätningar" },
      lazy: page(() => import("./compare.tsx"), "ReadinessComparePage"),
    },
    {
      path: "/readiness/guides",
      handle: { help: "12-egna-intervjuguider" },
      lazy: page(() => import("./guides.tsx"), "ReadinessGuidesPage"),
    },
    {
      path: "/readiness/guides/:guideId",
      handle: { help: "12-egna-intervjuguider" },
      lazy: page(() => import("./guide-view.tsx"), "ReadinessGuidePage"),
    },
    {
      path: "/readiness/guides/new",
      handle: { help: "12-egna-intervjuguider" },
      lazy: page(() => import("./guides.tsx"), "ReadinessGuideEditorPage"),
    },
    {
      path: "/readiness/:id",
      handle: { help: "2-sätt-ihop-teamet" },
      lazy: page(() => import("./overview.tsx"), "ReadinessOverviewPage"),
    },
    {
      path: "/readiness/:id/consensus",
      handle: { help: "6-konsensus" },
      lazy: page(() => import("./consensus.tsx"), "ReadinessConsensusPage"),
    },
    {
      path: "/readiness/:id/results",
      handle: { help: "7-resultat-och-stadium" },
      lazy: page(() => import("./results.tsx"), "ReadinessResultsPage"),
    },
    {
      path: "/readiness/:id/interviews/:interviewId",
      handle: { help: "4-genomför-intervjuer" },
      lazy: page(() => import("./interview.tsx"), "ReadinessInterviewPage"),
    },
    {
      path: "/readiness/:id/interviews/:interviewId/scores",
      handle: { help: "5-blind-poängsättning" },
      lazy: page(() => import("./scoring.tsx"), "ReadinessScoringPage"),
    },
  ],
};
