import { CarrierEmulator } from './support/carrier-emulator.js';
import { BrowserSession } from './support/browser-session.js';
import { createUser, type TestUser } from './support/factories.js';
import { LiveFeed } from './support/live-feed.js';
import { beginSignIn, wrongDigit } from './support/scenarios.js';
import { startApp, type TestApp } from './support/test-app.js';
import { sleep } from './support/wait.js';

describe('sign-in with a phone call (Twilio protocol, emulated carrier)', () => {
  let carrier: CarrierEmulator;
  let app: TestApp;
  let alice: TestUser;

  beforeAll(async () => {
    carrier = await CarrierEmulator.start();
    app = await startApp({ ...carrier.env(), NODE_ENV: 'production', CODE_LENGTH: '6' });
    alice = await createUser(app);
  });

  afterAll(async () => {
    await app.close();
    await carrier.close();
  });

  it('shows the code, calls the phone, lights each digit in order and signs in', async () => {
    const preLogin = new BrowserSession(app.baseUrl);
    await preLogin.state();
    const signIn = await beginSignIn(app, carrier, alice);
    const { browser, feed, call, code, challengeId } = signIn;

    expect(code).toMatch(/^\d{6}$/);
    expect(call.order).toMatchObject({
      to: alice.phone,
      from: carrier.fromNumber,
      url: `${app.baseUrl}/api/voice/challenges/${challengeId}/answer`,
      statusCallback: `${app.baseUrl}/api/voice/challenges/${challengeId}/status`,
      statusCallbackMethod: 'POST',
    });
    expect(call.order.statusCallbackEvents).toEqual([
      'initiated',
      'ringing',
      'answered',
      'completed',
    ]);
    const pendingCookie = browser.cookie;
    expect((await browser.state()).body).toMatchObject({
      state: 'second-factor-pending',
      challenge: { id: challengeId, code, length: 6, phone: '+1 ••• ••• ' + alice.phone.slice(-4) },
    });
    expect((await browser.me()).status).toBe(401);

    await call.ring();
    const greeting = await call.answer();
    expect(greeting.status).toBe(200);
    expect(greeting.body).toContain('<Gather');
    expect(greeting.body).toContain('numDigits="1"');
    expect(greeting.twiml?.gather?.action).toBe(
      `${app.baseUrl}/api/voice/challenges/${challengeId}/digits/0`,
    );
    expect(greeting.twiml?.says[0]).toBe(
      `Hello ${alice.username}. Please enter the 6 digit code shown on your screen. ` +
        'If you did not try to sign in, press star.',
    );

    for (let position = 0; position < 5; position++) {
      const next = await call.press(code[position]);
      expect(next.twiml?.gather?.action).toBe(
        `${app.baseUrl}/api/voice/challenges/${challengeId}/digits/${position + 1}`,
      );
    }
    const last = await call.press(code[5]);
    expect(last.twiml).toEqual({ says: ['Thank you, you are signed in. Goodbye.'], hangup: true });
    expect(last.body).toMatch(/<Hangup\/>\s*<\/Response>$/);

    await feed.waitFor('verified');
    const heard = feed.events.filter((event) => ['digit', 'verified'].includes(event.name));
    expect(heard).toEqual([
      ...[0, 1, 2, 3, 4, 5].map((position) => ({
        name: 'digit',
        payload: { challengeId, position, correct: true },
      })),
      { name: 'verified', payload: { challengeId } },
    ]);
    expect(feed.names().filter((name) => name === 'call')).toEqual(['call', 'call', 'call']);
    expect(
      feed.events.filter((event) => event.name === 'call').map((event) => event.payload.status),
    ).toEqual(['queued', 'ringing', 'answered']);

    const completed = await browser.complete();
    expect(completed.status).toBe(200);
    expect(completed.body).toEqual({
      state: 'authenticated',
      user: { id: alice.user.id, username: alice.username, role: 'user' },
    });
    expect(browser.cookie).toBeDefined();
    expect(browser.cookie).not.toBe(pendingCookie);
    expect(browser.cookie).not.toBe(preLogin.cookie);

    const me = await browser.me();
    expect(me.status).toBe(200);
    expect(me.body).toMatchObject({ id: alice.user.id, username: alice.username, role: 'user' });
    expect(me.body.phones).toEqual([
      expect.objectContaining({
        verified: true,
        primary: true,
        number: expect.stringMatching(/^\+1 •••/),
      }),
    ]);

    // The old, pending session id is worth nothing now.
    const stale = new BrowserSession(app.baseUrl);
    stale.cookie = pendingCookie;
    expect((await stale.me()).status).toBe(401);
    expect((await stale.state()).body).toEqual({ state: 'anonymous' });
    feed.close();
  });

  it('hangs up on a wrong digit; the sign-in is over and the session anonymous', async () => {
    const { browser, feed, call, code, challengeId } = await beginSignIn(app, carrier, alice);
    await call.answer();
    await call.press(code[0]);
    const reply = await call.press(wrongDigit(code, 1));
    expect(reply.twiml).toEqual({
      says: ['That digit is wrong. Please sign in again.'],
      hangup: true,
    });

    expect(await feed.waitFor('failed')).toEqual({ challengeId, reason: 'wrong-digit' });
    const digits = feed.events
      .filter((event) => event.name === 'digit')
      .map((event) => event.payload);
    expect(digits).toEqual([
      { challengeId, position: 0, correct: true },
      { challengeId, position: 1, correct: false },
    ]);

    const completed = await browser.complete();
    expect(completed.status).toBe(401);
    expect((await browser.state()).body).toEqual({ state: 'anonymous' });
    expect((await browser.me()).status).toBe(401);
    feed.close();
  });

  it('completing before the code is typed is a 409 and changes nothing', async () => {
    const { browser, feed, call, code } = await beginSignIn(app, carrier, alice);
    await call.answer();
    await call.press(code[0]);
    expect((await browser.complete()).status).toBe(409);
    expect((await browser.state()).body.state).toBe('second-factor-pending');
    await call.type(code.slice(1));
    await feed.waitFor('verified');
    expect((await browser.complete()).status).toBe(200);
    feed.close();
  });

  it('refuses a wrong password and an unknown user with the same words', async () => {
    const browser = new BrowserSession(app.baseUrl);
    const wrongPassword = await browser.login(alice.username, 'not-the-password');
    const unknownUser = await browser.login('nobody-by-this-name', 'not-the-password');
    expect(wrongPassword.status).toBe(401);
    expect(unknownUser.status).toBe(401);
    expect(wrongPassword.body).toEqual(unknownUser.body);
    expect(wrongPassword.body).toEqual({
      statusCode: 401,
      message: 'Invalid username or password',
      error: 'Unauthorized',
    });
    expect(carrier.hasUntakenCall()).toBe(false);
  });

  it('accepts the username in any case', async () => {
    const browser = new BrowserSession(app.baseUrl);
    const reply = await browser.login(alice.username.toUpperCase(), alice.password);
    expect(reply.status).toBe(200);
    await carrier.nextCall();
  });

  it('answers 400 to a malformed body, and places no call', async () => {
    const browser = new BrowserSession(app.baseUrl);
    for (const body of [
      {},
      { username: alice.username },
      { username: 5, password: 'x' },
      '{not json',
      [],
    ]) {
      const reply = await browser.request('POST', '/api/auth/login', body);
      expect(reply.status).toBe(400);
      expect(reply.body.statusCode).toBe(400);
    }
    const extra = await browser.login(alice.username, alice.password);
    expect(extra.status).toBe(200);
    await carrier.nextCall();
    const withExtra = await browser.request('POST', '/api/auth/login', {
      username: alice.username,
      password: alice.password,
      admin: true,
    });
    expect(withExtra.status).toBe(400);
    await sleep(50);
    expect(carrier.hasUntakenCall()).toBe(false);
  });

  it('refuses an account without a verified phone with 403', async () => {
    const unverified = await createUser(app, { verified: false });
    const reply = await new BrowserSession(app.baseUrl).login(
      unverified.username,
      unverified.password,
    );
    expect(reply.status).toBe(403);
    expect(reply.body.message).toMatch(/no verified phone/i);
  });

  it('reports a call the carrier refused as call-failed', async () => {
    carrier.refuseNextCall();
    const browser = new BrowserSession(app.baseUrl);
    const login = await browser.login(alice.username, alice.password);
    expect(login.status).toBe(200);
    const feed = await LiveFeed.connect(browser);
    const replay = await feed.waitFor('challenge');
    expect(replay).toMatchObject({ id: login.body.challenge.id, status: 'failed' });
    feed.close();
  });

  it('signs out: the session is gone', async () => {
    const { browser, feed, call, code } = await beginSignIn(app, carrier, alice);
    await call.answer();
    await call.type(code);
    await feed.waitFor('verified');
    await browser.complete();
    const signedInCookie = browser.cookie;
    const logout = await browser.logout();
    expect(logout.status).toBe(204);
    expect(browser.cookie).toBeUndefined();
    const stale = new BrowserSession(app.baseUrl);
    stale.cookie = signedInCookie;
    expect((await stale.me()).status).toBe(401);
    feed.close();
  });
});
