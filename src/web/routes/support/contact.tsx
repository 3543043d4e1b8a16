import { Alert, Fieldset, Paragraph, Radio } from "@digdir/designsystemet-react";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { useNavigate, useParams } from "react-router";
import { api } from "../../api.ts";
import { FormActions, useFormErrors, ValidatedForm } from "../../components/forms.tsx";
import { Loading } from "../../components/page.tsx";
import { NotFoundPage } from "../platform/not-found.tsx";
import { CaseHeader, useCase } from "./case.tsx";
import { type ChildContactList, isNotFound, urls, useSupportQuery } from "./shared.tsx";

/** Activate the child's contact, chosen among the contacts the child already has. */
export function SupportContactPage() {
  const { id = "" } = useParams();
  const { t } = useTranslation();
  const navigate = useNavigate();
  const client = useQueryClient();
  const detail = useCase(id);
  const contacts = useSupportQuery<ChildContactList>(["contacts", id], urls.contacts(id));
  const form = useFormErrors("contact");
  const [contactId, setContactId] = useState("");
  const activate = useMutation({
    mutationFn: () => api("POST", urls.childContact(id), { contactId }),
    onSuccess: async () => {
      await client.invalidateQueries({ queryKey: ["support"] });
      navigate(`/support/cases/${id}`);
    },
    onError: form.fromError,
  });
  if (detail.isPending) return <Loading />;
  if (isNotFound(detail.error) || isNotFound(contacts.error)) return <NotFoundPage />;
  if (!detail.data) return <Paragraph>{t("common.unknownError")}</Paragraph>;
  const items = contacts.data?.items ?? [];
  const submit = () => {
    if (!form.validate(contactId ? {} : { contactId: t("support.contact.choose") })) return;
    activate.mutate();
  };
  return (
    <>
      <CaseHeader detail={detail.data} title={t("support.contact.title")} />
      <Paragraph>{t("support.contact.intro")}</Paragraph>
      {contacts.isPending ? <Loading /> : null}
      {contacts.data && items.length === 0 ? (
        <Alert data-color="info">{t("support.contact.none")}</Alert>
      ) : null}
      {items.length > 0 ? (
        <div className="support-form">
          <ValidatedForm
            form={form}
            onSubmit={submit}
            labels={{ contactId: t("support.contact.legend") }}
            actions={
              <FormActions
                submitLabel={t("support.contact.submit")}
                pending={activate.isPending}
                onCancel={() => navigate(`/support/cases/${id}`)}
              />
            }
          >
            <Fieldset id={form.fieldId("contactId")} tabIndex={-1}>
              <Fieldset.Legend>{t("support.contact.legend")}</Fieldset.Legend>
              {items.map((c) => (
                <Radio
                  key={c.id}
                  name="contact"
                  value={c.id}
                  label={`${c.displayName}, ${c.title} (${c.organisationName})`}
                  description={c.active ? t("support.contact.alreadyActive") : undefined}
                  checked={contactId === c.id}
                  disabled={c.active}
                  onChange={() => setContactId(c.id)}
                />
              ))}
            </Fieldset>
          </ValidatedForm>
        </div>
      ) : null}
    </>
  );
}
