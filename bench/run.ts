// `npm run bench`: Callgate (built, production, SQLite file, Twilio driver against the
// carrier emulator) and a bare Express + socket.io relay, driven by the same load in one
// run. Writes bench/results/latest.json, bench/results/latency.svg and the generated part
// of docs/BENCHMARKS.md. BENCH_LEVELS and BENCH_PENDING shrink a run while developing.
import { randomBytes } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { cpus, loadavg, tmpdir, totalmem } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { CarrierEmulator } from '../test/support/carrier-emulator.js';
import { freePort } from '../test/support/free-port.js';
import { pendingMemory, signInBurst } from './lib/burst.js';
import { CallgateSystem } from './lib/callgate-system.js';
import { runDigitLevel } from './lib/load.js';
import { RelaySystem } from './lib/relay-system.js';
import { type BenchResults, writeReports } from './lib/report.js';
import { seedDatabase } from './lib/seed.js';
import { ServerProcess } from './lib/server-process.js';

const LEVELS = (process.env.BENCH_LEVELS ?? '1,50,200,1000').split(',').map(Number);
const PENDING = Number(process.env.BENCH_PENDING ?? 10_000);
const CODE_LENGTH = 6;
const WARM_UP = 20;
const BURST = 20;
const TYPISTS = 40;
const PHONES_PER_ENROLLEE = 10;

const started = performance.now();
const loadBefore = loadavg();
const work = mkdtempSync(join(tmpdir(), 'callgate-bench-'));
const carrier = await CarrierEmulator.start();
const servers: ServerProcess[] = [];
let failed = true;

