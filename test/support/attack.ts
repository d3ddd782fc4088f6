import type { HttpReply } from './browser-session.js';

/** The marker for an attack the app did not refuse. */
export const NOT_REFUSED = 'NOT REFUSED';

/**
 * Asserts the reply refused the attack: one of `statuses`, and no session cookie but the
 * one the attacker already `held` (a rolling session re-sends it with a later expiry).
 * Throws `NOT REFUSED: …` otherwise, so the security summary can tell it apart.
 */
export function expectRefused(
  reply: HttpReply,
  statuses: number[],
  what = 'the attack',
  held?: string,
): void {
  const granted = reply.headers
    .getSetCookie()
    .map((header) => /^(?:__Host-)?callgate\.sid=([^;]+)/.exec(header)?.[1])
    .find((value) => value !== undefined && value !== held);
  if (!statuses.includes(reply.status) || granted) {
    throw new Error(
      `${NOT_REFUSED}: ${what} got ${reply.status}${granted ? ' and a new session cookie' : ''} ` +
        `(expected ${statuses.join(' or ')}): ${JSON.stringify(reply.body).slice(0, 300)}`,
    );
  }
}

let addresses = 0;

/**
 * A client address no other case has used, as a load balancer would report it
 * (X-Forwarded-For), so each attack meets the per-address limits afresh.
 */
export function freshAddress(): string {
  addresses++;
  return `100.64.${Math.floor(addresses / 250)}.${(addresses % 250) + 1}`;
}

/**
 * What the attack suite runs against: the production configuration (Twilio driver against
 * the carrier emulator, production limits) behind a trusted load balancer, so each case can
 * come from its own address.
 */
export const ATTACKED_CONFIGURATION: Record<string, string> = {
  NODE_ENV: 'production',
  TRUST_PROXY: 'true',
  RATE_LIMIT_SIGNIN_PER_IP: '30',
  RATE_LIMIT_SIGNIN_PER_USERNAME: '20',
  RATE_LIMIT_CALLS_PER_HOUR: '10',
};
