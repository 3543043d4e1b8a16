import { Button, Paragraph } from "@digdir/designsystemet-react";
import { useTranslation } from "react-i18next";
import { useNavigate } from "react-router";
import { ApiError } from "../api.ts";
import { AppLink, PageTitle } from "./page.tsx";

/** Whether a failed request was refused for lack of rights (not missing, not broken). */
export function isForbidden(error: unknown): boolean {
  return error instanceof ApiError && error.status === 403;
}

/**
 * What every page shows when the person may not use it: why it is closed, whom to ask, and a
 * way back. Pages show it both when the menu rules say no before asking the server and when the
 * server answers 403, so a link followed from elsewhere never ends on an empty form.
 */
export function ForbiddenPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  // A page opened straight from an address has no history entry of this app to go back to.
  const canGoBack = window.history.state?.idx > 0;
  return (
    <>
      <PageTitle title={t("forbidden.title")}>{t("forbidden.title")}</PageTitle>
      <Paragraph>{t("forbidden.text")}</Paragraph>
      <Paragraph>{t("forbidden.ask")}</Paragraph>
      <div className="button-row">
        {canGoBack ? (
          <Button variant="secondary" onClick={() => navigate(-1)}>
            {t("forbidden.back")}
          </Button>
        ) : null}
        <AppLink to="/">{t("common.backHome")}</AppLink>
      </div>
    </>
  );
}
