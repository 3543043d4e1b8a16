import { Alert, Card, Heading, Paragraph, Table } from "@digdir/designsystemet-react";
import { useTranslation } from "react-i18next";
import { DataTable } from "../../components/data-table.tsx";
import { roleName } from "../../components/labels.ts";
import { AppLink as Link, PageTitle } from "../../components/page.tsx";
import { useMe } from "../../components/session.ts";
import { homeParts, navEntries } from "../../modules.ts";

/** Every menu entry but this page, so each module's pages are one click from here too. */
const SHORTCUTS = navEntries().filter((n) => n.to !== "/");

/** What the modules add to the home page (none yet; see WebModule.home). */
const PARTS = homeParts();

export function HomePage() {
  const { t } = useTranslation();
  const { data: me } = useMe();
  if (!me) return null;
  return (
    <>
      <PageTitle title={t("home.title")}>{t("home.welcome", { name: me.displayName })}</PageTitle>
      {me.mfaEnrolmentRequired ? (
        <Alert data-color="warning">{t("home.enrolRequired")}</Alert>
      ) : null}
      {PARTS.map(({ key, Part }) => (
        <Part key={key} />
      ))}
      <div className="grid-2">
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
        <Card data-color="neutral">
          <Heading level={2} data-size="sm">
            {t("home.shortcuts")}
          </Heading>
          <ul className="link-list">
            {SHORTCUTS.filter((s) => !s.permission || me.permissions.includes(s.permission)).map(
              (s) => (
                <li key={s.to}>
                  <Link to={s.to}>{t(s.key)}</Link>
                </li>
              ),
            )}
          </ul>
        </Card>
      </div>
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
