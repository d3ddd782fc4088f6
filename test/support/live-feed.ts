import { io, type Socket } from 'socket.io-client';
import type { BrowserSession } from './browser-session.js';
import { eventually } from './wait.js';

export interface FeedEvent {
  name: string;
  payload: any;
}

/** A browser page's socket on `/verification`, recording everything it hears. */
export class LiveFeed {
  readonly events: FeedEvent[] = [];

  /** Each time the socket closed, and why (socket.io's reason). */
  readonly disconnects: string[] = [];

  private constructor(private readonly socket: Socket) {
    socket.onAny((name: string, payload: unknown) => this.events.push({ name, payload }));
    socket.on('disconnect', (reason) => this.disconnects.push(reason));
  }

  /**
   * Connects with the session's cookie; rejects with the server's refusal. With `reconnect`,
   * it reconnects by itself after a transport close, as a browser's socket.io client does.
   */
  static connect(
    session: BrowserSession,
    options: { origin?: string; reconnect?: boolean } = {},
  ): Promise<LiveFeed> {
    const headers: Record<string, string> = { ...session.headers };
    if (session.cookieHeader) headers.cookie = session.cookieHeader;
    const origin = options.origin ?? session.origin;
    if (origin) headers.origin = origin;
    const socket = io(`${session.baseUrl}/verification`, {
      transports: ['websocket'],
      extraHeaders: headers,
      reconnection: options.reconnect ?? false,
      reconnectionDelay: 100,
      reconnectionDelayMax: 500,
      forceNew: true,
    });
    const feed = new LiveFeed(socket);
    return new Promise((resolve, reject) => {
      socket.once('connect', () => resolve(feed));
      socket.once('connect_error', (error) => {
        socket.close();
        reject(error);
      });
    });
  }

  /** Sends an event to the server (the gateway listens to none: for attack tests). */
  emit(name: string, ...payload: unknown[]): void {
    this.socket.emit(name, ...payload);
  }

  get connected(): boolean {
    return this.socket.connected;
  }

  names(): string[] {
    return this.events.map((event) => event.name);
  }

  /** The first event with this name (and matching payload) heard so far or soon. */
  async waitFor(name: string, matches: (payload: any) => boolean = () => true, timeoutMs = 5000) {
    const event = await eventually(
      () => this.events.find((candidate) => candidate.name === name && matches(candidate.payload)),
      { timeoutMs, what: `socket event "${name}"` },
    );
    return event.payload;
  }

  close(): void {
    this.socket.close();
  }
}
