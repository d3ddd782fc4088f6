import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { AuditEvent } from '../src/audit/entities/audit-event.entity.js';
import { User } from '../src/users/entities/user.entity.js';
import { Challenge } from '../src/verification/entities/challenge.entity.js';
import { BrowserSession } from './support/browser-session.js';
import { CarrierEmulator } from './support/carrier-emulator.js';
import { createUser, type TestUser } from './support/factories.js';
import { beginSignIn, type PendingSignIn, wrongDigit } from './support/scenarios.js';
import { startApp, type TestApp } from './support/test-app.js';
import { sleep } from './support/wait.js';

describe('voice webhooks', () => {
  let carrier: CarrierEmulator;
  let app: TestApp;
  let account: TestUser;

  const challengeRow = (id: string) =>
    app.get(DataSource).getRepository(Challenge).findOneByOrFail({ id });
  const webhookUrl = (challengeId: string, tail: string) =>
    `${app.baseUrl}/api/voice/challenges/${challengeId}/${tail}`;

  beforeAll(async () => {
    carrier = await CarrierEmulator.start();
    app = await startApp({ ...carrier.env(), NODE_ENV: 'production', CODE_LENGTH: '6' });
  });

  beforeEach(async () => {
    account = await createUser(app);
  });

  afterAll(async () => {
    await app.close();
    await carrier.close();
  });

  async function answered(): Promise<PendingSignIn> {
    const signIn = await beginSignIn(app, carrier, account);
    await signIn.call.answer();
    return signIn;
  }

  describe('signature check', () => {
    it.each([
      ['a forged signature', 'bm90IGEgcmVhbCBzaWduYXR1cmU='],
      ['no signature', null],
      ['an empty signature', ''],
    ])('refuses %s with 403 and changes nothing', async (_case, signature) => {
      const { call, code, challengeId, feed } = await answered();
      const before = await challengeRow(challengeId);
      const url = webhookUrl(challengeId, 'digits/0');
      const reply = await call.post(
        url,
        call.params('in-progress', { Digits: code[0] }),
        signature,
      );
      expect(reply.status).toBe(403);
      expect(reply.body).not.toContain(code);
      await sleep(100);
      expect(await challengeRow(challengeId)).toEqual(before);
      expect(feed.names()).not.toContain('digit');
      feed.close();
    });

    it('refuses a signature made with another auth token', async () => {
      const { call, code, challengeId, feed } = await answered();
      const url = webhookUrl(challengeId, 'digits/0');
      const params = call.params('in-progress', { Digits: code[0] });
      const impostor = await CarrierEmulator.start();
      const reply = await call.post(url, params, impostor.sign(url, params));
      await impostor.close();
      expect(reply.status).toBe(403);
      expect((await challengeRow(challengeId)).digitsEntered).toBe(0);
      feed.close();
    });

    it('refuses a valid signature replayed against another challenge', async () => {
      const first = await answered();
      const second = await answered();
      const firstUrl = webhookUrl(first.challengeId, 'digits/0');
      const params = first.call.params('in-progress', { Digits: second.code[0] });
      const signature = carrier.sign(firstUrl, params);
      const reply = await second.call.post(
        webhookUrl(second.challengeId, 'digits/0'),
        params,
        signature,
      );
      expect(reply.status).toBe(403);
      expect((await challengeRow(second.challengeId)).digitsEntered).toBe(0);
      first.feed.close();
      second.feed.close();
    });

    it('refuses a status callback with a bad signature: the challenge does not fail', async () => {
      const { call, challengeId, feed } = await beginSignIn(app, carrier, account);
      const reply = await call.post(
        webhookUrl(challengeId, 'status'),
        call.params('busy'),
        'forged',
      );
      expect(reply.status).toBe(403);
      await sleep(100);
      expect((await challengeRow(challengeId)).status).toBe('calling');
      expect(feed.names()).not.toContain('failed');
      feed.close();
    });
  });

  it('does not advance twice when the carrier repeats a digit post', async () => {
    const { call, code, challengeId, feed } = await answered();
    const gather = call.gather!;
    const first = await call.press(code[0]);
    const repeat = await call.post(gather.action, call.params('in-progress', { Digits: code[0] }));
    expect(repeat.status).toBe(200);
    expect(repeat.body).toBe(first.body);
    expect((await challengeRow(challengeId)).digitsEntered).toBe(1);
    await call.type(code.slice(1));
    await feed.waitFor('verified');
    const digitEvents = feed.events.filter((event) => event.name === 'digit');
    expect(digitEvents.map((event) => event.payload.position)).toEqual([0, 1, 2, 3, 4, 5]);
    feed.close();
  });

  it('lets exactly one of two racing posts for the same digit win', async () => {
    const { call, code, challengeId, feed } = await answered();
    const action = call.gather!.action;
    const params = call.params('in-progress', { Digits: code[0] });
    const replies = await Promise.all([
      call.post(action, params),
      call.post(action, params),
      call.post(action, params),
    ]);
    expect(replies.map((reply) => reply.status)).toEqual([200, 200, 200]);
    expect((await challengeRow(challengeId)).digitsEntered).toBe(1);
    await sleep(100);
    expect(feed.events.filter((event) => event.name === 'digit')).toHaveLength(1);
    feed.close();
  });

  it('answers a repeated last digit with the same goodbye, announcing verified once', async () => {
    const { call, code, feed } = await answered();
    await call.type(code.slice(0, 5));
    const action = call.gather!.action;
    const params = call.params('in-progress', { Digits: code[5] });
    const first = await call.post(action, params);
    const again = await call.post(action, params);
    expect(again.body).toBe(first.body);
    expect(first.twiml?.says).toEqual(['Thank you, you are signed in. Goodbye.']);
    await feed.waitFor('verified');
    await sleep(100);
    expect(feed.names().filter((name) => name === 'verified')).toHaveLength(1);
    feed.close();
  });

  it('refuses key presses from a call other than the one that answered', async () => {
    const { call, code, challengeId, feed } = await answered();
    const otherCall = {
      ...call.params('in-progress', { Digits: code[0] }),
      CallSid: `CA${'f'.repeat(32)}`,
    };
    const reply = await call.post(call.gather!.action, otherCall);
    expect(reply.status).toBe(200);
    expect(reply.twiml).toEqual({
      says: ['This call is no longer needed. Goodbye.'],
      hangup: true,
    });
    expect((await challengeRow(challengeId)).digitsEntered).toBe(0);
    feed.close();
  });

  it('answers an unknown or malformed challenge id with polite TwiML, never an error', async () => {
    const { call, feed } = await beginSignIn(app, carrier, account);
    for (const id of [randomUUID(), 'not-a-uuid', "1' OR '1'='1"]) {
      for (const tail of ['answer', 'digits/0']) {
        const reply = await call.post(
          webhookUrl(encodeURIComponent(id), tail),
          call.params('in-progress', { Digits: '1' }),
        );
        expect(reply.status).toBe(200);
        expect(reply.twiml).toEqual({
          says: ['This call is no longer needed. Goodbye.'],
          hangup: true,
        });
      }
    }
    feed.close();
  });

  it('answers a finished challenge politely and changes nothing', async () => {
    const { call, code, challengeId, feed, browser } = await answered();
    await call.type(code);
    await feed.waitFor('verified');
    await browser.complete();
    const answerAgain = await call.post(call.order.url, call.params('in-progress'));
    expect(answerAgain.status).toBe(200);
    expect(answerAgain.twiml?.hangup).toBe(true);
    expect((await challengeRow(challengeId)).status).toBe('verified');
    feed.close();
  });

  it('treats # as a wrong digit', async () => {
    const { call, challengeId, feed } = await answered();
    const reply = await call.press('#');
    expect(reply.twiml?.says).toEqual(['That digit is wrong. Please sign in again.']);
    expect(await feed.waitFor('failed')).toEqual({ challengeId, reason: 'wrong-digit' });
    feed.close();
  });

  it('fails with no-input when the caller stays silent', async () => {
    const { call, challengeId, feed } = await answered();
    const reply = await call.silence();
    expect(reply.twiml).toEqual({ says: ['We did not receive any input. Goodbye.'], hangup: true });
    expect(await feed.waitFor('failed')).toEqual({ challengeId, reason: 'no-input' });
    expect((await challengeRow(challengeId)).failureReason).toBe('no-input');
    feed.close();
  });

  it('star reports fraud: the challenge fails, the account locks, an audit event is written', async () => {
    const { call, code, challengeId, feed } = await answered();
    await call.press(code[0]);
    const reply = await call.press('*');
    expect(reply.twiml?.hangup).toBe(true);
    expect(reply.twiml?.says[0]).toMatch(/locked the account/);
    expect(await feed.waitFor('failed')).toEqual({ challengeId, reason: 'reported-fraud' });

    const users = app.get(DataSource).getRepository(User);
    const locked = await users.findOneByOrFail({ id: account.user.id });
    expect(locked.lockedUntil!.getTime()).toBeGreaterThan(Date.now() + 365 * 24 * 3600 * 1000);
    const audit = app.get(DataSource).getRepository(AuditEvent);
    const lockEvents = await audit.findBy({ subject: account.user.id, action: 'account.locked' });
    expect(lockEvents).toHaveLength(1);
    expect(lockEvents[0].detail).toMatchObject({ reason: 'reported-fraud', challengeId });

    const again = await new BrowserSession(app.baseUrl).login(account.username, account.password);
    expect(again.status).toBe(423);
    expect(again.headers.get('retry-after')).toBeNull();
    feed.close();
  });

  it('keeps the call going after a wrong digit only long enough to say so', async () => {
    const { call, code, feed } = await answered();
    const reply = await call.press(wrongDigit(code, 0));
    expect(reply.body).toMatch(
      /<Say[^>]*>That digit is wrong\. Please sign in again\.<\/Say><Hangup\/>/,
    );
    feed.close();
  });

  it('refuses a malformed (yet signed) webhook body with one clear 400', async () => {
    const { call, challengeId, feed } = await answered();
    const reply = await call.post(webhookUrl(challengeId, 'digits/0'), {
      ...call.params(),
      CallSid: 'nope',
      Digits: '1',
    });
    expect(reply.status).toBe(400);
    expect(JSON.parse(reply.body)).toMatchObject({
      statusCode: 400,
      message: 'CallSid is missing or malformed',
    });
    expect((await challengeRow(challengeId)).digitsEntered).toBe(0);
    feed.close();
  });
});
