import type { RouteObject } from "react-router";
import { page } from "./components/lazy-page.ts";

/**
 * Pages outside the signed-in layout: reached before sign-in, each drawing its own frame. Like the
 * modules' routes, each names its section of the user guide (modules.test.ts checks them).
 */
export const PUBLIC_ROUTES: RouteObject[] = [
  {
    path: "/login",
    handle: { help: "logga-in" },
    lazy: page(() => import("./routes/platform/login.tsx"), "LoginPage"),
  },
  {
    path: "/password-reset",
    handle: { help: "glömt-lösenord" },
    lazy: page(
      () => import("./routes/platform/password-reset.tsx"),
      "PasswordResetRequestPage",
      "admin",
    ),
  },
  {
    path: "/password-reset/confirm",
    handle: { help: "glömt-lösenord" },
    lazy: page(
      () => import("./routes/platform/password-reset.tsx"),
      "PasswordResetConfirmPage",
      "admin",
    ),
  },
  {
    path: "/help",
    handle: { help: "hjälp" },
    lazy: page(() => import("./routes/platform/help.tsx"), "HelpPage"),
  },
  // The Swedish address, for those who type it.
  {
    path: "/hjalp",
    handle: { help: "hjälp" },
    lazy: page(() => import("./routes/platform/help.tsx"), "HelpPage"),
  },
];

/** The page for an address nothing else answers. */
export const NOT_FOUND_ROUTE: RouteObject = {
  path: "*",
  handle: { help: "kom-igång" },
  lazy: page(() => import("./routes/platform/not-found.tsx"), "NotFoundPage"),
};
