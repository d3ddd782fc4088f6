import { randomBytes } from 'node:crypto';
import { EventEmitter } from 'node:events';
import { Injectable, Logger, type OnModuleDestroy } from '@nestjs/common';
import type { CallRequest } from '../telephony-provider.js';
import { type WebhookParams, WebhookSignature } from '../webhook-signature.js';
import { readTwiml, type TwimlInstructions } from './twiml-reader.js';

export type SimulatedCallState = 'ringing' | 'in-progress' | 'ended';
/** How a call ended, as Twilio reports it in `CallStatus`. */
export type SimulatedCallOutcome = 'completed' | 'busy' | 'no-answer' | 'failed' | 'canceled';

/** What the virtual phone shows. */
export interface SimulatedCallView {
  sid: string;
  to: string;
  from: string;
  state: SimulatedCallState;
  outcome?: SimulatedCallOutcome;
  /** Everything the call has said, oldest first. */
  transcript: string[];
  awaitingKey: boolean;
  startedAt: string;
}

interface SimulatedCall extends SimulatedCallView {
  answerUrl: string;
  statusCallbackUrl: string;
  gather?: NonNullable<TwimlInstructions['gather']>;
  /** Webhooks of one call go out one at a time, in order, as Twilio's do. */
  queue: Promise<void>;
  timer?: NodeJS.Timeout;
}

/** Keys a phone keypad has. */
export const KEYPAD_KEYS = ['1', '2', '3', '4', '5', '6', '7', '8', '9', '0', '*', '#'] as const;

const KEEP_ENDED_CALLS_MS = 10 * 60 * 1000;
const MAX_CALLS_KEPT = 500;
/** Roughly how long a text-to-speech voice takes per word, to start the Gather timer after it. */
const SECONDS_PER_WORD = 0.4;

/**
 * An in-process phone network for development and demos. It rings a virtual phone and, as
 * the person on it answers and presses keys, sends Callgate exactly the signed webhooks
 * Twilio would, over real HTTP, so the production code path runs end to end offline.
 * State lives in this process: it is a development tool (refused in production).
 */
@Injectable()
export class SimulatedCarrier implements OnModuleDestroy {
  /** Emits `call` with a SimulatedCallView whenever a call changes. */
  readonly updates = new EventEmitter();
  private readonly logger = new Logger(SimulatedCarrier.name);
  private readonly calls = new Map<string, SimulatedCall>();
  private readonly accountSid = `AC${randomBytes(16).toString('hex')}`;

  constructor(private readonly signature: WebhookSignature) {
    this.updates.setMaxListeners(0);
  }

  dial(request: CallRequest, from: string): string {
    const sid = `CA${randomBytes(16).toString('hex')}`;
    const call: SimulatedCall = {
      sid,
      to: request.to,
      from,
      state: 'ringing',
      transcript: [],
      awaitingKey: false,
      startedAt: new Date().toISOString(),
      answerUrl: request.answerUrl,
      statusCallbackUrl: request.statusCallbackUrl,
      queue: Promise.resolve(),
    };
    this.remember(call);
    this.enqueue(call, async () => {
      await this.postStatus(call, 'queued');
      await this.postStatus(call, 'ringing');
    });
    this.startTimer(call, request.ringTimeoutSeconds, () => this.finish(call, 'no-answer'));
    this.publish(call);
    return sid;
  }

  answer(sid: string): boolean {
    const call = this.calls.get(sid);
    if (call?.state !== 'ringing') return false;
    this.stopTimer(call);
    call.state = 'in-progress';
    this.publish(call);
    this.enqueue(call, async () => {
      await this.postStatus(call, 'in-progress');
      await this.follow(call, call.answerUrl, {});
    });
    return true;
  }

  /** Keys typed while a webhook is in flight wait their turn, as on a real line. */
  press(sid: string, key: string): boolean {
    const call = this.calls.get(sid);
    if (call?.state !== 'in-progress' || !(KEYPAD_KEYS as readonly string[]).includes(key)) {
      return false;
    }
    this.enqueue(call, async () => {
      const gather = call.gather;
      if (!gather || call.state !== 'in-progress') return;
      this.stopTimer(call);
      call.gather = undefined;
      call.awaitingKey = false;
      await this.follow(call, gather.action, { Digits: key });
    });
    return true;
  }

  /** The person on the phone rejects a ringing call: the network reports `busy`. */
  decline(sid: string): boolean {
    const call = this.calls.get(sid);
    if (call?.state !== 'ringing') return false;
    this.finish(call, 'busy');
    return true;
  }

  /** Either end hangs up. */
  hangUp(sid: string): boolean {
    const call = this.calls.get(sid);
    if (!call || call.state === 'ended') return false;
    this.finish(call, call.state === 'ringing' ? 'canceled' : 'completed');
    return true;
  }

  find(sid: string): SimulatedCallView | undefined {
    const call = this.calls.get(sid);
    return call && view(call);
  }

  /** Calls to one number, newest first. */
  callsTo(number: string): SimulatedCallView[] {
    return [...this.calls.values()]
      .filter((call) => call.to === number)
      .reverse()
      .map(view);
  }

