import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { PendingMemory, SignInBurst } from './burst.js';
import { latencyChart } from './chart.js';
import type { DigitRun } from './load.js';

export interface BenchResults {
  date: string;
  command: string;
  machine: {
    cpus: number;
    cpuModel: string;
    memoryGiB: number;
    node: string;
    loadAverageBefore: number[];
    loadAverageAfter: number[];
    cpuPressureAfter: string;
  };
  settings: {
    codeLength: number;
    pendingChallenges: number;
    signInBurst: number;
    typistsDuringBurst: number;
  };
  levels: { concurrency: number; callgate: DigitRun; baseline: DigitRun }[];
  burst: { callgate: SignInBurst; baseline: SignInBurst };
  memory: { callgate: PendingMemory; baseline: PendingMemory };
  targets?: Target[];
  durationSeconds: number;
}

interface Target {
  name: string;
  met: boolean;
  detail: string;
}

const file = (path: string) => fileURLToPath(new URL(`../../${path}`, import.meta.url));
const JSON_FILE = 'bench/results/latest.json';
const CHART_FILE = 'bench/results/latency.svg';
const DOC_FILE = 'docs/BENCHMARKS.md';
const START = '<!-- bench:start (written by npm run bench) -->';
const END = '<!-- bench:end -->';

/**
 * Prints the table; writes latest.json, the chart and the doc. With `label` (a comparison
 * run, say of an older build) only bench/results/<label>.json is written.
 */
export function writeReports(results: BenchResults, label?: string): void {
  results.targets = targets(results);
  const json = `${JSON.stringify(results, null, 2)}\n`;
  if (label) {
    console.log(`\n${tableOf(results)}\n`);
    writeFileSync(file(`bench/results/${label}.json`), json);
    return;
  }
  writeFileSync(file(JSON_FILE), json);
  writeFileSync(file(CHART_FILE), latencyChart(results.levels));
  const table = tableOf(results);
  console.log(`\n${table}\n`);
  updateDoc(results, table);
  console.log(`written: ${JSON_FILE}, ${CHART_FILE}, ${DOC_FILE}`);
}

function targets(results: BenchResults): Target[] {
  const at = (c: number) => results.levels.find((level) => level.concurrency === c);
  const list: Target[] = [];
  const c200 = at(200);
  if (c200) {
    const ratio = c200.callgate.latency.p99 / c200.baseline.latency.p99;
    list.push({
      name: 'digit feedback p99 at C=200 ≤ 1.5 × baseline',
      met: ratio <= 1.5,
      detail: `${c200.callgate.latency.p99} vs ${c200.baseline.latency.p99} ms (${ratio.toFixed(2)}×)`,
    });
    const share = c200.callgate.webhooksPerSecond / c200.baseline.webhooksPerSecond;
    list.push({
      name: 'throughput at C=200 ≥ 60 % of baseline',
      met: share >= 0.6,
      detail: `${c200.callgate.webhooksPerSecond} vs ${c200.baseline.webhooksPerSecond}/s (${Math.round(share * 100)} %)`,
    });
  }
  const c1000 = at(1000);
  if (c1000) {
    list.push({
      name: '0 errors at C=1000',
      met: c1000.callgate.errors === 0,
      detail: `${c1000.callgate.errors} errors${c1000.callgate.firstError ? ` (${c1000.callgate.firstError})` : ''}`,
    });
  }
  const memory = results.memory.callgate;
  list.push({
    name: '≤ 4 KB per pending challenge',
    met: memory.bytesPerChallenge <= 4096,
    detail: `${memory.bytesPerChallenge} B (RSS delta over ${memory.challenges})`,
  });
  const burst = results.burst.callgate;
  list.push({
    name: `sign-in p99 at ${burst.concurrency} concurrent < 250 ms`,
    met: burst.signIn.p99 < 250,
    detail: `${burst.signIn.p99} ms`,
  });
  list.push({
    name: 'event-loop delay p99 < 20 ms during the burst',
    met: burst.loopDelayP99Ms < 20,
    detail: `${burst.loopDelayP99Ms} ms`,
  });
  return list;
}

