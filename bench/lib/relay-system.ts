import { randomBytes, randomInt, randomUUID } from 'node:crypto';
import { DigitFeed } from './digit-feed.js';
import { postJson, signedPost } from './http.js';
import { inBatches } from './stats.js';
import type { DigitTarget, System } from './target.js';

const hex = (bytes: number) => randomBytes(bytes).toString('hex');

/** The baseline relay, driven by the same load: same code length, same signed posts. */
export class RelaySystem implements System {
  readonly name = 'baseline';

  constructor(
    private readonly baseUrl: string,
    private readonly authToken: string,
    private readonly password: string,
    private readonly codeLength: number,
  ) {}

  async prepare(): Promise<DigitTarget> {
    const id = randomUUID();
    const room = hex(18);
    const code = Array.from({ length: this.codeLength }, () => String(randomInt(10))).join('');
    await this.register(id, room, code);
    const feed = await DigitFeed.connect(this.baseUrl, { auth: { room } });
    // The same fields Twilio (and the carrier emulator) send on a Gather action.
    const params = {
      AccountSid: `AC${hex(16)}`,
      ApiVersion: '2010-04-01',
      CallSid: `CA${hex(16)}`,
      CallStatus: 'in-progress',
      Direction: 'outbound-api',
      From: '+15005550006',
      To: '+12025550100',
    };
    let action: string | undefined = `${this.baseUrl}/voice/${id}/digits/0`;
    return {
      code,
      feed,
      press: async (key) => {
        if (!action) throw new Error('the call is not waiting for a key');
        const reply = await signedPost(this.authToken, action, { ...params, Digits: key });
        action = reply.twiml?.hangup ? undefined : reply.twiml?.gather?.action;
        return reply.status;
      },
      close: () => feed.close(),
    };
  }

  async signIn(): Promise<void> {
    const response = await postJson(`${this.baseUrl}/login`, { password: this.password });
    if (response.status !== 200) throw new Error(`baseline sign-in: ${response.status}`);
  }

  async createPending(count: number): Promise<void> {
    await inBatches(Array.from({ length: count }), 32, () =>
      this.register(randomUUID(), hex(18), String(randomInt(1_000_000)).padStart(6, '0')),
    );
  }

  private async register(id: string, room: string, code: string): Promise<void> {
    const response = await postJson(`${this.baseUrl}/challenges`, { id, room, code });
    if (response.status !== 201) throw new Error(`baseline challenge: ${response.status}`);
  }
}
