import { type ChildProcess, spawn } from 'node:child_process';
import { openSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const PROBE = fileURLToPath(new URL('./probe.mjs', import.meta.url));

export interface ProbeReading {
  rss: number;
  heapUsed: number;
  delayP99Ms: number;
  delayMaxMs: number;
  cpuMicros: number;
}

/** A server under test in its own process, with the probe preloaded and its logs in a file. */
export class ServerProcess {
  private nextId = 0;

  private constructor(
    readonly name: string,
    private readonly child: ChildProcess,
  ) {}

  static async start(options: {
    name: string;
    args: string[];
    env: Record<string, string>;
    logFile: string;
    readyUrl: string;
    nodeFlags?: string[];
  }): Promise<ServerProcess> {
    const log = openSync(options.logFile, 'w');
    const child = spawn(
      process.execPath,
      [...(options.nodeFlags ?? []), '--expose-gc', '--import', PROBE, ...options.args],
      {
        env: { ...process.env, ...options.env },
        stdio: ['ignore', log, log, 'ipc'],
      },
    );
    const server = new ServerProcess(options.name, child);
    const exited = new Promise<never>((_, reject) =>
      child.once('exit', (code) =>
        reject(
          new Error(`${options.name} exited (${code}) before it was ready: see ${options.logFile}`),
        ),
      ),
    );
    await Promise.race([waitForUrl(options.readyUrl), exited]);
    return server;
  }

  get pid(): number {
    return this.child.pid!;
  }

  /** Asks the probe; `settle` collects garbage first. */
  probe(kind: 'read' | 'reset-delay' | 'settle'): Promise<ProbeReading> {
    const id = ++this.nextId;
    return new Promise((resolve) => {
      const onMessage = (message: { id?: number } & ProbeReading) => {
        if (message.id !== id) return;
        this.child.off('message', onMessage);
        resolve(message);
      };
      this.child.on('message', onMessage);
      this.child.send({ probe: kind, id });
    });
  }

  async stop(): Promise<void> {
    if (this.child.exitCode !== null) return;
    const exited = new Promise((resolve) => this.child.once('exit', resolve));
    this.child.kill('SIGTERM');
    const timer = setTimeout(() => this.child.kill('SIGKILL'), 15_000);
    await exited;
    clearTimeout(timer);
  }
}

async function waitForUrl(url: string, timeoutMs = 60_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    try {
      const response = await fetch(url);
      if (response.ok) return;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) throw new Error(`${url} did not answer in time`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}
