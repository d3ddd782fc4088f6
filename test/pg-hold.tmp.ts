import { writeFileSync } from 'node:fs';
import { PostgresServer } from './support/services.js';
const pg = await PostgresServer.start();
writeFileSync('/tmp/cg/pg-url', pg.url());
console.log(pg.url());
process.on('SIGTERM', () => void pg.stop().then(() => process.exit(0)));
setInterval(() => {}, 1 << 30);
