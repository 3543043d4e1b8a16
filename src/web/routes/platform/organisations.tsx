import { Checkbox, Paragraph, Tag, Textfield } from "@digdir/designsystemet-react";
import { useMemo, useState } from "react";
import { useTranslation } from "react-i18next";
import { areaTypeName, kindName, sectorName } from "../../components/labels.ts";
import {
  type Organisation,
  organisationLabel,
  useOrganisations,
} from "../../components/organisations.ts";
import { AppLink, Loading, PageTitle } from "../../components/page.tsx";

export { type Organisation, organisationLabel, useOrganisations };

export function OrgMeta({ org }: { org: Organisation }) {
  const { t } = useTranslation();
  return (
    <span className="org-meta">
      <Tag data-color="neutral" data-size="sm">
        {kindName(t, org.kind)}
      </Tag>
      {org.sector ? (
        <Tag data-color="info" data-size="sm">
          {sectorName(t, org.sector)}
        </Tag>
      ) : null}
      {org.areaType ? (
        <Tag data-color="info" data-size="sm">
          {areaTypeName(t, org.areaType)}
        </Tag>
      ) : null}
      {org.municipalityCode ? (
        <span className="muted">
          {t("organisations.municipalityCodeShort", { code: org.municipalityCode })}
        </span>
      ) : null}
      {org.archived ? (
        <Tag data-color="warning" data-size="sm">
          {t("organisations.archived")}
        </Tag>
      ) : null}
    </span>
  );
}

function TreeNode({
  org,
  childrenOf,
}: {
  org: Organisation;
  childrenOf: Map<string | null, Organisation[]>;
}) {
  const kids = childrenOf.get(org.id) ?? [];
  return (
    <li>
      <div className="tree__item">
        <AppLink to={`/organisations/${org.id}`}>{org.name}</AppLink>
        <OrgMeta org={org} />
      </div>
      {kids.length > 0 ? (
        <ul>
          {kids.map((k) => (
            <TreeNode key={k.id} org={k} childrenOf={childrenOf} />
          ))}
        </ul>
      ) : null}
    </li>
  );
}

export function OrganisationsPage() {
  const { t } = useTranslation();
  const orgs = useOrganisations();
  const [filter, setFilter] = useState("");
  const [showArchived, setShowArchived] = useState(false);

  const { roots, childrenOf, matches } = useMemo(() => {
    const list = (orgs.data ?? []).filter((o) => showArchived || !o.archived);
    const ids = new Set(list.map((o) => o.id));
    const childrenOf = new Map<string | null, Organisation[]>();
    for (const o of list) {
      const parent = o.parentId && ids.has(o.parentId) ? o.parentId : null;
      childrenOf.set(parent, [...(childrenOf.get(parent) ?? []), o]);
    }
    const q = filter.trim().toLowerCase();
    const matches = q
      ? list.filter((o) => o.name.toLowerCase().includes(q) || o.municipalityCode?.startsWith(q))
      : null;
    return { roots: childrenOf.get(null) ?? [], childrenOf, matches };
  }, [orgs.data, filter, showArchived]);

  return (
    <>
      <PageTitle title={t("organisations.title")}>{t("organisations.title")}</PageTitle>
      <Paragraph>{t("organisations.intro")}</Paragraph>
      <search className="filter-bar">
        <Textfield
          label={t("organisations.filter")}
          value={filter}
          onChange={(e) => setFilter(e.target.value)}
          type="search"
        />
        <Checkbox
          label={t("organisations.showArchived")}
          checked={showArchived}
          onChange={(e) => setShowArchived(e.target.checked)}
        />
      </search>
      {orgs.isPending ? <Loading /> : null}
      {orgs.data && roots.length === 0 ? <Paragraph>{t("organisations.empty")}</Paragraph> : null}
      <section aria-labelledby="org-tree-heading">
        <h2 id="org-tree-heading" className="ds-heading visually-hidden">
          {t("organisations.tree")}
        </h2>
        {matches ? (
          <ul className="tree tree--flat" aria-live="polite">
            {matches.map((o) => (
              <li key={o.id}>
                <div className="tree__item">
                  <AppLink to={`/organisations/${o.id}`}>{o.name}</AppLink>
                  <OrgMeta org={o} />
                </div>
              </li>
            ))}
          </ul>
        ) : (
          <ul className="tree">
            {roots.map((o) => (
              <TreeNode key={o.id} org={o} childrenOf={childrenOf} />
            ))}
          </ul>
        )}
      </section>
    </>
  );
}
