import { performance } from 'node:perf_hooks';
import { type LatencySummary, inBatches, summarize } from './stats.js';
import type { DigitTarget, System } from './target.js';

export interface DigitRun {
  concurrency: number;
  digits: number;
  latency: LatencySummary;
  webhooksPerSecond: number;
  errors: number;
  firstError?: string;
  /** The server's CPU time (all its threads) while the keys were typed, per key heard. */
  cpuMicrosPerWebhook?: number;
}

/** C sign-ins ready for their digits; setting up is not measured. */
export function prepareTargets(system: System, count: number, firstIndex: number) {
  return inBatches(Array.from({ length: count }), 16, (_, index) =>
    system.prepare(firstIndex + index),
  );
}

/**
 * Every target types its whole code, one key after the other as a caller would, each as
 * soon as the last was heard. Callers start spread over a ramp of 2 ms per caller (at
 * most a second): people do not press their first key in the same millisecond, and a
 * synchronised first key measured connection set-up and a queue that real load never
 * builds. Latency: from sending the signed post to the socket hearing `digit`.
 */
export async function typeCodes(
  targets: DigitTarget[],
  options: { pauseMs?: number } = {},
): Promise<Omit<DigitRun, 'concurrency'>> {
  const samples: number[] = [];
  let errors = 0;
  let firstError: string | undefined;
  const fail = (why: string) => {
    errors++;
    firstError ??= why;
  };
  const started = performance.now();
  await Promise.all(
    targets.map(async (target, index) => {
      await sleep((index * Math.min(1000, 2 * targets.length)) / targets.length);
      for (let position = 0; position < target.code.length; position++) {
        if (options.pauseMs) await sleep(options.pauseMs);
        const sent = performance.now();
        const heard = target.feed.digit(position);
        let status: number;
        try {
          status = await target.press(target.code[position]);
        } catch (error) {
          fail(`post failed: ${String(error)}`);
          return;
        }
        const digit = await heard;
        if (status !== 200) fail(`webhook answered ${status}`);
        else if (!digit) fail(`no digit event for position ${position}`);
        else if (!digit.correct) fail(`digit ${position} heard as wrong`);
        else {
          samples.push(digit.at - sent);
          continue;
        }
        return;
      }
    }),
  );
  const seconds = (performance.now() - started) / 1000;
  return {
    digits: samples.length,
    latency: summarize(samples),
    webhooksPerSecond: Math.round(samples.length / seconds),
    errors,
    firstError,
  };
}

/**
 * `cpuMicros` reads the server's CPU time; read just around the typing, so the sign-ins
 * that set the callers up do not count.
 */
export async function runDigitLevel(
  system: System,
  concurrency: number,
  firstIndex: number,
  cpuMicros?: () => Promise<number>,
): Promise<DigitRun> {
  const targets = await prepareTargets(system, concurrency, firstIndex);
  try {
    const before = await cpuMicros?.();
    const run = await typeCodes(targets);
    const after = await cpuMicros?.();
    const cpuMicrosPerWebhook =
      before === undefined || after === undefined || run.digits === 0
        ? undefined
        : Math.round((after - before) / run.digits);
    return { concurrency, ...run, cpuMicrosPerWebhook };
  } finally {
    for (const target of targets) target.close();
  }
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
