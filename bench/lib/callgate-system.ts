import { BrowserSession } from '../../test/support/browser-session.js';
import type { CarrierEmulator } from '../../test/support/carrier-emulator.js';
import { DigitFeed } from './digit-feed.js';
import { addressFor, signedPost } from './http.js';
import type { Seed, SeededUser } from './seed.js';
import { inBatches } from './stats.js';
import type { DigitTarget, System } from './target.js';

interface Challenge {
  id: string;
  code: string;
}

/** Callgate driven as browsers and Twilio drive it: JSON sign-ins, cookie sockets, signed webhooks. */
export class CallgateSystem implements System {
  readonly name = 'callgate';
  private admin?: BrowserSession;

  constructor(
    private readonly baseUrl: string,
    private readonly carrier: CarrierEmulator,
    private readonly seed: Seed,
  ) {}

  async prepare(index: number): Promise<DigitTarget> {
    const user = this.seed.signers[index];
    const { browser, challenge } = await this.login(user, addressFor(index));
    const feed = await DigitFeed.connect(this.baseUrl, {
      headers: { cookie: browser.cookieHeader! },
    });
    const call = await this.carrier.callTo(user.phone);
    const answer = await call.answer();
    if (answer.status !== 200 || !call.gather) {
      throw new Error(`answer webhook: ${answer.status}`);
    }
    // The keys go through the same webhook client as the baseline's, following each Gather.
    let action: string | undefined = call.gather?.action;
    return {
      code: challenge.code,
      feed,
      press: async (key) => {
        if (!action) throw new Error('the call is not waiting for a key');
        const reply = await signedPost(
          this.carrier.authToken,
          action,
          call.params('in-progress', { Digits: key }),
        );
        action = reply.twiml?.hangup ? undefined : reply.twiml?.gather?.action;
        return reply.status;
      },
      close: () => feed.close(),
    };
  }

  async signIn(index: number): Promise<void> {
    await this.login(this.seed.signers[index], addressFor(index));
  }

  async createPending(count: number): Promise<void> {
    const admin = await this.adminSession();
    const ids = this.seed.enrollmentPhoneIds.slice(0, count);
    await inBatches(ids, 32, async (id, index) => {
      const reply = await admin.request(
        'POST',
        `/api/admin/phones/${id}/verification`,
        {},
        {
          'x-forwarded-for': addressFor(100_000 + index),
        },
      );
      if (reply.status !== 200) {
        throw new Error(`enrollment call ${index}: ${reply.status} ${JSON.stringify(reply.body)}`);
      }
    });
  }

  /** The admin signed in with both factors, for the enrollment calls. */
  private async adminSession(): Promise<BrowserSession> {
    if (this.admin) return this.admin;
    const { browser, challenge } = await this.login(this.seed.admin, addressFor(99_999));
    const call = await this.carrier.callTo(this.seed.admin.phone);
    await call.answer();
    await call.type(challenge.code);
    const done = await browser.complete();
    if (done.status !== 200) throw new Error(`admin second factor: ${done.status}`);
    this.admin = browser;
    return browser;
  }

  private async login(
    user: SeededUser,
    address: string,
  ): Promise<{ browser: BrowserSession; challenge: Challenge }> {
    const browser = new BrowserSession(this.baseUrl);
    browser.clientIp = address;
    const reply = await browser.login(user.username, this.seed.password);
    if (reply.status !== 200) {
      throw new Error(`sign-in of ${user.username}: ${reply.status} ${JSON.stringify(reply.body)}`);
    }
    return { browser, challenge: (reply.body as { challenge: Challenge }).challenge };
  }
}