function tableOf(results: BenchResults): string {
  const rows: string[][] = [['figure', 'Callgate', 'baseline', 'ratio']];
  const add = (name: string, ours: number, theirs: number, unit = '') =>
    rows.push([name, `${ours}${unit}`, `${theirs}${unit}`, ratio(ours, theirs)]);
  for (const { concurrency: c, callgate, baseline } of results.levels) {
    for (const key of ['p50', 'p95', 'p99', 'max'] as const) {
      add(`C=${c} digit latency ${key}`, callgate.latency[key], baseline.latency[key], ' ms');
    }
    add(`C=${c} webhooks/s`, callgate.webhooksPerSecond, baseline.webhooksPerSecond);
    if (callgate.cpuMicrosPerWebhook !== undefined && baseline.cpuMicrosPerWebhook !== undefined) {
      add(
        `C=${c} server CPU per webhook`,
        callgate.cpuMicrosPerWebhook,
        baseline.cpuMicrosPerWebhook,
        ' µs',
      );
    }
    add(`C=${c} errors`, callgate.errors, baseline.errors);
  }
  const { callgate: mg, baseline: mb } = results.memory;
  const n = mg.challenges;
  add(
    `bytes per pending challenge (RSS growth ÷ ${n})`,
    mg.bytesPerChallenge,
    mb.bytesPerChallenge,
  );
  add(`heap growth ÷ ${n} pending challenges`, mg.heapBytesPerChallenge, mb.heapBytesPerChallenge);
  add(`RSS before the ${n}, MiB`, mib(mg.rssBefore), mib(mb.rssBefore));
  add(`RSS with the ${n}, MiB`, mib(mg.rssAfter), mib(mb.rssAfter));
  add(`RSS with the ${n} ÷ ${n}`, Math.round(mg.rssAfter / n), Math.round(mb.rssAfter / n));
  const { callgate: bg, baseline: bb } = results.burst;
  add(`sign-in p50 (${bg.concurrency} at once)`, bg.signIn.p50, bb.signIn.p50, ' ms');
  add(`sign-in p99 (${bg.concurrency} at once)`, bg.signIn.p99, bb.signIn.p99, ' ms');
  add('event-loop delay p99 in burst', bg.loopDelayP99Ms, bb.loopDelayP99Ms, ' ms');
  add('event-loop delay max in burst', bg.loopDelayMaxMs, bb.loopDelayMaxMs, ' ms');
  add('digit latency p99 in burst', bg.webhooks.p99, bb.webhooks.p99, ' ms');
  add('digit errors in burst', bg.webhookErrors, bb.webhookErrors);
  const widths = rows[0].map((_, column) => Math.max(...rows.map((row) => row[column].length)));
  const line = (row: string[]) =>
    `| ${row.map((cell, column) => (column === 0 ? cell.padEnd(widths[column]) : cell.padStart(widths[column]))).join(' | ')} |`;
  // Prettier's own table layout, so the generated doc passes `prettier --check`.
  const separator = `| ${widths.map((width, column) => (column === 0 ? `:${'-'.repeat(width - 1)}` : `${'-'.repeat(width - 1)}:`)).join(' | ')} |`;
  const targetLines = (results.targets ?? []).map(
    (target) => `- ${target.met ? 'met' : 'MISSED'}: ${target.name}: ${target.detail}`,
  );
  return [line(rows[0]), separator, ...rows.slice(1).map(line), '', ...targetLines].join('\n');
}

function updateDoc(results: BenchResults, table: string): void {
  const { machine } = results;
  const block = [
    START,
    '',
    `Last run: ${results.date}, \`${results.command}\`, ${results.durationSeconds} s.`,
    `Machine: ${machine.cpus} × ${machine.cpuModel}, ${machine.memoryGiB} GiB, Node ${machine.node};`,
    `load average ${machine.loadAverageBefore.join(' / ')} before the run, ${machine.loadAverageAfter.join(' / ')} after;`,
    `CPU pressure after: \`${machine.cpuPressureAfter}\`.`,
    '',
    table,
    '',
    '![Digit feedback latency against concurrency](../bench/results/latency.svg)',
    '',
    END,
  ].join('\n');
  const path = file(DOC_FILE);
  const current = existsSync(path)
    ? readFileSync(path, 'utf8')
    : `# Benchmarks\n\n${START}\n${END}\n`;
  const start = current.indexOf(START);
  const end = current.indexOf(END);
  const next =
    start >= 0 && end > start
      ? current.slice(0, start) + block + current.slice(end + END.length)
      : `${current.trimEnd()}\n\n${block}\n`;
  writeFileSync(path, next);
}

function ratio(ours: number, theirs: number): string {
  if (!theirs) return ours ? '—' : '1.00×';
  return `${(ours / theirs).toFixed(2)}×`;
}

const mib = (bytes: number) => Math.round((bytes / 2 ** 20) * 10) / 10;
