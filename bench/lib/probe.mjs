// Preloaded (node --import) into each server the bench measures: the event-loop delay
// histogram and the resident set size, read by the bench over the IPC channel, so neither
// server carries any benchmark code of its own.
import { monitorEventLoopDelay } from 'node:perf_hooks';

const delay = monitorEventLoopDelay({ resolution: 1 });
delay.enable();

process.on('message', (message) => {
  if (!message || typeof message !== 'object' || !('probe' in message)) return;
  if (message.probe === 'reset-delay') delay.reset();
  // After a full collection, so RSS reflects what is kept rather than garbage not yet swept.
  if (message.probe === 'settle' && typeof globalThis.gc === 'function') globalThis.gc();
  process.send?.({
    probe: message.probe,
    id: message.id,
    rss: process.memoryUsage.rss(),
    heapUsed: process.memoryUsage().heapUsed,
    delayP99Ms: delay.percentile(99) / 1e6,
    delayMaxMs: delay.max / 1e6,
  });
});
