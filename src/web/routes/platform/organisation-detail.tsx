import {
  Alert,
  Button,
  Card,
  Heading,
  Paragraph,
  Table,
  Textfield,
} from "@digdir/designsystemet-react";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useEffect, useState } from "react";
import { useTranslation } from "react-i18next";
import { useLocation, useNavigate, useParams } from "react-router";
import type { z } from "zod";
import {
  canHaveParent,
  ORGANISATION_KINDS,
  type OrganisationKind,
} from "../../../domain/platform/organisations.ts";
import {
  type MunicipalityRefSchema,
  OrganisationCreateSchema,
} from "../../../domain/platform/schemas.ts";
import { type ApiError, api, get, query } from "../../api.ts";
import { DataTable } from "../../components/data-table.tsx";
import { ForbiddenPage, isForbidden } from "../../components/forbidden.tsx";
import {
  Options,
  SelectField,
  StatusMessage,
  useFormErrors,
  ValidatedForm,
} from "../../components/forms.tsx";
import { areaTypeName, kindName, sectorName } from "../../components/labels.ts";
import { DescriptionField, SectorOrAreaTypeField } from "../../components/organisation-fields.tsx";
import { AppLink, Loading, PageTitle } from "../../components/page.tsx";
import { AreaGroupsSection } from "./area-groups.tsx";
import { NotFoundPage } from "./not-found.tsx";
import { type Organisation, OrgMeta, useOrganisations } from "./organisations.tsx";

type MunicipalityRef = z.infer<typeof MunicipalityRefSchema>;

export function OrganisationDetailPage() {
  const { t } = useTranslation();
  const { id = "" } = useParams();
  const location = useLocation();
  const [status, setStatus] = useState<string | null>(
    (location.state as { created?: string } | null)?.created ?? null,
  );
  useEffect(() => {
    setStatus((location.state as { created?: string } | null)?.created ?? null);
  }, [location.state]);
  const org = useQuery<Organisation, ApiError>({
    queryKey: ["organisations", id],
    queryFn: () => get<Organisation>(`/api/organisations/${id}`),
  });
  const all = useOrganisations();
  if (org.isPending) return <Loading />;
  if (org.isError) return isForbidden(org.error) ? <ForbiddenPage /> : <NotFoundPage />;
  const o = org.data;
  const parent = all.data?.find((p) => p.id === o.parentId);
  const children = (all.data ?? []).filter((c) => c.parentId === o.id);
  return (
    <>
      <nav aria-label={t("organisations.parent")} className="breadcrumb-lite">
        <AppLink to="/organisations">{t("organisations.title")}</AppLink>
        {parent ? (
          <>
            {" / "}
            <AppLink to={`/organisations/${parent.id}`}>{parent.name}</AppLink>
          </>
        ) : null}
      </nav>
      <PageTitle title={o.name}>{o.name}</PageTitle>
      <OrgMeta org={o} />
      <StatusMessage message={status} />
      {o.archived ? <Alert data-color="warning">{t("organisations.archivedNotice")}</Alert> : null}
      <div className="grid-2">
        <Card data-color="neutral">
          <Heading level={2} data-size="sm">
            {t("organisations.details")}
          </Heading>
          <dl className="facts">
            <dt>{t("organisations.kind")}</dt>
            <dd>{kindName(t, o.kind)}</dd>
            {o.sector ? (
              <>
                <dt>{t("organisations.sector")}</dt>
                <dd>{sectorName(t, o.sector)}</dd>
              </>
            ) : null}
            {o.areaType ? (
              <>
                <dt>{t("organisations.areaType")}</dt>
                <dd>{areaTypeName(t, o.areaType)}</dd>
              </>
            ) : null}
            {o.municipalityCode ? (
              <>
                <dt>{t("organisations.municipalityCode")}</dt>
                <dd>{o.municipalityCode}</dd>
              </>
            ) : null}
            {o.countyName ? (
              <>
                <dt>{t("organisations.county")}</dt>
                <dd>{o.countyName}</dd>
              </>
            ) : null}
            <dt>{t("organisations.parent")}</dt>
            <dd>
              {parent ? (
                <AppLink to={`/organisations/${parent.id}`}>{parent.name}</AppLink>
              ) : (
                t("common.none")
              )}
            </dd>
            {o.description ? (
              <>
                <dt>{t("organisations.description")}</dt>
                <dd>{o.description}</dd>
              </>
            ) : null}
          </dl>
          {o.abilities?.readUsers || o.abilities?.readAudit ? (
            <ul className="link-list">
              {o.abilities.readUsers ? (
                <li>
                  <AppLink to={`/users?organisationId=${o.id}`}>{t("organisations.users")}</AppLink>
                </li>
              ) : null}
              {o.abilities.readAudit ? (
                <li>
                  <AppLink to={`/audit?organisationId=${o.id}`}>{t("organisations.audit")}</AppLink>
                </li>
              ) : null}
            </ul>
          ) : null}
        </Card>
        {o.abilities?.update ? <EditOrganisation org={o} onSaved={setStatus} /> : null}
      </div>
      <section aria-labelledby="children-heading">
        <Heading level={2} data-size="md" id="children-heading">
          {t("organisations.children")}
        </Heading>
        {children.length === 0 ? (
          <Paragraph>{t("organisations.noChildren")}</Paragraph>
        ) : (
          <DataTable
            caption={t("organisations.childrenCaption", { name: o.name })}
            hiddenCaption
            columns={[
              t("organisations.name"),
              t("organisations.kind"),
              <>
                {t("organisations.sector")} / {t("organisations.areaType")}
              </>,
            ]}
          >
            {children.map((c) => (
              <Table.Row key={c.id}>
                <Table.Cell>
                  <AppLink to={`/organisations/${c.id}`}>{c.name}</AppLink>
                  {c.archived ? ` (${t("organisations.archived")})` : ""}
                </Table.Cell>
                <Table.Cell>{kindName(t, c.kind)}</Table.Cell>
                <Table.Cell>
                  {c.sector
                    ? sectorName(t, c.sector)
                    : c.areaType
                      ? areaTypeName(t, c.areaType)
                      : t("common.none")}
                </Table.Cell>
              </Table.Row>
            ))}
          </DataTable>
        )}
      </section>
      {o.kind === "municipality" ? <AreaGroupsSection municipality={o} /> : null}
      {o.abilities?.createChild && !o.archived ? <CreateChild parent={o} /> : null}
    </>
  );
}

