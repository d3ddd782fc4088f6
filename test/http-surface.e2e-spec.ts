import { BrowserSession } from './support/browser-session.js';
import { CarrierEmulator } from './support/carrier-emulator.js';
import { createUser, type TestUser } from './support/factories.js';
import { startApp, type TestApp } from './support/test-app.js';

describe('the HTTP surface', () => {
  let carrier: CarrierEmulator;
  let app: TestApp;
  let account: TestUser;

  beforeAll(async () => {
    carrier = await CarrierEmulator.start();
    app = await startApp(carrier.env());
    account = await createUser(app);
  });

  afterAll(async () => {
    await app.close();
    await carrier.close();
  });

  describe('cross-site requests', () => {
    it.each([
      ['a foreign Origin', { origin: 'https://evil.example' }],
      ['a foreign Referer and no Origin', { referer: 'https://evil.example/page' }],
      ['neither Origin nor Referer', {}],
      ['the origin with another port', { origin: 'http://127.0.0.1:1' }],
    ])('refuses a state-changing /api request with %s', async (_case, headers) => {
      const browser = new BrowserSession(app.baseUrl, null);
      const reply = await browser.request(
        'POST',
        '/api/auth/login',
        { username: account.username, password: account.password },
        headers,
      );
      expect(reply.status).toBe(403);
      expect(reply.body).toEqual({
        statusCode: 403,
        message: 'Cross-site request refused',
        error: 'Forbidden',
      });
      expect(browser.cookie).toBeUndefined();
      expect(carrier.hasUntakenCall()).toBe(false);
    });

    it('accepts our own Referer when Origin is absent', async () => {
      const browser = new BrowserSession(app.baseUrl, null);
      const reply = await browser.request(
        'POST',
        '/api/auth/login',
        { username: account.username, password: account.password },
        { referer: `${app.baseUrl}/` },
      );
      expect(reply.status).toBe(200);
      await carrier.nextCall();
    });

    it('lets reads through without an Origin', async () => {
      const reply = await new BrowserSession(app.baseUrl, null).state();
      expect(reply).toMatchObject({ status: 200, body: { state: 'anonymous' } });
    });
  });

  it('sets the session cookie HttpOnly and SameSite=Lax, not Secure over http', async () => {
    const response = await fetch(`${app.baseUrl}/api/auth/login`, {
      method: 'POST',
      headers: { origin: app.baseUrl, 'content-type': 'application/json' },
      body: JSON.stringify({ username: account.username, password: account.password }),
    });
    await carrier.nextCall();
    const cookie = response.headers
      .getSetCookie()
      .find((header) => header.startsWith('callgate.sid='));
    expect(cookie).toMatch(/; HttpOnly/i);
    expect(cookie).toMatch(/; SameSite=Lax/i);
    expect(cookie).toMatch(/; Path=\//i);
    expect(cookie).not.toMatch(/; Secure/i);
  });

  it('refuses JSON bodies over 32 KB with 413', async () => {
    const reply = await new BrowserSession(app.baseUrl).request('POST', '/api/auth/login', {
      username: 'x',
      password: 'y'.repeat(40 * 1024),
    });
    expect(reply.status).toBe(413);
  });

  it('answers unknown routes with 404 in the standard shape', async () => {
    const reply = await new BrowserSession(app.baseUrl).request('GET', '/api/no-such-thing');
    expect(reply.status).toBe(404);
    expect(reply.body).toMatchObject({ statusCode: 404, error: 'Not Found' });
  });

  it('sends security headers', async () => {
    const response = await fetch(`${app.baseUrl}/api/health`);
    expect(response.headers.get('content-security-policy')).toContain("default-src 'self'");
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
    expect(response.headers.get('x-powered-by')).toBeNull();
  });

  it('reports health with the database state', async () => {
    const reply = await new BrowserSession(app.baseUrl).request('GET', '/api/health');
    expect(reply.status).toBe(200);
    expect(reply.body).toMatchObject({ status: 'ok', info: { database: { status: 'up' } } });
  });

  it('serves the OpenAPI document with the sign-in endpoints', async () => {
    const reply = await new BrowserSession(app.baseUrl).request('GET', '/api/docs-json');
    expect(reply.status).toBe(200);
    for (const path of [
      '/api/auth/login',
      '/api/auth/session',
      '/api/auth/second-factor/complete',
      '/api/auth/second-factor/call',
      '/api/auth/logout',
      '/api/me',
      '/api/health',
    ]) {
      expect(reply.body.paths).toHaveProperty([path]);
    }
    expect(JSON.stringify(reply.body)).not.toContain(carrier.authToken);
    expect((await fetch(`${app.baseUrl}/api/docs`)).status).toBe(200);
  });

  it('a pending session is not signed in', async () => {
    const browser = new BrowserSession(app.baseUrl);
    await browser.login(account.username, account.password);
    await carrier.nextCall();
    expect((await browser.me()).status).toBe(401);
    expect((await browser.state()).body.state).toBe('second-factor-pending');
  });
});
