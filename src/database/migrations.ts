import { InitialSchema1764100000000 } from './migrations/1764100000000-initial-schema.js';
import { VerifiedNumberUnique1764200000000 } from './migrations/1764200000000-verified-number-unique.js';

/** In the order they run. Add new ones at the end. */
export const migrations = [InitialSchema1764100000000, VerifiedNumberUnique1764200000000];
