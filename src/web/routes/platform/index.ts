import { everyNamespace, page } from "../../components/lazy-page.ts";
import type { WebModule } from "../../modules.ts";

/** Organisations, people, the audit log, settings and the person's own account. */
export const platformModule: WebModule = {
  name: "platform",
  namespace: "platform",
  title: "home.modules.platform.title",
  description: "home.modules.platform.description",
  textsAtStart: true,
  lazyNamespaces: ["admin"],
  nav: [
    { to: "/", key: "nav.home", section: "start" },
    {
      to: "/organisations",
      key: "nav.organisations",
      permission: "organisation.read",
      section: "work",
    },
    { to: "/users", key: "nav.users", permission: "user.read", section: "admin" },
    { to: "/audit", key: "nav.audit", permission: "audit.read", section: "admin" },
    { to: "/settings", key: "nav.settings", permission: "platform.manage", section: "admin" },
    { to: "/account", key: "nav.account", section: "self" },
  ],
  routes: [
    {
      path: "/",
      handle: { help: "översikt" },
      lazy: page(() => import("./home.tsx"), "HomePage", everyNamespace),
    },
    {
      path: "/organisations",
      handle: { help: "organisationer-och-områden" },
      lazy: page(() => import("./organisations.tsx"), "OrganisationsPage"),
    },
    {
      path: "/organisations/:id",
      handle: { help: "lägga-till-och-ändra-organisationer" },
      lazy: page(() => import("./organisation-detail.tsx"), "OrganisationDetailPage", "admin"),
    },
    {
      path: "/users",
      handle: { help: "hantera-användare" },
      lazy: page(() => import("./users.tsx"), "UsersPage", "admin"),
    },
    {
      path: "/users/:id",
      handle: { help: "hantera-användare" },
      lazy: page(() => import("./user-detail.tsx"), "UserDetailPage", "admin"),
    },
    {
      path: "/audit",
      handle: { help: "granskningsloggen" },
      lazy: page(() => import("./audit.tsx"), "AuditPage", everyNamespace),
    },
    {
      path: "/settings",
      handle: { help: "tvåstegsverifiering" },
      lazy: page(() => import("./settings.tsx"), "SettingsPage", "admin"),
    },
    {
      path: "/account",
      handle: { help: "tvåstegsverifiering" },
      lazy: page(() => import("./account.tsx"), "AccountPage", "admin"),
    },
  ],
};
