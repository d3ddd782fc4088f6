import { ConfigService } from '@nestjs/config';
import { ATTACKED_CONFIGURATION, expectRefused, freshAddress } from '../support/attack.js';
import { BrowserSession } from '../support/browser-session.js';
import { CarrierEmulator } from '../support/carrier-emulator.js';
import { createUser, type TestUser } from '../support/factories.js';
import { StateWatch } from '../support/state-watch.js';
import { startApp, type TestApp } from '../support/test-app.js';

describe('attacks with malformed and hostile input', () => {
  let carrier: CarrierEmulator;
  let app: TestApp;
  let account: TestUser;

  beforeAll(async () => {
    carrier = await CarrierEmulator.start();
    app = await startApp({ ...carrier.env(), ...ATTACKED_CONFIGURATION });
    account = await createUser(app);
  });

  afterAll(async () => {
    await app.close();
    await carrier.close();
  });

  const attacker = () => {
    const browser = new BrowserSession(app.baseUrl);
    browser.clientIp = freshAddress();
    return browser;
  };
  const login = (body: unknown, headers: Record<string, string> = {}) =>
    attacker().request('POST', '/api/auth/login', body, headers);

  it('a JSON body over 32 KB', async () => {
    const watch = await StateWatch.start(app, carrier);
    const padded = {
      username: account.username,
      password: account.password,
      pad: 'x'.repeat(33 * 1024),
    };
    expectRefused(await login(padded), [413]);
    expectRefused(await login(`[${'1,'.repeat(20 * 1024)}1]`), [413]);
    await watch.assertUnchanged();
  });

  it('a form body over 16 KB on an API route', async () => {
    const watch = await StateWatch.start(app, carrier);
    const form = new URLSearchParams({
      username: account.username,
      password: 'x'.repeat(17 * 1024),
    });
    const reply = await login(form.toString(), {
      'content-type': 'application/x-www-form-urlencoded',
    });
    expectRefused(reply, [413]);
    await watch.assertUnchanged();
  });

  it.each([
    ['truncated JSON', '{"username": "alice", "password": '],
    ['single quotes', "{'username': 'alice', 'password': 'x'}"],
    ['a trailing comma', '{"username": "alice", "password": "x",}'],
    ['a bare string', '"alice"'],
    ['binary noise', '\u0000\u0001\u0002\uffff'],
  ])('malformed JSON: %s', async (_, body) => {
    const watch = await StateWatch.start(app, carrier);
    const reply = await login(body);
    expectRefused(reply, [400]);
    expect(reply.body).toMatchObject({ statusCode: 400, error: 'Bad Request' });
    await watch.assertUnchanged();
  });

  it.each([
    ['numbers for strings', () => ({ username: 12345, password: 123456789012 })],
    ['a number as the password', () => ({ username: account.username, password: 1 })],
    ['arrays', () => ({ username: [account.username], password: [account.password] })],
    [
      'an operator object (NoSQL style)',
      () => ({ username: account.username, password: { $ne: '' } }),
    ],
    ['booleans and null', () => ({ username: true, password: null })],
    [
      'nested objects',
      () => ({ username: { toString: account.username }, password: account.password }),
    ],
  ])('wrong types in the sign-in body: %s', async (_, body) => {
    const watch = await StateWatch.start(app, carrier);
    expectRefused(await login(body()), [400]);
    await watch.assertUnchanged();
  });

  it('unknown fields riding along with the right password (mass assignment)', async () => {
    const watch = await StateWatch.start(app, carrier);
    for (const extra of [{ role: 'admin' }, { isAdmin: true }, { lockedUntil: null }]) {
      const reply = await login({
        username: account.username,
        password: account.password,
        ...extra,
      });
      expectRefused(reply, [400]);
      expect(reply.body.message).toEqual([expect.stringMatching(/should not exist/)]);
    }
    await watch.assertUnchanged();
  });

  it('prototype pollution through the body', async () => {
    const watch = await StateWatch.start(app, carrier);
    for (const body of [
      `{"username":"${account.username}","password":"${account.password}","__proto__":{"polluted":"yes"}}`,
      `{"username":"x","password":"y","constructor":{"prototype":{"polluted":"yes"}}}`,
    ]) {
      expectRefused(await login(body), [400]);
    }
    // The app runs in this process: its objects are ours to inspect.
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    await watch.assertUnchanged();
  });

  it('strings past their length limits', async () => {
    const watch = await StateWatch.start(app, carrier);
    expectRefused(await login({ username: 'u'.repeat(65), password: 'x' }), [400]);
    expectRefused(await login({ username: account.username, password: 'p'.repeat(129) }), [400]);
    expectRefused(await login({ username: '', password: '' }), [400]);
    await watch.assertUnchanged();
  });

  it('a body in a content type the API does not read', async () => {
    const watch = await StateWatch.start(app, carrier);
    const body = JSON.stringify({ username: account.username, password: account.password });
    for (const type of ['text/plain', 'application/xml', 'multipart/form-data; boundary=x']) {
      expectRefused(await login(body, { 'content-type': type }), [400]);
    }
    await watch.assertUnchanged();
  });

  it('unknown routes and path tricks answer 404 in the standard shape', async () => {
    const watch = await StateWatch.start(app, carrier);
    for (const [method, path] of [
      ['GET', '/api/no-such-thing'],
      ['POST', '/api/users'],
      ['GET', '/api/auth/..%2f..%2fetc/passwd'],
      ['GET', '/api/%2e%2e/%2e%2e/package.json'],
      ['DELETE', '/api/auth/session'],
    ]) {
      const reply = await attacker().request(method, path);
      expectRefused(reply, [404], `${method} ${path}`);
      expect(reply.body).toMatchObject({ statusCode: 404, error: 'Not Found' });
    }
    await watch.assertUnchanged();
  });

  it('fishing for secrets in error replies and the OpenAPI document', async () => {
    const secret = app.get(ConfigService).get('session').secret as string;
    const watch = await StateWatch.start(app, carrier);
    const webhook = `${app.baseUrl}/api/voice/challenges/${'0'.repeat(36)}/digits/0`;
    const replies = [
      await attacker().request('GET', '/api/docs-json'),
      await attacker().request('GET', '/api/docs'),
      await attacker().request('GET', '/api/no-such-thing'),
      await login('{"username":'),
      await login({ username: 'x', password: 'y'.repeat(40 * 1024) }),
      await login({ username: 'nobody-at-all', password: 'wrong-password' }),
      await attacker().request('POST', '/api/auth/logout', {}, { origin: 'https://evil.example' }),
      await attacker().request('POST', webhook.replace(app.baseUrl, ''), 'CallSid=x', {
        'content-type': 'application/x-www-form-urlencoded',
      }),
    ];
    expect(replies.map((reply) => reply.status)).toEqual([200, 200, 404, 400, 413, 401, 403, 403]);
    for (const reply of replies) {
      const text = typeof reply.body === 'string' ? reply.body : JSON.stringify(reply.body);
      expect(text).not.toContain(secret);
      expect(text).not.toContain(carrier.authToken);
      expect(text).not.toContain(carrier.accountSid);
    }
    await watch.assertUnchanged();
  });
});
