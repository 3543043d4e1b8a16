import { Button, Field, Label, Select, SkipLink } from "@digdir/designsystemet-react";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useEffect, useRef } from "react";
import { useTranslation } from "react-i18next";
import {
  Link,
  Navigate,
  NavLink,
  Outlet,
  useLocation,
  useMatches,
  useNavigate,
  useNavigation,
} from "react-router";
import { api } from "../api.ts";
import { LANGUAGES, type Language } from "../i18n/index.ts";
import { helpSectionOf, navEntries } from "../modules.ts";
import { Loading } from "./page.tsx";
import { type Me, useMe } from "./session.ts";

const NAV = navEntries();

export function LanguageSwitch({ me }: { me?: Me }) {
  const { t, i18n } = useTranslation();
  const client = useQueryClient();
  const change = async (lang: Language) => {
    await i18n.changeLanguage(lang);
    if (me) {
      client.setQueryData<Me>(["me"], { ...me, locale: lang });
      try {
        await api("PATCH", "/api/auth/me", { locale: lang });
      } catch {
        // the interface language already changed; the preference is saved next time
      }
    }
  };
  return (
    <Field className="language-switch" data-size="sm">
      <Label htmlFor="language-switch">{t("header.language")}</Label>
      <Select
        id="language-switch"
        width="auto"
        value={i18n.language}
        onChange={(e) => void change(e.target.value as Language)}
      >
        {LANGUAGES.map((l) => (
          <Select.Option key={l} value={l} lang={l}>
            {t(`languages.${l}`)}
          </Select.Option>
        ))}
      </Select>
    </Field>
  );
}

/** Opens the user guide at the section about the page in view (the route's `handle.help`). */
function HelpLink() {
  const { t } = useTranslation();
  const matches = useMatches();
  const { pathname } = useLocation();
  if (pathname === "/help" || pathname === "/hjalp") return null;
  const section = helpSectionOf(matches);
  return (
    <Link
      to={{ pathname: "/help", hash: section ? `#${section}` : "" }}
      className="ds-link app-help"
    >
      {t("header.help")}
    </Link>
  );
}

function Header({ me }: { me?: Me }) {
  const { t } = useTranslation();
  const client = useQueryClient();
  const navigate = useNavigate();
  const logout = useMutation({
    mutationFn: () => api("POST", "/api/auth/logout"),
    onSettled: () => {
      client.clear();
      navigate("/login", { state: { signedOut: true } });
    },
  });
  return (
    <header className="app-header">
      <div className="app-header__bar">
        <NavLink to="/" className="app-brand">
          <span className="app-brand__mark" aria-hidden="true">
            ☂
          </span>
          <span>
            <span className="app-brand__name">{t("app.name")}</span>
            <span className="app-brand__tagline">{t("app.tagline")}</span>
          </span>
        </NavLink>
        <div className="app-header__tools">
          <HelpLink />
          <LanguageSwitch me={me} />
          {me ? (
            <div className="app-user">
              <span className="app-user__name">
                {t("header.signedInAs", { name: me.displayName })}
              </span>
              <Button
                variant="secondary"
                data-size="sm"
                onClick={() => logout.mutate()}
                disabled={logout.isPending}
              >
                {t("header.signOut")}
              </Button>
            </div>
          ) : null}
        </div>
      </div>
      {me ? (
        <nav aria-label={t("header.mainNav")} className="app-nav">
          <ul>
            {NAV.filter((n) => !n.permission || me.permissions.includes(n.permission)).map((n) => (
              <li key={n.to}>
                <NavLink to={n.to} end={n.to === "/"}>
                  {t(n.key)}
                </NavLink>
              </li>
            ))}
          </ul>
        </nav>
      ) : null}
    </header>
  );
}

/**
 * Says politely that the next page is on its way while its chunk loads. The live region is
 * always present (so screen readers announce the change) and sits out of the flow (so nothing
 * jumps). It is not a `status` role: that stays with the pages' own outcome messages.
 */
function RouteStatus() {
  const { t } = useTranslation();
  const loading = useNavigation().state === "loading";
  return (
    <p aria-live="polite" aria-atomic="true" className="route-status">
      {loading ? t("common.loadingPage") : ""}
    </p>
  );
}

export function Shell({ me, children }: { me?: Me; children: React.ReactNode }) {
  const { t } = useTranslation();
  return (
    <>
      <SkipLink href="#main">{t("common.skipToContent")}</SkipLink>
      <Header me={me} />
      <main id="main" tabIndex={-1} className="app-main">
        <RouteStatus />
        {children}
      </main>
      <footer className="app-footer">
        <p>
          {t("app.name")} · {t("app.tagline")} ·{" "}
          {/* A page the server renders (Redoc), not a route of this app. */}
          <a href="/api/docs">{t("app.apiReference")}</a>
        </p>
      </footer>
    </>
  );
}

/** Layout for signed-in pages: loads the user, applies their language, guards enrolment. */
export function SignedInLayout() {
  const { i18n } = useTranslation();
  const me = useMe();
  const location = useLocation();
  const appliedLocale = useRef(false);
  useEffect(() => {
    if (me.data && !appliedLocale.current) {
      appliedLocale.current = true;
      if (me.data.locale !== i18n.language) void i18n.changeLanguage(me.data.locale);
    }
  }, [me.data, i18n]);

  if (me.isPending) {
    return (
      <Shell>
        <Loading />
      </Shell>
    );
  }
  if (me.isError || !me.data) {
    return <Navigate to="/login" replace state={{ from: location.pathname + location.search }} />;
  }
  if (me.data.mfaEnrolmentRequired && location.pathname !== "/account") {
    return <Navigate to="/account" replace />;
  }
  return (
    <Shell me={me.data}>
      <Outlet />
    </Shell>
  );
}
