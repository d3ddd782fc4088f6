import { BrowserSession } from './support/browser-session.js';
import { CarrierEmulator } from './support/carrier-emulator.js';
import { createUser } from './support/factories.js';
import { beginSignIn } from './support/scenarios.js';
import { STATE_CHANGED, StateWatch } from './support/state-watch.js';
import { startApp, type TestApp } from './support/test-app.js';

/** The attack suite's "nothing changed" is only worth something if StateWatch sees changes. */
describe('StateWatch', () => {
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

  it('holds when nothing happened', async () => {
    const watch = await StateWatch.start(app, carrier);
    await expect(watch.assertUnchanged()).resolves.toBeUndefined();
  });

  it('sees a sign-in: the session, the challenge, the call and the audit trail', async () => {
    const account = await createUser(app);
    const watch = await StateWatch.start(app, carrier);
    await new BrowserSession(app.baseUrl).login(account.username, account.password);
    await carrier.nextCall();
    const failure = watch.assertUnchanged();
    await expect(failure).rejects.toThrow(STATE_CHANGED);
    const message = await failure.catch((error: Error) => error.message);
    expect(message).toMatch(/session row added/);
    expect(message).toMatch(/challenge row added/);
    expect(message).toMatch(/1 call\(s\) placed/);
    expect(message).toMatch(/audit event sign-in.password-accepted written/);
  });

  it('sees a failed password count, unless the lockout is allowed to count', async () => {
    const account = await createUser(app);
    const strict = await StateWatch.start(app, carrier);
    const lenient = await StateWatch.start(app, carrier, { lockoutMayCount: true });
    await new BrowserSession(app.baseUrl).login(account.username, 'a-wrong-password');
    await expect(strict.assertUnchanged()).rejects.toThrow(/user row changed/);
    await expect(lenient.assertUnchanged()).resolves.toBeUndefined();
  });

  it('sees an event reach a watched socket', async () => {
    const { call, feed } = await beginSignIn(app, carrier, await createUser(app));
    const watch = await StateWatch.start(app, carrier, { feeds: [feed] });
    await call.ring();
    await expect(watch.assertUnchanged()).rejects.toThrow(/socket 0 heard/);
    feed.close();
  });
});
