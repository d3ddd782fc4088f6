import { randomBytes } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import twilio from 'twilio';
import { readTwiml, type TwimlInstructions } from '../../src/telephony/simulated/twiml-reader.js';
import { freePort } from './free-port.js';
import { eventually } from './wait.js';

/** What Callgate asked Twilio's REST API for, as the SDK sent it. */
export interface CallOrder {
  sid: string;
  accountSid: string;
  to: string;
  from: string;
  url: string;
  method: string;
  statusCallback: string;
  statusCallbackMethod: string;
  statusCallbackEvents: string[];
  timeout: string;
  authorization: string;
}

export interface WebhookReply {
  status: number;
  body: string;
  /** Set when the reply was TwiML. */
  twiml?: TwimlInstructions;
}

const hex = (bytes: number) => randomBytes(bytes).toString('hex');

/**
 * The far end of the phone network, speaking Twilio's protocol: a REST API the twilio SDK
 * reaches through TWILIO_API_BASE_URL (Basic auth, form bodies, Twilio's JSON and errors),
 * and, for each call, the signed webhooks Twilio would send, signed with the SDK itself.
 */
export class CarrierEmulator {
  readonly accountSid = `AC${hex(16)}`;
  readonly authToken = hex(16);
  readonly fromNumber = '+15005550006';
  readonly calls: EmulatedCall[] = [];
  /** Every REST request received, in order, for assertions on what was asked. */
  readonly restRequests: { method: string; path: string; form: URLSearchParams }[] = [];
  /** Status callbacks the emulator sent on its own and could not deliver. */
  readonly undeliveredCallbacks: string[] = [];
  private taken = 0;
  private refusal?: { status: number; code: number; message: string };

  private constructor(
    private readonly server: Server,
    readonly port: number,
  ) {}

  static async start(): Promise<CarrierEmulator> {
    const port = await freePort();
    const server = createServer();
    const emulator = new CarrierEmulator(server, port);
    server.on('request', (request, response) => void emulator.handle(request, response));
    await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve));
    return emulator;
  }

  get baseUrl(): string {
    return `http://127.0.0.1:${this.port}`;
  }

  /** The environment that points Callgate's Twilio driver here. */
  env(): Record<string, string> {
    return {
      TELEPHONY_DRIVER: 'twilio',
      TWILIO_ACCOUNT_SID: this.accountSid,
      TWILIO_AUTH_TOKEN: this.authToken,
      TWILIO_FROM_NUMBER: this.fromNumber,
      TWILIO_API_BASE_URL: this.baseUrl,
    };
  }

  /** The next call Callgate placed that the test has not looked at yet. */
  async nextCall(timeoutMs = 5000): Promise<EmulatedCall> {
    const call = await eventually(() => this.calls[this.taken], { timeoutMs, what: 'a call' });
    this.taken++;
    return call;
  }

  /**
   * The newest call to `number` (E.164) still going, once placed: for tests that run many
   * sign-ins at once, where "the next call" could be anyone's.
   */
  callTo(number: string, timeoutMs = 10_000): Promise<EmulatedCall> {
    return eventually(
      () => this.calls.findLast((call) => call.order.to === number && !call.ended),
      { timeoutMs, what: `a call to ${number}` },
    );
  }

  /** Whether Callgate placed a call the test has not taken. */
  hasUntakenCall(): boolean {
    return this.calls.length > this.taken;
  }

  /** The next Calls.json request fails as Twilio fails an undialable number. */
  refuseNextCall(code = 21211, message = "The 'To' number is not a valid phone number.") {
    this.refusal = { status: 400, code, message };
  }

  async close(): Promise<void> {
    this.server.closeAllConnections();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }

  sign(url: string, params: Record<string, string>): string {
    return twilio.getExpectedTwilioSignature(this.authToken, url, params);
  }

  private async handle(request: IncomingMessage, response: ServerResponse): Promise<void> {
    const form = new URLSearchParams(await readBody(request));
    const path = new URL(request.url ?? '/', this.baseUrl).pathname;
    this.restRequests.push({ method: request.method ?? '', path, form });
    const expected = `Basic ${Buffer.from(`${this.accountSid}:${this.authToken}`).toString('base64')}`;
    if (request.headers.authorization !== expected) {
      return reply(response, 401, { code: 20003, message: 'Authenticate', status: 401 });
    }
    const base = `/2010-04-01/Accounts/${this.accountSid}/Calls`;
    if (request.method === 'POST' && path === `${base}.json`)
      return this.createCall(form, request, response);
    const update = path.match(new RegExp(`^${base}/(CA[0-9a-f]{32})\\.json$`));
    if (request.method === 'POST' && update) return this.updateCall(update[1], form, response);
    reply(response, 404, {
      code: 20404,
      message: 'The requested resource was not found',
      status: 404,
    });
  }

  private createCall(form: URLSearchParams, request: IncomingMessage, response: ServerResponse) {
    if (this.refusal) {
      const { status, code, message } = this.refusal;
      this.refusal = undefined;
      return reply(response, status, {
        code,
        message,
        status,
        more_info: `https://www.twilio.com/docs/errors/${code}`,
      });
    }
    const order: CallOrder = {
      sid: `CA${hex(16)}`,
      accountSid: this.accountSid,
      to: form.get('To') ?? '',
      from: form.get('From') ?? '',
      url: form.get('Url') ?? '',
      method: form.get('Method') ?? 'POST',
      statusCallback: form.get('StatusCallback') ?? '',
      statusCallbackMethod: form.get('StatusCallbackMethod') ?? 'POST',
      statusCallbackEvents: form.getAll('StatusCallbackEvent'),
      timeout: form.get('Timeout') ?? '',
      authorization: request.headers.authorization ?? '',
    };
    this.calls.push(new EmulatedCall(this, order));
    reply(response, 201, callResource(order, 'queued'));
  }

  private updateCall(sid: string, form: URLSearchParams, response: ServerResponse) {
    const call = this.calls.find((candidate) => candidate.order.sid === sid);
    if (!call) return reply(response, 404, { code: 20404, message: 'Not found', status: 404 });
    if (call.ended) {
      return reply(response, 400, {
        code: 21220,
        message: 'Call is not in-progress. Cannot redirect.',
        status: 400,
      });
    }
    if (form.get('Status') === 'completed' || form.get('Status') === 'canceled') {
      call.endedByApplication = true;
      // Twilio then reports the end of the call on the status callback, as for any hang-up.
      setImmediate(() => {
        // Twilio, too, just records a status callback it could not deliver.
        call.status(call.answered ? 'completed' : 'canceled').catch((error: unknown) => {
          this.undeliveredCallbacks.push(String(error));
        });
      });
    }
    reply(response, 200, callResource(call.order, 'completed'));
  }
}

