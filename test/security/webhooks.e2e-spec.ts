import { randomBytes, randomUUID } from 'node:crypto';
import { ATTACKED_CONFIGURATION, expectRefused, freshAddress } from '../support/attack.js';
import type { HttpReply } from '../support/browser-session.js';
import { CarrierEmulator, type WebhookReply } from '../support/carrier-emulator.js';
import { createUser } from '../support/factories.js';
import { beginSignIn, type PendingSignIn } from '../support/scenarios.js';
import { StateWatch } from '../support/state-watch.js';
import { startApp, type TestApp } from '../support/test-app.js';

const GOODBYE = { says: ['This call is no longer needed. Goodbye.'], hangup: true };

/** A webhook reply, in the shape expectRefused reads. */
const asReply = (reply: WebhookReply): HttpReply => ({
  status: reply.status,
  body: reply.body,
  headers: new Headers(),
});

describe('attacks on the voice webhooks', () => {
  let carrier: CarrierEmulator;
  let app: TestApp;

  beforeAll(async () => {
    carrier = await CarrierEmulator.start();
    app = await startApp({ ...carrier.env(), ...ATTACKED_CONFIGURATION, CODE_LENGTH: '6' });
  });

  afterAll(async () => {
    await app.close();
    await carrier.close();
  });

  const url = (challengeId: string, tail: string) =>
    `${app.baseUrl}/api/voice/challenges/${challengeId}/${tail}`;

  async function signIn(options: { answer: boolean }): Promise<PendingSignIn> {
    const signIn = await beginSignIn(app, carrier, await createUser(app), {
      clientIp: freshAddress(),
    });
    if (options.answer) await signIn.call.answer();
    return signIn;
  }

  /** Posts a form with any signature header (or none), as an attacker on the internet can. */
  async function forge(
    target: string,
    params: Record<string, string> | string,
    signature: string | null,
    contentType = 'application/x-www-form-urlencoded',
  ): Promise<HttpReply> {
    const headers: Record<string, string> = { 'content-type': contentType };
    if (signature !== null) headers['x-twilio-signature'] = signature;
    const response = await fetch(target, {
      method: 'POST',
      headers,
      body: typeof params === 'string' ? params : new URLSearchParams(params),
    });
    return { status: response.status, body: await response.text(), headers: response.headers };
  }

  it('guessing the code by forged digit posts', async () => {
    const victim = await signIn({ answer: true });
    const watch = await StateWatch.start(app, carrier, { feeds: [victim.feed] });
    for (let position = 0; position < 6; position++) {
      for (const key of '0123456789*#') {
        const params = victim.call.params('in-progress', { Digits: key });
        const signature = randomBytes(20).toString('base64');
        expectRefused(
          await forge(url(victim.challengeId, `digits/${position}`), params, signature),
          [403],
        );
      }
    }
    await watch.assertUnchanged();
    victim.feed.close();
  });

  it.each(['answer', 'digits/0', 'status'])(
    'a forged signature on the %s webhook',
    async (tail) => {
      const victim = await signIn({ answer: tail !== 'answer' });
      const watch = await StateWatch.start(app, carrier, { feeds: [victim.feed] });
      const params = victim.call.params(tail === 'status' ? 'completed' : 'in-progress', {
        Digits: victim.code[0],
      });
      for (const signature of ['bm90IGEgcmVhbCBzaWduYXR1cmU=', 'x', '=', 'a'.repeat(2000)]) {
        expectRefused(await forge(url(victim.challengeId, tail), params, signature), [403]);
      }
      await watch.assertUnchanged();
      victim.feed.close();
    },
  );

  it.each(['answer', 'digits/0', 'status'])(
    'a missing signature on the %s webhook',
    async (tail) => {
      const victim = await signIn({ answer: tail !== 'answer' });
      const watch = await StateWatch.start(app, carrier, { feeds: [victim.feed] });
      const params = victim.call.params('busy', { Digits: victim.code[0] });
      expectRefused(await forge(url(victim.challengeId, tail), params, null), [403]);
      expectRefused(await forge(url(victim.challengeId, tail), params, ''), [403]);
      await watch.assertUnchanged();
      victim.feed.close();
    },
  );

  it('a real signature over other fields (the digit changed after signing)', async () => {
    const victim = await signIn({ answer: true });
    const watch = await StateWatch.start(app, carrier, { feeds: [victim.feed] });
    const target = url(victim.challengeId, 'digits/0');
    const wrongKey = String((Number(victim.code[0]) + 1) % 10);
    const signature = carrier.sign(target, victim.call.params('in-progress', { Digits: wrongKey }));
    const tampered = victim.call.params('in-progress', { Digits: victim.code[0] });
    expectRefused(await forge(target, tampered, signature), [403]);
    await watch.assertUnchanged();
    victim.feed.close();
  });

  it('a signature made with another account’s auth token', async () => {
    const victim = await signIn({ answer: true });
    const impostor = await CarrierEmulator.start();
    const watch = await StateWatch.start(app, carrier, { feeds: [victim.feed] });
    const target = url(victim.challengeId, 'digits/0');
    const params = victim.call.params('in-progress', { Digits: victim.code[0] });
    expectRefused(await forge(target, params, impostor.sign(target, params)), [403]);
    await watch.assertUnchanged();
    await impostor.close();
    victim.feed.close();
  });

  it('a valid signature replayed against another challenge', async () => {
    const first = await signIn({ answer: true });
    const second = await signIn({ answer: true });
    const watch = await StateWatch.start(app, carrier, { feeds: [first.feed, second.feed] });
    const params = second.call.params('in-progress', { Digits: second.code[0] });
    const signedForFirst = carrier.sign(url(first.challengeId, 'digits/0'), params);
    expectRefused(await forge(url(second.challengeId, 'digits/0'), params, signedForFirst), [403]);
    await watch.assertUnchanged();
    first.feed.close();
    second.feed.close();
  });

  it('a captured digit post replayed after the call moved on', async () => {
    const victim = await signIn({ answer: true });
    const target = victim.call.gather!.action;
    const params = victim.call.params('in-progress', { Digits: victim.code[0] });
    const signature = carrier.sign(target, params);
    const original = await forge(target, params, signature);
    await victim.call.press(victim.code[1]);
    const watch = await StateWatch.start(app, carrier, { feeds: [victim.feed] });
    for (let replay = 0; replay < 5; replay++) {
      const reply = await forge(target, params, signature);
      // Answered exactly as before (Twilio retries must work), and nothing advances.
      expectRefused(reply, [200]);
      expect(reply.body).toBe(original.body);
    }
    await watch.assertUnchanged();
    victim.feed.close();
  });

  it('a captured answer replayed after the sign-in finished', async () => {
    const victim = await signIn({ answer: true });
    await victim.call.type(victim.code);
    await victim.feed.waitFor('verified');
    const watch = await StateWatch.start(app, carrier, { feeds: [victim.feed] });
    const reply = await victim.call.post(victim.call.order.url, victim.call.params('in-progress'));
    expectRefused(asReply(reply), [200]);
    expect(reply.twiml?.hangup).toBe(true);
    const again = await victim.call.post(url(victim.challengeId, 'digits/5'), {
      ...victim.call.params('in-progress'),
      Digits: victim.code[5],
    });
    expectRefused(asReply(again), [200]);
    await watch.assertUnchanged();
    victim.feed.close();
  });

  it('a digit for another user’s challenge, from the attacker’s own (genuine) call', async () => {
    const attacker = await signIn({ answer: true });
    const victim = await signIn({ answer: true });
    const watch = await StateWatch.start(app, carrier, { feeds: [attacker.feed, victim.feed] });
    for (let position = 0; position < 3; position++) {
      const reply = await attacker.call.post(url(victim.challengeId, `digits/${position}`), {
        ...attacker.call.params('in-progress'),
        Digits: victim.code[position],
      });
      expectRefused(asReply(reply), [200]);
      expect(reply.twiml).toEqual(GOODBYE);
    }
    await watch.assertUnchanged();
    attacker.feed.close();
    victim.feed.close();
  });

  it('answering another user’s ringing challenge with one’s own call', async () => {
    const attacker = await signIn({ answer: true });
    const victim = await signIn({ answer: false });
    const watch = await StateWatch.start(app, carrier, { feeds: [attacker.feed, victim.feed] });
    const reply = await attacker.call.post(
      url(victim.challengeId, 'answer'),
      attacker.call.params(),
    );
    expectRefused(asReply(reply), [200]);
    expect(reply.twiml).toEqual(GOODBYE);
    const status = await attacker.call.post(
      url(victim.challengeId, 'status'),
      attacker.call.params('completed'),
    );
    expectRefused(asReply(status), [204]);
    await watch.assertUnchanged();
    attacker.feed.close();
    victim.feed.close();
  });

  it('skipping ahead: a signed digit for a later position', async () => {
    const victim = await signIn({ answer: true });
    const watch = await StateWatch.start(app, carrier, { feeds: [victim.feed] });
    const reply = await victim.call.post(url(victim.challengeId, 'digits/3'), {
      ...victim.call.params('in-progress'),
      Digits: victim.code[3],
    });
    expectRefused(asReply(reply), [200]);
    await watch.assertUnchanged();
    victim.feed.close();
  });

  it('a form body over 16 KB, signed or not', async () => {
    const victim = await signIn({ answer: true });
    const watch = await StateWatch.start(app, carrier, { feeds: [victim.feed] });
    const target = url(victim.challengeId, 'digits/0');
    const params = victim.call.params('in-progress', {
      Digits: victim.code[0],
      Padding: 'x'.repeat(17 * 1024),
    });
    expectRefused(await forge(target, params, carrier.sign(target, params)), [413]);
    expectRefused(await forge(target, params, null), [413]);
    await watch.assertUnchanged();
    victim.feed.close();
  });

  it('malformed webhook bodies: JSON, repeated fields, a bad CallSid', async () => {
    const victim = await signIn({ answer: true });
    const watch = await StateWatch.start(app, carrier, { feeds: [victim.feed] });
    const target = url(victim.challengeId, 'digits/0');
    const params = victim.call.params('in-progress', { Digits: victim.code[0] });
    const signature = carrier.sign(target, params);
    expectRefused(
      await forge(target, JSON.stringify(params), signature, 'application/json'),
      [403],
    );
    const repeated = `${new URLSearchParams(params).toString()}&Digits=${victim.code[0]}`;
    expectRefused(await forge(target, repeated, signature), [403]);
    const badSid = { ...params, CallSid: "CA' OR '1'='1" };
    expectRefused(await forge(target, badSid, carrier.sign(target, badSid)), [400]);
    await watch.assertUnchanged();
    victim.feed.close();
  });

  it('signed webhooks for unknown and SQL-looking challenge ids get a polite goodbye', async () => {
    const { call, feed } = await signIn({ answer: false });
    const watch = await StateWatch.start(app, carrier, { feeds: [feed] });
    for (const id of [randomUUID(), "1' OR '1'='1", '../../auth/logout', '%00']) {
      for (const tail of ['answer', 'digits/0']) {
        const reply = await call.post(
          url(encodeURIComponent(id), tail),
          call.params('in-progress', { Digits: '1' }),
        );
        expectRefused(asReply(reply), [200]);
        expect(reply.twiml).toEqual(GOODBYE);
      }
    }
    await watch.assertUnchanged();
    feed.close();
  });
});
