import { createHash } from 'node:crypto';
import { DataSource } from 'typeorm';
import { SessionRecord } from '../src/session/session-record.entity.js';
import { BrowserSession } from './support/browser-session.js';
import { CarrierEmulator } from './support/carrier-emulator.js';
import { createUser } from './support/factories.js';
import { LiveFeed } from './support/live-feed.js';
import { beginSignIn, type PendingSignIn } from './support/scenarios.js';
import { startApp, type TestApp } from './support/test-app.js';
import { eventually } from './support/wait.js';

const MINUTE = 60 * 1000;

describe('session lifetime', () => {
  let carrier: CarrierEmulator;
  let app: TestApp;

  beforeAll(async () => {
    carrier = await CarrierEmulator.start();
    app = await startApp(carrier.env());
  });

  afterAll(async () => {
    await app.close();
    await carrier.close();
  });

  /** The store's row for the session a browser holds (keyed by a hash of the id). */
  function sessionRow(browser: BrowserSession) {
    const signed = decodeURIComponent(browser.cookie!);
    const id = signed.slice(2, signed.lastIndexOf('.'));
    const idHash = createHash('sha256').update(id).digest('hex');
    const records = app.get(DataSource).getRepository(SessionRecord);
    return {
      read: () => records.findOneByOrFail({ idHash }),
      update: (values: Partial<SessionRecord>) => records.update({ idHash }, values),
    };
  }

  async function signedIn(): Promise<PendingSignIn> {
    const signIn = await beginSignIn(app, carrier, await createUser(app));
    await signIn.call.answer();
    await signIn.call.type(signIn.code);
    await signIn.feed.waitFor('verified');
    expect((await signIn.browser.complete()).status).toBe(200);
    return signIn;
  }

  it('gives every response a cookie expiring 15 idle minutes later (rolling)', async () => {
    const { browser, feed } = await signedIn();
    const reply = await browser.me();
    const cookie = reply.headers
      .getSetCookie()
      .find((header) => header.startsWith('callgate.sid='));
    const expires = new Date(/Expires=([^;]+)/i.exec(cookie!)![1]).getTime();
    expect(expires - Date.now()).toBeGreaterThan(14 * MINUTE);
    expect(expires - Date.now()).toBeLessThanOrEqual(15 * MINUTE);
    expect((await sessionRow(browser).read()).expiresAt.getTime()).toBeCloseTo(expires, -4);
    feed.close();
  });

  it('ends a session left idle for 15 minutes', async () => {
    const { browser, feed } = await signedIn();
    await sessionRow(browser).update({ expiresAt: new Date(Date.now() - 1000) });
    expect((await browser.me()).status).toBe(401);
    expect((await browser.state()).body).toEqual({ state: 'anonymous' });
    feed.close();
  });

  /** As if the sign-in had been 12 hours and a second ago. */
  async function signedInLongAgo(browser: BrowserSession): Promise<void> {
    const row = sessionRow(browser);
    const data = JSON.parse((await row.read()).data);
    data.signedInAt = Date.now() - 12 * 60 * MINUTE - 1000;
    await row.update({ data: JSON.stringify(data) });
  }

  it('ends a session 12 hours after sign-in however busy, and closes its sockets', async () => {
    const { browser, feed } = await signedIn();
    await signedInLongAgo(browser);
    expect(feed.connected).toBe(true);
    expect((await browser.me()).status).toBe(401);
    await eventually(() => !feed.connected, { what: 'the socket to close' });
    expect((await browser.state()).body).toEqual({ state: 'anonymous' });
  });

  it('refuses a socket for a session past its 12 hours, and closes the ones already open', async () => {
    const { browser, feed } = await signedIn();
    await signedInLongAgo(browser);
    await expect(LiveFeed.connect(browser)).rejects.toThrow('unauthorized');
    await eventually(() => !feed.connected, { what: 'the socket to close' });
    expect((await browser.me()).status).toBe(401);
  });
});

describe('the session cookie over https', () => {
  let carrier: CarrierEmulator;
  let app: TestApp;
  const origin = 'https://auth.example.com';
  // As the TLS-terminating load balancer in front of it says.
  const viaProxy = { origin, 'x-forwarded-proto': 'https', 'content-type': 'application/json' };

  beforeAll(async () => {
    carrier = await CarrierEmulator.start();
    app = await startApp({ ...carrier.env(), PUBLIC_BASE_URL: origin, TRUST_PROXY: 'true' });
  });

  afterAll(async () => {
    await app.close();
    await carrier.close();
  });

  it('is a __Host- cookie: Secure, HttpOnly, SameSite=Lax, Path=/, no Domain; logout clears it alike', async () => {
    const account = await createUser(app);
    const response = await fetch(`${app.baseUrl}/api/auth/login`, {
      method: 'POST',
      headers: viaProxy,
      body: JSON.stringify({ username: account.username, password: account.password }),
    });
    expect(response.status).toBe(200);
    await carrier.nextCall();
    const cookie = response.headers
      .getSetCookie()
      .find((header) => header.startsWith('__Host-callgate.sid='));
    expect(cookie).toBeDefined();
    for (const flag of [/; Secure/i, /; HttpOnly/i, /; SameSite=Lax/i, /; Path=\/(;|$)/i]) {
      expect(cookie).toMatch(flag);
    }
    expect(cookie).not.toMatch(/; Domain=/i);
    const logout = await fetch(`${app.baseUrl}/api/auth/logout`, {
      method: 'POST',
      headers: { ...viaProxy, cookie: cookie!.split(';')[0] },
    });
    expect(logout.status).toBe(204);
    const cleared = logout.headers
      .getSetCookie()
      .find((header) => header.startsWith('__Host-callgate.sid='));
    expect(cleared).toMatch(/^__Host-callgate\.sid=;/);
    expect(cleared).toMatch(/; Secure/i);
  });
});
