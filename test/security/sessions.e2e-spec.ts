import { ATTACKED_CONFIGURATION, expectRefused, freshAddress } from '../support/attack.js';
import { BrowserSession } from '../support/browser-session.js';
import { CarrierEmulator } from '../support/carrier-emulator.js';
import { createUser } from '../support/factories.js';
import { LiveFeed } from '../support/live-feed.js';
import { beginSignIn, type PendingSignIn } from '../support/scenarios.js';
import { STATE_CHANGED, StateWatch } from '../support/state-watch.js';
import { startApp, type TestApp } from '../support/test-app.js';

/** Admin routes: 401 for anonymous and pending sessions, 403 for a signed-in non-admin. */
const ADMIN_ROUTES: [string, string, unknown?][] = [
  ['GET', '/api/admin/users'],
  ['GET', '/api/admin/audit'],
  [
    'POST',
    '/api/admin/users',
    { username: 'intruder', password: 'intruder-password-1', phone: '+12025550199' },
  ],
];

describe('attacks on sessions, sockets and cross-site requests', () => {
  let carrier: CarrierEmulator;
  let app: TestApp;

  beforeAll(async () => {
    carrier = await CarrierEmulator.start();
    app = await startApp({ ...carrier.env(), ...ATTACKED_CONFIGURATION });
  });

  afterAll(async () => {
    await app.close();
    await carrier.close();
  });

  const pending = async (): Promise<PendingSignIn> =>
    beginSignIn(app, carrier, await createUser(app), { clientIp: freshAddress() });

  async function signedIn(): Promise<PendingSignIn> {
    const signIn = await pending();
    await signIn.call.answer();
    await signIn.call.type(signIn.code);
    await signIn.feed.waitFor('verified');
    const completed = await signIn.browser.complete();
    if (completed.status !== 200) throw new Error(`complete answered ${completed.status}`);
    return signIn;
  }

  /** A browser holding `cookie`, as an attacker who copied it would. */
  function holding(cookie: string | undefined, origin: string | null = app.baseUrl) {
    const browser = new BrowserSession(app.baseUrl, origin);
    browser.cookie = cookie;
    browser.clientIp = freshAddress();
    return browser;
  }

  it('a socket asking to join another session’s room', async () => {
    const victim = await pending();
    await victim.call.answer();
    const attacker = await pending();
    const watch = await StateWatch.start(app, carrier, { feeds: [victim.feed] });
    for (const room of [`session:${victim.challengeId}`, victim.challengeId, 'session:*']) {
      attacker.feed.emit('join', room);
      attacker.feed.emit('subscribe', { room, challengeId: victim.challengeId });
    }
    attacker.feed.emit('challenge', { id: victim.challengeId });
    await watch.assertUnchanged();
    // Whatever it asked for, the attacker's socket hears only its own sign-in.
    await victim.call.type(victim.code.slice(0, 3));
    await victim.feed.waitFor('digit', (payload) => payload.position === 2);
    const heardIds = attacker.feed.events.map(
      (event) => event.payload.challengeId ?? event.payload.id,
    );
    expect(new Set(heardIds)).toEqual(new Set([attacker.challengeId]));
    victim.feed.close();
    attacker.feed.close();
  });

  it('a socket with a forged, anonymous or signed-out session cookie', async () => {
    const victim = await signedIn();
    const signedOutCookie = victim.browser.cookie;
    await victim.browser.logout();
    const watch = await StateWatch.start(app, carrier);
    for (const cookie of [undefined, 's%3Aforged-session-id.forged-signature', signedOutCookie]) {
      await expect(LiveFeed.connect(holding(cookie))).rejects.toThrow('unauthorized');
    }
    await watch.assertUnchanged();
  });

  it('a socket opened from a foreign origin with a valid session (cross-site WebSocket hijacking)', async () => {
    const victim = await pending();
    const watch = await StateWatch.start(app, carrier, { feeds: [victim.feed] });
    await expect(
      LiveFeed.connect(holding(victim.browser.cookie), { origin: 'https://evil.example' }),
    ).rejects.toThrow('forbidden origin');
    await watch.assertUnchanged();
    victim.feed.close();
  });

  it('a pending session (password only) calling /api/me', async () => {
    const attacker = await pending();
    const watch = await StateWatch.start(app, carrier, { feeds: [attacker.feed] });
    expectRefused(await attacker.browser.me(), [401], '/api/me', attacker.browser.cookie);
    await watch.assertUnchanged();
    attacker.feed.close();
  });

  it('a pending session (password only) calling admin routes', async () => {
    const attacker = await pending();
    const watch = await StateWatch.start(app, carrier, { feeds: [attacker.feed] });
    for (const [method, path, body] of ADMIN_ROUTES) {
      const reply = await attacker.browser.request(method, path, body);
      expectRefused(reply, [401], `${method} ${path}`, attacker.browser.cookie);
    }
    await watch.assertUnchanged();
    attacker.feed.close();
  });

  it('a signed-in user (not an admin) calling admin routes', async () => {
    const attacker = await signedIn();
    const watch = await StateWatch.start(app, carrier, { feeds: [attacker.feed] });
    for (const [method, path, body] of ADMIN_ROUTES) {
      const reply = await attacker.browser.request(method, path, body);
      expectRefused(reply, [403], `${method} ${path}`, attacker.browser.cookie);
    }
    const me = (await attacker.browser.me()).body;
    const phone = await attacker.browser.request('POST', `/api/admin/users/${me.id}/phones`, {
      number: '+12025550123',
      label: 'mine now',
    });
    expectRefused(phone, [403], 'adding a phone to oneself', attacker.browser.cookie);
    await watch.assertUnchanged();
    attacker.feed.close();
  });

  it('an anonymous caller on admin routes', async () => {
    const watch = await StateWatch.start(app, carrier);
    for (const [method, path, body] of ADMIN_ROUTES) {
      expectRefused(
        await holding(undefined).request(method, path, body),
        [401],
        `${method} ${path}`,
      );
    }
    await watch.assertUnchanged();
  });

  it.each([
    ['a session id the server never issued', async () => 's%3Aattacker-chosen-session-id.bogus'],
    ['the attacker’s own pending session', async () => (await pending()).browser.cookie],
  ])('session fixation with %s planted before sign-in', async (_, plant) => {
    const planted = await plant();
    const account = await createUser(app);
    // What the planted cookie can reach: never the victim's signed-in session.
    const reach = async () => {
      const state = await holding(planted).state();
      return { me: (await holding(planted).me()).status, user: state.body.user ?? null };
    };
    const before = await reach();
    const victim = holding(planted);
    const login = await victim.login(account.username, account.password);
    expect(login.status).toBe(200);
    expect(victim.cookie).not.toBe(planted);
    const feed = await LiveFeed.connect(victim);
    const call = await carrier.nextCall();
    await call.answer();
    await call.type(login.body.challenge.code);
    await feed.waitFor('verified');
    expect((await victim.complete()).status).toBe(200);
    expect(victim.cookie).not.toBe(planted);
    expect((await victim.me()).status).toBe(200);
    const after = await reach();
    expectRefused({ status: after.me, body: after, headers: new Headers() }, [401]);
    if (JSON.stringify(after) !== JSON.stringify(before)) {
      throw new Error(`${STATE_CHANGED}: the planted cookie reaches ${JSON.stringify(after)}`);
    }
    feed.close();
  });

  it.each([
    ['a foreign Origin', { origin: 'https://evil.example' }],
    ['a sibling subdomain-like Origin', { origin: `${'http://127.0.0.1'}.evil.example` }],
    ['the null Origin (sandboxed frame)', { origin: 'null' }],
    ['no Origin and a foreign Referer', { referer: 'https://evil.example/page' }],
    ['neither Origin nor Referer', {}],
  ])('cross-site requests with the victim’s cookie and %s', async (_, headers) => {
    const victim = await signedIn();
    const watch = await StateWatch.start(app, carrier, { feeds: [victim.feed] });
    const forged = holding(victim.browser.cookie, null);
    for (const path of [
      '/api/auth/logout',
      '/API/auth/logout',
      '/api/auth/login',
      '/api/auth/second-factor/call',
      '/api/auth/second-factor/complete',
      '/api/admin/users',
    ]) {
      expectRefused(await forged.request('POST', path, {}, headers), [403], path);
    }
    await watch.assertUnchanged();
    expect((await victim.browser.me()).status).toBe(200);
    victim.feed.close();
  });

  it('a signed-out session’s cookie replayed', async () => {
    const victim = await signedIn();
    const stolen = victim.browser.cookie;
    await victim.browser.logout();
    const watch = await StateWatch.start(app, carrier);
    const thief = holding(stolen);
    expectRefused(await thief.me(), [401]);
    expect((await thief.state()).body).toEqual({ state: 'anonymous' });
    expectRefused(await thief.callAgain(), [401]);
    expectRefused(await thief.complete(), [401]);
    await watch.assertUnchanged();
    victim.feed.close();
  });

  it('the pending session id, replayed after the sign-in completed', async () => {
    const victim = await pending();
    const pendingCookie = victim.browser.cookie;
    await victim.call.answer();
    await victim.call.type(victim.code);
    await victim.feed.waitFor('verified');
    await victim.browser.complete();
    const watch = await StateWatch.start(app, carrier, { feeds: [victim.feed] });
    const thief = holding(pendingCookie);
    expectRefused(await thief.me(), [401]);
    expectRefused(await thief.complete(), [401]);
    await watch.assertUnchanged();
    victim.feed.close();
  });

  it('completing the second factor before the code was typed (a half-open session)', async () => {
    const attacker = await pending();
    await attacker.call.answer();
    const watch = await StateWatch.start(app, carrier, { feeds: [attacker.feed] });
    const held = attacker.browser.cookie;
    for (let attempt = 0; attempt < 5; attempt++) {
      expectRefused(await attacker.browser.complete(), [409], 'complete', held);
    }
    expectRefused(await attacker.browser.me(), [401], '/api/me', held);
    await watch.assertUnchanged();
    attacker.feed.close();
  });
});
