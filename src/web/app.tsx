import { QueryClient, QueryClientProvider, useQueryClient } from "@tanstack/react-query";
import { useEffect } from "react";
import { I18nextProvider } from "react-i18next";
import { createBrowserRouter, Outlet, RouterProvider, useNavigate } from "react-router";
import { ApiError, onAuthError } from "./api.ts";
import { Shell, SignedInLayout } from "./components/layout.tsx";
import { Loading } from "./components/page.tsx";
import i18n from "./i18n/index.ts";
import { moduleRoutes } from "./modules.ts";
import { NOT_FOUND_ROUTE, PUBLIC_ROUTES } from "./public-routes.ts";

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

/** Shown while the first page's chunk loads: the same frame the pages render in, so nothing jumps. */
function FirstPageFallback() {
  return (
    <Shell>
      <Loading />
    </Shell>
  );
}

const router = createBrowserRouter([
  {
    element: <AuthRedirects />,
    HydrateFallback: FirstPageFallback,
    children: [
      ...PUBLIC_ROUTES,
      { element: <SignedInLayout />, children: [...moduleRoutes(), NOT_FOUND_ROUTE] },
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
