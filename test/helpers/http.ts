import type { TestApp } from "./app.ts";

export type Method = "GET" | "POST" | "PATCH" | "PUT" | "DELETE";

/** A request to the app through Fastify's inject; the payload is left out when not given. */
export function call(t: TestApp, method: Method, url: string, headers: object, payload?: unknown) {
  return t.app.inject({
    method,
    url,
    headers: headers as Record<string, string>,
    ...(payload === undefined ? {} : { payload: payload as object }),
  });
}

/** The audit log's rows about one subject, oldest first, with the columns asked for. */
export async function auditRowsFor(
  t: TestApp,
  subjectId: string,
  columns = "action, actor_id, subject_type, subject_id, organisation_id, details",
) {
  const res = await t.pool.query(
    `SELECT ${columns} FROM platform.audit_log WHERE subject_id = $1 ORDER BY seq`,
    [subjectId],
  );
  return res.rows;
}
