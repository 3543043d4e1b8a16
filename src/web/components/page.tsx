import { Heading } from "@digdir/designsystemet-react";
import { type ReactNode, useEffect, useRef } from "react";
import { useTranslation } from "react-i18next";
import { type LinkProps, Link as RouterLink, useLocation } from "react-router";

/** The page's h1: sets the document title and takes focus after client-side navigation. */
export function PageTitle({ children, title }: { children: ReactNode; title: string }) {
  const { t } = useTranslation();
  const ref = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    document.title = `${title} – ${t("app.name")}`;
  }, [title, t]);
  // After client-side navigation (not on the first page load) focus moves to the new heading.
  const navigated = useLocation().key !== "default";
  // biome-ignore lint/correctness/useExhaustiveDependencies: only when the page mounts
  useEffect(() => {
    if (navigated) ref.current?.focus();
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
