import { BrowserSession } from './support/browser-session.js';
import { CarrierEmulator } from './support/carrier-emulator.js';
import { createUser, type TestUser } from './support/factories.js';
import { startApp, type TestApp } from './support/test-app.js';

let addresses = 0;
const nextAddress = () => `198.51.100.${++addresses}`;

describe('rate limits (behind a trusted proxy)', () => {
  let carrier: CarrierEmulator;
  let app: TestApp;

  beforeAll(async () => {
    carrier = await CarrierEmulator.start();
    app = await startApp({
      ...carrier.env(),
      TRUST_PROXY: 'true',
      RATE_LIMIT_SIGNIN_PER_IP: '3',
      RATE_LIMIT_SIGNIN_PER_USERNAME: '5',
      RATE_LIMIT_CALLS_PER_HOUR: '2',
      CALL_RETRY_COOLDOWN_SECONDS: '0',
    });
  });

  afterAll(async () => {
    await app.close();
    await carrier.close();
  });

  const from = (address: string) => {
    const browser = new BrowserSession(app.baseUrl);
    browser.clientIp = address;
    return browser;
  };

  it('allows RATE_LIMIT_SIGNIN_PER_IP attempts per address in 15 minutes, then 429 with Retry-After', async () => {
    const address = nextAddress();
    for (let attempt = 0; attempt < 3; attempt++) {
      expect((await from(address).login(`nobody-${attempt}`, 'password-x')).status).toBe(401);
    }
    const refused = await from(address).login('nobody-else', 'password-x');
    expect(refused.status).toBe(429);
    expect(refused.body).toEqual({
      statusCode: 429,
      message: `Too many sign-in attempts. Please try again in ${refused.body.retryAfter} seconds.`,
      error: 'Too Many Requests',
      retryAfter: expect.any(Number),
    });
    expect(refused.body.retryAfter).toBeGreaterThan(14 * 60);
    expect(refused.body.retryAfter).toBeLessThanOrEqual(15 * 60);
    expect(refused.headers.get('retry-after')).toBe(String(refused.body.retryAfter));
    // Malformed attempts count too; another address is unaffected.
    expect((await from(address).request('POST', '/api/auth/login', {})).status).toBe(429);
    expect((await from(nextAddress()).login('nobody', 'password-x')).status).toBe(401);
  });

  it('takes the client address from X-Forwarded-For as the proxy appends it', async () => {
    const address = nextAddress();
    // A client may send its own header; the proxy appends the address it saw, which counts.
    const spoofing = (spoof: string) => {
      const browser = new BrowserSession(app.baseUrl);
      browser.clientIp = `${spoof}, ${address}`;
      return browser.login('nobody', 'password-x');
    };
    for (let attempt = 0; attempt < 3; attempt++) await spoofing(`203.0.113.${attempt}`);
    expect((await spoofing('203.0.113.99')).status).toBe(429);
  });

  it('allows RATE_LIMIT_SIGNIN_PER_USERNAME attempts per username from anywhere, however spelt', async () => {
    const account = await createUser(app);
    const spellings = [account.username, account.username.toUpperCase()];
    for (let attempt = 0; attempt < 5; attempt++) {
      const reply = await from(nextAddress()).login(spellings[attempt % 2], `wrong-${attempt}`);
      expect(reply.status).toBe(401);
    }
    const refused = await from(nextAddress()).login(account.username, account.password);
    expect(refused.status).toBe(429);
    expect(refused.headers.get('retry-after')).toBe(String(refused.body.retryAfter));
    expect(carrier.hasUntakenCall()).toBe(false);
  });

  async function signIn(account: TestUser, address = nextAddress()) {
    const browser = from(address);
    const reply = await browser.login(account.username, account.password);
    if (reply.status === 200) await carrier.nextCall();
    return { browser, reply };
  }

  it('allows RATE_LIMIT_CALLS_PER_HOUR calls to one user, then 429 with an hour’s Retry-After', async () => {
    const account = await createUser(app);
    expect((await signIn(account)).reply.status).toBe(200);
    expect((await signIn(account)).reply.status).toBe(200);
    const { browser, reply } = await signIn(account);
    expect(reply.status).toBe(429);
    expect(reply.body.message).toBe(
      `Too many calls in the last hour. Please try again in ${reply.body.retryAfter} seconds.`,
    );
    expect(reply.body.retryAfter).toBeGreaterThan(59 * 60);
    expect(reply.headers.get('retry-after')).toBe(String(reply.body.retryAfter));
    expect(browser.cookie).toBeUndefined();
    expect(carrier.hasUntakenCall()).toBe(false);
  });

  // Calls to one number across accounts: src/rate-limit/call-budget.spec.ts and the attack
  // suite's flood (a number is verified for one user at most, so only enrollment shares it).

  it('counts calls asked for by one address across users', async () => {
    const address = nextAddress();
    const users = [await createUser(app), await createUser(app), await createUser(app)];
    expect((await signIn(users[0], address)).reply.status).toBe(200);
    expect((await signIn(users[1], address)).reply.status).toBe(200);
    expect((await signIn(users[2], address)).reply.status).toBe(429);
  });

  it('counts "call me again" too: it places a call', async () => {
    const account = await createUser(app);
    const { browser } = await signIn(account);
    const again = await browser.callAgain();
    expect(again.status).toBe(200);
    await carrier.nextCall();
    const refused = await browser.callAgain();
    expect(refused.status).toBe(429);
    expect(refused.body.message).toMatch(/^Too many calls in the last hour/);
    expect(refused.headers.get('retry-after')).toBe(String(refused.body.retryAfter));
    // The sign-in is still pending: the running call was not superseded.
    expect((await browser.state()).body.challenge.id).toBe(again.body.challenge.id);
    expect(carrier.hasUntakenCall()).toBe(false);
  });
});

describe('rate limits without a trusted proxy', () => {
  let app: TestApp;

  beforeAll(async () => {
    app = await startApp({ RATE_LIMIT_SIGNIN_PER_IP: '2' });
  });

  afterAll(() => app.close());

  it('ignores X-Forwarded-For: a client cannot pick its own address', async () => {
    const statuses: number[] = [];
    for (let attempt = 0; attempt < 3; attempt++) {
      const browser = new BrowserSession(app.baseUrl);
      browser.clientIp = `192.0.2.${attempt}`;
      statuses.push((await browser.login('nobody', 'password-x')).status);
    }
    expect(statuses).toEqual([401, 401, 429]);
  });
});
