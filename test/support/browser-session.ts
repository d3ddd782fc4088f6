/** A response as a test reads it. */
export interface HttpReply<T = any> {
  status: number;
  body: T;
  headers: Headers;
}

const COOKIE_NAME = 'callgate.sid';

/**
 * A browser, as far as the API can tell: one cookie jar, the page's Origin on every
 * request, JSON in and out.
 */
export class BrowserSession {
  /** The session cookie's value, as the browser holds it. */
  cookie?: string;
  /**
   * The address a load balancer reports for this browser (`X-Forwarded-For`), for apps
   * started with TRUST_PROXY=true; ignored by apps that do not trust the header.
   */
  clientIp?: string;

  constructor(
    readonly baseUrl: string,
    readonly origin: string | null = baseUrl,
    /** Sent with every request and socket handshake (the cluster suite routes by them). */
    readonly headers: Record<string, string> = {},
  ) {}

  /** The `Cookie` header this browser sends, if it holds a session. */
  get cookieHeader(): string | undefined {
    return this.cookie ? `${COOKIE_NAME}=${this.cookie}` : undefined;
  }

  async request<T = any>(
    method: string,
    path: string,
    body?: unknown,
    headers: Record<string, string> = {},
  ): Promise<HttpReply<T>> {
    const sent: Record<string, string> = {
      accept: 'application/json',
      ...this.headers,
      ...headers,
    };
    if (this.origin) sent.origin ??= this.origin;
    if (this.cookieHeader) sent.cookie = this.cookieHeader;
    if (this.clientIp) sent['x-forwarded-for'] ??= this.clientIp;
    let payload: string | undefined;
    if (body !== undefined) {
      payload = typeof body === 'string' ? body : JSON.stringify(body);
      sent['content-type'] ??= 'application/json';
    }
    const response = await fetch(`${this.baseUrl}${path}`, {
      method,
      headers: sent,
      body: payload,
    });
    this.remember(response.headers.getSetCookie());
    const text = await response.text();
    let parsed: unknown = text;
    if ((response.headers.get('content-type') ?? '').includes('json') && text)
      parsed = JSON.parse(text);
    return { status: response.status, body: parsed as T, headers: response.headers };
  }

  login(username: string, password: string) {
    return this.request('POST', '/api/auth/login', { username, password });
  }

  state() {
    return this.request('GET', '/api/auth/session');
  }

  complete() {
    return this.request('POST', '/api/auth/second-factor/complete');
  }

  callAgain() {
    return this.request('POST', '/api/auth/second-factor/call');
  }

  logout() {
    return this.request('POST', '/api/auth/logout');
  }

  me() {
    return this.request('GET', '/api/me');
  }

  private remember(setCookies: string[]): void {
    for (const header of setCookies) {
      const [pair, ...attributes] = header.split(';').map((part) => part.trim());
      const [name, value] = [pair.slice(0, pair.indexOf('=')), pair.slice(pair.indexOf('=') + 1)];
      if (name !== COOKIE_NAME) continue;
      const expires = attributes.find((attribute) => /^expires=/i.test(attribute));
      const gone = !value || (expires && new Date(expires.slice(8)).getTime() <= Date.now());
      this.cookie = gone ? undefined : value;
    }
  }
}
