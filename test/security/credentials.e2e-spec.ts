import { randomBytes } from 'node:crypto';
import { DataSource } from 'typeorm';
import { User } from '../../src/users/entities/user.entity.js';
import { UsersService } from '../../src/users/users.service.js';
import { ATTACKED_CONFIGURATION, expectRefused, freshAddress } from '../support/attack.js';
import { BrowserSession, type HttpReply } from '../support/browser-session.js';
import { CarrierEmulator } from '../support/carrier-emulator.js';
import { createUser, type TestUser } from '../support/factories.js';
import { StateWatch } from '../support/state-watch.js';
import { startApp, type TestApp } from '../support/test-app.js';

const BAD_CREDENTIALS = {
  statusCode: 401,
  message: 'Invalid username or password',
  error: 'Unauthorized',
};

describe('attacks on the password', () => {
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

  /** A browser of the attacker's, at an address of its own unless told. */
  const attacker = (address = freshAddress()) => {
    const browser = new BrowserSession(app.baseUrl);
    browser.clientIp = address;
    return browser;
  };
  const userRow = (id: string) => app.get(DataSource).getRepository(User).findOneByOrFail({ id });
  const unknownName = () => `nobody-${randomBytes(4).toString('hex')}`;

  async function users(count: number): Promise<TestUser[]> {
    const made: TestUser[] = [];
    for (let index = 0; index < count; index++) made.push(await createUser(app));
    return made;
  }

  it('credential stuffing across 50 usernames from one address', async () => {
    const names = [...(await users(25)).map((user) => user.username)];
    while (names.length < 50) names.push(unknownName());
    const watch = await StateWatch.start(app, carrier, { lockoutMayCount: true });
    const browser = attacker();
    const replies: HttpReply[] = [];
    for (const username of names) replies.push(await browser.login(username, 'Summer2024!leak'));

    // 30 tries (RATE_LIMIT_SIGNIN_PER_IP), each refused alike; then the address is stopped.
    replies.slice(0, 30).forEach((reply) => expectRefused(reply, [401]));
    replies.slice(30).forEach((reply) => expectRefused(reply, [429]));
    for (const reply of replies.slice(0, 30)) expect(reply.body).toEqual(BAD_CREDENTIALS);
    expect(replies[30].headers.get('retry-after')).toBe(String(replies[30].body.retryAfter));
    await watch.assertUnchanged();
  }, 90_000);

  it('credential stuffing across 50 usernames from 50 addresses (a botnet)', async () => {
    const accounts = await users(25);
    const names = [...accounts.map((user) => user.username)];
    while (names.length < 50) names.push(unknownName());
    const watch = await StateWatch.start(app, carrier, { lockoutMayCount: true });
    // A botnet does not wait: five at a time.
    for (let start = 0; start < names.length; start += 5) {
      const replies = await Promise.all(
        names.slice(start, start + 5).map((name) => attacker().login(name, 'Winter2025!leak')),
      );
      replies.forEach((reply) => expectRefused(reply, [401]));
    }
    // One guess per account: counted, far from any lock.
    for (const account of accounts) expect((await userRow(account.user.id)).failedAttempts).toBe(1);
    await watch.assertUnchanged();
  }, 90_000);

  it('200 wrong passwords on one account from 200 addresses', async () => {
    const [victim] = await users(1);
    const watch = await StateWatch.start(app, carrier, { lockoutMayCount: true });
    const statuses: number[] = [];
    for (let guess = 0; guess < 200; guess++) {
      const reply = await attacker().login(victim.username, `guess-number-${guess}`);
      expectRefused(reply, [401, 423, 429]);
      statuses.push(reply.status);
    }
    // Ten guesses are tested; then the lock (423) and the per-username limit (429) stop all.
    expect(statuses.slice(0, 10)).toEqual(Array(10).fill(401));
    expect(statuses.slice(10, 20)).toEqual(Array(10).fill(423));
    expect(new Set(statuses.slice(20))).toEqual(new Set([429]));
    const row = await userRow(victim.user.id);
    expect(row.failedAttempts).toBe(10);
    expect(row.lockedUntil!.getTime() - Date.now()).toBeGreaterThan(30_000);
    expect(row.lockedUntil!.getTime() - Date.now()).toBeLessThanOrEqual(60_000);
    // Even the right password is refused now.
    expectRefused(await attacker().login(victim.username, victim.password), [423, 429]);
    await watch.assertUnchanged();
  }, 90_000);

  it('200 wrong passwords on one account from one address', async () => {
    const [victim] = await users(1);
    const watch = await StateWatch.start(app, carrier, { lockoutMayCount: true });
    const browser = attacker();
    const statuses: number[] = [];
    for (let guess = 0; guess < 200; guess++) {
      const reply = await browser.login(victim.username, `guess-number-${guess}`);
      expectRefused(reply, [401, 423, 429]);
      statuses.push(reply.status);
    }
    expect(statuses.filter((status) => status === 401)).toHaveLength(10);
    expect(statuses.slice(20)).toEqual(Array(180).fill(429));
    // The right password meets the lock, or the per-username limit, whichever holds it.
    const locked = await attacker().login(victim.username, victim.password);
    expectRefused(locked, [423, 429]);
    expect(locked.headers.get('retry-after')).toMatch(/^\d+$/);
    await watch.assertUnchanged();
  }, 90_000);

  it('telling accounts apart by the refusal: unknown user and wrong password answer alike', async () => {
    const [known] = await users(1);
    const watch = await StateWatch.start(app, carrier, { lockoutMayCount: true });
    const wrongPassword = await attacker().login(known.username, 'not-the-password-1');
    const unknownUser = await attacker().login(unknownName(), 'not-the-password-1');
    expectRefused(wrongPassword, [401]);
    expectRefused(unknownUser, [401]);
    expect(wrongPassword.body).toEqual(BAD_CREDENTIALS);
    expect(unknownUser.body).toEqual(BAD_CREDENTIALS);
    const headersOf = (reply: HttpReply) =>
      [...reply.headers.keys()].filter((name) => !['date', 'etag'].includes(name)).sort();
    expect(headersOf(unknownUser)).toEqual(headersOf(wrongPassword));
    await watch.assertUnchanged();
  });

  it.each([
    ['a Cyrillic е for a Latin e', (name: string) => name.replace('e', '\u0435')],
    ['a zero-width joiner', (name: string) => `${name.slice(0, 3)}\u200d${name.slice(3)}`],
    ['a right-to-left override', (name: string) => `\u202e${name}`],
    ['a trailing NUL', (name: string) => `${name}\u0000`],
    ['a trailing space', (name: string) => `${name} `],
    ['a combining accent', (name: string) => `${name}\u0301`],
    ['a 65th character', (name: string) => name.padEnd(65, 'x')],
  ])('a look-alike username (%s) with the right password reaches no account', async (_, trick) => {
    const [victim] = await users(1);
    expect(trick(victim.username)).not.toBe(victim.username);
    const watch = await StateWatch.start(app, carrier);
    const reply = await attacker().login(trick(victim.username), victim.password);
    expectRefused(reply, [400, 401]);
    await watch.assertUnchanged();
  });

  it('spelling a locked account another way (upper case, fullwidth) does not get round the lock', async () => {
    const [victim] = await users(1);
    for (let guess = 0; guess < 10; guess++) await attacker().login(victim.username, `g-${guess}`);
    const watch = await StateWatch.start(app, carrier);
    const fullwidth = [...victim.username.toUpperCase()]
      .map((char) =>
        /[A-Z0-9]/.test(char) ? String.fromCharCode(char.charCodeAt(0) + 0xfee0) : char,
      )
      .join('');
    for (const spelling of [victim.username.toUpperCase(), fullwidth]) {
      expectRefused(await attacker().login(spelling, victim.password), [423]);
    }
    expect((await userRow(victim.user.id)).failedAttempts).toBe(10);
    await watch.assertUnchanged();
  });

  it('SQL-looking usernames and passwords sign nobody in and change nothing', async () => {
    const [victim] = await users(1);
    const watch = await StateWatch.start(app, carrier, { lockoutMayCount: true });
    const injections = [
      "' OR '1'='1",
      "admin'--",
      `x'; DROP TABLE "user"; --`,
      '" OR ""="',
      '1; DELETE FROM session',
      '\') UNION SELECT password_hash FROM "user" --',
    ];
    for (const injection of injections) {
      expectRefused(await attacker().login(injection, injection), [400, 401]);
      expectRefused(await attacker().login(victim.username, injection), [401]);
    }
    await watch.assertUnchanged();
  });

  it('an account locked by a fraud report refuses even its right password', async () => {
    const [victim] = await users(1);
    await app.get(UsersService).lockUntilUnlocked(victim.user.id);
    const watch = await StateWatch.start(app, carrier);
    const reply = await attacker().login(victim.username, victim.password);
    expectRefused(reply, [423]);
    expect(reply.body.retryAfter).toBeNull();
    expect(reply.headers.get('retry-after')).toBeNull();
    await watch.assertUnchanged();
  });
});
