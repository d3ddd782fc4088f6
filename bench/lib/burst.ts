import { performance } from 'node:perf_hooks';
import { prepareTargets, typeCodes } from './load.js';
import type { ServerProcess } from './server-process.js';
import { type LatencySummary, summarize } from './stats.js';
import type { System } from './target.js';

export interface SignInBurst {
  concurrency: number;
  signIn: LatencySummary;
  /** The server's event-loop delay while the burst hashed. */
  loopDelayP99Ms: number;
  loopDelayMaxMs: number;
  /** Digit webhooks that kept arriving during the burst. */
  webhooks: LatencySummary;
  webhookErrors: number;
}

/**
 * `concurrency` sign-ins at once (argon2id each) while other callers keep typing digits:
 * how long a sign-in takes, and whether the event loop keeps serving the webhooks.
 */
export async function signInBurst(
  system: System,
  server: ServerProcess,
  options: { concurrency: number; firstIndex: number; typists: number; typistIndex: number },
): Promise<SignInBurst> {
  const typists = await prepareTargets(system, options.typists, options.typistIndex);
  await server.probe('reset-delay');
  // Callers press a key every 60 ms or so, through and past the burst.
  const typing = typeCodes(typists, { pauseMs: 60 });
  await new Promise((resolve) => setTimeout(resolve, 30));
  const latencies = await Promise.all(
    Array.from({ length: options.concurrency }, async (_, index) => {
      const started = performance.now();
      await system.signIn(options.firstIndex + index);
      return performance.now() - started;
    }),
  );
  const loop = await server.probe('read');
  const typed = await typing;
  for (const typist of typists) typist.close();
  return {
    concurrency: options.concurrency,
    signIn: summarize(latencies),
    loopDelayP99Ms: round(loop.delayP99Ms),
    loopDelayMaxMs: round(loop.delayMaxMs),
    webhooks: typed.latency,
    webhookErrors: typed.errors,
  };
}

export interface PendingMemory {
  challenges: number;
  rssBefore: number;
  rssAfter: number;
  bytesPerChallenge: number;
  heapBytesPerChallenge: number;
}

/** Resident memory (after a full GC) before and after creating `count` pending challenges. */
export async function pendingMemory(
  system: System,
  server: ServerProcess,
  count: number,
): Promise<PendingMemory> {
  const before = await server.probe('settle');
  await system.createPending(count);
  const after = await server.probe('settle');
  return {
    challenges: count,
    rssBefore: before.rss,
    rssAfter: after.rss,
    bytesPerChallenge: Math.round((after.rss - before.rss) / count),
    heapBytesPerChallenge: Math.round((after.heapUsed - before.heapUsed) / count),
  };
}

const round = (value: number) => Math.round(value * 100) / 100;
