import type { DigitFeed } from './digit-feed.js';

/**
 * One sign-in ready for its digits, on either server: the code the browser shows, the
 * browser's socket, and the phone (a signed webhook per key press).
 */
export interface DigitTarget {
  code: string;
  feed: DigitFeed;
  /** Posts the signed webhook for the next key, as the carrier would; resolves to its HTTP status. */
  press(key: string): Promise<number>;
  close(): void;
}

/** A system under test, as the load driver sees it. */
export interface System {
  name: string;
  /** A sign-in with its socket connected and its call answered, waiting for the first key. */
  prepare(index: number): Promise<DigitTarget>;
  /** One password check (argon2id), for the sign-in burst; resolves when answered. */
  signIn(index: number): Promise<void>;
  /** Creates `count` pending challenges. */
  createPending(count: number): Promise<void>;
}
