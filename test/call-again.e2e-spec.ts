import { DataSource } from 'typeorm';
import { Challenge } from '../src/verification/entities/challenge.entity.js';
import { BrowserSession } from './support/browser-session.js';
import { CarrierEmulator } from './support/carrier-emulator.js';
import { createUser, type TestUser } from './support/factories.js';
import { beginSignIn, wrongDigit } from './support/scenarios.js';
import { startApp, type TestApp } from './support/test-app.js';
import { sleep } from './support/wait.js';

/** Short enough to wait out in a test, long enough to observe the refusal inside it. */
const COOLDOWN_SECONDS = 2;

describe('when the call does not get through: call again', () => {
  let carrier: CarrierEmulator;
  let app: TestApp;
  let account: TestUser;

  beforeAll(async () => {
    carrier = await CarrierEmulator.start();
    app = await startApp({
      ...carrier.env(),
      CALL_RETRY_COOLDOWN_SECONDS: String(COOLDOWN_SECONDS),
      MAX_CALLS_PER_CHALLENGE: '3',
    });
  });

  beforeEach(async () => {
    account = await createUser(app);
  });

  afterAll(async () => {
    await app.close();
    await carrier.close();
  });

  it.each(['busy', 'no-answer', 'failed', 'canceled'])(
    'a %s call fails the challenge with call-failed at once',
    async (outcome) => {
      const { call, challengeId, feed } = await beginSignIn(app, carrier, account);
      await call.ring();
      const reply = await call.status(outcome);
      expect(reply.status).toBe(204);
      expect(await feed.waitFor('failed')).toEqual({ challengeId, reason: 'call-failed' });
      expect(await feed.waitFor('call', (payload) => payload.status === outcome)).toEqual({
        challengeId,
        status: outcome,
      });
      feed.close();
    },
  );

  it('places a new call with a new code after the cooldown, and refuses one inside it', async () => {
    const { browser, call, code, challengeId, feed } = await beginSignIn(app, carrier, account);
    await call.status('busy');
    await feed.waitFor('failed');

    const tooSoon = await browser.callAgain();
    expect(tooSoon.status).toBe(429);
    expect(tooSoon.body.retryAfter).toBeGreaterThanOrEqual(1);
    expect(tooSoon.body.retryAfter).toBeLessThanOrEqual(COOLDOWN_SECONDS);
    expect(tooSoon.headers.get('retry-after')).toBe(String(tooSoon.body.retryAfter));
    expect(carrier.hasUntakenCall()).toBe(false);

    await sleep(COOLDOWN_SECONDS * 1000);
    const again = await browser.callAgain();
    expect(again.status).toBe(200);
    const next = again.body.challenge;
    expect(next.id).not.toBe(challengeId);
    expect(next.code).toMatch(/^\d{6}$/);
    expect(next).toEqual(
      expect.objectContaining({ length: 6, phone: expect.stringMatching(/^\+1 ••• ••• \d{4}$/) }),
    );
    const announced = await feed.waitFor('challenge', (payload) => payload.id === next.id);
    expect(announced).toMatchObject({ id: next.id, purpose: 'login', entered: 0 });
    expect((await browser.state()).body.challenge).toEqual(next);

    const secondCall = await carrier.nextCall();
    expect(secondCall.order.to).toBe(account.phone);
    await secondCall.answer();
    // Typing the first code on the new call fails where the two codes first differ.
    const firstDifference = [...code].findIndex((digit, position) => digit !== next.code[position]);
    expect(firstDifference).toBeGreaterThanOrEqual(0); // one chance in a million to be equal
    const stale = await secondCall.type(code.slice(0, firstDifference + 1));
    expect(stale.twiml?.says[0]).toBe('That digit is wrong. Please sign in again.');
    feed.close();
  });

  it('completes on the second call with its new code', async () => {
    const { browser, call, feed } = await beginSignIn(app, carrier, account);
    await call.status('no-answer');
    await feed.waitFor('failed');
    await sleep(COOLDOWN_SECONDS * 1000);
    const again = await browser.callAgain();
    const secondCall = await carrier.nextCall();
    await secondCall.answer();
    await secondCall.type(again.body.challenge.code);
    expect(await feed.waitFor('verified')).toEqual({ challengeId: again.body.challenge.id });
    expect((await browser.complete()).status).toBe(200);
    expect((await browser.me()).status).toBe(200);
    feed.close();
  });

  it('supersedes a call still ringing: it is hung up and its challenge is dead', async () => {
    const { browser, call, challengeId, feed } = await beginSignIn(app, carrier, account);
    await call.ring();
    await sleep(COOLDOWN_SECONDS * 1000);
    const again = await browser.callAgain();
    expect(again.status).toBe(200);
    await carrier.nextCall();
    const old = await app
      .get(DataSource)
      .getRepository(Challenge)
      .findOneByOrFail({ id: challengeId });
    expect(old).toMatchObject({ status: 'failed', failureReason: 'superseded' });
    expect(call.endedByApplication).toBe(true);
    // The browser hears of the new challenge, not of a failure.
    await feed.waitFor('challenge', (payload) => payload.id === again.body.challenge.id);
    await sleep(100);
    expect(feed.events.filter((event) => event.name === 'failed')).toEqual([]);
    feed.close();
  });

  it('stops at MAX_CALLS_PER_CHALLENGE calls for one sign-in', async () => {
    const { browser, call, feed } = await beginSignIn(app, carrier, account);
    await call.status('busy');
    for (let placed = 2; placed <= 3; placed++) {
      await sleep(COOLDOWN_SECONDS * 1000);
      expect((await browser.callAgain()).status).toBe(200);
      await (await carrier.nextCall()).status('busy');
    }
    await sleep(COOLDOWN_SECONDS * 1000);
    const refused = await browser.callAgain();
    expect(refused.status).toBe(429);
    expect(refused.body).toMatchObject({
      retryAfter: null,
      message: expect.stringMatching(/at most 3/),
    });
    expect(carrier.hasUntakenCall()).toBe(false);
    feed.close();
  });

  it('after a wrong digit there is no new call: the session must sign in again', async () => {
    const { browser, call, code, feed } = await beginSignIn(app, carrier, account);
    await call.answer();
    await call.press(wrongDigit(code, 0));
    await feed.waitFor('failed');
    await sleep(COOLDOWN_SECONDS * 1000);
    const refused = await browser.callAgain();
    expect(refused.status).toBe(401);
    expect((await browser.state()).body).toEqual({ state: 'anonymous' });
    expect(carrier.hasUntakenCall()).toBe(false);
    feed.close();
  });

  it('a caller who hangs up mid-code fails the challenge with hung-up', async () => {
    const { call, code, challengeId, feed } = await beginSignIn(app, carrier, account);
    await call.answer();
    await call.press(code[0]);
    await call.hangUp();
    expect(await feed.waitFor('failed')).toEqual({ challengeId, reason: 'hung-up' });
    feed.close();
  });

  it('refuses call-again without a pending sign-in', async () => {
    const stranger = new BrowserSession(app.baseUrl);
    expect((await stranger.callAgain()).status).toBe(401);
  });
});
