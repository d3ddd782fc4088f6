import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import { chownSync, existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createClient } from 'redis';
import { DataSource } from 'typeorm';
import { freePort } from './free-port.js';
import { eventually } from './wait.js';

/**
 * PostgreSQL and Redis from Debian's packages, each on a free loopback port with a data
 * directory of its own, for the cluster suite. Nothing system-wide is touched.
 */
abstract class LocalService {
  protected output = '';

  protected constructor(
    protected readonly child: ChildProcess,
    protected readonly dir: string,
    readonly port: number,
  ) {
    child.stdout?.on('data', (chunk: Buffer) => (this.output += chunk.toString()));
    child.stderr?.on('data', (chunk: Buffer) => (this.output += chunk.toString()));
  }

  get exited(): boolean {
    return this.child.exitCode !== null || this.child.signalCode !== null;
  }

  async stop(): Promise<void> {
    if (!this.exited) {
      const gone = new Promise((done) => this.child.once('exit', done));
      this.child.kill('SIGINT'); // PostgreSQL's "fast" shutdown; Redis exits on it too.
      await gone;
    }
    rmSync(this.dir, { recursive: true, force: true });
  }
}

export class PostgresServer extends LocalService {
  static readonly user = 'callgate';

  /** initdb and postgres refuse to run as root: as root, they run as the `postgres` account. */
  static async start(): Promise<PostgresServer> {
    const bin = postgresBinDir();
    const dir = mkdtempSync(join(tmpdir(), 'callgate-pg-'));
    const owner = serviceAccount();
    if (owner) chownSync(dir, owner.uid, owner.gid);
    const data = join(dir, 'data');
    const init = spawnSync(
      join(bin, 'initdb'),
      ['-D', data, '-U', PostgresServer.user, '-A', 'trust', '-E', 'UTF8', '--no-sync'],
      { ...owner, encoding: 'utf8', env: { PATH: process.env.PATH ?? '', LANG: 'C' } },
    );
    if (init.status !== 0) throw new Error(`initdb failed: ${init.stderr || init.error}`);
    const port = await freePort();
    const settings = {
      listen_addresses: '127.0.0.1',
      port: String(port),
      unix_socket_directories: '',
      // Throwaway data: durability is not under test, speed is.
      fsync: 'off',
      synchronous_commit: 'off',
      full_page_writes: 'off',
      max_connections: '200',
    };
    const args = ['-D', data, ...Object.entries(settings).flatMap(([k, v]) => ['-c', `${k}=${v}`])];
    const child = spawn(join(bin, 'postgres'), args, {
      ...owner,
      stdio: ['ignore', 'pipe', 'pipe'],
      env: { PATH: process.env.PATH ?? '', LANG: 'C' },
    });
    const server = new PostgresServer(child, dir, port);
    await eventually(() => server.output.includes('ready to accept connections') || server.exited, {
      timeoutMs: 30_000,
      what: 'PostgreSQL to start',
    });
    if (server.exited) throw new Error(`postgres exited: ${server.output}`);
    return server;
  }

  /** A URL for `database` (the cluster's own `postgres` database unless named). */
  url(database = 'postgres'): string {
    return `postgres://${PostgresServer.user}@127.0.0.1:${this.port}/${database}`;
  }
}

export class RedisServer extends LocalService {
  static async start(): Promise<RedisServer> {
    const dir = mkdtempSync(join(tmpdir(), 'callgate-redis-'));
    const port = await freePort();
    const child = spawn(
      'redis-server',
      [
        ...['--bind', '127.0.0.1', '--port', String(port), '--dir', dir],
        ...['--save', '', '--appendonly', 'no', '--daemonize', 'no'],
      ],
      { stdio: ['ignore', 'pipe', 'pipe'] },
    );
    const server = new RedisServer(child, dir, port);
    await eventually(() => server.output.includes('Ready to accept connections') || server.exited, {
      timeoutMs: 15_000,
      what: 'Redis to start',
    });
    if (server.exited) throw new Error(`redis-server exited: ${server.output}`);
    return server;
  }

  get url(): string {
    return `redis://127.0.0.1:${this.port}`;
  }

  /** Runs one command with a short-lived client (test inspection only). */
  async command(...args: string[]): Promise<unknown> {
    const client = createClient({ url: this.url });
    await client.connect();
    try {
      return await client.sendCommand(args);
    } finally {
      client.destroy();
    }
  }
}

/** Creates an empty database on the server, for one test file's isolation. */
export async function createDatabase(server: PostgresServer, name: string): Promise<string> {
  const admin = new DataSource({ type: 'postgres', url: server.url() });
  await admin.initialize();
  try {
    await admin.query(`CREATE DATABASE "${name}"`);
  } finally {
    await admin.destroy();
  }
  return server.url(name);
}

/** Debian keeps PostgreSQL's server binaries off PATH, under its major version. */
function postgresBinDir(): string {
  const onPath = spawnSync('sh', ['-c', 'command -v initdb'], { encoding: 'utf8' }).stdout.trim();
  if (onPath && existsSync(join(onPath, '..', 'postgres'))) return join(onPath, '..');
  const root = '/usr/lib/postgresql';
  const versions = existsSync(root)
    ? readdirSync(root)
        .filter((name) => existsSync(join(root, name, 'bin', 'initdb')))
        .sort((a, b) => Number(b) - Number(a))
    : [];
  if (versions.length === 0) throw new Error('PostgreSQL is not installed (initdb not found)');
  return join(root, versions[0], 'bin');
}

function serviceAccount(): { uid: number; gid: number } | undefined {
  if (process.getuid?.() !== 0) return undefined;
  const id = (flag: string) =>
    Number(spawnSync('id', [flag, 'postgres'], { encoding: 'utf8' }).stdout.trim());
  const uid = id('-u');
  const gid = id('-g');
  if (!uid) throw new Error('running as root and there is no `postgres` account to run as');
  return { uid, gid };
}
