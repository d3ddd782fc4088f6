import { request } from 'node:http';
import { connect } from 'node:net';
import { readTwiml } from '../../src/telephony/simulated/twiml-reader.js';
import { Cluster } from '../support/cluster.js';
import { beginCrossSignIn, type CrossSignIn } from '../support/cluster-scenarios.js';
import type { TestUser } from '../support/factories.js';
import { eventually, sleep } from '../support/wait.js';

/** Whether something still accepts TCP connections on `port`. */
function accepts(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = connect(port, '127.0.0.1');
    socket.once('connect', () => {
      socket.destroy();
      resolve(true);
    });
    socket.once('error', () => resolve(false));
  });
}

/**
 * The next digit's webhook, sent straight to an instance in two halves: it is under way
 * (headers and half the body received) until `finish` sends the rest.
 */
function startSlowWebhook(cluster: Cluster, { call }: CrossSignIn, port: number, key: string) {
  const action = call.gather!.action;
  const params = call.params('in-progress', { Digits: key });
  const body = new URLSearchParams(params).toString();
  const outgoing = request({
    host: '127.0.0.1',
    port,
    method: 'POST',
    path: new URL(action).pathname,
    headers: {
      'content-type': 'application/x-www-form-urlencoded',
      'content-length': Buffer.byteLength(body),
      'x-twilio-signature': cluster.carrier.sign(action, params),
    },
  });
  const answer = new Promise<{ status: number; body: string }>((resolve, reject) => {
    outgoing.once('response', (response) => {
      let text = '';
      response.on('data', (chunk: Buffer) => (text += chunk.toString()));
      response.once('end', () => resolve({ status: response.statusCode ?? 0, body: text }));
    });
    outgoing.once('error', reject);
  });
  outgoing.write(body.slice(0, 20));
  return {
    finish: () => {
      outgoing.end(body.slice(20));
      return answer;
    },
  };
}

describe('an instance going away in the middle of a call', () => {
  let cluster: Cluster;
  let users: TestUser[];

  beforeAll(async () => {
    cluster = await Cluster.start();
    users = await cluster.createUsers(2);
  });

  afterAll(async () => {
    await cluster?.stop();
  });

  it('SIGTERM on A: stops accepting, finishes its webhook, sends the socket to B, which resumes', async () => {
    const a = cluster.instances.A;
    // A signs in the browser and places the call; the webhooks go to B.
    const signIn = await beginCrossSignIn(cluster, users[0], 'A', 'B', { reconnect: true });
    const { call, code, feed, challengeId } = signIn;
    await call.ring();
    await call.answer();
    await call.type(code.slice(0, 2));
    await feed.waitFor('digit', (payload) => payload.position === 1);

    // A carrier's webhook is under way on A when A is told to stop.
    const slow = startSlowWebhook(cluster, signIn, a.port, code[2]);
    await sleep(200);
    const exited = a.stop('SIGTERM');
    await eventually(async () => !(await accepts(a.port)), { what: 'A to stop accepting' });
    const shutdownHint = await feed.waitFor('shutdown');
    expect(shutdownHint).toEqual({ reconnect: true });
    const answered = await slow.finish();
    expect(answered.status).toBe(200);
    const twiml = readTwiml(answered.body);
    expect(twiml.gather?.action).toBe(
      `${cluster.publicUrl}/api/voice/challenges/${challengeId}/digits/3`,
    );
    expect(await exited).toBe(0);

    // The socket came back through the balancer to B and was told where the challenge is.
    await eventually(() => feed.connected && feed.disconnects.includes('transport close'), {
      what: 'the socket to reconnect',
    });
    const resumed = await feed.waitFor('challenge', (snapshot) => snapshot.entered === 3);
    expect(resumed).toMatchObject({ id: challengeId, status: 'in-progress', entered: 3 });
    const upgrades = cluster.balancer.routed.filter((entry) => entry.upgrade);
    expect(upgrades.at(-1)?.backend).toBe('B');

    call.gather = twiml.gather;
    await call.type(code.slice(3));
    await feed.waitFor('verified');
    for (const position of [3, 4, 5]) {
      await feed.waitFor('digit', (payload) => payload.position === position && payload.correct);
    }
    const complete = await signIn.browser.complete();
    expect(complete.status).toBe(200);
    expect(cluster.balancer.routed.at(-1)?.backend).toBe('B');

    // A comes back; the session signed in while it was away is valid there too.
    await cluster.startInstance('A');
    const me = await signIn.browser.me();
    expect(me.status).toBe(200);
    expect(cluster.balancer.routed.at(-1)).toMatchObject({ path: '/api/me', backend: 'A' });
    feed.close();
  });

  it('A killed outright mid-call: the carrier and the browser carry on through B', async () => {
    // Everything on A: the sign-in, the socket and the webhooks.
    const signIn = await beginCrossSignIn(cluster, users[1], 'A', 'A', { reconnect: true });
    const { call, code, feed, challengeId } = signIn;
    await call.ring();
    await call.answer();
    await call.type(code.slice(0, 2));
    await feed.waitFor('digit', (payload) => payload.position === 1);

    await cluster.instances.A.stop('SIGKILL');
    // The balancer now sends the carrier's next webhooks, and the reconnecting socket, to B.
    await call.type(code.slice(2));
    const resumed = await feed.waitFor('challenge', (snapshot) => snapshot.entered >= 2, 10_000);
    expect(resumed.id).toBe(challengeId);
    expect(cluster.balancer.routed.filter((entry) => entry.upgrade).at(-1)?.backend).toBe('B');
    await eventually(
      () =>
        feed.events.some((event) => event.name === 'verified') ||
        feed.events.some(
          (event) => event.name === 'challenge' && event.payload.status === 'verified',
        ),
      { timeoutMs: 10_000, what: 'the browser to learn the challenge is verified' },
    );
    expect((await signIn.browser.complete()).status).toBe(200);
    const webhooksAfterKill = cluster.balancer.routed.filter(
      (entry) => entry.path.includes(`${challengeId}/digits/`) && !entry.path.endsWith('/0'),
    );
    expect(webhooksAfterKill.at(-1)?.backend).toBe('B');
    feed.close();
    await cluster.startInstance('A');
  });
});
