import { API_PREFIX, CSRF_HEADER, Problem9457 } from '@portico/contracts';
import type { z } from 'zod';

/** An error the API returned as RFC 9457 problem+json (or one we made up when it did not). */
export class ApiError extends Error {
  readonly status: number;
  readonly title: string;
  readonly detail: string | undefined;
  readonly type: string;

  constructor(problem: Problem9457) {
    super(problem.detail ?? problem.title);
    this.name = 'ApiError';
    this.status = problem.status;
    this.title = problem.title;
    this.detail = problem.detail;
    this.type = problem.type;
  }
}

type UnauthorizedHandler = () => void;
let onUnauthorized: UnauthorizedHandler = () => {};

/** The app decides what a 401 means (send the user to sign in); lib code only reports it. */
export function setUnauthorizedHandler(handler: UnauthorizedHandler): void {
  onUnauthorized = handler;
}

type ResponseObserver = (res: Response) => void;
let onResponse: ResponseObserver = () => {};

/** The app watches every API answer (the idle-expiry header, SESS-05); lib code only reports it. */
export function setResponseObserver(observer: ResponseObserver): void {
  onResponse = observer;
}

export function apiUrl(path: string): string {
  return `${API_PREFIX}${path}`;
}

export async function toApiError(res: Response): Promise<ApiError> {
  let body: unknown = null;
  try {
    body = await res.json();
  } catch {
    // Not JSON (a proxy error page, an empty body): fall through to a generic problem.
  }
  const parsed = Problem9457.safeParse(body);
  if (parsed.success) return new ApiError(parsed.data);
  return new ApiError({
    type: 'about:blank',
    title: res.status >= 500 ? 'The portal is having trouble right now' : 'Something went wrong',
    status: res.status,
    detail: res.status >= 500 ? 'Please try again in a moment.' : undefined,
  });
}

export interface RequestOptions {
  method?: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  body?: unknown;
  signal?: AbortSignal;
  /** Sign-in answers 401 for bad credentials; that must not bounce to the sign-in page. */
  skipUnauthorizedRedirect?: boolean;
}

/** Fetches an /api/v1 path with the session cookie, validating the answer against its contract schema. */
export async function apiRequest<S extends z.ZodType>(
  path: string,
  schema: S | null,
  options: RequestOptions = {},
): Promise<z.infer<S>> {
  const method = options.method ?? 'GET';
  const headers: Record<string, string> = { accept: 'application/json' };
  if (method !== 'GET') headers[CSRF_HEADER] = '1';
  if (options.body !== undefined) headers['content-type'] = 'application/json';

  let res: Response;
  try {
    res = await fetch(apiUrl(path), {
      method,
      headers,
      credentials: 'same-origin',
      body: options.body === undefined ? undefined : JSON.stringify(options.body),
      signal: options.signal,
    });
  } catch (err) {
    if (err instanceof DOMException && err.name === 'AbortError') throw err;
    throw new ApiError({
      type: 'about:blank',
      title: 'Cannot reach the portal',
      status: 0,
      detail: 'Check your internet connection and try again.',
    });
  }

  onResponse(res);
  if (!res.ok) {
    const error = await toApiError(res);
    if (res.status === 401 && !options.skipUnauthorizedRedirect) onUnauthorized();
    throw error;
  }
  if (schema === null || res.status === 204) return undefined as z.infer<S>;
  const json: unknown = await res.json();
  const parsed = schema.safeParse(json);
  if (!parsed.success) {
    throw new ApiError({
      type: 'about:blank',
      title: 'Unexpected answer from the portal',
      status: res.status,
      detail: 'Please try again later.',
    });
  }
  return parsed.data;
}

export function apiGet<S extends z.ZodType>(path: string, schema: S, signal?: AbortSignal): Promise<z.infer<S>> {
  return apiRequest(path, schema, { signal });
}

/** Whether a failed query is worth retrying automatically (not for 4xx answers). */
export function shouldRetry(failureCount: number, error: unknown): boolean {
  if (error instanceof ApiError && error.status >= 400 && error.status < 500) return false;
  return failureCount < 1;
}
