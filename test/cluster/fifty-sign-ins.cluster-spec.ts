import { Cluster, type InstanceName } from '../support/cluster.js';
import { beginCrossSignIn, type CrossSignIn, tallyEvents } from '../support/cluster-scenarios.js';
import type { TestUser } from '../support/factories.js';

const SIGN_INS = 50;

describe('50 sign-ins at once across two instances', () => {
  let cluster: Cluster;
  let users: TestUser[];

  beforeAll(async () => {
    cluster = await Cluster.start();
    users = await cluster.createUsers(SIGN_INS);
  });

  afterAll(async () => {
    await cluster?.stop();
  });

  /**
   * Browser on one instance, webhooks on the other; every key press is also retried at once
   * straight at the browser's instance, as a carrier retrying a slow webhook might land it.
   */
  async function signInWithRetries(account: TestUser, index: number) {
    const browserOn: InstanceName = index % 2 === 0 ? 'A' : 'B';
    const webhooksTo: InstanceName = browserOn === 'A' ? 'B' : 'A';
    const signIn = await beginCrossSignIn(cluster, account, browserOn, webhooksTo);
    await signIn.call.ring();
    await signIn.call.answer();
    for (const key of signIn.code) {
      await pressWithRetry(signIn, key, cluster.instances[browserOn].baseUrl);
    }
    await signIn.feed.waitFor('verified', () => true, 20_000);
    const complete = await signIn.browser.complete();
    signIn.feed.close();
    const authenticated = complete.status === 200 && complete.body.state === 'authenticated';
    return { signIn, authenticated };
  }

  async function pressWithRetry({ call }: CrossSignIn, key: string, retryBase: string) {
    // Signed for PUBLIC_BASE_URL, as the carrier signs it, wherever it lands.
    const action = call.gather!.action;
    const params = call.params('in-progress', { Digits: key });
    const signature = cluster.carrier.sign(action, params);
    const [, retried] = await Promise.all([
      call.press(key),
      call.post(action.replace(cluster.publicUrl, retryBase), params, signature),
    ]);
    if (retried.status !== 200) throw new Error(`a retried webhook answered ${retried.status}`);
  }

  it('verifies every one, and every socket hears each event exactly once', async () => {
    const results = await Promise.all(
      users.map((account, index) => signInWithRetries(account, index)),
    );

    const verified = results.filter(
      ({ signIn, authenticated }) =>
        authenticated && signIn.feed.events.some((event) => event.name === 'verified'),
    ).length;
    const tallies = results.map(({ signIn }) =>
      tallyEvents(signIn.feed.events, signIn.challengeId, signIn.code.length),
    );
    const lost = tallies.reduce((sum, tally) => sum + tally.lost, 0);
    const duplicated = tallies.reduce((sum, tally) => sum + tally.duplicated, 0);
    const instances = new Set(cluster.balancer.routed.map((entry) => entry.backend)).size;
    process.stdout.write(
      `\ncluster: ${verified}/${SIGN_INS} sign-ins verified across ${instances} instances, ` +
        `${lost} events lost, ${duplicated} duplicated\n\n`,
    );

    expect({ verified, instances, lost, duplicated }).toEqual({
      verified: SIGN_INS,
      instances: 2,
      lost: 0,
      duplicated: 0,
    });
  });
});
