import { Alert, Card, Heading, Paragraph, Table } from "@digdir/designsystemet-react";
import { useQuery } from "@tanstack/react-query";
import { useTranslation } from "react-i18next";
import type { Home } from "../../../domain/platform/home.ts";
import { get } from "../../api.ts";
import { DataTable } from "../../components/data-table.tsx";
import { roleName } from "../../components/labels.ts";
import { AppLink as Link, PageTitle } from "../../components/page.tsx";
import { useMe } from "../../components/session.ts";
import { homeParts } from "../../modules.ts";
import { ActivitySection, ModulesSection, WaitingSection } from "./home-sections.tsx";

/** What the modules add to the home page beside GET /api/home's parts (see WebModule.home). */
const PARTS = homeParts();

/**
 * Översikt, where the day starts: what waits for the person (every module's part of
 * GET /api/home), the modules they can use, and what their organisations are doing now.
 */
export function HomePage() {
  // The modules' names, descriptions and home-page labels live in their own namespaces.
  const { t } = useTranslation();
  const { data: me } = useMe();
  const home = useQuery({ queryKey: ["home"], queryFn: () => get<Home>("/api/home") });
  if (!me) return null;
  const state = {
    home: home.data,
    loading: home.isPending,
    failed: home.isError,
  };
  return (
    <>
      <PageTitle title={t("home.title")}>{t("home.welcome", { name: me.displayName })}</PageTitle>
      {me.mfaEnrolmentRequired ? (
        <Alert data-color="warning">{t("home.enrolRequired")}</Alert>
      ) : null}
      <WaitingSection state={state} />
      {PARTS.map(({ key, Part }) => (
        <Part key={key} />
      ))}
      <ModulesSection me={me} />
      <ActivitySection state={state} />
      <Card data-color="neutral">
        <Heading level={2} data-size="sm">
          {t("home.me")}
        </Heading>
        <dl className="facts">
          <dt>{t("home.email")}</dt>
          <dd>{me.email}</dd>
          <dt>{t("home.twoFactor")}</dt>
          <dd>{me.totpEnabled ? t("home.on") : t("home.off")}</dd>
        </dl>
      </Card>
      <section aria-labelledby="my-roles">
        <Heading level={2} data-size="md" id="my-roles">
          {t("home.myRoles")}
        </Heading>
        {me.grants.length === 0 ? (
          <Paragraph>{t("home.noRoles")}</Paragraph>
        ) : (
          <DataTable
            caption={t("home.rolesCaption")}
            hiddenCaption
            columns={[t("home.role"), t("home.organisation")]}
          >
            {me.grants.map((g) => (
              <Table.Row key={g.id}>
                <Table.Cell>{roleName(t, g.role)}</Table.Cell>
                <Table.Cell>
                  {g.organisationId ? (
                    me.permissions.includes("organisation.read") ? (
                      <Link to={`/organisations/${g.organisationId}`}>{g.organisationName}</Link>
                    ) : (
                      g.organisationName
                    )
                  ) : (
                    t("home.wholePlatform")
                  )}
                </Table.Cell>
              </Table.Row>
            ))}
          </DataTable>
        )}
      </section>
    </>
  );
}
