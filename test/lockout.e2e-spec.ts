import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DataSource } from 'typeorm';
import { User } from '../src/users/entities/user.entity.js';
import { UsersService } from '../src/users/users.service.js';
import { Challenge } from '../src/verification/entities/challenge.entity.js';
import { BrowserSession } from './support/browser-session.js';
import { CarrierEmulator } from './support/carrier-emulator.js';
import { createUser, type TestUser } from './support/factories.js';
import { beginSignIn, wrongDigit } from './support/scenarios.js';
import { startApp, type TestApp } from './support/test-app.js';
import { eventually } from './support/wait.js';

const FAR_FUTURE = new Date('9000-01-01T00:00:00Z').getTime();

describe('account lockout after consecutive failed sign-ins', () => {
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

  const users = () => app.get(DataSource).getRepository(User);
  const row = (account: TestUser) => users().findOneByOrFail({ id: account.user.id });
  const login = (account: TestUser, password = account.password) =>
    new BrowserSession(app.baseUrl).login(account.username, password);

  async function failPasswords(account: TestUser, times: number): Promise<number[]> {
    const statuses: number[] = [];
    for (let attempt = 0; attempt < times; attempt++) {
      statuses.push((await login(account, `wrong-password-${attempt}`)).status);
    }
    return statuses;
  }

  /** As if the lock had run out: the test does not wait minutes. */
  const letLockRunOut = (account: TestUser) =>
    users().update({ id: account.user.id }, { lockedUntil: new Date(Date.now() - 1000) });

  async function signInFully(account: TestUser): Promise<void> {
    const { browser, call, code, feed } = await beginSignIn(app, carrier, account);
    await call.answer();
    await call.type(code);
    await feed.waitFor('verified');
    expect((await browser.complete()).status).toBe(200);
    feed.close();
  }

  it('locks for a minute at the tenth failure: 423 with the seconds left, right password or not', async () => {
    const account = await createUser(app);
    expect(await failPasswords(account, 10)).toEqual(Array(10).fill(401));
    for (const password of ['wrong-again', account.password]) {
      const reply = await login(account, password);
      expect(reply.status).toBe(423);
      expect(reply.body.retryAfter).toBeGreaterThanOrEqual(55);
      expect(reply.body.retryAfter).toBeLessThanOrEqual(60);
      expect(reply.body.message).toBe(
        `This account is locked. Try again in ${reply.body.retryAfter} seconds.`,
      );
      expect(reply.headers.get('retry-after')).toBe(String(reply.body.retryAfter));
    }
    // Refused while locked, these were not guesses: the count stays at ten.
    expect((await row(account)).failedAttempts).toBe(10);
    expect(carrier.hasUntakenCall()).toBe(false);
  });

  it('doubles the lock at each further tenth failure: 1, 2, 4 minutes', async () => {
    const account = await createUser(app);
    for (const minutes of [1, 2, 4]) {
      await failPasswords(account, 10);
      const lockedFor = (await row(account)).lockedUntil!.getTime() - Date.now();
      expect(lockedFor).toBeGreaterThan(minutes * 60_000 - 5000);
      expect(lockedFor).toBeLessThanOrEqual(minutes * 60_000);
      await letLockRunOut(account);
    }
    expect((await row(account)).failedAttempts).toBe(30);
  }, 90_000);

  it('never lets a lock last more than an hour before the hundredth failure', async () => {
    const account = await createUser(app);
    await users().update({ id: account.user.id }, { failedAttempts: 89 });
    await failPasswords(account, 1);
    const lockedFor = (await row(account)).lockedUntil!.getTime() - Date.now();
    expect(lockedFor).toBeGreaterThan(59 * 60_000);
    expect(lockedFor).toBeLessThanOrEqual(60 * 60_000);
  });

  it('locks until an administrator unlocks at the hundredth consecutive failure', async () => {
    const account = await createUser(app);
    await users().update({ id: account.user.id }, { failedAttempts: 99 });
    expect(await failPasswords(account, 1)).toEqual([401]);
    expect((await row(account)).lockedUntil!.getTime()).toBeGreaterThan(FAR_FUTURE);
    const reply = await login(account);
    expect(reply.status).toBe(423);
    expect(reply.body).toMatchObject({
      retryAfter: null,
      message: 'This account is locked. Please contact an administrator.',
    });
    await app.get(UsersService).unlock(account.user.id);
    expect(await row(account)).toMatchObject({ lockedUntil: null, failedAttempts: 0 });
    expect((await login(account)).status).toBe(200);
    await carrier.nextCall();
  });

  it('a completed sign-in resets the count', async () => {
    const account = await createUser(app);
    await failPasswords(account, 9);
    await signInFully(account);
    await eventually(async () => (await row(account)).failedAttempts === 0, { what: 'a reset' });
    expect(await failPasswords(account, 9)).toEqual(Array(9).fill(401));
    expect((await row(account)).lockedUntil).toBeNull();
  });

  it('a right password alone does not reset it, and a wrong digit counts', async () => {
    const account = await createUser(app);
    await failPasswords(account, 9);
    const { call, code, feed } = await beginSignIn(app, carrier, account);
    await call.answer();
    await call.press(wrongDigit(code, 0));
    await eventually(async () => (await row(account)).failedAttempts === 10, {
      what: 'the wrong digit to count',
    });
    expect((await login(account)).status).toBe(423);
    feed.close();
  });

  it('counts silence, a hang-up and an expired code; not a call that never got through', async () => {
    const account = await createUser(app);
    const failuresAfter = async (
      outcome: (signIn: Awaited<ReturnType<typeof beginSignIn>>) => Promise<unknown>,
    ) => {
      const signIn = await beginSignIn(app, carrier, account);
      await outcome(signIn);
      await signIn.feed.waitFor('failed');
      signIn.feed.close();
      // Let the listener's write land before reading.
      await new Promise((resolve) => setTimeout(resolve, 100));
      return (await row(account)).failedAttempts;
    };
    expect(await failuresAfter(async ({ call }) => (await call.answer(), call.silence()))).toBe(1);
    expect(await failuresAfter(async ({ call }) => (await call.answer(), call.hangUp()))).toBe(2);
    expect(
      await failuresAfter(async ({ call, challengeId }) => {
        await call.answer();
        await app
          .get(DataSource)
          .getRepository(Challenge)
          .update({ id: challengeId }, { expiresAt: new Date(Date.now() - 1000) });
      }),
    ).toBe(3);
    expect(await failuresAfter(({ call }) => call.status('busy'))).toBe(3);
    expect(await failuresAfter(({ call }) => call.status('no-answer'))).toBe(3);
  });

  it('does not shorten a fraud report’s lock', async () => {
    const account = await createUser(app);
    await users().update({ id: account.user.id }, { failedAttempts: 9 });
    const first = await beginSignIn(app, carrier, account);
    const second = await beginSignIn(app, carrier, account);
    await first.call.answer();
    await second.call.answer();
    await first.call.press('*');
    await eventually(async () => ((await row(account)).lockedUntil?.getTime() ?? 0) > FAR_FUTURE, {
      what: 'the fraud lock',
    });
    // The tenth failure would lock for a minute; the lock until unlocked must stay.
    await second.call.press(wrongDigit(second.code, 0));
    await eventually(async () => (await row(account)).failedAttempts === 10, { what: 'the count' });
    expect((await row(account)).lockedUntil!.getTime()).toBeGreaterThan(FAR_FUTURE);
    expect((await login(account)).body.retryAfter).toBeNull();
    first.feed.close();
    second.feed.close();
  });

  it('a sign-in whose account was locked meanwhile cannot complete', async () => {
    const account = await createUser(app);
    const { browser, call, code, feed } = await beginSignIn(app, carrier, account);
    await failPasswords(account, 10);
    await call.answer();
    await call.type(code);
    await feed.waitFor('verified');
    const completed = await browser.complete();
    expect(completed.status).toBe(423);
    expect((await browser.state()).body).toEqual({ state: 'anonymous' });
    feed.close();
  });
});

describe('the lockout survives a restart (counted in the database)', () => {
  it('a locked account is still locked after the server restarts', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'callgate-lockout-'));
    const env = { DATABASE_URL: `sqlite:${join(dir, 'callgate.sqlite')}` };
    let app = await startApp(env);
    const account = await createUser(app);
    for (let attempt = 0; attempt < 10; attempt++) {
      await new BrowserSession(app.baseUrl).login(account.username, `wrong-${attempt}`);
    }
    await app.close();
    app = await startApp(env);
    const reply = await new BrowserSession(app.baseUrl).login(account.username, account.password);
    expect(reply.status).toBe(423);
    await app.close();
    rmSync(dir, { recursive: true, force: true });
  });
});
