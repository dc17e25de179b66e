/** The Admin API, same origin, signed in with the session cookie that `POST /admin/auth` sets. */

/** An answer other than 2xx: the API's `{ type, code, message, field? }`. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly type: string,
    readonly code: string,
    message: string,
    readonly field?: string,
  ) {
    super(message);
  }
}

export type Query = Record<string, string | number | boolean | string[] | undefined | null>;

/** `{ status: ["a", "b"], q: "x" }` -> `status[]=a&status[]=b&q=x`, as Medusa clients send arrays. */
export function queryString(query: Query = {}): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) {
    if (value === undefined || value === null || value === "") continue;
    if (Array.isArray(value)) value.forEach((v) => params.append(`${key}[]`, v));
    else params.append(key, String(value));
  }
  const text = params.toString();
  return text ? `?${text}` : "";
}

let onUnauthorized: () => void = () => {};
/** Called when a request answers 401 (the session ended): the app shows the sign-in screen. */
export function whenUnauthorized(handler: () => void): void {
  onUnauthorized = handler;
}

export async function api<T = any>(path: string, init: { method?: string; body?: unknown; query?: Query } = {}): Promise<T> {
  const method = init.method ?? (init.body === undefined ? "GET" : "POST");
  const response = await fetch(`${path}${queryString(init.query)}`, {
    method,
    credentials: "same-origin",
    headers: init.body === undefined ? { accept: "application/json" } : { accept: "application/json", "content-type": "application/json" },
    body: init.body === undefined ? undefined : JSON.stringify(init.body),
  });
  const text = await response.text();
  let data: any = undefined;
  try {
    data = text ? JSON.parse(text) : undefined;
  } catch {
    data = undefined;
  }
  if (!response.ok) {
    if (response.status === 401 && path !== "/admin/auth") onUnauthorized();
    throw new ApiError(
      response.status,
      data?.type ?? "unknown_error",
      data?.code ?? String(response.status),
      data?.message ?? `${method} ${path} answered ${response.status}`,
      data?.field,
    );
  }
  return data as T;
}

/** A list answer: `{ <key>: T[], count, offset, limit }`. */
export interface ListAnswer<T> {
  rows: T[];
  count: number;
  offset: number;
  limit: number;
}

export async function list<T = any>(path: string, key: string | undefined, query: Query): Promise<ListAnswer<T>> {
  const data = await api<Record<string, any>>(path, { query });
  const rows = (key && Array.isArray(data[key]) ? data[key] : Object.values(data).find(Array.isArray)) ?? [];
  return { rows, count: data.count ?? rows.length, offset: data.offset ?? 0, limit: data.limit ?? rows.length };
}

/** The one object of an answer such as `{ product: {...} }`. */
export function single<T = any>(data: Record<string, any>): T {
  return Object.values(data).find((v) => v && typeof v === "object" && !Array.isArray(v)) as T;
}

/** `POST /admin/uploads` (multipart `files`): the public URLs of the uploaded files, in order. */
export async function upload(files: File[]): Promise<string[]> {
  const form = new FormData();
  for (const file of files) form.append("files", file);
  const response = await fetch("/admin/uploads", { method: "POST", credentials: "same-origin", headers: { accept: "application/json" }, body: form });
  const data = await response.json().catch(() => undefined);
  if (!response.ok) {
    if (response.status === 401) onUnauthorized();
    throw new ApiError(response.status, data?.type ?? "unknown_error", data?.code ?? String(response.status), data?.message ?? `Upload answered ${response.status}`, data?.field);
  }
  return (data.uploads as { url: string }[]).map((u) => u.url);
}
