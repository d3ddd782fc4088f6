import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { buildDataSourceOptions } from '../../src/database/data-source-options.js';
import { User } from '../../src/users/entities/user.entity.js';
import { ChallengeRepository } from '../../src/verification/challenge.repository.js';
import { Challenge } from '../../src/verification/entities/challenge.entity.js';
import { createDatabase, PostgresServer } from '../support/services.js';

const CALL_SID = 'CA0123456789abcdef0123456789abcdef';

describe('PostgreSQL', () => {
  let postgres: PostgresServer;

  beforeAll(async () => {
    postgres = await PostgresServer.start();
  });

  afterAll(async () => {
    await postgres?.stop();
  });

  /** A connection pool of its own, as each Callgate instance has. */
  async function connect(database: string): Promise<DataSource> {
    return new DataSource(
      buildDataSourceOptions({ type: 'postgres', url: postgres.url(database) }),
    ).initialize();
  }

  describe('migrations', () => {
    let dataSource: DataSource;

    beforeAll(async () => {
      await createDatabase(postgres, 'migrations');
      dataSource = await connect('migrations');
      await dataSource.runMigrations();
    });

    afterAll(async () => {
      await dataSource?.destroy();
    });

    it('build exactly the schema the entities describe (nothing left to synchronize)', async () => {
      const pending = await dataSource.driver.createSchemaBuilder().log();
      expect(pending.upQueries.map((query) => query.query)).toEqual([]);
    });

    it('can be reverted and applied again', async () => {
      for (let i = 0; i < dataSource.migrations.length; i++) await dataSource.undoLastMigration();
      expect(
        await dataSource.query(`SELECT table_name FROM information_schema.tables
          WHERE table_schema = 'public' AND table_name <> 'migrations'`),
      ).toEqual([]);
      await dataSource.runMigrations();
      expect(await dataSource.showMigrations()).toBe(false);
      const pending = await dataSource.driver.createSchemaBuilder().log();
      expect(pending.upQueries).toEqual([]);
    });
  });

  describe('two instances on one database', () => {
    // Two connection pools, as two Callgate instances would have.
    let first: DataSource;
    let second: DataSource;
    let userId: string;

    beforeAll(async () => {
      await createDatabase(postgres, 'race');
      first = await connect('race');
      await first.runMigrations();
      second = await connect('race');
    });

    afterAll(async () => {
      await Promise.all([first?.destroy(), second?.destroy()]);
    });

    beforeEach(async () => {
      userId = randomUUID();
      await first.getRepository(User).insert({
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

    async function inProgressChallenge(overrides: Partial<Challenge> = {}): Promise<string> {
      const id = randomUUID();
      await first.getRepository(Challenge).insert({
        id,
        userId,
        phoneNumberId: randomUUID(),
        purpose: 'login',
        sessionBinding: `binding-${id}`,
        digitHashes: 'h0.h1.h2.h3.h4.h5',
        length: 6,
        digitsEntered: 0,
        status: 'in-progress',
        failureReason: null,
        callSid: CALL_SID,
        callStatus: 'answered',
        callsPlaced: 1,
        expiresAt: new Date(Date.now() + 300_000),
        createdAt: new Date(),
        ...overrides,
      });
      return id;
    }

    const repositories = () => [
      new ChallengeRepository(first.getRepository(Challenge)),
      new ChallengeRepository(second.getRepository(Challenge)),
    ];

    it('lets exactly one of many racing webhooks take each digit', async () => {
      const id = await inProgressChallenge();
      const [a, b] = repositories();
      for (let position = 0; position < 5; position++) {
        // Ten copies of the same digit's webhook, five landing on each instance, at once.
        const attempts = Array.from({ length: 10 }, (_, i) =>
          (i % 2 ? a : b).advance(id, CALL_SID, position),
        );
        const won = (await Promise.all(attempts)).filter(Boolean);
        expect(won).toHaveLength(1);
      }
      const [verified, failed] = await Promise.all([
        a.markVerified(id, CALL_SID, 5),
        b.failAtPosition(id, CALL_SID, 5, 'wrong-digit'),
      ]);
      expect([verified, failed].filter(Boolean)).toHaveLength(1);
      const row = await second.getRepository(Challenge).findOneByOrFail({ id });
      expect(row.status).toBe(verified ? 'verified' : 'failed');
      expect(row.digitsEntered).toBe(verified ? 6 : 5);
    });

    it('lets one ending win when expiry, a hang-up and the last digit race', async () => {
      const outcomes: string[] = [];
      for (let round = 0; round < 20; round++) {
        const id = await inProgressChallenge({ digitsEntered: 5 });
        const [a, b] = repositories();
        const results = await Promise.all([
          a.markVerified(id, CALL_SID, 5),
          b.end(id, 'expired'),
          a.end(id, 'hung-up'),
          b.markVerified(id, CALL_SID, 5),
        ]);
        expect(results.filter(Boolean)).toHaveLength(1);
        const row = await first.getRepository(Challenge).findOneByOrFail({ id });
        outcomes.push(row.status);
        expect(['verified', 'expired', 'failed']).toContain(row.status);
      }
      expect(outcomes).toHaveLength(20);
    });

    it('keeps times exact in a process whose time zone is not UTC', async () => {
      // The suite's jest config puts this process in New York.
      expect(Intl.DateTimeFormat().resolvedOptions().timeZone).toBe('America/New_York');
      const expiresAt = new Date('2026-03-08T06:59:30.250Z'); // the night clocks spring forward
      const id = await inProgressChallenge({ expiresAt });
      const read = await second.getRepository(Challenge).findOneByOrFail({ id });
      expect(read.expiresAt.toISOString()).toBe(expiresAt.toISOString());
      // Stored as UTC, so another instance in another zone, or an operator's SQL, agrees.
      const [raw] = await first.query(
        `SELECT to_char(expires_at, 'YYYY-MM-DD"T"HH24:MI:SS.MS') AS at FROM challenge WHERE id = $1`,
        [id],
      );
      expect(`${raw.at}Z`).toBe(expiresAt.toISOString());
      // A Date parameter compares instants.
      const [a, b] = repositories();
      const due = await a.findExpiring(new Date(expiresAt.getTime() + 1), 1000);
      expect(due.map((challenge) => challenge.id)).toContain(id);
      const notYet = await b.findExpiring(new Date(expiresAt.getTime() - 1), 1000);
      expect(notYet.map((challenge) => challenge.id)).not.toContain(id);
    });
  });
});
