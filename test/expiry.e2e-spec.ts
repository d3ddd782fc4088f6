import { DataSource } from 'typeorm';
import { Challenge } from '../src/verification/entities/challenge.entity.js';
import { CarrierEmulator } from './support/carrier-emulator.js';
import { createUser, type TestUser } from './support/factories.js';
import { beginSignIn } from './support/scenarios.js';
import { startApp, type TestApp } from './support/test-app.js';
import { eventually } from './support/wait.js';

const TTL_SECONDS = 5;

describe('a challenge past its lifetime', () => {
  let carrier: CarrierEmulator;
  let app: TestApp;
  let account: TestUser;

  beforeAll(async () => {
    carrier = await CarrierEmulator.start();
    app = await startApp({ ...carrier.env(), CHALLENGE_TTL_SECONDS: String(TTL_SECONDS) });
    account = await createUser(app);
  });

  afterAll(async () => {
    await app.close();
    await carrier.close();
  });

  it('expires on time: the browser is told, the call is hung up, the sign-in is over', async () => {
    const { browser, call, code, challengeId, feed } = await beginSignIn(app, carrier, account);
    const { body } = await browser.state();
    const expiresAt = new Date(body.challenge.expiresAt).getTime();
    expect(expiresAt - Date.now()).toBeGreaterThan((TTL_SECONDS - 1) * 1000);
    expect(expiresAt - Date.now()).toBeLessThanOrEqual(TTL_SECONDS * 1000);

    await call.answer();
    await call.press(code[0]);
    const pendingGather = call.gather!.action;
    const failed = await feed.waitFor('failed', undefined, (TTL_SECONDS + 3) * 1000);
    expect(failed).toEqual({ challengeId, reason: 'expired' });
    expect(Date.now()).toBeGreaterThanOrEqual(expiresAt);
    // The sweep hung the call up through the carrier's API, just after telling the browser
    // (so the two race: under load the socket event can arrive first).
    await eventually(() => call.endedByApplication, { what: 'the hang-up' });

    const row = await app
      .get(DataSource)
      .getRepository(Challenge)
      .findOneByOrFail({ id: challengeId });
    expect(row).toMatchObject({ status: 'expired', failureReason: 'expired', digitsEntered: 1 });

    // A late key press from the carrier gets a polite goodbye and changes nothing.
    const late = await call.post(pendingGather, call.params('in-progress', { Digits: code[1] }));
    expect(late.status).toBe(200);
    expect(late.twiml).toEqual({
      says: ['This code has expired. Please sign in again. Goodbye.'],
      hangup: true,
    });

    expect((await browser.complete()).status).toBe(401);
    expect((await browser.state()).body).toEqual({ state: 'anonymous' });
    expect((await browser.callAgain()).status).toBe(401);
    feed.close();
  }, 20_000);
});
