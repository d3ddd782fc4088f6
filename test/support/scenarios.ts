import { BrowserSession } from './browser-session.js';
import type { CarrierEmulator, EmulatedCall } from './carrier-emulator.js';
import type { TestUser } from './factories.js';
import { LiveFeed } from './live-feed.js';
import type { TestApp } from './test-app.js';

export interface PendingSignIn {
  browser: BrowserSession;
  feed: LiveFeed;
  call: EmulatedCall;
  code: string;
  challengeId: string;
  /** The cookie the browser held before it signed in. */
  cookieBeforeSignIn?: string;
}

/**
 * A browser that has entered the password, with its socket open and its call placed.
 * `clientIp` is the address a trusted proxy reports for it (apps with TRUST_PROXY=true).
 */
export async function beginSignIn(
  app: TestApp,
  carrier: CarrierEmulator,
  account: TestUser,
  options: { clientIp?: string } = {},
): Promise<PendingSignIn> {
  const browser = new BrowserSession(app.baseUrl);
  browser.clientIp = options.clientIp;
  const login = await browser.login(account.username, account.password);
  if (login.status !== 200)
    throw new Error(`login answered ${login.status}: ${JSON.stringify(login.body)}`);
  const feed = await LiveFeed.connect(browser);
  const call = await carrier.nextCall();
  return {
    browser,
    feed,
    call,
    code: login.body.challenge.code,
    challengeId: login.body.challenge.id,
  };
}

/** A digit that is not the one at `position`. */
export function wrongDigit(code: string, position: number): string {
  return String((Number(code[position]) + 1) % 10);
}

/** A browser fully signed in (both factors) as `account`, with its socket still open. */
export async function signIn(
  app: TestApp,
  carrier: CarrierEmulator,
  account: TestUser,
): Promise<{ browser: BrowserSession; feed: LiveFeed }> {
  const pending = await beginSignIn(app, carrier, account);
  await pending.call.answer();
  await pending.call.type(pending.code);
  await pending.feed.waitFor('verified');
  const completed = await pending.browser.complete();
  if (completed.status !== 200) throw new Error(`complete answered ${completed.status}`);
  return { browser: pending.browser, feed: pending.feed };
}
