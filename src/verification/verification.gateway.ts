import type { IncomingMessage, ServerResponse } from 'node:http';
import { Logger } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { OnEvent } from '@nestjs/event-emitter';
import {
  type OnGatewayConnection,
  type OnGatewayInit,
  WebSocketGateway,
  WebSocketServer,
} from '@nestjs/websockets';
import type { Request, Response } from 'express';
import type { SessionData } from 'express-session';
import type { Namespace, Socket } from 'socket.io';
import type { Configuration } from '../config/configuration.js';
import { type SessionEndedEvent, SessionEvent } from '../session/session-events.js';
import { SessionMiddleware } from '../session/session-middleware.js';
import { ShutdownEvent } from '../shutdown/shutdown-events.js';
import {
  type CallProgressEvent,
  ChallengeEvent,
  type ChallengeSnapshot,
  type ChallengeStartedEvent,
  type DigitEvent,
  type FailedEvent,
  type VerifiedEvent,
} from './challenge-events.js';
import { ChallengeReader } from './challenge-reader.service.js';
import { SILENT_FAILURE_REASONS } from './challenge-states.js';

/** DESIGN §6: what the server sends on `/verification`. Clients send nothing. */
export interface VerificationServerEvents {
  challenge: (snapshot: ChallengeSnapshot) => void;
  call: (payload: CallProgressEvent['payload']) => void;
  digit: (payload: DigitEvent['payload']) => void;
  verified: (payload: VerifiedEvent['payload']) => void;
  failed: (payload: FailedEvent['payload']) => void;
  /** This instance is going away: the connection closes next; connect again (elsewhere). */
  shutdown: (payload: { reconnect: true }) => void;
}

type VerificationNamespace = Namespace<Record<string, never>, VerificationServerEvents>;
type VerificationSocket = Socket<Record<string, never>, VerificationServerEvents>;
type SessionRequest = IncomingMessage & {
  session?: Partial<SessionData>;
  _query?: Record<string, string>;
};

export const roomFor = (binding: string) => `session:${binding}`;

/**
 * Live feedback. The handshake is authenticated with the session cookie (guards do not run
 * on connect); each socket joins its session's room and hears only that session's
 * challenges. With the Redis adapter, an event raised on any instance reaches the room.
 */
@WebSocketGateway({ namespace: '/verification', serveClient: false })
export class VerificationGateway implements OnGatewayInit, OnGatewayConnection {
  private readonly logger = new Logger(VerificationGateway.name);
  private readonly publicOrigin: string;

  @WebSocketServer()
  private readonly namespace!: VerificationNamespace;

  constructor(
    private readonly session: SessionMiddleware,
    private readonly reader: ChallengeReader,
    config: ConfigService<Configuration, true>,
  ) {
    this.publicOrigin = config.get('app', { infer: true }).publicOrigin;
  }

  afterInit(namespace: VerificationNamespace): void {
    // Load the session on the handshake only; later polls need not touch the store.
    namespace.server.engine.use(
      (request: SessionRequest, response: ServerResponse, next: () => void) => {
        if (request._query?.sid !== undefined) return next();
        const [httpRequest, httpResponse] = [request as Request, response as Response];
        this.session.handler(httpRequest, httpResponse, () =>
          this.session.absoluteTimeout(httpRequest, httpResponse, next),
        );
      },
    );
    namespace.use((socket, next) => {
      const refusal = this.refusalFor(socket);
      if (refusal) {
        this.logger.debug({ msg: 'socket refused', reason: refusal });
        return next(new Error(refusal));
      }
      next();
    });
  }

  async handleConnection(socket: VerificationSocket): Promise<void> {
    const binding = (socket.request as SessionRequest).session?.binding;
    if (!binding) return void socket.disconnect(true);
    await socket.join(roomFor(binding));
    const latest = await this.reader.latestForBinding(binding);
    if (latest) socket.emit('challenge', await this.reader.snapshot(latest));
  }

  @OnEvent(ChallengeEvent.Started)
  onStarted(event: ChallengeStartedEvent): void {
    this.namespace.to(roomFor(event.binding)).emit('challenge', event.challenge);
  }

  @OnEvent(ChallengeEvent.CallProgress)
  onCallProgress(event: CallProgressEvent): void {
    this.namespace.to(roomFor(event.binding)).emit('call', event.payload);
  }

  @OnEvent(ChallengeEvent.Digit)
  onDigit(event: DigitEvent): void {
    this.namespace.to(roomFor(event.binding)).emit('digit', event.payload);
  }

  @OnEvent(ChallengeEvent.Verified)
  onVerified(event: VerifiedEvent): void {
    this.namespace.to(roomFor(event.binding)).emit('verified', event.payload);
  }

  @OnEvent(ChallengeEvent.Failed)
  onFailed(event: FailedEvent): void {
    if (SILENT_FAILURE_REASONS.includes(event.payload.reason)) return;
    this.namespace.to(roomFor(event.binding)).emit('failed', event.payload);
  }

  @OnEvent(SessionEvent.Ended)
  onSessionEnded(event: SessionEndedEvent): void {
    this.namespace.in(roomFor(event.binding)).disconnectSockets(true);
  }

  /**
   * Sends this instance's sockets elsewhere at shutdown: a hint, then the transport closes
   * (not a socket.io disconnect, after which clients stay away), so socket.io clients
   * reconnect by themselves through the load balancer and the `challenge` replay resumes.
   */
  @OnEvent(ShutdownEvent.Draining)
  sendSocketsElsewhere(): void {
    const sockets = [...this.namespace.sockets.values()];
    for (const socket of sockets) {
      socket.emit('shutdown', { reconnect: true });
      socket.conn.close();
    }
    this.logger.log({ msg: 'sockets sent elsewhere', count: sockets.length });
  }

  private refusalFor(socket: Socket): string | undefined {
    const origin = socket.handshake.headers.origin;
    // Browsers always send Origin across sites; a foreign one is a cross-site socket.
    if (origin !== undefined && origin !== this.publicOrigin) return 'forbidden origin';
    const session = (socket.request as SessionRequest).session;
    const signedIn = Boolean(session?.pending || session?.passport?.user);
    if (!session?.binding || !signedIn) return 'unauthorized';
    return undefined;
  }
}
