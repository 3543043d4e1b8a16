import { QueryClient, QueryClientProvider, useQueryClient } from "@tanstack/react-query";
import { useEffect } from "react";
import { I18nextProvider } from "react-i18next";
import { createBrowserRouter, Outlet, RouterProvider, useNavigate } from "react-router";
import { ApiError, onAuthError } from "./api.ts";
import { SignedInLayout } from "./components/layout.tsx";
import i18n from "./i18n/index.ts";
import { AccountPage } from "./routes/platform/account.tsx";
import { AuditPage } from "./routes/platform/audit.tsx";
import { HomePage } from "./routes/platform/home.tsx";
import { LoginPage } from "./routes/platform/login.tsx";
import { NotFoundPage } from "./routes/platform/not-found.tsx";
import { OrganisationDetailPage } from "./routes/platform/organisation-detail.tsx";
import { OrganisationsPage } from "./routes/platform/organisations.tsx";
import { SettingsPage } from "./routes/platform/settings.tsx";
import { UserDetailPage } from "./routes/platform/user-detail.tsx";
import { UsersPage } from "./routes/platform/users.tsx";
import { ReadinessComparePage } from "./routes/readiness/compare.tsx";
import { ReadinessConsensusPage } from "./routes/readiness/consensus.tsx";
import { ReadinessGuideEditorPage, ReadinessGuidesPage } from "./routes/readiness/guides.tsx";
import { ReadinessInterviewPage } from "./routes/readiness/interview.tsx";
import { ReadinessListPage } from "./routes/readiness/list.tsx";
import { ReadinessNewPage } from "./routes/readiness/new.tsx";
import { ReadinessOverviewPage } from "./routes/readiness/overview.tsx";
import { ReadinessResultsPage } from "./routes/readiness/results.tsx";
import { ReadinessScoringPage } from "./routes/readiness/scoring.tsx";

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

const router = createBrowserRouter([
  {
    element: <AuthRedirects />,
    children: [
      { path: "/login", element: <LoginPage /> },
      {
        element: <SignedInLayout />,
        children: [
          { path: "/", element: <HomePage /> },
          { path: "/organisations", element: <OrganisationsPage /> },
          { path: "/organisations/:id", element: <OrganisationDetailPage /> },
          { path: "/users", element: <UsersPage /> },
          { path: "/users/:id", element: <UserDetailPage /> },
          { path: "/audit", element: <AuditPage /> },
          { path: "/settings", element: <SettingsPage /> },
          { path: "/account", element: <AccountPage /> },
          { path: "/readiness", element: <ReadinessListPage /> },
          { path: "/readiness/new", element: <ReadinessNewPage /> },
          { path: "/readiness/compare", element: <ReadinessComparePage /> },
          { path: "/readiness/guides", element: <ReadinessGuidesPage /> },
          { path: "/readiness/guides/new", element: <ReadinessGuideEditorPage /> },
          { path: "/readiness/:id", element: <ReadinessOverviewPage /> },
          { path: "/readiness/:id/consensus", element: <ReadinessConsensusPage /> },
          { path: "/readiness/:id/results", element: <ReadinessResultsPage /> },
          {
            path: "/readiness/:id/interviews/:interviewId",
            element: <ReadinessInterviewPage />,
          },
          {
            path: "/readiness/:id/interviews/:interviewId/scores",
            element: <ReadinessScoringPage />,
          },
          { path: "*", element: <NotFoundPage /> },
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
