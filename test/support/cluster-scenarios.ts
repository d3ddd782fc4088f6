import type { BrowserSession } from './browser-session.js';
import type { EmulatedCall } from './carrier-emulator.js';
import type { Cluster, InstanceName } from './cluster.js';
import type { TestUser } from './factories.js';
import { type FeedEvent, LiveFeed } from './live-feed.js';

/** A sign-in whose browser (HTTP and socket) sits on one instance, its webhooks on another. */
export interface CrossSignIn {
  account: TestUser;
  browser: BrowserSession;
  feed: LiveFeed;
  call: EmulatedCall;
  code: string;
  challengeId: string;
}

/** Password, socket and the call placed: the browser on `browserOn`, webhooks to `webhooksTo`. */
export async function beginCrossSignIn(
  cluster: Cluster,
  account: TestUser,
  browserOn: InstanceName,
  webhooksTo: InstanceName,
  feedOptions: { reconnect?: boolean } = {},
): Promise<CrossSignIn> {
  const browser = cluster.browser(browserOn);
  const login = await browser.login(account.username, account.password);
  if (login.status !== 200) {
    throw new Error(`login answered ${login.status}: ${JSON.stringify(login.body)}`);
  }
  const { id: challengeId, code } = login.body.challenge;
  cluster.routeWebhooks(challengeId, webhooksTo);
  const feed = await LiveFeed.connect(browser, feedOptions);
  await feed.waitFor('challenge', (snapshot) => snapshot.id === challengeId);
  const call = await cluster.carrier.callTo(account.phone);
  return { account, browser, feed, call, code, challengeId };
}

/** The person on the phone: rings, answers, types the code key by key. */
export async function answerAndType(signIn: CrossSignIn): Promise<void> {
  await signIn.call.ring();
  await signIn.call.answer();
  await signIn.call.type(signIn.code);
}

export interface EventTally {
  /** Expected events that never arrived. */
  lost: number;
  /** Events that arrived more often than once. */
  duplicated: number;
}

/**
 * Compares what a sign-in's socket heard with what must arrive exactly once for a code of
 * `length` digits typed right: one `digit` per position (correct) and one `verified`.
 */
export function tallyEvents(events: FeedEvent[], challengeId: string, length: number): EventTally {
  const mine = events.filter((event) => event.payload?.challengeId === challengeId);
  const expected = [
    ...Array.from({ length }, (_, position) => `digit:${position}:true`),
    `verified`,
  ];
  const heard = mine
    .filter((event) => event.name === 'digit' || event.name === 'verified')
    .map((event) =>
      event.name === 'digit'
        ? `digit:${event.payload.position}:${event.payload.correct}`
        : event.name,
    );
  const lost = expected.filter((key) => !heard.includes(key)).length;
  const duplicated =
    heard.length - new Set(heard).size + heard.filter((key) => !expected.includes(key)).length;
  return { lost, duplicated };
}
