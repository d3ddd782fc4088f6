/** The named throttlers of ThrottlerModule, and the budget the call limits count in. */

/** Sign-in attempts from one client address (RATE_LIMIT_SIGNIN_PER_IP per 15 minutes). */
export const SIGN_IN_PER_IP = 'sign-in-ip';
/** Sign-in attempts on one username, from anywhere (RATE_LIMIT_SIGNIN_PER_USERNAME). */
export const SIGN_IN_PER_USERNAME = 'sign-in-username';
/** Calls placed per hour, counted per client address, per user and per number. */
export const CALLS_PLACED = 'calls-placed';
