import { Alert, Button, Heading, Paragraph, Table, Tag } from "@digdir/designsystemet-react";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import type { TFunction } from "i18next";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import type { z } from "zod";
import type { OwnSessionSchema, SessionsRevokedSchema } from "../../../domain/platform/schemas.ts";
import { ApiError, api, get } from "../../api.ts";
import { DataTable } from "../../components/data-table.tsx";
import { formatDateTime } from "../../components/labels.ts";
import { deviceName } from "../../components/user-agent.ts";

type OwnSession = z.infer<typeof OwnSessionSchema>;
type SessionsRevoked = z.infer<typeof SessionsRevokedSchema>;

const SESSIONS_KEY = ["auth", "sessions"];
const HEADING_ID = "sessions-heading";

function actionError(t: TFunction, error: unknown): string {
  if (!(error instanceof ApiError)) return t("common.unknownError");
  if (error.code === "network") return t("common.networkError");
  // Ended elsewhere in the meantime (another device, the idle limit): the list is refreshed.
  if (error.status === 404) return t("account.sessions.alreadyEnded");
  if (error.code === "current_session") return t("account.sessions.currentSession");
  return error.message || t("common.unknownError");
}

/**
 * "Var du är inloggad": the caller's sessions that can still be used, each other one with a
 * button to end it, and one button to end all but this one. Results go to the page's status.
 */
export function SessionsSection({ onStatus }: { onStatus: (message: string) => void }) {
  const { t, i18n } = useTranslation();
  const client = useQueryClient();
  const [error, setError] = useState<string | null>(null);
  const sessions = useQuery<OwnSession[], ApiError>({
    queryKey: SESSIONS_KEY,
    queryFn: () => get<OwnSession[]>("/api/auth/sessions"),
  });
  const done = async (message: string | null, failure: string | null = null) => {
    setError(failure);
    await client.invalidateQueries({ queryKey: SESSIONS_KEY });
    if (message) onStatus(message);
    // The button just used is gone with its row (or with the last other session): keep the
    // keyboard in the section rather than dropping focus to the top of the page.
    document.getElementById(HEADING_ID)?.focus();
  };
  const revoke = useMutation({
    mutationFn: (session: OwnSession) => api("DELETE", `/api/auth/sessions/${session.id}`),
    onSuccess: (_, session) =>
      done(t("account.sessions.signedOut", { device: deviceName(t, session.userAgent) })),
    onError: (e) => done(null, actionError(t, e)),
  });
  const revokeOthers = useMutation({
    mutationFn: () => api<SessionsRevoked>("POST", "/api/auth/sessions/revoke-others"),
    onSuccess: ({ revoked }) =>
      done(
        revoked === 0
          ? t("account.sessions.noOthersToSignOut")
          : t("account.sessions.othersSignedOut", { count: revoked }),
      ),
    onError: (e) => done(null, actionError(t, e)),
  });
  const pending = revoke.isPending || revokeOthers.isPending;
  const list = sessions.data ?? [];
  const others = list.filter((s) => !s.current).length;
  return (
    <section aria-labelledby={HEADING_ID} className="panel">
      <Heading level={2} data-size="md" id={HEADING_ID} tabIndex={-1}>
        {t("account.sessions.title")}
      </Heading>
      <Paragraph>{t("account.sessions.intro")}</Paragraph>
      {error ? (
        <Alert data-color="danger" role="alert">
          {error}
        </Alert>
      ) : null}
      {sessions.isPending ? (
        <Paragraph>{t("common.loading")}</Paragraph>
      ) : sessions.isError ? (
        <Alert data-color="danger">{t("account.sessions.loadError")}</Alert>
      ) : (
        <>
          <DataTable
            caption={t("account.sessions.caption")}
            hiddenCaption
            columns={[
              t("account.sessions.columnDevice"),
              t("account.sessions.columnMethod"),
              t("account.sessions.columnSignedIn"),
              t("account.sessions.columnLastActive"),
              t("account.sessions.columnIp"),
            ]}
          >
            {list.map((s) => {
              const device = deviceName(t, s.userAgent);
              return (
                <Table.Row key={s.id}>
                  <Table.Cell>
                    {/* The mark or the button sits with the device's name, so that it stays in
                        view when the table scrolls sideways at narrow widths. */}
                    <div className="button-row">
                      <span>{device}</span>
                      {s.current ? (
                        <Tag data-color="info" data-size="sm">
                          {t("account.sessions.thisDevice")}
                        </Tag>
                      ) : (
                        <Button
                          variant="tertiary"
                          data-color="danger"
                          data-size="sm"
                          aria-label={t("account.sessions.signOutLabel", { device })}
                          // Two sessions in one browser share a name: the sign-in time tells them apart.
                          aria-describedby={`session-${s.id}-signed-in`}
                          onClick={() => revoke.mutate(s)}
                          disabled={pending}
                        >
                          {t("account.sessions.signOut")}
                        </Button>
                      )}
                    </div>
                  </Table.Cell>
                  <Table.Cell>
                    {s.authMethod === "oidc"
                      ? t("account.sessions.methodOidc")
                      : t("account.sessions.methodPassword")}
                  </Table.Cell>
                  <Table.Cell id={`session-${s.id}-signed-in`}>
                    {formatDateTime(s.createdAt, i18n.language)}
                  </Table.Cell>
                  <Table.Cell>{formatDateTime(s.lastSeenAt, i18n.language)}</Table.Cell>
                  <Table.Cell className="break">{s.ip ?? t("common.none")}</Table.Cell>
                </Table.Row>
              );
            })}
          </DataTable>
          {others > 0 ? (
            <div>
              <Button
                variant="secondary"
                data-color="danger"
                onClick={() => revokeOthers.mutate()}
                disabled={pending}
              >
                {t("account.sessions.signOutOthers")}
              </Button>
            </div>
          ) : (
            <Paragraph>{t("account.sessions.onlyThisDevice")}</Paragraph>
          )}
        </>
      )}
    </section>
  );
}
