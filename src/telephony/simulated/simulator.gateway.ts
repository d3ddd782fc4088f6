import { Logger, type OnModuleDestroy } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import {
  ConnectedSocket,
  MessageBody,
  type OnGatewayInit,
  SubscribeMessage,
  WebSocketGateway,
} from '@nestjs/websockets';
import type { Namespace, Socket } from 'socket.io';
import type { Configuration } from '../../config/configuration.js';
import { SimulatedCarrier, type SimulatedCallView } from './simulated-carrier.js';

/** Server → client on `/simulator`. */
export interface SimulatorServerEvents {
  call: (call: SimulatedCallView) => void;
}

/** Client → server: watch one number (the page's phone); the ack lists its calls. */
export interface SimulatorClientEvents {
  watch: (number: string, ack: (reply: WatchReply) => void) => void;
}

export type WatchReply =
  { ok: true; number: string; calls: SimulatedCallView[] } | { ok: false; error: string };

type SimulatorNamespace = Namespace<SimulatorClientEvents, SimulatorServerEvents>;
type SimulatorSocket = Socket<SimulatorClientEvents, SimulatorServerEvents>;

const E164 = /^\+[1-9]\d{1,14}$/;
const ROOM_PREFIX = 'phone:';
const roomFor = (number: string) => `${ROOM_PREFIX}${number}`;

/**
 * Pushes the simulated carrier's call updates to the virtual phone pages watching the number
 * called, so an incoming call rings at once (no polling). Like the HTTP simulator API it
 * exists only with the simulated carrier, and like `/verification` it refuses a socket
 * opened from another site. Anyone who can reach a development server may watch a number,
 * exactly as anyone may use its simulator API.
 */
@WebSocketGateway({ namespace: '/simulator', serveClient: false })
export class SimulatorGateway implements OnGatewayInit, OnModuleDestroy {
  private readonly logger = new Logger(SimulatorGateway.name);
  private readonly publicOrigin: string;
  private readonly enabled: boolean;
  private namespace?: SimulatorNamespace;
  private readonly relay = (call: SimulatedCallView) => {
    this.namespace?.to(roomFor(call.to)).emit('call', call);
  };

  constructor(
    private readonly carrier: SimulatedCarrier,
    config: ConfigService<Configuration, true>,
  ) {
    this.publicOrigin = config.get('app', { infer: true }).publicOrigin;
    this.enabled = config.get('telephony', { infer: true }).driver === 'simulated';
  }

  afterInit(namespace: SimulatorNamespace): void {
    this.namespace = namespace;
    namespace.use((socket, next) => {
      const refusal = this.refusalFor(socket);
      if (refusal) {
        this.logger.debug({ msg: 'simulator socket refused', reason: refusal });
        return next(new Error(refusal));
      }
      next();
    });
    if (this.enabled) this.carrier.updates.on('call', this.relay);
  }

  /** Watches one number at a time: the page shows one phone. */
  @SubscribeMessage('watch')
  async watch(
    @ConnectedSocket() socket: SimulatorSocket,
    @MessageBody() number: unknown,
  ): Promise<WatchReply> {
    const wanted = typeof number === 'string' ? number.trim() : '';
    if (!E164.test(wanted)) {
      return { ok: false, error: 'Enter a number in international format, like +12025550147' };
    }
    for (const room of socket.rooms) {
      if (room.startsWith(ROOM_PREFIX)) await socket.leave(room);
    }
    await socket.join(roomFor(wanted));
    return { ok: true, number: wanted, calls: this.carrier.callsTo(wanted) };
  }

  onModuleDestroy(): void {
    this.carrier.updates.off('call', this.relay);
  }

  private refusalFor(socket: Socket): string | undefined {
    if (!this.enabled) return 'not found';
    const origin = socket.handshake.headers.origin;
    // Browsers always send Origin across sites; a foreign one is a cross-site socket.
    if (origin !== undefined && origin !== this.publicOrigin) return 'forbidden origin';
    return undefined;
  }
}