function EditOrganisation({
  org,
  onSaved,
}: {
  org: Organisation;
  onSaved: (message: string) => void;
}) {
  const { t } = useTranslation();
  const client = useQueryClient();
  const [name, setName] = useState(org.name);
  const [description, setDescription] = useState(org.description ?? "");
  const [sector, setSector] = useState<string>(org.sector ?? "");
  const [areaType, setAreaType] = useState<string>(org.areaType ?? "");
  const errors = useFormErrors("edit-org");
  useEffect(() => {
    setName(org.name);
    setDescription(org.description ?? "");
    setSector(org.sector ?? "");
    setAreaType(org.areaType ?? "");
  }, [org]);
  const save = useMutation({
    mutationFn: (body: Record<string, unknown>) =>
      api<Organisation>("PATCH", `/api/organisations/${org.id}`, { ...body, version: org.version }),
    onSuccess: async () => {
      errors.clear();
      await client.invalidateQueries({ queryKey: ["organisations"] });
      onSaved(t("common.saved"));
    },
    onError: errors.fromError,
  });
  const submit = () => {
    if (org.kind !== "municipality" && !name.trim()) {
      errors.setFieldErrors({ name: t("organisations.nameRequired") });
      return;
    }
    save.mutate({
      ...(org.kind !== "municipality" ? { name: name.trim() } : {}),
      description: description.trim() || null,
      ...(org.kind === "unit" ? { sector } : {}),
      ...(org.kind === "area" ? { areaType } : {}),
    });
  };
  return (
    <Card data-color="neutral">
      <Heading level={2} data-size="sm" id="edit-heading">
        {t("organisations.edit")}
      </Heading>
      <ValidatedForm
        form={errors}
        onSubmit={submit}
        labelledBy="edit-heading"
        actions={
          <div className="button-row">
            <Button type="submit" disabled={save.isPending}>
              {t("common.save")}
            </Button>
            <Button
              type="button"
              variant="secondary"
              data-color={org.archived ? "accent" : "danger"}
              disabled={save.isPending}
              onClick={() => save.mutate({ archived: !org.archived })}
            >
              {org.archived ? t("organisations.unarchive") : t("organisations.archive")}
            </Button>
          </div>
        }
      >
        {org.kind !== "municipality" ? (
          <Textfield
            {...errors.field("name")}
            label={t("organisations.name")}
            value={name}
            onChange={(e) => setName(e.target.value)}
          />
        ) : null}
        <SectorOrAreaTypeField
          kind={org.kind}
          form={errors}
          sector={sector}
          onSector={setSector}
          areaType={areaType}
          onAreaType={setAreaType}
        />
        <DescriptionField
          form={errors}
          label={t("organisations.description")}
          rows={3}
          value={description}
          onChange={setDescription}
        />
      </ValidatedForm>
    </Card>
  );
}

