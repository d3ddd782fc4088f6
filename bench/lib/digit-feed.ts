import { performance } from 'node:perf_hooks';
import { io, type Socket } from 'socket.io-client';

export interface HeardDigit {
  position: number;
  correct: boolean;
  /** performance.now() when the socket delivered it. */
  at: number;
}

/** A browser's socket on `/verification`, timing each `digit` event as it arrives. */
export class DigitFeed {
  private readonly heard = new Map<number, HeardDigit>();
  private readonly waiting = new Map<number, (digit: HeardDigit) => void>();

  private constructor(private readonly socket: Socket) {
    socket.on('digit', (payload: { position: number; correct: boolean }) => {
      const digit = { position: payload.position, correct: payload.correct, at: performance.now() };
      const waiter = this.waiting.get(digit.position);
      if (waiter) {
        this.waiting.delete(digit.position);
        waiter(digit);
      } else this.heard.set(digit.position, digit);
    });
  }

  static connect(
    url: string,
    options: { headers?: Record<string, string>; auth?: Record<string, string> },
  ): Promise<DigitFeed> {
    const socket = io(`${url}/verification`, {
      transports: ['websocket'],
      extraHeaders: options.headers,
      auth: options.auth,
      reconnection: false,
      forceNew: true,
    });
    return new Promise((resolve, reject) => {
      socket.once('connect', () => resolve(new DigitFeed(socket)));
      socket.once('connect_error', (error) => {
        socket.close();
        reject(error);
      });
    });
  }

  /** The `digit` event for `position`, or undefined after `timeoutMs`. */
  digit(position: number, timeoutMs = 15_000): Promise<HeardDigit | undefined> {
    const early = this.heard.get(position);
    if (early) return Promise.resolve(early);
    return new Promise((resolve) => {
      const timer = setTimeout(() => {
        this.waiting.delete(position);
        resolve(undefined);
      }, timeoutMs);
      this.waiting.set(position, (digit) => {
        clearTimeout(timer);
        resolve(digit);
      });
    });
  }

  close(): void {
    this.socket.close();
  }
}
