/**
 * JSON over fetch, same origin. The browser sends the session cookie and, on POSTs, the
 * `Origin` header the server's cross-site rule checks, so nothing here handles either.
 */

/** A non-2xx answer, with Nest's `{statusCode, message, error}` body when there is one. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    message: string,
    readonly body: Record<string, unknown>,
  ) {
    super(message);
    this.name = 'ApiError';
  }

  /** `retryAfter` seconds from a 429 or 423 body: a number, null (waiting won't help) or undefined. */
  get retryAfter(): number | null | undefined {
    const value = this.body.retryAfter;
    return typeof value === 'number' || value === null ? value : undefined;
  }
}

/** The server could not be reached at all. */
export class NetworkError extends Error {
  constructor() {
    super('Callgate could not be reached. Check your connection and try again.');
    this.name = 'NetworkError';
  }
}

export async function getJson<T>(path: string): Promise<T> {
  return send<T>('GET', path);
}

export async function postJson<T>(path: string, body?: unknown): Promise<T> {
  return send<T>('POST', path, body);
}

export async function patchJson<T>(path: string, body?: unknown): Promise<T> {
  return send<T>('PATCH', path, body);
}

export async function deleteJson<T = void>(path: string): Promise<T> {
  return send<T>('DELETE', path);
}

async function send<T>(method: string, path: string, body?: unknown): Promise<T> {
  const headers: Record<string, string> = { accept: 'application/json' };
  if (body !== undefined) headers['content-type'] = 'application/json';
  let response: Response;
  try {
    response = await fetch(path, {
      method,
      headers,
      body: body === undefined ? undefined : JSON.stringify(body),
      credentials: 'same-origin',
      cache: 'no-store',
    });
  } catch {
    throw new NetworkError();
  }
  const text = await response.text();
  const parsed: unknown = text ? safeJson(text) : undefined;
  if (!response.ok) {
    const errorBody = isRecord(parsed) ? parsed : {};
    throw new ApiError(response.status, messageOf(errorBody, response.statusText), errorBody);
  }
  return parsed as T;
}

function messageOf(body: Record<string, unknown>, fallback: string): string {
  const message = body.message;
  if (typeof message === 'string') return message;
  if (Array.isArray(message) && typeof message[0] === 'string') return message[0];
  return fallback || 'Request failed';
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
