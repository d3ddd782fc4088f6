import { phonesAt } from './phones.js';

/**
 * A signed-in user's own numbers (`/api/me/phones`, masked). Changes answer 403 with
 * `reauthenticate: true` when the last phone check is more than 10 minutes old.
 */
export const myPhones = phonesAt('/api/me/phones', '/api/me/phones');