try {
  const signersNeeded = WARM_UP + LEVELS.reduce((sum, level) => sum + level, 0) + TYPISTS + BURST;
  const seed = await seedDatabase(join(work, 'callgate.sqlite'), {
    signers: signersNeeded,
    enrollmentPhones: PENDING,
    phonesPerOwner: PHONES_PER_ENROLLEE,
  });
  log(`seeded ${signersNeeded} users and ${PENDING} unverified phones`);

  const callgatePort = await freePort();
  const callgateUrl = `http://127.0.0.1:${callgatePort}`;
  const callgate = await ServerProcess.start({
    name: 'callgate',
    // BENCH_CPU_PROF=1: a CPU profile of Callgate in bench/profiles/ (not committed).
    nodeFlags: process.env.BENCH_CPU_PROF ? ['--cpu-prof', '--cpu-prof-dir=bench/profiles'] : [],
    // BENCH_CALLGATE_MAIN: another build of Callgate, for before/after comparisons.
    args: [process.env.BENCH_CALLGATE_MAIN ?? 'dist/main.js'],
    env: {
      ...carrier.env(),
      NODE_ENV: 'production',
      PORT: String(callgatePort),
      PUBLIC_BASE_URL: callgateUrl,
      DATABASE_URL: `sqlite:${join(work, 'callgate.sqlite')}`,
      SESSION_SECRET: randomBytes(32).toString('base64url'),
      CODE_LENGTH: String(CODE_LENGTH),
      // Each simulated user has its own address, passed on as a load balancer would.
      TRUST_PROXY: 'true',
    },
    logFile: join(work, 'callgate.log'),
    readyUrl: `${callgateUrl}/api/health`,
  });
  servers.push(callgate);

  const relayPort = await freePort();
  const relayUrl = `http://127.0.0.1:${relayPort}`;
  const relay = await ServerProcess.start({
    name: 'baseline',
    nodeFlags: ['--import', 'tsx'],
    args: ['bench/lib/baseline-relay.ts'],
    env: {
      NODE_ENV: 'production',
      PORT: String(relayPort),
      PUBLIC_BASE_URL: relayUrl,
      TWILIO_AUTH_TOKEN: carrier.authToken,
      PASSWORD_HASH: seed.passwordHash,
    },
    logFile: join(work, 'baseline.log'),
    readyUrl: `${relayUrl}/health`,
  });
  servers.push(relay);

  const systems = {
    callgate: new CallgateSystem(callgateUrl, carrier, seed),
    baseline: new RelaySystem(relayUrl, carrier.authToken, seed.password, CODE_LENGTH),
  };
  let nextSigner = 0;
  const take = (count: number) => {
    const first = nextSigner;
    nextSigner += count;
    return first;
  };

  // Warm both up (JIT, connection pools, SQLite pages); not recorded.
  await runDigitLevel(systems.callgate, WARM_UP, take(WARM_UP));
  await runDigitLevel(systems.baseline, WARM_UP, 0);

  // Memory first, while the servers hold little else: the growth is then the challenges'.
  const memory = {
    callgate: await pendingMemory(systems.callgate, callgate, PENDING),
    baseline: await pendingMemory(systems.baseline, relay, PENDING),
  };
  log(`memory: callgate ${memory.callgate.bytesPerChallenge} B per pending challenge`);

  const cpuOf = (server: ServerProcess) => async () => (await server.probe('read')).cpuMicros;
  const levels: BenchResults['levels'] = [];
  for (const concurrency of LEVELS) {
    const first = take(concurrency);
    const callgateRun = await runDigitLevel(systems.callgate, concurrency, first, cpuOf(callgate));
    const baselineRun = await runDigitLevel(systems.baseline, concurrency, 0, cpuOf(relay));
    levels.push({ concurrency, callgate: callgateRun, baseline: baselineRun });
    log(
      `C=${concurrency}: callgate p99 ${callgateRun.latency.p99} ms, ${callgateRun.webhooksPerSecond}/s, ` +
        `${callgateRun.errors} errors; baseline p99 ${baselineRun.latency.p99} ms, ` +
        `${baselineRun.webhooksPerSecond}/s, ${baselineRun.errors} errors`,
    );
  }

  const typistIndex = take(TYPISTS);
  const burstIndex = take(BURST);
  const burst = {
    callgate: await signInBurst(systems.callgate, callgate, {
      concurrency: BURST,
      firstIndex: burstIndex,
      typists: TYPISTS,
      typistIndex,
    }),
    baseline: await signInBurst(systems.baseline, relay, {
      concurrency: BURST,
      firstIndex: 0,
      typists: TYPISTS,
      typistIndex: 0,
    }),
  };
  log(
    `sign-in burst: callgate p99 ${burst.callgate.signIn.p99} ms, loop p99 ${burst.callgate.loopDelayP99Ms} ms`,
  );

  const results: BenchResults = {
    date: new Date().toISOString(),
    command: 'npm run bench',
    machine: {
      cpus: cpus().length,
      cpuModel: cpus()[0]?.model ?? 'unknown',
      memoryGiB: Math.round(totalmem() / 2 ** 30),
      node: process.version,
      loadAverageBefore: loadBefore.map((value) => Math.round(value * 100) / 100),
      loadAverageAfter: loadavg().map((value) => Math.round(value * 100) / 100),
      cpuPressureAfter: cpuPressure(),
    },
    settings: {
      codeLength: CODE_LENGTH,
      pendingChallenges: PENDING,
      signInBurst: BURST,
      typistsDuringBurst: TYPISTS,
    },
    levels,
    burst,
    memory,
    durationSeconds: 0,
  };
  results.durationSeconds = Math.round((performance.now() - started) / 1000);
  // BENCH_LABEL=before: a comparison run, written to bench/results/before.json only.
  writeReports(results, process.env.BENCH_LABEL);
  failed = false;
} finally {
  await Promise.all(servers.map((server) => server.stop()));
  await carrier.close();
  // A failed run keeps the servers' logs and database for a look.
  if (failed || process.env.BENCH_KEEP) console.error(`logs and database kept in ${work}`);
  else rmSync(work, { recursive: true, force: true });
}

/** Linux PSI: the share of time some task waited for a CPU (other helpers share the machine). */
function cpuPressure(): string {
  try {
    return readFileSync('/proc/pressure/cpu', 'utf8').split('\n')[0];
  } catch {
    return 'unavailable';
  }
}

function log(line: string): void {
  console.log(`[bench ${Math.round((performance.now() - started) / 1000)}s] ${line}`);
}
