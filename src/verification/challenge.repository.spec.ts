import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { buildDataSourceOptions } from '../database/data-source-options.js';
import { User } from '../users/entities/user.entity.js';
import { CALL_PROGRESS, type CallProgress, progressesFrom } from './challenge-states.js';
import { ChallengeRepository } from './challenge.repository.js';
import { Challenge } from './entities/challenge.entity.js';

const CALL_SID = 'CA0123456789abcdef0123456789abcdef';
const OTHER_CALL_SID = 'CAfedcba9876543210fedcba9876543210';
const MINUTE = 60_000;

/** The steps after which `progress` is news, as the call progress tracker asks. */
const earlierThan = (progress: CallProgress) =>
  CALL_PROGRESS.filter((step) => step !== progress && progressesFrom(step, progress));

describe('ChallengeRepository (SQLite, migrated schema)', () => {
  let dataSource: DataSource;
  let repository: ChallengeRepository;
  let userId: string;

  beforeAll(async () => {
    // Quiet: one test provokes a constraint error on purpose, which TypeORM would print.
    dataSource = new DataSource({
      ...buildDataSourceOptions({ type: 'sqlite', database: ':memory:' }),
      logging: false,
    });
    await dataSource.initialize();
    await dataSource.runMigrations();
    repository = new ChallengeRepository(dataSource.getRepository(Challenge));
  });

  afterAll(async () => {
    await dataSource.destroy();
  });

  beforeEach(async () => {
    userId = randomUUID();
    await dataSource.getRepository(User).insert({
      id: userId,
      username: `user-${userId.slice(0, 8)}`,
      usernameKey: `user-${userId.slice(0, 8)}`,
      passwordHash: '$argon2id$placeholder',
      role: 'user',
      lockedUntil: null,
      failedAttempts: 0,
      createdAt: new Date(),
    });
  });

  async function given(overrides: Partial<Challenge> = {}): Promise<string> {
    const challenge = Object.assign(new Challenge(), {
      id: randomUUID(),
      userId,
      phoneNumberId: randomUUID(),
      purpose: 'login',
      sessionBinding: `binding-${userId}`,
      digitHashes: 'h0.h1.h2.h3.h4.h5',
      length: 6,
      digitsEntered: 0,
      status: 'pending',
      failureReason: null,
      callSid: null,
      callStatus: null,
      callsPlaced: 1,
      expiresAt: new Date(Date.now() + 5 * MINUTE),
      createdAt: new Date(),
      ...overrides,
    } satisfies Partial<Challenge>);
    await repository.insert(challenge);
    return challenge.id;
  }

  async function stored(id: string): Promise<Challenge> {
    const challenge = await repository.findById(id);
    if (!challenge) throw new Error(`challenge ${id} vanished`);
    return challenge;
  }

  /** A challenge whose call was answered and which awaits the digit at `digitsEntered`. */
  const answered = (overrides: Partial<Challenge> = {}) =>
    given({ status: 'in-progress', callSid: CALL_SID, callStatus: 'answered', ...overrides });

  it('refuses a challenge for a user that does not exist', async () => {
    await expect(given({ userId: randomUUID() })).rejects.toThrow(/FOREIGN KEY/);
  });

  it('reads back what it inserted', async () => {
    const expiresAt = new Date('2031-02-03T04:05:06.789Z');
    const id = await given({ expiresAt });
    const challenge = await stored(id);
    expect(challenge).toMatchObject({
      id,
      userId,
      status: 'pending',
      digitsEntered: 0,
      callSid: null,
    });
    expect(challenge.expiresAt.toISOString()).toBe(expiresAt.toISOString());
  });

  describe('markCalling', () => {
    it('moves a pending challenge to calling, once', async () => {
      const id = await given();
      expect(await repository.markCalling(id)).toBe(true);
      expect((await stored(id)).status).toBe('calling');
      expect(await repository.markCalling(id)).toBe(false);
    });

    it.each(['in-progress', 'verified', 'failed', 'expired'] as const)(
      'leaves a %s challenge alone',
      async (status) => {
        const id = await given({ status });
        expect(await repository.markCalling(id)).toBe(false);
        expect((await stored(id)).status).toBe(status);
      },
    );

    it('reports an unknown challenge as unchanged', async () => {
      expect(await repository.markCalling(randomUUID())).toBe(false);
    });
  });

  describe('bindCall', () => {
    it('binds an unbound challenge to the call', async () => {
      const id = await given({ status: 'calling' });
      expect(await repository.bindCall(id, CALL_SID)).toBe(true);
      expect((await stored(id)).callSid).toBe(CALL_SID);
    });

    // The status callback and the REST answer may both bind; the second is a no-op success.
    it('accepts binding the same call again', async () => {
      const id = await given({ status: 'calling', callSid: CALL_SID });
      expect(await repository.bindCall(id, CALL_SID)).toBe(true);
      expect((await stored(id)).callSid).toBe(CALL_SID);
    });

    it('never rebinds to a different call', async () => {
      const id = await given({ status: 'calling' });
      await repository.bindCall(id, CALL_SID);
      expect(await repository.bindCall(id, OTHER_CALL_SID)).toBe(false);
      expect((await stored(id)).callSid).toBe(CALL_SID);
    });
  });

  describe('markAnswered', () => {
    it('moves a calling, unbound challenge to in-progress and binds the call', async () => {
      const id = await given({ status: 'calling' });
      expect(await repository.markAnswered(id, CALL_SID)).toBe(true);
      expect(await stored(id)).toMatchObject({ status: 'in-progress', callSid: CALL_SID });
    });

    it('moves a challenge bound to the same call', async () => {
      const id = await given({ status: 'calling', callSid: CALL_SID });
      expect(await repository.markAnswered(id, CALL_SID)).toBe(true);
      expect((await stored(id)).status).toBe('in-progress');
    });

    it('refuses an answer on another call than the bound one', async () => {
      const id = await given({ status: 'calling', callSid: CALL_SID });
      expect(await repository.markAnswered(id, OTHER_CALL_SID)).toBe(false);
      expect(await stored(id)).toMatchObject({ status: 'calling', callSid: CALL_SID });
    });

    it.each(['pending', 'in-progress', 'verified', 'failed', 'expired'] as const)(
      'refuses to answer a %s challenge',
      async (status) => {
        const id = await given({ status, callSid: CALL_SID });
        expect(await repository.markAnswered(id, CALL_SID)).toBe(false);
        expect((await stored(id)).status).toBe(status);
      },
    );
  });

  describe('advance', () => {
    it('counts the right digit at the expected position', async () => {
      const id = await answered();
      expect(await repository.advance(id, CALL_SID, 0)).toBe(true);
      expect((await stored(id)).digitsEntered).toBe(1);
      expect(await repository.advance(id, CALL_SID, 1)).toBe(true);
      expect((await stored(id)).digitsEntered).toBe(2);
    });

    // Twilio retries a webhook it thinks was lost; the retry must not count the digit twice.
    it('lets exactly one of two racing posts of the same digit advance', async () => {
      const id = await answered({ digitsEntered: 2 });
      const results = await Promise.all([
        repository.advance(id, CALL_SID, 2),
        repository.advance(id, CALL_SID, 2),
      ]);
      expect(results.filter(Boolean)).toHaveLength(1);
      expect((await stored(id)).digitsEntered).toBe(3);
    });

    it('refuses a digit from another call', async () => {
      const id = await answered();
      expect(await repository.advance(id, OTHER_CALL_SID, 0)).toBe(false);
      expect((await stored(id)).digitsEntered).toBe(0);
    });

    it.each([1, 2, -1])('refuses position %i when position 0 is expected', async (position) => {
      const id = await answered();
      expect(await repository.advance(id, CALL_SID, position)).toBe(false);
      expect((await stored(id)).digitsEntered).toBe(0);
    });

    it.each(['pending', 'calling', 'verified', 'failed', 'expired'] as const)(
      'refuses to advance a %s challenge',
      async (status) => {
        const id = await given({ status, callSid: CALL_SID });
        expect(await repository.advance(id, CALL_SID, 0)).toBe(false);
        expect((await stored(id)).digitsEntered).toBe(0);
      },
    );
  });

  describe('markVerified', () => {
    it('verifies on the last digit and counts it', async () => {
      const id = await answered({ digitsEntered: 5 });
      expect(await repository.markVerified(id, CALL_SID, 5)).toBe(true);
      expect(await stored(id)).toMatchObject({ status: 'verified', digitsEntered: 6 });
    });

    it('verifies once: a repeated last digit changes nothing', async () => {
      const id = await answered({ digitsEntered: 5 });
      const results = await Promise.all([
        repository.markVerified(id, CALL_SID, 5),
        repository.markVerified(id, CALL_SID, 5),
      ]);
      expect(results.filter(Boolean)).toHaveLength(1);
      expect(await repository.advance(id, CALL_SID, 6)).toBe(false);
    });

    it('refuses the wrong call or position', async () => {
      const id = await answered({ digitsEntered: 5 });
      expect(await repository.markVerified(id, OTHER_CALL_SID, 5)).toBe(false);
      expect(await repository.markVerified(id, CALL_SID, 4)).toBe(false);
      expect((await stored(id)).status).toBe('in-progress');
    });
  });

  describe('failAtPosition', () => {
    it('fails the challenge at the position awaited, with the reason', async () => {
      const id = await answered({ digitsEntered: 1 });
      expect(await repository.failAtPosition(id, CALL_SID, 1, 'wrong-digit')).toBe(true);
      expect(await stored(id)).toMatchObject({ status: 'failed', failureReason: 'wrong-digit' });
    });

    // A late wrong-digit verdict must not undo a digit that was meanwhile accepted.
    it('refuses once the position has moved on', async () => {
      const id = await answered();
      await repository.advance(id, CALL_SID, 0);
      expect(await repository.failAtPosition(id, CALL_SID, 0, 'wrong-digit')).toBe(false);
      expect(await stored(id)).toMatchObject({ status: 'in-progress', failureReason: null });
    });

    it('refuses another call', async () => {
      const id = await answered();
      expect(await repository.failAtPosition(id, OTHER_CALL_SID, 0, 'reported-fraud')).toBe(false);
      expect((await stored(id)).status).toBe('in-progress');
    });

    it('refuses a verified challenge', async () => {
      const id = await answered({ status: 'verified', digitsEntered: 6 });
      expect(await repository.failAtPosition(id, CALL_SID, 6, 'wrong-digit')).toBe(false);
      expect((await stored(id)).status).toBe('verified');
    });
  });

  describe('end', () => {
    it.each(['pending', 'calling', 'in-progress'] as const)(
      'ends a %s challenge',
      async (status) => {
        const id = await given({ status });
        expect(await repository.end(id, 'call-failed')).toBe(true);
        expect(await stored(id)).toMatchObject({ status: 'failed', failureReason: 'call-failed' });
      },
    );

    it("gives reason 'expired' the status expired", async () => {
      const id = await given({ status: 'calling' });
      expect(await repository.end(id, 'expired')).toBe(true);
      expect(await stored(id)).toMatchObject({ status: 'expired', failureReason: 'expired' });
    });

    it.each(['verified', 'failed', 'expired'] as const)(
      'leaves a %s challenge as it was',
      async (status) => {
        const id = await given({
          status,
          failureReason: status === 'verified' ? null : 'no-input',
        });
        expect(await repository.end(id, 'hung-up')).toBe(false);
        expect(await repository.end(id, 'expired')).toBe(false);
        expect((await stored(id)).status).toBe(status);
      },
    );

    it('ends a challenge once when two endings race', async () => {
      const id = await given({ status: 'in-progress', callSid: CALL_SID });
      const results = await Promise.all([
        repository.end(id, 'hung-up'),
        repository.end(id, 'expired'),
      ]);
      expect(results.filter(Boolean)).toHaveLength(1);
    });
  });

  describe('recordCallProgress', () => {
    it('records each step as the call moves forward', async () => {
      const id = await given({ status: 'calling', callSid: CALL_SID });
      for (const step of ['queued', 'ringing', 'answered', 'completed'] as const) {
        expect(await repository.recordCallProgress(id, step, earlierThan(step))).toBe(true);
        expect((await stored(id)).callStatus).toBe(step);
      }
    });

    it('records the first news of a call, whatever it is', async () => {
      const id = await given({ status: 'calling' });
      expect(await repository.recordCallProgress(id, 'answered', earlierThan('answered'))).toBe(
        true,
      );
    });

    it('refuses a late ringing after answered', async () => {
      const id = await given({ status: 'in-progress', callStatus: 'answered' });
      expect(await repository.recordCallProgress(id, 'ringing', earlierThan('ringing'))).toBe(
        false,
      );
      expect((await stored(id)).callStatus).toBe('answered');
    });

    it('refuses a repeat, so each step is announced once', async () => {
      const id = await given({ status: 'calling', callStatus: 'ringing' });
      expect(await repository.recordCallProgress(id, 'ringing', earlierThan('ringing'))).toBe(
        false,
      );
    });

    it('lets only one of two racing reports of the same step through', async () => {
      const id = await given({ status: 'calling', callStatus: 'queued' });
      const results = await Promise.all([
        repository.recordCallProgress(id, 'ringing', earlierThan('ringing')),
        repository.recordCallProgress(id, 'ringing', earlierThan('ringing')),
      ]);
      expect(results.filter(Boolean)).toHaveLength(1);
    });
  });

  describe('findExpiring', () => {
    it('returns only active challenges whose time is up', async () => {
      const past = new Date(Date.now() - MINUTE);
      const expected = [
        await given({ status: 'pending', expiresAt: past }),
        await given({ status: 'calling', expiresAt: past }),
        await given({ status: 'in-progress', expiresAt: past, callSid: CALL_SID }),
      ];
      const notExpected = [
        await given({ status: 'pending', expiresAt: new Date(Date.now() + MINUTE) }),
        await given({ status: 'verified', expiresAt: past }),
        await given({ status: 'failed', expiresAt: past, failureReason: 'no-input' }),
        await given({ status: 'expired', expiresAt: past, failureReason: 'expired' }),
      ];
      const found = (await repository.findExpiring(new Date(), 100)).map(
        (challenge) => challenge.id,
      );
      expect(found).toEqual(expect.arrayContaining(expected));
      for (const id of notExpected) expect(found).not.toContain(id);
    });

    it('counts a challenge expiring exactly now as expired', async () => {
      const now = new Date();
      const id = await given({ expiresAt: now });
      expect((await repository.findExpiring(now, 100)).map((challenge) => challenge.id)).toContain(
        id,
      );
    });

    it('returns at most the limit', async () => {
      const past = new Date(Date.now() - MINUTE);
      for (let i = 0; i < 3; i++) await given({ expiresAt: past });
      expect(await repository.findExpiring(new Date(), 2)).toHaveLength(2);
    });
  });

  describe('latestForBinding', () => {
    it('returns the newest challenge of the session', async () => {
      const binding = `binding-${randomUUID()}`;
      const now = Date.now();
      await given({ sessionBinding: binding, createdAt: new Date(now - 2 * MINUTE) });
      const newest = await given({ sessionBinding: binding, createdAt: new Date(now) });
      await given({ sessionBinding: binding, createdAt: new Date(now - MINUTE) });
      await given({ sessionBinding: `binding-${randomUUID()}`, createdAt: new Date(now + MINUTE) });
      expect((await repository.latestForBinding(binding))?.id).toBe(newest);
    });

    it('returns null for a session without challenges', async () => {
      expect(await repository.latestForBinding('no-such-binding')).toBeNull();
    });
  });
});
