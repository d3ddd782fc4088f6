import { existsSync } from 'node:fs';
import { resolve } from 'node:path';

/** The built web client (`npm run build`), served from the same origin as the API. */
export const CLIENT_DIST = resolve(process.cwd(), 'client', 'dist');

export const CLIENT_INDEX = resolve(CLIENT_DIST, 'index.html');

export function clientIsBuilt(): boolean {
  return existsSync(CLIENT_INDEX);
}