/** One call in flight: the test plays the person holding the phone. */
export class EmulatedCall {
  answered = false;
  ended = false;
  endedByApplication = false;
  /** The Gather waiting for a key, if any. */
  gather?: TwimlInstructions['gather'];
  /** Everything the call said so far. */
  readonly said: string[] = [];
  lastReply?: WebhookReply;

  constructor(
    private readonly emulator: CarrierEmulator,
    readonly order: CallOrder,
  ) {}

  get sid(): string {
    return this.order.sid;
  }

  /** A status callback, as Twilio posts it. */
  async status(callStatus: string): Promise<WebhookReply> {
    if (['completed', 'busy', 'no-answer', 'failed', 'canceled'].includes(callStatus)) {
      this.ended = true;
      this.gather = undefined;
    }
    return this.post(this.order.statusCallback, this.params(callStatus));
  }

  async ring(): Promise<void> {
    await this.status('initiated');
    await this.status('ringing');
  }

  /** Picks up: the `answered` callback, then the answer URL's TwiML. */
  async answer(): Promise<WebhookReply> {
    this.answered = true;
    await this.status('in-progress');
    return this.follow(this.order.url, {});
  }

  /** Presses one key at the current Gather. */
  press(key: string): Promise<WebhookReply> {
    const gather = this.requireGather();
    return this.follow(gather.action, { Digits: key });
  }

  /** Types several keys, one Gather each, as a person would. */
  async type(keys: string): Promise<WebhookReply> {
    let last: WebhookReply | undefined;
    for (const key of keys) last = await this.press(key);
    return last!;
  }

  /** Lets the Gather time out: Twilio posts an empty Digits (actionOnEmptyResult). */
  silence(): Promise<WebhookReply> {
    return this.follow(this.requireGather().action, { Digits: '' });
  }

  hangUp(): Promise<WebhookReply> {
    return this.status('completed');
  }

  /** The webhook fields Twilio sends for this call. */
  params(callStatus = 'in-progress', extra: Record<string, string> = {}): Record<string, string> {
    return {
      AccountSid: this.order.accountSid,
      ApiVersion: '2010-04-01',
      CallSid: this.order.sid,
      CallStatus: callStatus,
      Direction: 'outbound-api',
      From: this.order.from,
      To: this.order.to,
      ...extra,
    };
  }

  /**
   * Posts a form to Callgate. `signature` overrides the real one: a string is sent as is,
   * null sends none (for forgery tests).
   */
  async post(
    url: string,
    params: Record<string, string>,
    signature?: string | null,
  ): Promise<WebhookReply> {
    const headers: Record<string, string> = { 'content-type': 'application/x-www-form-urlencoded' };
    const value = signature === undefined ? this.emulator.sign(url, params) : signature;
    if (value !== null) headers['x-twilio-signature'] = value;
    const response = await fetch(url, {
      method: 'POST',
      headers,
      body: new URLSearchParams(params),
    });
    const body = await response.text();
    const isTwiml = (response.headers.get('content-type') ?? '').includes('xml');
    return { status: response.status, body, twiml: isTwiml ? readTwiml(body) : undefined };
  }

  private async follow(url: string, extra: Record<string, string>): Promise<WebhookReply> {
    const result = await this.post(url, this.params('in-progress', extra));
    this.lastReply = result;
    if (result.twiml) {
      this.said.push(...result.twiml.says);
      this.gather = result.twiml.hangup ? undefined : result.twiml.gather;
      if (result.twiml.hangup) this.ended = true;
    }
    return result;
  }

  private requireGather(): NonNullable<TwimlInstructions['gather']> {
    if (!this.gather) throw new Error('the call is not waiting for a key');
    return this.gather;
  }
}

function callResource(order: CallOrder, status: string) {
  return {
    sid: order.sid,
    account_sid: order.accountSid,
    to: order.to,
    from: order.from,
    status,
    direction: 'outbound-api',
    api_version: '2010-04-01',
    date_created: new Date().toUTCString(),
    uri: `/2010-04-01/Accounts/${order.accountSid}/Calls/${order.sid}.json`,
  };
}

function reply(response: ServerResponse, status: number, body: unknown): void {
  response.writeHead(status, { 'content-type': 'application/json' });
  response.end(JSON.stringify(body));
}

function readBody(request: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    let body = '';
    request.setEncoding('utf8');
    request.on('data', (chunk: string) => (body += chunk));
    request.on('end', () => resolve(body));
    request.on('error', reject);
  });
}