function MunicipalityPicker({
  id,
  value,
  onChange,
  error,
}: {
  id: string;
  value: string;
  onChange: (code: string) => void;
  error?: string;
}) {
  const { t } = useTranslation();
  const [q, setQ] = useState("");
  const refs = useQuery({
    queryKey: ["municipality-refs", q.trim()],
    queryFn: () =>
      get<MunicipalityRef[]>(`/api/municipality-refs${query({ q: q.trim() || undefined })}`),
    placeholderData: (prev) => prev,
  });
  return (
    <>
      <Textfield
        id={`${id}-search`}
        label={t("organisations.municipalitySearch")}
        type="search"
        value={q}
        onChange={(e) => setQ(e.target.value)}
      />
      <SelectField
        id={id}
        label={t("organisations.municipality")}
        description={t("organisations.municipalityHint")}
        value={value}
        onChange={onChange}
        error={error}
        required
      >
        <option value="">{t("organisations.chooseMunicipality")}</option>
        {(refs.data ?? []).map((m) => (
          <option key={m.code} value={m.code}>
            {m.name} ({m.code}, {m.countyName})
          </option>
        ))}
      </SelectField>
    </>
  );
}

function CreateChild({ parent }: { parent: Organisation }) {
  const { t } = useTranslation();
  const client = useQueryClient();
  const navigate = useNavigate();
  const kinds = ORGANISATION_KINDS.filter((k) => canHaveParent(k, parent.kind));
  const [kind, setKind] = useState<OrganisationKind>(kinds.includes("area") ? "area" : kinds[0]!);
  const [name, setName] = useState("");
  const [sector, setSector] = useState("");
  const [areaType, setAreaType] = useState("");
  const [municipalityCode, setMunicipalityCode] = useState("");
  const errors = useFormErrors("create-org");
  const create = useMutation({
    mutationFn: (body: unknown) => api<Organisation>("POST", "/api/organisations", body),
    onSuccess: async (created) => {
      await client.invalidateQueries({ queryKey: ["organisations"] });
      navigate(`/organisations/${created.id}`, {
        state: { created: t("organisations.created", { name: created.name }) },
      });
    },
    onError: errors.fromError,
  });
  if (kinds.length === 0) return null;
  const submit = () => {
    const body = {
      kind,
      parentId: parent.id,
      ...(kind !== "municipality" ? { name: name.trim() } : { municipalityCode }),
      ...(kind === "unit" && sector ? { sector } : {}),
      ...(kind === "area" && areaType ? { areaType } : {}),
    };
    const parsed = errors.parse(OrganisationCreateSchema, body, {
      name: t("organisations.nameRequired"),
      sector: t("organisations.sectorRequired"),
      areaType: t("organisations.areaTypeRequired"),
      municipalityCode: t("organisations.municipalityRequired"),
    });
    if (parsed) create.mutate(parsed);
  };
  return (
    <section aria-labelledby="create-child-heading" className="panel">
      <Heading level={2} data-size="md" id="create-child-heading">
        {t("organisations.createChild")}
      </Heading>
      <ValidatedForm
        form={errors}
        onSubmit={submit}
        labelledBy="create-child-heading"
        submitLabel={t("common.create")}
        pending={create.isPending}
      >
        {kinds.length > 1 ? (
          <SelectField
            id={errors.fieldId("kind")}
            label={t("organisations.childKind")}
            value={kind}
            onChange={(v) => {
              setKind(v as OrganisationKind);
              errors.clear();
            }}
          >
            <Options values={kinds} label={(k) => kindName(t, k)} />
          </SelectField>
        ) : (
          <Paragraph>
            {t("organisations.childKind")}: {kindName(t, kind)}
          </Paragraph>
        )}
        {kind === "municipality" ? (
          <MunicipalityPicker
            {...errors.field("municipalityCode")}
            value={municipalityCode}
            onChange={setMunicipalityCode}
          />
        ) : (
          <Textfield
            {...errors.field("name")}
            label={t("organisations.name")}
            value={name}
            onChange={(e) => setName(e.target.value)}
            required
          />
        )}
        <SectorOrAreaTypeField
          kind={kind}
          form={errors}
          sector={sector}
          onSector={setSector}
          areaType={areaType}
          onAreaType={setAreaType}
          choose
        />
      </ValidatedForm>
    </section>
  );
}
