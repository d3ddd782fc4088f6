import { io, type Socket } from 'socket.io-client';
import { DEMO_ACCOUNTS } from '../src/demo/demo-accounts.js';
import { BrowserSession } from './support/browser-session.js';
import { CarrierEmulator } from './support/carrier-emulator.js';
import { createUser } from './support/factories.js';
import { startApp, type TestApp } from './support/test-app.js';
import { eventually } from './support/wait.js';

/** A virtual phone page's socket on `/simulator`, recording the call updates it hears. */
class PhoneWatcher {
  readonly calls: any[] = [];

  private constructor(private readonly socket: Socket) {
    socket.on('call', (call: unknown) => this.calls.push(call));
  }

  static connect(baseUrl: string, origin: string = baseUrl): Promise<PhoneWatcher> {
    const socket = io(`${baseUrl}/simulator`, {
      transports: ['websocket'],
      extraHeaders: { origin },
      reconnection: false,
      forceNew: true,
    });
    return new Promise((resolve, reject) => {
      socket.once('connect', () => resolve(new PhoneWatcher(socket)));
      socket.once('connect_error', (error) => {
        socket.close();
        reject(error);
      });
    });
  }

  watch(number: unknown): Promise<any> {
    return this.socket.emitWithAck('watch', number);
  }

  close(): void {
    this.socket.close();
  }
}

describe('the virtual phone socket (/simulator)', () => {
  let app: TestApp;

  beforeAll(async () => {
    app = await startApp({ TELEPHONY_DRIVER: 'simulated' });
  });

  afterAll(async () => {
    await app.close();
  });

  it('rings the page watching the number called, and only that one', async () => {
    const account = await createUser(app);
    const bystander = await createUser(app);
    const watcher = await PhoneWatcher.connect(app.baseUrl);
    const other = await PhoneWatcher.connect(app.baseUrl);
    expect(await watcher.watch(account.phone)).toEqual({
      ok: true,
      number: account.phone,
      calls: [],
    });
    await other.watch(bystander.phone);

    const browser = new BrowserSession(app.baseUrl);
    await browser.login(account.username, account.password);
    const ringing = await eventually(() => watcher.calls.find((call) => call.state === 'ringing'), {
      what: 'the ringing call',
    });
    expect(ringing).toMatchObject({ to: account.phone, transcript: [], awaitingKey: false });

    await browser.request('POST', `/api/simulator/calls/${ringing.sid}/decline`);
    const ended = await eventually(() => watcher.calls.find((call) => call.state === 'ended'));
    expect(ended).toMatchObject({ sid: ringing.sid, outcome: 'busy' });
    expect(other.calls).toEqual([]);
    watcher.close();
    other.close();
  });

  it('answers a watch with the calls the number already has, newest first', async () => {
    const account = await createUser(app);
    const browser = new BrowserSession(app.baseUrl);
    await browser.login(account.username, account.password);
    const watcher = await PhoneWatcher.connect(app.baseUrl);
    const reply = await watcher.watch(` ${account.phone} `);
    expect(reply.ok).toBe(true);
    expect(reply.calls).toHaveLength(1);
    expect(reply.calls[0]).toMatchObject({ to: account.phone, state: 'ringing' });
    watcher.close();
  });

  it('watches one number at a time', async () => {
    const [first, second] = await Promise.all([createUser(app), createUser(app)]);
    const watcher = await PhoneWatcher.connect(app.baseUrl);
    await watcher.watch(first.phone);
    await watcher.watch(second.phone);
    await new BrowserSession(app.baseUrl).login(first.username, first.password);
    await new BrowserSession(app.baseUrl).login(second.username, second.password);
    await eventually(() => watcher.calls.some((call) => call.to === second.phone));
    expect(watcher.calls.every((call) => call.to === second.phone)).toBe(true);
    watcher.close();
  });

  it('refuses a number that is not E.164, and changes nothing', async () => {
    const watcher = await PhoneWatcher.connect(app.baseUrl);
    for (const bad of ['12025550147', '+0123', 'alice', 42, null, { number: '+12025550147' }]) {
      const reply = await watcher.watch(bad);
      expect(reply).toEqual({ ok: false, error: expect.stringMatching(/international format/) });
    }
    watcher.close();
  });

  it('refuses a socket opened from another site', async () => {
    await expect(PhoneWatcher.connect(app.baseUrl, 'https://evil.example')).rejects.toThrow(
      'forbidden origin',
    );
  });

  it('offers the demo phones, then the numbers called lately', async () => {
    const account = await createUser(app);
    const browser = new BrowserSession(app.baseUrl);
    await browser.login(account.username, account.password);
    const { status, body } = await browser.request('GET', '/api/simulator/numbers');
    expect(status).toBe(200);
    expect(body.slice(0, DEMO_ACCOUNTS.length)).toEqual(
      DEMO_ACCOUNTS.map((demo) => ({
        number: demo.phone,
        label: `${demo.username}'s phone (demo)`,
      })),
    );
    expect(body).toContainEqual({
      number: account.phone,
      label: 'Recently called',
      lastCalledAt: expect.any(String),
    });
  });
});

describe('the virtual phone socket with a real carrier', () => {
  it('does not exist: the socket is refused and the numbers API is 404', async () => {
    const carrier = await CarrierEmulator.start();
    const app = await startApp(carrier.env());
    try {
      await expect(PhoneWatcher.connect(app.baseUrl)).rejects.toThrow('not found');
      expect((await fetch(`${app.baseUrl}/api/simulator/numbers`)).status).toBe(404);
    } finally {
      await app.close();
      await carrier.close();
    }
  });
});