  /** Numbers called lately, newest first, each once, with when it was last called. */
  recentNumbers(): { number: string; lastCalledAt: string }[] {
    const seen = new Map<string, string>();
    for (const call of [...this.calls.values()].reverse()) {
      if (!seen.has(call.to)) seen.set(call.to, call.startedAt);
    }
    return [...seen].map(([number, lastCalledAt]) => ({ number, lastCalledAt }));
  }

  onModuleDestroy(): void {
    for (const call of this.calls.values()) this.stopTimer(call);
    this.calls.clear();
  }

  private async follow(call: SimulatedCall, url: string, extra: WebhookParams): Promise<void> {
    const twiml = await this.post(call, url, { ...this.callParams(call, 'in-progress'), ...extra });
    if (twiml === undefined) {
      call.transcript.push('An application error has occurred. Goodbye.');
      this.finish(call, 'completed');
      return;
    }
    const instructions = readTwiml(twiml);
    call.transcript.push(...instructions.says);
    if (instructions.gather && !instructions.hangup) {
      call.gather = instructions.gather;
      call.awaitingKey = true;
      const speaking = instructions.says.join(' ').split(/\s+/).length * SECONDS_PER_WORD;
      this.startTimer(call, instructions.gather.timeoutSeconds + speaking, () =>
        this.enqueue(call, () => this.silence(call)),
      );
      this.publish(call);
      return;
    }
    this.finish(call, 'completed');
  }

  /** The Gather timed out: Twilio posts an empty `Digits` when told to, else moves on. */
  private async silence(call: SimulatedCall): Promise<void> {
    const gather = call.gather;
    if (!gather || call.state !== 'in-progress') return;
    call.gather = undefined;
    call.awaitingKey = false;
    if (gather.actionOnEmptyResult) {
      await this.follow(call, gather.action, { Digits: '' });
    } else {
      this.finish(call, 'completed');
    }
  }

  private finish(call: SimulatedCall, outcome: SimulatedCallOutcome): void {
    if (call.state === 'ended') return;
    this.stopTimer(call);
    call.state = 'ended';
    call.outcome = outcome;
    call.gather = undefined;
    call.awaitingKey = false;
    this.publish(call);
    this.enqueue(call, () => this.postStatus(call, outcome));
    setTimeout(() => this.calls.delete(call.sid), KEEP_ENDED_CALLS_MS).unref();
  }

  private async postStatus(call: SimulatedCall, callStatus: string): Promise<void> {
    await this.post(call, call.statusCallbackUrl, this.callParams(call, callStatus));
  }

  private callParams(call: SimulatedCall, callStatus: string): WebhookParams {
    return {
      AccountSid: this.accountSid,
      ApiVersion: '2010-04-01',
      CallSid: call.sid,
      CallStatus: callStatus,
      Direction: 'outbound-api',
      From: call.from,
      To: call.to,
    };
  }

  /** Posts a signed form, as Twilio does; undefined when the application did not answer 200. */
  private async post(
    call: SimulatedCall,
    url: string,
    params: WebhookParams,
  ): Promise<string | undefined> {
    try {
      const response = await fetch(url, {
        method: 'POST',
        headers: {
          'content-type': 'application/x-www-form-urlencoded',
          'x-twilio-signature': this.signature.sign(url, params),
        },
        body: new URLSearchParams(params),
      });
      const body = await response.text();
      if (response.ok) return body;
      this.logger.warn({
        msg: 'webhook answered with an error',
        callSid: call.sid,
        status: response.status,
      });
    } catch (error) {
      const reason = error instanceof Error ? error.message : String(error);
      this.logger.warn({ msg: 'webhook unreachable', callSid: call.sid, reason });
    }
    return undefined;
  }

  private enqueue(call: SimulatedCall, step: () => Promise<void>): void {
    call.queue = call.queue.then(step).catch((error: unknown) => {
      this.logger.error({
        msg: 'simulated call step failed',
        callSid: call.sid,
        error: String(error),
      });
    });
  }

  private startTimer(call: SimulatedCall, seconds: number, onTimeout: () => void): void {
    this.stopTimer(call);
    call.timer = setTimeout(onTimeout, seconds * 1000);
    call.timer.unref();
  }

  private stopTimer(call: SimulatedCall): void {
    if (call.timer) clearTimeout(call.timer);
    call.timer = undefined;
  }

  private remember(call: SimulatedCall): void {
    this.calls.set(call.sid, call);
    if (this.calls.size > MAX_CALLS_KEPT) {
      const oldest = this.calls.keys().next().value;
      if (oldest) this.calls.delete(oldest);
    }
  }

  private publish(call: SimulatedCall): void {
    this.updates.emit('call', view(call));
  }
}

function view(call: SimulatedCall): SimulatedCallView {
  return {
    sid: call.sid,
    to: call.to,
    from: call.from,
    state: call.state,
    outcome: call.outcome,
    transcript: [...call.transcript],
    awaitingKey: call.awaitingKey,
    startedAt: call.startedAt,
  };
}
