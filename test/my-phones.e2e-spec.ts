import { DataSource } from 'typeorm';
import { AuditEvent } from '../src/audit/entities/audit-event.entity.js';
import { BrowserSession } from './support/browser-session.js';
import { CarrierEmulator } from './support/carrier-emulator.js';
import { createUser, uniquePhone } from './support/factories.js';
import { beginSignIn, signIn } from './support/scenarios.js';
import { startApp, type TestApp } from './support/test-app.js';

describe('users manage their own phone numbers', () => {
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

  it('adds a number, verifies it by call, makes it primary, removes the old one', async () => {
    const account = await createUser(app);
    const { browser, feed } = await signIn(app, carrier, account);
    const since = new Date();

    const listed = await browser.request('GET', '/api/me/phones');
    expect(listed.body).toEqual([
      expect.objectContaining({
        verified: true,
        primary: true,
        number: expect.stringMatching(/^\+1 ••• ••• \d{4}$/),
      }),
    ]);
    const oldId = listed.body[0].id;

    const number = uniquePhone();
    const added = await browser.request('POST', '/api/me/phones', { number, label: 'Work' });
    expect(added.status).toBe(201);
    expect(added.body).toMatchObject({
      verified: false,
      primary: false,
      label: 'Work',
      number: `+1 ••• ••• ${number.slice(-4)}`,
    });

    const started = await browser.request('POST', `/api/me/phones/${added.body.id}/verification`);
    expect(started.status).toBe(200);
    const call = await carrier.nextCall();
    expect(call.order.to).toBe(number);
    await call.answer();
    await call.type(started.body.challenge.code);
    await feed.waitFor('verified', (payload) => payload.challengeId === started.body.challenge.id);

    const primary = await browser.request('PATCH', `/api/me/phones/${added.body.id}`, {
      isPrimary: true,
    });
    expect(primary).toMatchObject({ status: 200, body: { verified: true, primary: true } });
    expect((await browser.request('DELETE', `/api/me/phones/${oldId}`)).status).toBe(204);
    expect((await browser.request('GET', '/api/me/phones')).body).toEqual([
      expect.objectContaining({ id: added.body.id, primary: true }),
    ]);
    // The last verified number needs force, even for its owner.
    expect((await browser.request('DELETE', `/api/me/phones/${added.body.id}`)).status).toBe(409);

    const events = await app
      .get(DataSource)
      .getRepository(AuditEvent)
      .find({ where: { actor: account.user.id }, order: { at: 'ASC' } });
    expect(events.filter((event) => event.at >= since).map((event) => event.action)).toEqual([
      'phone.added',
      'phone.verification-started',
      'phone.made-primary',
      'phone.removed',
    ]);
    const verified = await app
      .get(DataSource)
      .getRepository(AuditEvent)
      .findBy({ subject: account.user.id, action: 'phone.verified' });
    expect(verified).toEqual([expect.objectContaining({ actor: 'carrier' })]);
    feed.close();
  });

  it('cannot touch another user’s numbers: they are not found', async () => {
    const owner = await createUser(app);
    const intruder = await createUser(app);
    const ownerPhones = await signIn(app, carrier, owner);
    const [ownerPhone] = (await ownerPhones.browser.request('GET', '/api/me/phones')).body;
    ownerPhones.feed.close();
    const { browser, feed } = await signIn(app, carrier, intruder);
    for (const [method, path, body] of [
      ['POST', `/api/me/phones/${ownerPhone.id}/verification`, undefined],
      ['PATCH', `/api/me/phones/${ownerPhone.id}`, { isPrimary: true }],
      ['DELETE', `/api/me/phones/${ownerPhone.id}?force=true`, undefined],
    ] as const) {
      const reply = await browser.request(method, path, body);
      expect(reply).toMatchObject({ status: 404, body: { message: 'No such phone number' } });
    }
    feed.close();
  });

  it('is for signed-in users only', async () => {
    const account = await createUser(app);
    expect((await new BrowserSession(app.baseUrl).request('GET', '/api/me/phones')).status).toBe(
      401,
    );
    const { browser, feed } = await beginSignIn(app, carrier, account);
    expect(
      (await browser.request('POST', '/api/me/phones', { number: uniquePhone() })).status,
    ).toBe(401);
    feed.close();
  });
});
