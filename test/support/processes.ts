import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { freePort } from './free-port.js';
import { eventually } from './wait.js';

/** The repository root: `npm test` builds dist/ before running (the `pretest` script). */
export const ROOT = resolve(import.meta.dirname, '..', '..');
const MAIN = join(ROOT, 'dist', 'main.js');
const CLI = join(ROOT, 'dist', 'cli.js');

/** A minimal environment: nothing of the developer's shell leaks into a spawned process. */
export function isolatedEnv(extra: Record<string, string>): Record<string, string> {
  return { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '', ...extra };
}

export function freshDatabaseUrl(): string {
  return `sqlite:${join(mkdtempSync(join(tmpdir(), 'callgate-proc-')), 'callgate.sqlite')}`;
}

export function strongSecret(): string {
  return randomBytes(32).toString('base64url');
}

export interface CliResult {
  status: number | null;
  stdout: string;
  stderr: string;
}

export function runCli(args: string[], env: Record<string, string>): CliResult {
  const result = spawnSync(process.execPath, [CLI, ...args], {
    cwd: ROOT,
    env: isolatedEnv(env),
    encoding: 'utf8',
  });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

/** `node dist/main.js` as an operator runs it, with everything it prints kept. */
export class ServerProcess {
  private output = '';

  private constructor(
    private readonly child: ChildProcess,
    readonly baseUrl: string,
  ) {
    child.stdout?.on('data', (chunk: Buffer) => (this.output += chunk.toString()));
    child.stderr?.on('data', (chunk: Buffer) => (this.output += chunk.toString()));
  }

  static async start(env: Record<string, string>): Promise<ServerProcess> {
    const port = await freePort();
    const baseUrl = `http://127.0.0.1:${port}`;
    const child = spawn(process.execPath, [MAIN], {
      cwd: ROOT,
      env: isolatedEnv({ PORT: String(port), PUBLIC_BASE_URL: baseUrl, ...env }),
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const server = new ServerProcess(child, baseUrl);
    await eventually(
      () => server.output.includes('Callgate is running') || child.exitCode !== null,
      {
        timeoutMs: 20_000,
        what: 'the server to start',
      },
    );
    if (child.exitCode !== null) throw new Error(`server exited: ${server.output}`);
    return server;
  }

  /** Everything printed so far, stdout and stderr together. */
  get printed(): string {
    return this.output;
  }

  get port(): number {
    return Number(new URL(this.baseUrl).port);
  }

  /** Sends `signal` (SIGTERM: a graceful stop) and resolves with the exit code once it exits. */
  async stop(signal: NodeJS.Signals = 'SIGTERM'): Promise<number | null> {
    if (this.child.exitCode !== null || this.child.signalCode !== null) return this.child.exitCode;
    const exited = new Promise<number | null>((done) =>
      this.child.once('exit', (code) => done(code)),
    );
    this.child.kill(signal);
    return exited;
  }
}

/** Runs the server expecting it to refuse to start; returns its exit status and stderr. */
export function runServerExpectingExit(env: Record<string, string>): CliResult {
  const result = spawnSync(process.execPath, [MAIN], {
    cwd: ROOT,
    env: isolatedEnv(env),
    encoding: 'utf8',
    timeout: 20_000,
  });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}
