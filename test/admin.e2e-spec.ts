import { DataSource } from 'typeorm';
import { AuditEvent } from '../src/audit/entities/audit-event.entity.js';
import { PhoneNumber } from '../src/users/entities/phone-number.entity.js';
import { BrowserSession } from './support/browser-session.js';
import { CarrierEmulator } from './support/carrier-emulator.js';
import { createUser, type TestUser, uniquePhone } from './support/factories.js';
import type { LiveFeed } from './support/live-feed.js';
import { beginSignIn, signIn, wrongDigit } from './support/scenarios.js';
import { startApp, type TestApp } from './support/test-app.js';

describe('admin API', () => {
  let carrier: CarrierEmulator;
  let app: TestApp;
  let admin: TestUser;
  let adminBrowser: BrowserSession;
  let adminFeed: LiveFeed;

  const audit = () => app.get(DataSource).getRepository(AuditEvent);
  const phoneRow = (id: string) => app.get(DataSource).getRepository(PhoneNumber).findOneBy({ id });
  const as = (browser: BrowserSession) => ({
    get: (path: string) => browser.request('GET', path),
    post: (path: string, body?: unknown) => browser.request('POST', path, body),
    patch: (path: string, body?: unknown) => browser.request('PATCH', path, body),
    delete: (path: string) => browser.request('DELETE', path),
  });

  /** Audit events written by `actorId` since `since`, oldest first. */
  async function eventsBy(actorId: string, since: Date) {
    const events = await audit().find({ where: { actor: actorId }, order: { at: 'ASC' } });
    return events.filter((event) => event.at >= since);
  }

  beforeAll(async () => {
    carrier = await CarrierEmulator.start();
    app = await startApp({ ...carrier.env(), ALLOWED_COUNTRIES: 'US,CA' });
    admin = await createUser(app, { role: 'admin' });
    ({ browser: adminBrowser, feed: adminFeed } = await signIn(app, carrier, admin));
  });

  afterAll(async () => {
    adminFeed.close();
    await app.close();
    await carrier.close();
  });

  describe('refusals', () => {
    // Every row has three items: with fewer, Jest would take the body parameter for `done`.
    const routes: [string, string, unknown][] = [
      ['GET', '/api/admin/users', undefined],
      ['POST', '/api/admin/users', { username: 'mallory', password: 'mallory-password-1' }],
      ['GET', '/api/admin/users/00000000-0000-4000-8000-000000000000/phones', undefined],
      [
        'POST',
        '/api/admin/users/00000000-0000-4000-8000-000000000000/phones',
        { number: '+12025550100' },
      ],
      ['PATCH', '/api/admin/users/00000000-0000-4000-8000-000000000000', { role: 'admin' }],
      ['POST', '/api/admin/users/00000000-0000-4000-8000-000000000000/unlock', undefined],
      ['POST', '/api/admin/phones/00000000-0000-4000-8000-000000000000/verification', undefined],
      ['PATCH', '/api/admin/phones/00000000-0000-4000-8000-000000000000', { isPrimary: true }],
      ['DELETE', '/api/admin/phones/00000000-0000-4000-8000-000000000000', undefined],
      ['GET', '/api/admin/audit', undefined],
    ];

    it.each(routes)('%s %s is 401 for an anonymous session', async (method, path, body) => {
      expect((await new BrowserSession(app.baseUrl).request(method, path, body)).status).toBe(401);
    });

    it.each(routes)(
      '%s %s is 401 for a session still owing its second factor',
      async (method, path, body) => {
        const otherAdmin = await createUser(app, { role: 'admin' });
        const { browser, feed } = await beginSignIn(app, carrier, otherAdmin);
        expect((await browser.request(method, path, body)).status).toBe(401);
        feed.close();
      },
    );

    it.each(routes)(
      '%s %s is 403 for a signed-in user who is not an admin',
      async (method, path, body) => {
        const user = await createUser(app);
        const { browser, feed } = await signIn(app, carrier, user);
        const reply = await browser.request(method, path, body);
        expect(reply.status).toBe(403);
        expect(reply.body).toEqual({
          statusCode: 403,
          message: 'This needs an administrator',
          error: 'Forbidden',
        });
        feed.close();
      },
    );
  });

  it('creates a user, adds their number, verifies it by call; that user can then sign in', async () => {
    const since = new Date();
    const created = await as(adminBrowser).post('/api/admin/users', {
      username: 'newcomer',
      password: 'newcomer-password',
    });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({
      username: 'newcomer',
      role: 'user',
      locked: false,
      phones: [],
    });
    const userId = created.body.id;

    // No verified phone yet: sign-in is refused.
    expect(
      (await new BrowserSession(app.baseUrl).login('newcomer', 'newcomer-password')).status,
    ).toBe(403);

    const number = uniquePhone();
    const added = await as(adminBrowser).post(`/api/admin/users/${userId}/phones`, {
      number: `${number.slice(0, 2)} ${number.slice(2, 5)} ${number.slice(5)}`,
      label: 'Mobile',
    });
    expect(added.status).toBe(201);
    expect(added.body).toMatchObject({
      userId,
      number,
      label: 'Mobile',
      verified: false,
      primary: false,
    });

    const started = await as(adminBrowser).post(`/api/admin/phones/${added.body.id}/verification`);
    expect(started.status).toBe(200);
    const { challenge } = started.body;
    expect(challenge).toMatchObject({ code: expect.stringMatching(/^\d{6}$/), length: 6 });
    const call = await carrier.nextCall();
    expect(call.order.to).toBe(number);
    const greeting = await call.answer();
    expect(greeting.twiml?.says[0]).toBe(
      'Hello. This call confirms this phone number for newcomer. Please enter the 6 digit code shown on the screen. ' +
        'If you were not expecting this call, press star.',
    );
    await call.type(challenge.code);
    expect(call.said.at(-1)).toBe('Thank you, this phone number is now verified. Goodbye.');
    // The admin's own socket heard the enrollment, digit by digit.
    expect(
      await adminFeed.waitFor('verified', (payload) => payload.challengeId === challenge.id),
    ).toBeDefined();
    const digits = adminFeed.events.filter(
      (event) => event.name === 'digit' && event.payload.challengeId === challenge.id,
    );
    expect(digits).toHaveLength(6);

    const phones = await as(adminBrowser).get(`/api/admin/users/${userId}/phones`);
    expect(phones.body).toEqual([
      expect.objectContaining({ id: added.body.id, verified: true, primary: true }),
    ]);

    const newcomer: TestUser = {
      user: { id: userId } as never,
      username: 'newcomer',
      password: 'newcomer-password',
      phone: number,
    };
    const { browser, feed } = await signIn(app, carrier, newcomer);
    expect((await browser.me()).body).toMatchObject({ username: 'newcomer' });
    feed.close();

    const actions = (await eventsBy(admin.user.id, since)).map((event) => event.action);
    expect(actions).toEqual(['user.created', 'phone.added', 'phone.verification-started']);
  });

  it('leaves the number unverified when the enrollment call fails', async () => {
    const user = await createUser(app, { phone: null });
    const added = await as(adminBrowser).post(`/api/admin/users/${user.user.id}/phones`, {
      number: uniquePhone(),
    });
    const started = await as(adminBrowser).post(`/api/admin/phones/${added.body.id}/verification`);
    const { code, id } = started.body.challenge;
    const call = await carrier.nextCall();
    await call.answer();
    await call.press(wrongDigit(code, 0));
    expect(await adminFeed.waitFor('failed', (payload) => payload.challengeId === id)).toEqual({
      challengeId: id,
      reason: 'wrong-digit',
    });
    expect((await phoneRow(added.body.id))?.verifiedAt).toBeNull();
    // A busy line fails it too, and a later call can still verify it.
    const retry = await as(adminBrowser).post(`/api/admin/phones/${added.body.id}/verification`);
    await (await carrier.nextCall()).status('busy');
    await adminFeed.waitFor('failed', (payload) => payload.challengeId === retry.body.challenge.id);
    expect((await phoneRow(added.body.id))?.verifiedAt).toBeNull();
    // Star on an enrollment call does not lock the account (nobody tried to sign in).
    const third = await as(adminBrowser).post(`/api/admin/phones/${added.body.id}/verification`);
    const thirdCall = await carrier.nextCall();
    await thirdCall.answer();
    await thirdCall.press('*');
    await adminFeed.waitFor('failed', (payload) => payload.challengeId === third.body.challenge.id);
    const listed = await as(adminBrowser).get('/api/admin/users');
    expect(listed.body.find((entry: { id: string }) => entry.id === user.user.id).locked).toBe(
      false,
    );
  });

  describe('phone rules', () => {
    it.each([
      [
        'not international',
        '202 555 0100',
        'number must be in international form, starting with + and the country code',
      ],
      ['not a number', '+1 202 555 01', 'number is not a valid phone number'],
      ['premium-rate', '+1 900 555 0100', 'number is a premium-rate or shared-cost number'],
      [
        'outside ALLOWED_COUNTRIES',
        '+44 20 7946 0958',
        'number belongs to a country not allowed here (allowed: US, CA)',
      ],
    ])('refuses a number %s with 400', async (_case, number, message) => {
      const user = await createUser(app, { phone: null });
      const reply = await as(adminBrowser).post(`/api/admin/users/${user.user.id}/phones`, {
        number,
      });
      expect(reply.status).toBe(400);
      expect(reply.body).toEqual({ statusCode: 400, message, error: 'Bad Request' });
      expect(
        await app.get(DataSource).getRepository(PhoneNumber).countBy({ userId: user.user.id }),
      ).toBe(0);
    });

    it('refuses malformed bodies and ids with 400', async () => {
      const user = await createUser(app, { phone: null });
      for (const body of [
        {},
        { number: 5 },
        { number: '+12025550100', extra: true },
        { number: '+12025550100', label: 'a'.repeat(65) },
      ]) {
        expect(
          (await as(adminBrowser).post(`/api/admin/users/${user.user.id}/phones`, body)).status,
        ).toBe(400);
      }
      expect(
        (
          await as(adminBrowser).post('/api/admin/users/not-a-uuid/phones', {
            number: '+12025550100',
          })
        ).status,
      ).toBe(400);
      expect(
        (await as(adminBrowser).patch(`/api/admin/phones/${user.user.id}`, { isPrimary: false }))
          .status,
      ).toBe(400);
    });

    it('answers 404 for an unknown user or phone', async () => {
      const unknown = '00000000-0000-4000-8000-000000000000';
      expect(
        (
          await as(adminBrowser).post(`/api/admin/users/${unknown}/phones`, {
            number: uniquePhone(),
          })
        ).status,
      ).toBe(404);
      expect(
        (await as(adminBrowser).post(`/api/admin/phones/${unknown}/verification`)).status,
      ).toBe(404);
      expect((await as(adminBrowser).delete(`/api/admin/phones/${unknown}`)).status).toBe(404);
    });

    it('allows at most 5 numbers per user, each once', async () => {
      const user = await createUser(app, { phone: null });
      const path = `/api/admin/users/${user.user.id}/phones`;
      const first = uniquePhone();
      expect((await as(adminBrowser).post(path, { number: first })).status).toBe(201);
      const again = await as(adminBrowser).post(path, { number: first });
      expect(again.status).toBe(409);
      expect(again.body.message).toBe('This user already has that phone number');
      for (let i = 0; i < 4; i++)
        expect((await as(adminBrowser).post(path, { number: uniquePhone() })).status).toBe(201);
      const sixth = await as(adminBrowser).post(path, { number: uniquePhone() });
      expect(sixth).toMatchObject({
        status: 409,
        body: { message: 'A user may have at most 5 phone numbers' },
      });
    });

    it('refuses a number verified for another user, at adding and at verifying', async () => {
      const owner = await createUser(app);
      const other = await createUser(app, { phone: null });
      const taken = await as(adminBrowser).post(`/api/admin/users/${other.user.id}/phones`, {
        number: owner.phone,
      });
      expect(taken).toMatchObject({
        status: 409,
        body: { message: 'That phone number is already verified for another user' },
      });
    });

    it('makes only verified numbers primary, one at a time', async () => {
      const user = await createUser(app);
      const [original] = (await as(adminBrowser).get(`/api/admin/users/${user.user.id}/phones`))
        .body;
      const second = await as(adminBrowser).post(`/api/admin/users/${user.user.id}/phones`, {
        number: uniquePhone(),
      });
      const refused = await as(adminBrowser).patch(`/api/admin/phones/${second.body.id}`, {
        isPrimary: true,
      });
      expect(refused).toMatchObject({
        status: 409,
        body: { message: 'Only a verified phone number can be the primary one' },
      });

      const started = await as(adminBrowser).post(
        `/api/admin/phones/${second.body.id}/verification`,
      );
      const call = await carrier.nextCall();
      await call.answer();
      await call.type(started.body.challenge.code);
      await adminFeed.waitFor(
        'verified',
        (payload) => payload.challengeId === started.body.challenge.id,
      );
      // Verified, but the user already had a primary: it stays second.
      expect((await phoneRow(second.body.id))?.isPrimary).toBe(false);

      const made = await as(adminBrowser).patch(`/api/admin/phones/${second.body.id}`, {
        isPrimary: true,
      });
      expect(made).toMatchObject({ status: 200, body: { id: second.body.id, primary: true } });
      expect((await phoneRow(original.id))?.isPrimary).toBe(false);
      // Sign-in now calls the new primary.
      const browser = new BrowserSession(app.baseUrl);
      await browser.login(user.username, user.password);
      expect((await carrier.nextCall()).order.to).toBe(second.body.number);
    });

    it('needs force to remove a user’s last verified number, and audits it', async () => {
      const user = await createUser(app);
      const [phone] = (await as(adminBrowser).get(`/api/admin/users/${user.user.id}/phones`)).body;
      const refused = await as(adminBrowser).delete(`/api/admin/phones/${phone.id}`);
      expect(refused.status).toBe(409);
      expect(refused.body.message).toMatch(/last verified phone number/);
      expect(await phoneRow(phone.id)).not.toBeNull();
      expect(
        (await as(adminBrowser).delete(`/api/admin/phones/${phone.id}?force=maybe`)).status,
      ).toBe(400);

      const since = new Date();
      expect(
        (await as(adminBrowser).delete(`/api/admin/phones/${phone.id}?force=true`)).status,
      ).toBe(204);
      expect(await phoneRow(phone.id)).toBeNull();
      const events = await eventsBy(admin.user.id, since);
      expect(events).toHaveLength(1);
      expect(events[0]).toMatchObject({
        action: 'phone.removed',
        subject: user.user.id,
        detail: { phoneId: phone.id, forced: true },
      });
    });

    it('removes an unverified number without force', async () => {
      const user = await createUser(app);
      const extra = await as(adminBrowser).post(`/api/admin/users/${user.user.id}/phones`, {
        number: uniquePhone(),
      });
      expect((await as(adminBrowser).delete(`/api/admin/phones/${extra.body.id}`)).status).toBe(
        204,
      );
    });
  });

  describe('users', () => {
    it('refuses a taken username (any case) and weak input', async () => {
      const existing = await createUser(app);
      const taken = await as(adminBrowser).post('/api/admin/users', {
        username: existing.username.toUpperCase(),
        password: 'long-enough-password',
      });
      expect(taken).toMatchObject({
        status: 409,
        body: { message: 'That username is already taken' },
      });
      for (const body of [
        { username: 'ok-name', password: 'short' },
        { username: 'a b', password: 'long-enough-password' },
        { username: 'ok-name', password: 'long-enough-password', role: 'root' },
        { username: 'ok-name', password: 'long-enough-password', isAdmin: true },
      ]) {
        expect((await as(adminBrowser).post('/api/admin/users', body)).status).toBe(400);
      }
    });

    it('changes roles, but never removes the last admin', async () => {
      const user = await createUser(app);
      const since = new Date();
      const promoted = await as(adminBrowser).patch(`/api/admin/users/${user.user.id}`, {
        role: 'admin',
      });
      expect(promoted).toMatchObject({ status: 200, body: { role: 'admin' } });
      const events = await eventsBy(admin.user.id, since);
      expect(events.map((event) => [event.action, event.detail])).toEqual([
        ['user.role-changed', { from: 'user', to: 'admin' }],
      ]);
      expect(
        (await as(adminBrowser).patch(`/api/admin/users/${user.user.id}`, { role: 'user' })).status,
      ).toBe(200);
    });

    it('unlocks an account locked by a fraud report', async () => {
      const user = await createUser(app);
      const { call, feed } = await beginSignIn(app, carrier, user);
      await call.answer();
      await call.press('*');
      await feed.waitFor('failed');
      feed.close();
      expect(
        (await new BrowserSession(app.baseUrl).login(user.username, user.password)).status,
      ).toBe(423);
      const listed = await as(adminBrowser).get('/api/admin/users');
      expect(listed.body.find((entry: { id: string }) => entry.id === user.user.id)).toMatchObject({
        locked: true,
      });
      const unlocked = await as(adminBrowser).post(`/api/admin/users/${user.user.id}/unlock`);
      expect(unlocked).toMatchObject({ status: 200, body: { locked: false, lockedUntil: null } });
      const { feed: again } = await signIn(app, carrier, user);
      again.close();
    });
  });

  describe('audit log', () => {
    it('pages newest first and filters by user and action', async () => {
      const user = await createUser(app);
      const { feed } = await signIn(app, carrier, user);
      feed.close();
      const all = await as(adminBrowser).get(`/api/admin/audit?userId=${user.user.id}`);
      expect(all.status).toBe(200);
      const actions = all.body.items.map((event: { action: string }) => event.action);
      expect(actions[0]).toBe('sign-in.succeeded');
      expect(actions).toEqual(
        expect.arrayContaining([
          'second-factor.started',
          'call.placed',
          'second-factor.verified',
          'sign-in.password-accepted',
        ]),
      );
      const times = all.body.items.map((event: { at: string }) => event.at);
      expect([...times].sort().reverse()).toEqual(times);

      const filtered = await as(adminBrowser).get(
        `/api/admin/audit?userId=${user.user.id}&action=call.placed`,
      );
      expect(filtered.body).toMatchObject({ total: 1, page: 1, limit: 50 });
      expect(filtered.body.items[0]).toMatchObject({
        action: 'call.placed',
        subject: user.user.id,
      });

      const paged = await as(adminBrowser).get(
        `/api/admin/audit?userId=${user.user.id}&limit=2&page=2`,
      );
      expect(paged.body.items.map((event: { id: string }) => event.id)).toEqual(
        all.body.items.slice(2, 4).map((event: { id: string }) => event.id),
      );
      for (const bad of ['limit=0', 'limit=201', 'page=0', 'userId=nope', 'action=DROP%20TABLE']) {
        expect((await as(adminBrowser).get(`/api/admin/audit?${bad}`)).status).toBe(400);
      }
    });

    it('never holds a code, password or token', async () => {
      const user = await createUser(app);
      const { browser, call, code, feed } = await beginSignIn(app, carrier, user);
      await call.answer();
      await call.type(code);
      await feed.waitFor('verified');
      await browser.complete();
      feed.close();
      const everything = JSON.stringify(await audit().find());
      expect(everything).not.toContain(user.password);
      expect(everything).not.toContain(`"${code}"`);
      expect(everything).not.toContain(carrier.authToken);
      expect(everything).not.toContain(decodeURIComponent(browser.cookie!));
    });
  });
});
