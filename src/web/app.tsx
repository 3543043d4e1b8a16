import { QueryClient, QueryClientProvider, useQueryClient } from "@tanstack/react-query";
import { type ComponentType, useEffect } from "react";
import { I18nextProvider } from "react-i18next";
import { createBrowserRouter, Outlet, RouterProvider, useNavigate } from "react-router";
import { ApiError, onAuthError } from "./api.ts";
import { Shell, SignedInLayout } from "./components/layout.tsx";
import { Loading } from "./components/page.tsx";
import i18n, { loadTexts, type TextSection } from "./i18n/index.ts";

const queryClient = new QueryClient({
  defaultOptions: {
    queries: {
      retry: (count, error) =>
        !(error instanceof ApiError && error.status >= 400 && error.status < 500) && count < 2,
      refetchOnWindowFocus: false,
    },
  },
});

/** Sends the user to sign-in, the MFA step or enrolment when the API says so. */
function AuthRedirects() {
  const navigate = useNavigate();
  const client = useQueryClient();
  useEffect(
    () =>
      onAuthError((error) => {
        if (error.code === "mfa_enrolment_required") {
          void client.invalidateQueries({ queryKey: ["me"] });
          navigate("/account");
        } else if (error.code === "mfa_required") {
          navigate("/login", { state: { mfa: true } });
        } else if (error.status === 401) {
          client.removeQueries();
          navigate("/login", { state: { from: window.location.pathname } });
        }
      }),
    [navigate, client],
  );
  return <Outlet />;
}

/**
 * Loads a page's module only when its route is first visited, so each page (and what only it
 * uses, such as the chart library) is its own chunk and the sign-in page stays small. A page of
 * a context with its own texts loads them alongside.
 */
function page<M, K extends keyof M>(load: () => Promise<M>, name: K, texts?: TextSection) {
  return async () => {
    const [module] = await Promise.all([load(), texts ? loadTexts(texts) : undefined]);
    return { Component: module[name] as ComponentType };
  };
}

/** Shown while the first page's chunk loads: the same frame the pages render in, so nothing jumps. */
function FirstPageFallback() {
  return (
    <Shell>
      <Loading />
    </Shell>
  );
}

type LazyPage = ReturnType<typeof page>;

/** Each context's pages by path; a page's chunk is loaded when its path is first visited. */
const PLATFORM_PAGES: Record<string, LazyPage> = {
  "/": page(() => import("./routes/platform/home.tsx"), "HomePage"),
  "/organisations": page(() => import("./routes/platform/organisations.tsx"), "OrganisationsPage"),
  "/organisations/:id": page(
    () => import("./routes/platform/organisation-detail.tsx"),
    "OrganisationDetailPage",
  ),
  "/users": page(() => import("./routes/platform/users.tsx"), "UsersPage"),
  "/users/:id": page(() => import("./routes/platform/user-detail.tsx"), "UserDetailPage"),
  "/audit": page(() => import("./routes/platform/audit.tsx"), "AuditPage"),
  "/settings": page(() => import("./routes/platform/settings.tsx"), "SettingsPage"),
  "/account": page(() => import("./routes/platform/account.tsx"), "AccountPage"),
};

const readiness = <M, K extends keyof M>(load: () => Promise<M>, name: K) =>
  page(load, name, "readiness");

const READINESS_PAGES: Record<string, LazyPage> = {
  "/readiness": readiness(() => import("./routes/readiness/list.tsx"), "ReadinessListPage"),
  "/readiness/new": readiness(() => import("./routes/readiness/new.tsx"), "ReadinessNewPage"),
  "/readiness/compare": readiness(
    () => import("./routes/readiness/compare.tsx"),
    "ReadinessComparePage",
  ),
  "/readiness/guides": readiness(
    () => import("./routes/readiness/guides.tsx"),
    "ReadinessGuidesPage",
  ),
  "/readiness/guides/new": readiness(
    () => import("./routes/readiness/guides.tsx"),
    "ReadinessGuideEditorPage",
  ),
  "/readiness/:id": readiness(
    () => import("./routes/readiness/overview.tsx"),
    "ReadinessOverviewPage",
  ),
  "/readiness/:id/consensus": readiness(
    () => import("./routes/readiness/consensus.tsx"),
    "ReadinessConsensusPage",
  ),
  "/readiness/:id/results": readiness(
    () => import("./routes/readiness/results.tsx"),
    "ReadinessResultsPage",
  ),
  "/readiness/:id/interviews/:interviewId": readiness(
    () => import("./routes/readiness/interview.tsx"),
    "ReadinessInterviewPage",
  ),
  "/readiness/:id/interviews/:interviewId/scores": readiness(
    () => import("./routes/readiness/scoring.tsx"),
    "ReadinessScoringPage",
  ),
};

const routes = (pages: Record<string, LazyPage>) =>
  Object.entries(pages).map(([path, lazy]) => ({ path, lazy }));

const router = createBrowserRouter([
  {
    element: <AuthRedirects />,
    HydrateFallback: FirstPageFallback,
    children: [
      { path: "/login", lazy: page(() => import("./routes/platform/login.tsx"), "LoginPage") },
      {
        element: <SignedInLayout />,
        children: [
          ...routes(PLATFORM_PAGES),
          ...routes(READINESS_PAGES),
          {
            path: "*",
            lazy: page(() => import("./routes/platform/not-found.tsx"), "NotFoundPage"),
          },
        ],
      },
    ],
  },
]);

export function App() {
  return (
    <I18nextProvider i18n={i18n}>
      <QueryClientProvider client={queryClient}>
        <RouterProvider router={router} />
      </QueryClientProvider>
    </I18nextProvider>
  );
}
