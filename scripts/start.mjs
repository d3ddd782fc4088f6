// `npm start`: builds whatever is missing or out of date, then runs the server in this
// process. The server applies migrations and, on an empty database with the simulated
// carrier, seeds the demo accounts.
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';

const SERVER = 'dist/main.js';
const CLIENT = 'client/dist/index.html';

function newestChange(path) {
  if (!existsSync(path)) return 0;
  const stats = statSync(path);
  if (!stats.isDirectory()) return stats.mtimeMs;
  return Math.max(0, ...readdirSync(path).map((entry) => newestChange(join(path, entry))));
}

function outOfDate(output, sources) {
  return !existsSync(output) || Math.max(...sources.map(newestChange)) > statSync(output).mtimeMs;
}

const clientSources = ['client/src', 'client/index.html', 'client/public'];
if (
  outOfDate(SERVER, ['src', 'package.json']) ||
  (existsSync('client/src') && outOfDate(CLIENT, clientSources))
) {
  console.log('Building Callgate (first start, or sources changed)…');
  const build = spawnSync('npm', ['run', 'build'], { stdio: 'inherit' });
  if (build.status !== 0) process.exit(build.status ?? 1);
}

await import(pathToFileURL(SERVER).href);
