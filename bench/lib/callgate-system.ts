import type { CarrierEmulator } from '../../test/support/carrier-emulator.js';
import { DigitFeed } from './digit-feed.js';
import { addressFor, cookiesOf, postJson, signedPost } from './http.js';
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
  private adminCookie?: string;

  constructor(
    private readonly baseUrl: string,
    private readonly carrier: CarrierEmulator,
    private readonly seed: Seed,
  ) {}

  async prepare(index: number): Promise<DigitTarget> {
    const user = this.seed.signers[index];
    const { cookie, challenge } = await this.login(user, addressFor(index));
    const feed = await DigitFeed.connect(this.baseUrl, { headers: { cookie } });
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
    const cookie = await this.adminSession();
    const ids = this.seed.enrollmentPhoneIds.slice(0, count);
    await inBatches(ids, 32, async (id, index) => {
      const response = await postJson(
        `${this.baseUrl}/api/admin/phones/${id}/verification`,
        {},
        { cookie, origin: this.baseUrl, 'x-forwarded-for': addressFor(100_000 + index) },
      );
      if (response.status !== 200) {
        throw new Error(`enrollment call ${index}: ${response.status} ${await response.text()}`);
      }
    });
  }

  /** The admin signed in with both factors, for the enrollment calls. */
  private async adminSession(): Promise<string> {
    if (this.adminCookie) return this.adminCookie;
    const admin = this.seed.admin;
    const { cookie, challenge } = await this.login(admin, addressFor(99_999));
    const call = await this.carrier.callTo(admin.phone);
    await call.answer();
    await call.type(challenge.code);
    const done = await postJson(
      `${this.baseUrl}/api/auth/second-factor/complete`,
      {},
      { cookie, origin: this.baseUrl, 'x-forwarded-for': addressFor(99_999) },
    );
    if (done.status !== 200) throw new Error(`admin second factor: ${done.status}`);
    this.adminCookie = cookiesOf(done);
    return this.adminCookie;
  }

  private async login(
    user: SeededUser,
    address: string,
  ): Promise<{ cookie: string; challenge: Challenge }> {
    const response = await postJson(
      `${this.baseUrl}/api/auth/login`,
      { username: user.username, password: this.seed.password },
      { origin: this.baseUrl, 'x-forwarded-for': address },
    );
    if (response.status !== 200) {
      throw new Error(`sign-in of ${user.username}: ${response.status} ${await response.text()}`);
    }
    const body = (await response.json()) as { challenge: Challenge };
    return { cookie: cookiesOf(response), challenge: body.challenge };
  }
}
