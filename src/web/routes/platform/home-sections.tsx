import { Alert, Card, Heading, Paragraph } from "@digdir/designsystemet-react";
import type { TFunction } from "i18next";
import { useTranslation } from "react-i18next";
import type { Home, HomeItem } from "../../../domain/platform/home.ts";
import { AppLink as Link, Loading } from "../../components/page.tsx";
import type { Me } from "../../components/session.ts";
import { WEB_MODULES } from "../../modules.ts";

type Section = HomeItem["section"];
type Group = HomeItem & { module: string };

function groupsOf(home: Home | undefined, section: Section): Group[] {
  return (home?.parts ?? []).flatMap((part) =>
    part.items.filter((i) => i.section === section).map((i) => ({ ...i, module: part.module })),
  );
}

function formatDate(value: string, lang: string): string {
  return new Intl.DateTimeFormat(lang === "en" ? "en-GB" : "sv-SE", { dateStyle: "medium" }).format(
    new Date(`${value}T12:00:00`),
  );
}

/** One kind of record (a module's `<module>.home.<kind>` label) and the first few of them. */
function GroupList({ group, headingLevel }: { group: Group; headingLevel: 3 }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language === "en" ? "en" : "sv";
  const id = `home-${group.module}-${group.kind}`;
  return (
    <section aria-labelledby={id} className="home-group">
      <Heading level={headingLevel} data-size="xs" id={id}>
        {t(`${group.module}.home.${group.kind}`)} ({group.count})
      </Heading>
      <ul className="link-list">
        {group.items.map((item) => (
          <li key={item.href}>
            <Link to={item.href}>{item.title[lang]}</Link>
            {item.due ? (
              <span className="home-due">
                {" "}
                – {t("home.due", { date: formatDate(item.due, lang) })}
              </span>
            ) : null}
          </li>
        ))}
      </ul>
      {group.count > group.items.length ? (
        <Paragraph data-size="sm">
          {t("home.showingOf", { shown: group.items.length, count: group.count })}
        </Paragraph>
      ) : null}
    </section>
  );
}

interface HomeState {
  home: Home | undefined;
  loading: boolean;
  failed: boolean;
}

function Groups({ state, section, empty }: { state: HomeState; section: Section; empty: string }) {
  const { t } = useTranslation();
  if (state.loading) return <Loading />;
  if (state.failed) return <Alert data-color="danger">{t("home.loadError")}</Alert>;
  const groups = groupsOf(state.home, section);
  if (groups.length === 0) return <Paragraph>{empty}</Paragraph>;
  return groups.map((group) => (
    <GroupList key={`${group.module}.${group.kind}`} group={group} headingLevel={3} />
  ));
}

/** "Väntar på dig": the work every module has for the person, in module order. */
export function WaitingSection({ state }: { state: HomeState }) {
  const { t } = useTranslation();
  return (
    <section aria-labelledby="home-waiting" className="panel home-waiting">
      <Heading level={2} data-size="md" id="home-waiting">
        {t("home.waiting")}
      </Heading>
      <Groups state={state} section="waiting" empty={t("home.nothingWaiting")} />
    </section>
  );
}

/** "Pågår i dina organisationer": what the modules say the person's organisations are doing. */
export function ActivitySection({ state }: { state: HomeState }) {
  const { t } = useTranslation();
  return (
    <section aria-labelledby="home-activity">
      <Heading level={2} data-size="md" id="home-activity">
        {t("home.activity")}
      </Heading>
      <Groups state={state} section="activity" empty={t("home.noActivity")} />
    </section>
  );
}

function usableEntries(t: TFunction, me: Me) {
  return WEB_MODULES.map((module) => ({
    module,
    entries: module.nav.filter(
      (n) => n.to !== "/" && (!n.permission || me.permissions.includes(n.permission)),
    ),
  }))
    .filter(({ entries }) => entries.length > 0)
    .map(({ module, entries }) => ({
      name: module.name,
      title: t(module.title),
      description: t(module.description),
      entries,
    }));
}

/** A card per module the person can use: its name, one line on it, and its pages. */
export function ModulesSection({ me }: { me: Me }) {
  const { t } = useTranslation();
  const modules = usableEntries(t, me);
  return (
    <section aria-labelledby="home-modules">
      <Heading level={2} data-size="md" id="home-modules">
        {t("home.modulesHeading")}
      </Heading>
      {modules.length === 0 ? (
        <Paragraph>{t("home.noModules")}</Paragraph>
      ) : (
        <ul className="grid-2 home-modules">
          {modules.map((m) => (
            <li key={m.name}>
              <Card data-color="neutral">
                <Heading level={3} data-size="sm" id={`home-module-${m.name}`}>
                  {m.title}
                </Heading>
                <Paragraph data-size="sm">{m.description}</Paragraph>
                <ul className="link-list" aria-labelledby={`home-module-${m.name}`}>
                  {m.entries.map((n) => (
                    <li key={n.to}>
                      <Link to={n.to}>{t(n.key)}</Link>
                    </li>
                  ))}
                </ul>
              </Card>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
