// Preloaded (node --import) into each server the bench measures: the event-loop delay
// histogram, the resident set size and the CPU time used, read by the bench over the IPC channel, so neither
// server carries any benchmark code of its own.
import { monitorEventLoopDelay } from 'node:perf_hooks';

const delay = monitorEventLoopDelay({ resolution: 1 });
delay.enable();

const pause = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

process.on('message', async (message) => {
  if (!message || typeof message !== 'object' || !('probe' in message)) return;
  if (message.probe === 'reset-delay') delay.reset();
  // After full collections and a quiet second (V8 hands freed pages back lazily), so RSS
  // reflects what is kept rather than garbage not yet swept.
  if (message.probe === 'settle' && typeof globalThis.gc === 'function') {
    globalThis.gc();
    await pause(1000);
    globalThis.gc();
    await pause(1000);
  }
  process.send?.({
    probe: message.probe,
    id: message.id,
    rss: process.memoryUsage.rss(),
    heapUsed: process.memoryUsage().heapUsed,
    delayP99Ms: delay.percentile(99) / 1e6,
    delayMaxMs: delay.max / 1e6,
    // User + system time of every thread (libuv's pool included, where SQLite and argon2 run).
    cpuMicros: process.cpuUsage().user + process.cpuUsage().system,
  });
});
