import { io, type Socket } from 'socket.io-client';
import type { SimulatedCall } from '../api/simulator.js';

interface ServerEvents {
  call: (call: SimulatedCall) => void;
}

type WatchReply =
  { ok: true; number: string; calls: SimulatedCall[] } | { ok: false; error: string };

interface ClientEvents {
  watch: (number: string, ack: (reply: WatchReply) => void) => void;
}

export interface PhoneLine {
  /** Rings this page for `number` from now on; resolves with the calls it already has. */
  watch(number: string): Promise<SimulatedCall[]>;
  close(): void;
}

/**
 * The virtual phone's line: the simulated carrier pushes every change of a call to the page
 * watching the number called (socket.io `/simulator`), so an incoming call rings at once.
 */
export function connectPhoneLine(handlers: {
  call: (call: SimulatedCall) => void;
  /** After a reconnect the server has forgotten the watch: here are the calls again. */
  resync: (calls: SimulatedCall[]) => void;
  connection: (connected: boolean) => void;
}): PhoneLine {
  const socket: Socket<ServerEvents, ClientEvents> = io('/simulator');
  let watched: string | undefined;
  let connectedBefore = false;

  const watch = async (number: string): Promise<SimulatedCall[]> => {
    watched = number;
    const reply = await socket.emitWithAck('watch', number);
    if (!reply.ok) throw new Error(reply.error);
    return reply.calls;
  };

  socket.on('call', handlers.call);
  socket.on('connect', () => {
    handlers.connection(true);
    if (connectedBefore && watched) void watch(watched).then(handlers.resync, () => undefined);
    connectedBefore = true;
  });
  socket.on('disconnect', () => handlers.connection(false));
  return { watch, close: () => socket.close() };
}
