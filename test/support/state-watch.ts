import { DataSource } from 'typeorm';
import type { CarrierEmulator } from './carrier-emulator.js';
import type { LiveFeed } from './live-feed.js';
import type { TestApp } from './test-app.js';
import { sleep } from './wait.js';

/** The marker the security summary counts state changes by (test/security/summary-reporter.js). */
export const STATE_CHANGED = 'STATE CHANGED';

/** Audit actions that only record a refusal: the trail of an attack, not its effect. */
const REFUSAL_ACTIONS = new Set(['sign-in.failed', 'sign-in.refused']);

type Row = Record<string, unknown>;

interface Snapshot {
  tables: Record<string, Row[]>;
  auditIds: Set<string>;
  audit: Row[];
  callsPlaced: number;
  carrierRequests: number;
  heard: number[];
}

export interface WatchOptions {
  /** Sockets whose events count as state: each must hear nothing new. */
  feeds?: LiveFeed[];
  /**
   * The attack is a guessing attack, so the lockout's own counters (`failed_attempts`,
   * `locked_until`) and its `account.locked` audit event are the defence at work, not a
   * change the attacker made. Everything else must still hold still.
   */
  lockoutMayCount?: boolean;
}

/**
 * Everything an attack could change, taken before it and compared after: the rows of
 * every table (sessions by id hash and contents; their sliding expiry is left out), the
 * calls and hang-ups the carrier was asked for, and the events each watched socket heard.
 */
export class StateWatch {
  private constructor(
    private readonly app: TestApp,
    private readonly carrier: CarrierEmulator,
    private readonly options: WatchOptions,
    private readonly before: Snapshot,
  ) {}

  static async start(
    app: TestApp,
    carrier: CarrierEmulator,
    options: WatchOptions = {},
  ): Promise<StateWatch> {
    // Let whatever the setup set off (audit writes, socket events) land first.
    await sleep(100);
    return new StateWatch(app, carrier, options, await capture(app, carrier, options));
  }

  /** Throws `STATE CHANGED: …` naming every difference. */
  async assertUnchanged(): Promise<void> {
    await sleep(150);
    const after = await capture(this.app, this.carrier, this.options);
    const changes = differences(this.before, after, this.options);
    if (changes.length > 0) throw new Error(`${STATE_CHANGED}: ${changes.join('; ')}`);
  }
}

async function capture(
  app: TestApp,
  carrier: CarrierEmulator,
  options: WatchOptions,
): Promise<Snapshot> {
  const database = app.get(DataSource);
  const rows = (sql: string) => database.query<Row[]>(sql);
  const audit = await rows('SELECT id, action, subject FROM audit_event ORDER BY id');
  return {
    tables: {
      user: (await rows('SELECT * FROM "user" ORDER BY id')).map((user) =>
        options.lockoutMayCount ? omit(user, ['failed_attempts', 'locked_until']) : user,
      ),
      phone_number: await rows('SELECT * FROM phone_number ORDER BY id'),
      challenge: await rows('SELECT * FROM challenge ORDER BY id'),
      session: await rows('SELECT id_hash, data FROM session ORDER BY id_hash'),
    },
    auditIds: new Set(audit.map((event) => String(event.id))),
    audit,
    callsPlaced: carrier.calls.length,
    carrierRequests: carrier.restRequests.length,
    heard: (options.feeds ?? []).map((feed) => feed.events.length),
  };
}

function differences(before: Snapshot, after: Snapshot, options: WatchOptions): string[] {
  const changes: string[] = [];
  for (const [table, rows] of Object.entries(before.tables)) {
    const now = after.tables[table];
    const was = new Map(rows.map((row) => [key(row), JSON.stringify(row)]));
    const is = new Map(now.map((row) => [key(row), JSON.stringify(row)]));
    for (const [id, row] of is) {
      if (!was.has(id)) changes.push(`${table} row added: ${row}`);
      else if (was.get(id) !== row) changes.push(`${table} row changed: ${was.get(id)} → ${row}`);
    }
    for (const id of was.keys()) if (!is.has(id)) changes.push(`${table} row removed: ${id}`);
  }
  const allowed = new Set(REFUSAL_ACTIONS);
  if (options.lockoutMayCount) allowed.add('account.locked');
  for (const event of after.audit) {
    if (!before.auditIds.has(String(event.id)) && !allowed.has(String(event.action))) {
      changes.push(`audit event ${String(event.action)} written`);
    }
  }
  if (after.audit.length < before.audit.length) changes.push('audit events removed');
  if (after.callsPlaced !== before.callsPlaced) {
    changes.push(`${after.callsPlaced - before.callsPlaced} call(s) placed`);
  }
  if (after.carrierRequests !== before.carrierRequests) {
    changes.push(`${after.carrierRequests - before.carrierRequests} carrier request(s) made`);
  }
  after.heard.forEach((count, index) => {
    if (count !== before.heard[index])
      changes.push(`socket ${index} heard ${count - before.heard[index]} event(s)`);
  });
  return changes;
}

function key(row: Row): string {
  return String(row.id ?? row.id_hash);
}

function omit(row: Row, columns: string[]): Row {
  return Object.fromEntries(Object.entries(row).filter(([column]) => !columns.includes(column)));
}
