import { createHash } from 'node:crypto';
import { Cluster, type InstanceName } from '../support/cluster.js';
import { answerAndType, beginCrossSignIn, tallyEvents } from '../support/cluster-scenarios.js';
import type { TestUser } from '../support/factories.js';
import { eventually } from '../support/wait.js';

describe('two instances on one PostgreSQL and one Redis', () => {
  let cluster: Cluster;
  let users: TestUser[];

  beforeAll(async () => {
    cluster = await Cluster.start();
    users = await cluster.createUsers(4);
  });

  afterAll(async () => {
    await cluster?.stop();
  });

  it.each([
    ['A', 'B'],
    ['B', 'A'],
  ] as [InstanceName, InstanceName][])(
    'browser on %s, webhooks on %s: every digit and the verified event arrive, once',
    async (browserOn, webhooksTo) => {
      const account = users.shift()!;
      const signIn = await beginCrossSignIn(cluster, account, browserOn, webhooksTo);
      await answerAndType(signIn);
      await signIn.feed.waitFor('verified');

      expect(tallyEvents(signIn.feed.events, signIn.challengeId, 6)).toEqual({
        lost: 0,
        duplicated: 0,
      });
      const digits = signIn.feed.events.filter((event) => event.name === 'digit');
      expect(digits.map((event) => event.payload)).toEqual(
        [0, 1, 2, 3, 4, 5].map((position) => ({
          challengeId: signIn.challengeId,
          position,
          correct: true,
        })),
      );
      // The balancer really split the sign-in: browser traffic here, every webhook there.
      const routed = cluster.balancer.routed;
      const webhooks = routed.filter((entry) => entry.path.includes(signIn.challengeId));
      expect(webhooks.length).toBeGreaterThanOrEqual(9);
      expect(new Set(webhooks.map((entry) => entry.backend))).toEqual(new Set([webhooksTo]));
      const socket = routed.filter((entry) => entry.upgrade);
      expect(socket.at(-1)?.backend).toBe(browserOn);

      const complete = await signIn.browser.complete();
      expect(complete.status).toBe(200);
      expect(complete.body.state).toBe('authenticated');
      signIn.feed.close();
    },
  );

  it('a session signed in on A is valid on B, and signing out on B ends it on A', async () => {
    const account = users.shift()!;
    const signIn = await beginCrossSignIn(cluster, account, 'A', 'B');
    await answerAndType(signIn);
    await signIn.feed.waitFor('verified');
    expect((await signIn.browser.complete()).status).toBe(200);

    const onB = cluster.browser('B');
    onB.cookie = signIn.browser.cookie;
    const me = await onB.me();
    expect(me.status).toBe(200);
    expect(me.body.username).toBe(account.username);
    expect(cluster.balancer.routed.at(-1)).toEqual({
      path: '/api/me',
      backend: 'B',
      upgrade: false,
    });

    expect((await onB.logout()).status).toBe(204);
    const onA = cluster.browser('A');
    onA.cookie = signIn.browser.cookie;
    expect((await onA.me()).status).toBe(401);
    // The socket on A is closed by the sign-out on B, through the Redis adapter.
    await eventually(() => signIn.feed.disconnects.includes('io server disconnect'), {
      what: 'the socket on A to be closed',
    });
  });

  it('keeps sessions in Redis under a hash of the id, never the id itself', async () => {
    const account = users.shift()!;
    const browser = cluster.browser('A');
    expect((await browser.login(account.username, account.password)).status).toBe(200);
    const sid = decodeURIComponent(browser.cookie!).slice(2).split('.')[0];
    const keys = (await cluster.redis.command('KEYS', 'callgate:session:*')) as string[];
    expect(keys).toContain(`callgate:session:${createHash('sha256').update(sid).digest('hex')}`);
    expect(keys.join(' ')).not.toContain(sid);
  });

  it('reports the database and Redis separately on each instance', async () => {
    for (const instance of Object.values(cluster.instances)) {
      const response = await fetch(`${instance.baseUrl}/api/health`);
      expect(response.status).toBe(200);
      expect(await response.json()).toMatchObject({
        status: 'ok',
        info: { database: { status: 'up' }, redis: { status: 'up' } },
      });
    }
  });
});
