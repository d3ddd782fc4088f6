import { BrowserSession } from './support/browser-session.js';
import { CarrierEmulator } from './support/carrier-emulator.js';
import { createUser } from './support/factories.js';
import { LiveFeed } from './support/live-feed.js';
import { beginSignIn, wrongDigit } from './support/scenarios.js';
import { startApp, type TestApp } from './support/test-app.js';
import { eventually, sleep } from './support/wait.js';

describe('live feedback on /verification', () => {
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

  it('refuses a socket without a session', async () => {
    await expect(LiveFeed.connect(new BrowserSession(app.baseUrl))).rejects.toThrow('unauthorized');
  });

  it('refuses a socket with a made-up or anonymous session cookie', async () => {
    const forged = new BrowserSession(app.baseUrl);
    forged.cookie = 's%3Aforged.session';
    await expect(LiveFeed.connect(forged)).rejects.toThrow('unauthorized');
    const anonymous = new BrowserSession(app.baseUrl);
    await anonymous.login('nobody-here', 'wrong-password');
    await expect(LiveFeed.connect(anonymous)).rejects.toThrow('unauthorized');
  });

  it('refuses a socket opened from a foreign origin, even with a valid session', async () => {
    const account = await createUser(app);
    const browser = new BrowserSession(app.baseUrl);
    await browser.login(account.username, account.password);
    await carrier.nextCall();
    await expect(LiveFeed.connect(browser, { origin: 'https://evil.example' })).rejects.toThrow(
      'forbidden origin',
    );
  });

  it('replays the current challenge on connect, so a reloaded page resumes', async () => {
    const account = await createUser(app);
    const { browser, call, code, challengeId, feed } = await beginSignIn(app, carrier, account);
    await call.answer();
    await call.type(code.slice(0, 2));
    await feed.waitFor('digit', (payload) => payload.position === 1);
    feed.close();

    const reloaded = await LiveFeed.connect(browser);
    const snapshot = await reloaded.waitFor('challenge');
    expect(snapshot).toEqual({
      id: challengeId,
      length: 6,
      expiresAt: expect.any(String),
      phone: expect.stringMatching(/^\+1 ••• ••• \d{4}$/),
      purpose: 'login',
      status: 'in-progress',
      entered: 2,
      call: 'answered',
      reason: null,
    });
    await call.type(code.slice(2));
    await reloaded.waitFor('verified');
    reloaded.close();
  });

  it('replays why a challenge failed, so a page reloaded after a failure can say so', async () => {
    const account = await createUser(app);
    const { browser, call, code, challengeId, feed } = await beginSignIn(app, carrier, account);
    await call.answer();
    await call.type(wrongDigit(code, 0));
    await feed.waitFor('failed');
    feed.close();

    const reloaded = await LiveFeed.connect(browser);
    expect(await reloaded.waitFor('challenge')).toMatchObject({
      id: challengeId,
      status: 'failed',
      entered: 0,
      reason: 'wrong-digit',
    });
    reloaded.close();
  });

  it('two users signing in at once never hear each other', async () => {
    const [first, second] = await Promise.all([createUser(app), createUser(app)]);
    const a = await beginSignIn(app, carrier, first);
    const b = await beginSignIn(app, carrier, second);
    await Promise.all([a.call.answer(), b.call.answer()]);
    for (let position = 0; position < 6; position++) {
      await Promise.all([a.call.press(a.code[position]), b.call.press(b.code[position])]);
    }
    await Promise.all([a.feed.waitFor('verified'), b.feed.waitFor('verified')]);
    await sleep(100);
    const ids = (feed: LiveFeed) =>
      new Set(feed.events.map((event) => event.payload.challengeId ?? event.payload.id));
    expect(ids(a.feed)).toEqual(new Set([a.challengeId]));
    expect(ids(b.feed)).toEqual(new Set([b.challengeId]));
    expect(a.feed.names().filter((name) => name === 'digit')).toHaveLength(6);
    expect(b.feed.names().filter((name) => name === 'digit')).toHaveLength(6);
    a.feed.close();
    b.feed.close();
  });

  it('two tabs of one session both hear the digits', async () => {
    const account = await createUser(app);
    const { browser, call, code, feed } = await beginSignIn(app, carrier, account);
    const secondTab = await LiveFeed.connect(browser);
    await call.answer();
    await call.type(code);
    await Promise.all([feed.waitFor('verified'), secondTab.waitFor('verified')]);
    expect(secondTab.names().filter((name) => name === 'digit')).toHaveLength(6);
    feed.close();
    secondTab.close();
  });

  it('signing out closes the session’s sockets', async () => {
    const account = await createUser(app);
    const { browser, feed, call } = await beginSignIn(app, carrier, account);
    expect(feed.connected).toBe(true);
    await browser.logout();
    await sleep(200);
    expect(feed.connected).toBe(false);
    // Its call is hung up: nobody is left to see the code.
    await eventually(() => call.endedByApplication, { what: 'the call to be hung up' });
    const answer = await call.answer();
    expect(answer.twiml).toEqual({
      says: ['This call is no longer needed. Goodbye.'],
      hangup: true,
    });
    await expect(LiveFeed.connect(browser)).rejects.toThrow('unauthorized');
  });
});
