import { Heading } from "@digdir/designsystemet-react";
import { type ReactNode, useEffect, useRef } from "react";
import { useTranslation } from "react-i18next";
import { type LinkProps, Link as RouterLink, useLocation } from "react-router";

const FOCUS_REQUEST = "paraply.focusHeading";

/**
 * Asks the first page after a full page load to put focus on its heading, as client-side
 * navigation does: for a sign-in that goes through another site and comes back.
 */
export function requestHeadingFocus() {
  try {
    sessionStorage.setItem(FOCUS_REQUEST, "1");
  } catch {
    // storage turned off: the page keeps the browser's own focus
  }
}

function takeHeadingFocusRequest(): boolean {
  try {
    const requested = sessionStorage.getItem(FOCUS_REQUEST) !== null;
    sessionStorage.removeItem(FOCUS_REQUEST);
    return requested;
  } catch {
    return false;
  }
}

/** The page's h1: sets the document title and takes focus after client-side navigation. */
export function PageTitle({ children, title }: { children: ReactNode; title: string }) {
  const { t } = useTranslation();
  const ref = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    document.title = `${title} – ${t("app.name")}`;
  }, [title, t]);
  // After client-side navigation (not on the first page load) focus moves to the new heading,
  // and so it does on the first page after a sign-in that left the app (single sign-on).
  const navigated = useLocation().key !== "default";
  // biome-ignore lint/correctness/useExhaustiveDependencies: only when the page mounts
  useEffect(() => {
    if (takeHeadingFocusRequest() || navigated) ref.current?.focus();
  }, []);
  return (
    <Heading level={1} data-size="lg" ref={ref} tabIndex={-1} className="page-title">
      {children}
    </Heading>
  );
}

export function Loading() {
  const { t } = useTranslation();
  return (
    <p role="status" className="loading">
      {t("common.loading")}
    </p>
  );
}

/** A router link styled as a Designsystemet link. */
export function AppLink(props: LinkProps) {
  return <RouterLink {...props} className={`ds-link ${props.className ?? ""}`.trim()} />;
}
