/** Thin fetch wrapper for the Paraply API: JSON in and out, errors as ApiError. */

export interface FieldIssue {
  path: string;
  message: string;
}

export class ApiError extends Error {
  constructor(
    public readonly status: number,
    public readonly code: string,
    message: string,
    public readonly issues: FieldIssue[] = [],
  ) {
    super(message);
    this.name = "ApiError";
  }
}

type Listener = (error: ApiError) => void;
const authListeners = new Set<Listener>();

/** Called for 401/403 errors that require sign-in or two-factor enrolment. */
export function onAuthError(listener: Listener): () => void {
  authListeners.add(listener);
  return () => authListeners.delete(listener);
}

function issuePath(path: unknown): string {
  if (Array.isArray(path)) return path.join(".");
  return typeof path === "string" ? path.replace(/^\//, "").replaceAll("/", ".") : "";
}

export async function api<T>(
  method: "GET" | "POST" | "PATCH" | "PUT" | "DELETE",
  url: string,
  body?: unknown,
): Promise<T> {
  let response: Response;
  try {
    response = await fetch(url, {
      method,
      credentials: "same-origin",
      headers:
        body === undefined
          ? { accept: "application/json" }
          : {
              accept: "application/json",
              "content-type": "application/json",
            },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
  } catch {
    throw new ApiError(0, "network", "");
  }
  const text = await response.text();
  let data: unknown = null;
  if (text) {
    try {
      data = JSON.parse(text);
    } catch {
      data = null;
    }
  }
  if (!response.ok) {
    const err = (data as { error?: { code?: string; message?: string; issues?: unknown[] } })
      ?.error;
    const issues = Array.isArray(err?.issues)
      ? err.issues.map((i) => {
          const issue = i as { path?: unknown; message?: unknown };
          return { path: issuePath(issue.path), message: String(issue.message ?? "") };
        })
      : [];
    const error = new ApiError(
      response.status,
      err?.code ?? `http_${response.status}`,
      err?.message ?? "",
      issues,
    );
    if (
      (response.status === 401 && url !== "/api/auth/login" && url !== "/api/auth/mfa") ||
      error.code === "mfa_enrolment_required"
    ) {
      for (const l of authListeners) l(error);
    }
    throw error;
  }
  return data as T;
}

export const get = <T>(url: string) => api<T>("GET", url);

export function query(params: Record<string, string | number | undefined | null>): string {
  const search = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) {
    if (v !== undefined && v !== null && v !== "") search.set(k, String(v));
  }
  const s = search.toString();
  return s ? `?${s}` : "";
}
