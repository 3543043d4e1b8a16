import { page as pageOf } from "../../components/lazy-page.ts";
import type { WebModule } from "../../modules.ts";

const page = <M, K extends keyof M>(load: () => Promise<M>, name: K) =>
  pageOf(load, name, "support");

/**
 * Coordinated support for one child (the Dalsland model): cases opened only by a live access
 * record, never by an organisation role. Every page asks the server, which answers 404 for a case
 * the person may not read, so the web app never decides access itself.
 */
export const supportModule: WebModule = {
  name: "support",
  namespace: "support",
  title: "support.title",
  description: "support.module.description",
  nav: [
    { to: "/support", key: "nav.support", permission: "support.work", section: "work" },
    {
      to: "/support/log-review",
      key: "nav.supportLogReview",
      permission: "support.review",
      section: "admin",
    },
  ],
  routes: [
    {
      path: "/support",
      handle: { help: "mina-ärenden" },
      lazy: page(() => import("./my-cases.tsx"), "SupportMyCasesPage"),
    },
    {
      path: "/support/discover",
      handle: { help: "1-upptäcka-ett-behov" },
      lazy: page(() => import("./discover.tsx"), "SupportDiscoverPage"),
    },
    {
      path: "/support/cases/:id",
      handle: { help: "ärendet" },
      lazy: page(() => import("./case.tsx"), "SupportCasePage"),
    },
    {
      path: "/support/cases/:id/identify",
      handle: { help: "1-upptäcka-ett-behov" },
      lazy: page(() => import("./identify.tsx"), "SupportIdentifyPage"),
    },
    {
      path: "/support/cases/:id/contact",
      handle: { help: "2-aktivera-barnkontakten" },
      lazy: page(() => import("./contact.tsx"), "SupportContactPage"),
    },
    {
      path: "/support/cases/:id/assessment",
      handle: { help: "3-behovskompassen" },
      lazy: page(() => import("./assessment.tsx"), "SupportAssessmentPage"),
    },
    {
      path: "/support/cases/:id/plan",
      handle: { help: "3-behovskompassen" },
      lazy: page(() => import("./plan.tsx"), "SupportPlanPage"),
    },
    {
      path: "/support/cases/:id/consents",
      handle: { help: "4-samtycke" },
      lazy: page(() => import("./consents.tsx"), "SupportConsentsPage"),
    },
    {
      path: "/support/cases/:id/sip",
      handle: { help: "5-sip" },
      lazy: page(() => import("./sip.tsx"), "SupportSipPage"),
    },
    {
      path: "/support/cases/:id/close",
      handle: { help: "7-följa-upp-och-avsluta" },
      lazy: page(() => import("./close.tsx"), "SupportClosePage"),
    },
    {
      path: "/support/cases/:id/emergency",
      handle: { help: "nödåtkomst" },
      lazy: page(() => import("./emergency.tsx"), "SupportEmergencyPage"),
    },
    {
      path: "/support/reports/new",
      handle: { help: "6-orosanmälan" },
      lazy: page(() => import("./report-new.tsx"), "SupportReportNewPage"),
    },
    {
      path: "/support/reports",
      handle: { help: "mottagningens-inkorg" },
      lazy: page(() => import("./reports.tsx"), "SupportReportsPage"),
    },
    {
      path: "/support/log-review",
      handle: { help: "loggranskning" },
      lazy: page(() => import("./log-review.tsx"), "SupportLogReviewPage"),
    },
  ],
};
