import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { PhoneNumber } from '../../src/users/entities/phone-number.entity.js';
import { ATTACKED_CONFIGURATION, expectRefused, freshAddress } from '../support/attack.js';
import { BrowserSession, type HttpReply } from '../support/browser-session.js';
import { CarrierEmulator } from '../support/carrier-emulator.js';
import { createUser, type TestUser, uniquePhone } from '../support/factories.js';
import { beginSignIn } from '../support/scenarios.js';
import { StateWatch } from '../support/state-watch.js';
import { startApp, type TestApp } from '../support/test-app.js';
import { sleep } from '../support/wait.js';

const CALLS_PER_HOUR = Number(ATTACKED_CONFIGURATION.RATE_LIMIT_CALLS_PER_HOUR);

describe('toll fraud: making Callgate call where, or as often as, an attacker likes', () => {
  let carrier: CarrierEmulator;
  let app: TestApp;

  beforeAll(async () => {
    carrier = await CarrierEmulator.start();
    app = await startApp({
      ...carrier.env(),
      ...ATTACKED_CONFIGURATION,
      ALLOWED_COUNTRIES: 'US,GB',
      CALL_RETRY_COOLDOWN_SECONDS: '1',
    });
  });

  afterAll(async () => {
    await app.close();
    await carrier.close();
  });

  const from = (address = freshAddress()) => {
    const browser = new BrowserSession(app.baseUrl);
    browser.clientIp = address;
    return browser;
  };

  /** A user whose stored, verified number predates today's rules (older data, or an old allow-list). */
  async function userWithStoredNumber(e164: string): Promise<TestUser> {
    const account = await createUser(app, { phone: null });
    await app.get(DataSource).getRepository(PhoneNumber).insert({
      id: randomUUID(),
      userId: account.user.id,
      e164,
      label: 'legacy',
      verifiedAt: new Date(),
      isPrimary: true,
      createdAt: new Date(),
    });
    return { ...account, phone: e164 };
  }

  /** Signs in `account` and takes the call it places; the reply if no call came. */
  async function login(account: TestUser, address = freshAddress()): Promise<HttpReply> {
    const reply = await from(address).login(account.username, account.password);
    if (reply.status === 200) await carrier.nextCall();
    return reply;
  }

  /** `held`: the caller's own session cookie, which a rolling session sends back. */
  function expectThrottledCall(reply: HttpReply, held?: string): void {
    expectRefused(reply, [429], 'the call', held);
    expect(reply.body.message).toMatch(/^Too many calls in the last hour/);
    expect(reply.body.retryAfter).toBeGreaterThan(0);
    expect(reply.headers.get('retry-after')).toBe(String(reply.body.retryAfter));
  }

  it.each([
    ['a US premium-rate number', '+19005550100'],
    ['a UK premium-rate number', '+449091234567'],
    ['a number of a country not allowed (France)', '+33612345678'],
    ['a number of a country not allowed sharing +1 (Canada)', '+14165550123'],
  ])('signing in to an account whose stored number is %s', async (_, e164) => {
    const account = await userWithStoredNumber(e164);
    const watch = await StateWatch.start(app, carrier);
    const reply = await from().login(account.username, account.password);
    expectRefused(reply, [403]);
    expect(reply.body.message).toMatch(/can no longer be called/);
    await watch.assertUnchanged();
  });

  it('an admin adding a premium-rate or disallowed-country number', async () => {
    const admin = await createUser(app, { role: 'admin' });
    const { browser, call, code, feed } = await beginSignIn(app, carrier, admin, {
      clientIp: freshAddress(),
    });
    await call.answer();
    await call.type(code);
    await feed.waitFor('verified');
    expect((await browser.complete()).status).toBe(200);
    const target = await createUser(app, { phone: null });
    const watch = await StateWatch.start(app, carrier, { feeds: [feed] });
    for (const number of ['+1 900 555 0100', '+44 909 123 4567', '+33 6 12 34 56 78']) {
      const reply = await browser.request('POST', `/api/admin/users/${target.user.id}/phones`, {
        number,
        label: 'premium',
      });
      expectRefused(reply, [400], `adding ${number}`, browser.cookie);
    }
    await watch.assertUnchanged();
    feed.close();
  });

  it('a flood of calls to one number, through several accounts and addresses', async () => {
    // A number is verified for one user at most, but may sit unverified on several: each
    // enrollment call to it counts against the number, whoever asks and for whom.
    const shared = uniquePhone();
    const phones = app.get(DataSource).getRepository(PhoneNumber);
    const phoneIds: string[] = [];
    for (let index = 0; index < 4; index++) {
      const target = await createUser(app, { phone: shared, verified: false });
      phoneIds.push((await phones.findOneByOrFail({ userId: target.user.id })).id);
    }
    const enroll = (browser: BrowserSession, index: number) =>
      browser.request(
        'POST',
        `/api/admin/phones/${phoneIds[index % phoneIds.length]}/verification`,
      );
    // Each admin asks from an address of its own, twice: no address or user reaches its limit.
    for (let placed = 0; placed < CALLS_PER_HOUR; placed++) {
      const browser = placed % 2 === 0 ? await signedInAdmin() : lastAdmin!;
      lastAdmin = browser;
      expect((await enroll(browser, placed)).status).toBe(200);
      expect((await carrier.nextCall()).order.to).toBe(shared);
    }
    const browser = await signedInAdmin();
    const watch = await StateWatch.start(app, carrier);
    for (let flood = 0; flood < phoneIds.length; flood++) {
      expectThrottledCall(await enroll(browser, flood), browser.cookie);
    }
    await watch.assertUnchanged();
  });

  let lastAdmin: BrowserSession | undefined;

  /** An admin, fully signed in from an address no one else uses. */
  async function signedInAdmin(): Promise<BrowserSession> {
    const admin = await createUser(app, { role: 'admin' });
    const { browser, call, code, feed } = await beginSignIn(app, carrier, admin, {
      clientIp: freshAddress(),
    });
    await call.answer();
    await call.type(code);
    await feed.waitFor('verified');
    expect((await browser.complete()).status).toBe(200);
    feed.close();
    return browser;
  }

  it('a flood of calls to one user, from many addresses', async () => {
    const victim = await createUser(app);
    for (let placed = 0; placed < CALLS_PER_HOUR; placed++) {
      expect((await login(victim)).status).toBe(200);
    }
    const watch = await StateWatch.start(app, carrier);
    for (let flood = 0; flood < 5; flood++) expectThrottledCall(await login(victim));
    await watch.assertUnchanged();
  });

  it('a flood of calls from one address, across many users', async () => {
    const address = freshAddress();
    const victims: TestUser[] = [];
    for (let index = 0; index < CALLS_PER_HOUR + 5; index++) victims.push(await createUser(app));
    for (const victim of victims.slice(0, CALLS_PER_HOUR)) {
      expect((await login(victim, address)).status).toBe(200);
    }
    const watch = await StateWatch.start(app, carrier);
    for (const victim of victims.slice(CALLS_PER_HOUR)) {
      expectThrottledCall(await login(victim, address));
    }
    await watch.assertUnchanged();
  });

  it('"call me again", over and over', async () => {
    const account = await createUser(app);
    const { browser, call, feed } = await beginSignIn(app, carrier, account, {
      clientIp: freshAddress(),
    });
    await call.status('busy');
    await feed.waitFor('failed');
    const held = browser.cookie;
    // Within the cooldown: refused, however often.
    let watch = await StateWatch.start(app, carrier, { feeds: [feed] });
    for (let flood = 0; flood < 5; flood++) {
      const reply = await browser.callAgain();
      expectRefused(reply, [429], 'call-again', held);
      expect(reply.body.retryAfter).toBeGreaterThan(0);
    }
    await watch.assertUnchanged();
    // Past MAX_CALLS_PER_CHALLENGE (3) for this sign-in: refused for good.
    for (let placed = 2; placed <= 3; placed++) {
      await sleep(1100);
      expect((await browser.callAgain()).status).toBe(200);
      await (await carrier.nextCall()).status('busy');
    }
    await sleep(1100);
    watch = await StateWatch.start(app, carrier, { feeds: [feed] });
    for (let flood = 0; flood < 5; flood++) {
      const reply = await browser.callAgain();
      expectRefused(reply, [429], 'call-again', browser.cookie);
      expect(reply.body.retryAfter).toBeNull();
    }
    await watch.assertUnchanged();
    feed.close();
  });
});
