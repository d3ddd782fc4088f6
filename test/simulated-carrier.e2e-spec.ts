import { BrowserSession } from './support/browser-session.js';
import { CarrierEmulator } from './support/carrier-emulator.js';
import { createUser, type TestUser } from './support/factories.js';
import { LiveFeed } from './support/live-feed.js';
import { startApp, type TestApp } from './support/test-app.js';
import { eventually } from './support/wait.js';

/** The virtual phone page's view of the simulated carrier, over the same HTTP API it uses. */
class VirtualPhone {
  private readonly page: BrowserSession;

  constructor(
    app: TestApp,
    readonly number: string,
  ) {
    this.page = new BrowserSession(app.baseUrl);
  }

  async ringingCall(): Promise<{ sid: string }> {
    return eventually(
      async () => {
        const calls = await this.page.request(
          'GET',
          `/api/simulator/calls?to=${encodeURIComponent(this.number)}`,
        );
        return calls.body.find((call: { state: string }) => call.state === 'ringing');
      },
      { what: 'the virtual phone to ring' },
    );
  }

  call(sid: string) {
    return this.page.request('GET', `/api/simulator/calls/${sid}`);
  }

  act(sid: string, action: 'answer' | 'decline' | 'hangup') {
    return this.page.request('POST', `/api/simulator/calls/${sid}/${action}`);
  }

  press(sid: string, key: string) {
    return this.page.request('POST', `/api/simulator/calls/${sid}/keys`, { key });
  }

  /** Waits until the call waits for a key (the TwiML round trip is asynchronous). */
  awaitingKey(sid: string) {
    return eventually(async () => (await this.call(sid)).body.awaitingKey, { what: 'a Gather' });
  }
}

describe('the simulated carrier (offline default)', () => {
  let app: TestApp;
  let account: TestUser;
  let phone: VirtualPhone;

  beforeAll(async () => {
    app = await startApp({ TELEPHONY_DRIVER: 'simulated' });
  });

  beforeEach(async () => {
    account = await createUser(app);
    phone = new VirtualPhone(app, account.phone);
  });

  afterAll(async () => {
    await app.close();
  });

  it('completes a sign-in on its own signed webhooks', async () => {
    const browser = new BrowserSession(app.baseUrl);
    const login = await browser.login(account.username, account.password);
    const { code, id: challengeId } = login.body.challenge;
    const feed = await LiveFeed.connect(browser);
    const { sid } = await phone.ringingCall();

    expect((await phone.act(sid, 'answer')).status).toBe(200);
    await phone.awaitingKey(sid);
    const ringing = (await phone.call(sid)).body;
    expect(ringing.transcript[0]).toMatch(
      new RegExp(`^Hello ${account.username}\\. Please enter the 6 digit code`),
    );

    for (const key of code) expect((await phone.press(sid, key)).status).toBe(200);
    expect(await feed.waitFor('verified')).toEqual({ challengeId });
    expect(
      feed.events.filter((event) => event.name === 'digit').map((event) => event.payload.correct),
    ).toEqual(Array(6).fill(true));
    const ended = await eventually(async () => {
      const view = (await phone.call(sid)).body;
      return view.state === 'ended' && view;
    });
    expect(ended.outcome).toBe('completed');
    expect(ended.transcript.at(-1)).toBe('Thank you, you are signed in. Goodbye.');
    expect((await browser.complete()).status).toBe(200);
    feed.close();
  });

  it('declining the call is busy: the browser hears call-failed', async () => {
    const browser = new BrowserSession(app.baseUrl);
    const login = await browser.login(account.username, account.password);
    const feed = await LiveFeed.connect(browser);
    const { sid } = await phone.ringingCall();
    expect((await phone.act(sid, 'decline')).body).toMatchObject({
      state: 'ended',
      outcome: 'busy',
    });
    expect(await feed.waitFor('failed')).toEqual({
      challengeId: login.body.challenge.id,
      reason: 'call-failed',
    });
    expect(await feed.waitFor('call', (payload) => payload.status === 'busy')).toBeDefined();
    feed.close();
  });

  it('hanging up mid-code is hung-up', async () => {
    const browser = new BrowserSession(app.baseUrl);
    const login = await browser.login(account.username, account.password);
    const feed = await LiveFeed.connect(browser);
    const { sid } = await phone.ringingCall();
    await phone.act(sid, 'answer');
    await phone.awaitingKey(sid);
    await phone.press(sid, login.body.challenge.code[0]);
    await feed.waitFor('digit');
    await phone.act(sid, 'hangup');
    expect(await feed.waitFor('failed')).toEqual({
      challengeId: login.body.challenge.id,
      reason: 'hung-up',
    });
    feed.close();
  });

  it('refuses keys that are not on a keypad, and actions on calls that are over', async () => {
    const browser = new BrowserSession(app.baseUrl);
    await browser.login(account.username, account.password);
    const { sid } = await phone.ringingCall();
    expect((await phone.press(sid, '5')).status).toBe(409);
    await phone.act(sid, 'answer');
    expect((await phone.press(sid, 'A')).status).toBe(400);
    expect((await phone.press(sid, '55')).status).toBe(400);
    await phone.act(sid, 'hangup');
    expect((await phone.act(sid, 'answer')).status).toBe(409);
    expect((await phone.call('CA-no-such-call')).status).toBe(404);
  });

  it('serves the virtual phone page route', async () => {
    const page = await fetch(`${app.baseUrl}/phone`);
    // 200 once the client is built; without it, a 404 that says how to build it.
    expect([200, 404]).toContain(page.status);
    if (page.status === 404) expect(await page.text()).toMatch(/npm run build/);
  });
});

describe('the virtual phone with a real carrier', () => {
  it('does not exist: /phone and the simulator API are 404', async () => {
    const carrier = await CarrierEmulator.start();
    const app = await startApp(carrier.env());
    try {
      expect((await fetch(`${app.baseUrl}/phone`)).status).toBe(404);
      const browser = new BrowserSession(app.baseUrl);
      expect((await browser.request('GET', '/api/simulator/calls?to=%2B12025550100')).status).toBe(
        404,
      );
      expect(
        (await browser.request('POST', `/api/simulator/calls/CA${'0'.repeat(32)}/answer`)).status,
      ).toBe(404);
    } finally {
      await app.close();
      await carrier.close();
    }
  });
});
