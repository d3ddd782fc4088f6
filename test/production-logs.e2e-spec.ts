import { BrowserSession } from './support/browser-session.js';
import { CarrierEmulator } from './support/carrier-emulator.js';
import { LiveFeed } from './support/live-feed.js';
import { freshDatabaseUrl, runCli, ServerProcess, strongSecret } from './support/processes.js';
import { wrongDigit } from './support/scenarios.js';

describe('the built server in production mode, driven from outside', () => {
  let carrier: CarrierEmulator;
  let server: ServerProcess;
  let exitCode: number | null;
  const secrets: string[] = [];
  const env: Record<string, string> = {};
  const password = 'production-password-for-tests';

  beforeAll(async () => {
    carrier = await CarrierEmulator.start();
    const sessionSecret = strongSecret();
    Object.assign(env, {
      NODE_ENV: 'production',
      LOG_LEVEL: 'debug',
      DATABASE_URL: freshDatabaseUrl(),
      SESSION_SECRET: sessionSecret,
      ...carrier.env(),
    });
    secrets.push(password, carrier.authToken, sessionSecret);
    const created = runCli(
      ['users:create', '--username', 'dana', '--password', password, '--phone', '+1 202 555 0161'],
      env,
    );
    expect(created.status).toBe(0);
    server = await ServerProcess.start(env);

    // A successful sign-in…
    const browser = new BrowserSession(server.baseUrl);
    const login = await browser.login('dana', password);
    expect(login.status).toBe(200);
    const feed = await LiveFeed.connect(browser);
    const call = await carrier.nextCall();
    await call.ring();
    await call.answer();
    await call.type(login.body.challenge.code);
    await feed.waitFor('verified');
    secrets.push(login.body.challenge.code, decodeURIComponent(browser.cookie!));
    expect((await browser.complete()).status).toBe(200);
    secrets.push(decodeURIComponent(browser.cookie!));
    await browser.logout();
    feed.close();

    // …a failed one, and a wrong password.
    const second = new BrowserSession(server.baseUrl);
    const again = await second.login('dana', password);
    secrets.push(again.body.challenge.code, decodeURIComponent(second.cookie!));
    const secondCall = await carrier.nextCall();
    await secondCall.answer();
    await secondCall.press(wrongDigit(again.body.challenge.code, 0));
    await new BrowserSession(server.baseUrl).login('dana', 'a-wrong-password-guess');
    secrets.push('a-wrong-password-guess');
    exitCode = await server.stop();
  }, 60_000);

  afterAll(async () => {
    await carrier.close();
  });

  it('logs what happened, as one JSON object per line', () => {
    const lines = server.printed.split('\n').filter((line) => line.startsWith('{'));
    expect(lines.length).toBeGreaterThan(10);
    for (const line of lines) expect(() => JSON.parse(line)).not.toThrow();
    const messages = lines.map((line) => JSON.parse(line).message?.msg).filter(Boolean);
    expect(messages).toEqual(
      expect.arrayContaining(['call placed', 'challenge verified', 'challenge ended']),
    );
  });

  it('never logs a code, password, auth token, session secret or session id', () => {
    expect(secrets.length).toBeGreaterThanOrEqual(9);
    for (const secret of secrets) {
      // The raw session id (between "s:" and the signature) must not appear either.
      const sessionId = secret.startsWith('s:') ? secret.slice(2, secret.indexOf('.')) : undefined;
      expect(server.printed).not.toContain(secret);
      if (sessionId) expect(server.printed).not.toContain(sessionId);
    }
  });

  it('shuts down cleanly on SIGTERM', () => {
    expect(exitCode).toBe(0);
  });
});
