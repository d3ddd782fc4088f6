import { type MigrationInterface, type QueryRunner, Table, TableIndex } from 'typeorm';

/** Creates every table of DESIGN §2 plus the session store, for SQLite and PostgreSQL alike. */
export class InitialSchema1764100000000 implements MigrationInterface {
  name = 'InitialSchema1764100000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    const timestamp =
      queryRunner.connection.driver.options.type === 'postgres' ? 'timestamp' : 'datetime';
    const id = { name: 'id', type: 'varchar', length: '36', isPrimary: true };

    await queryRunner.createTable(
      new Table({
        name: 'user',
        columns: [
          id,
          { name: 'username', type: 'varchar', length: '64' },
          { name: 'username_key', type: 'varchar', length: '64' },
          { name: 'password_hash', type: 'varchar', length: '255' },
          { name: 'role', type: 'varchar', length: '16', default: "'user'" },
          { name: 'locked_until', type: timestamp, isNullable: true },
          { name: 'failed_attempts', type: 'integer', default: 0 },
          { name: 'created_at', type: timestamp },
        ],
        indices: [{ name: 'UQ_user_username_key', columnNames: ['username_key'], isUnique: true }],
      }),
    );

    await queryRunner.createTable(
      new Table({
        name: 'phone_number',
        columns: [
          id,
          { name: 'user_id', type: 'varchar', length: '36' },
          { name: 'e164', type: 'varchar', length: '16' },
          { name: 'label', type: 'varchar', length: '64', default: "''" },
          { name: 'verified_at', type: timestamp, isNullable: true },
          { name: 'is_primary', type: 'boolean' },
          { name: 'created_at', type: timestamp },
        ],
        foreignKeys: [
          {
            name: 'FK_phone_number_user',
            columnNames: ['user_id'],
            referencedTableName: 'user',
            referencedColumnNames: ['id'],
            onDelete: 'CASCADE',
            onUpdate: 'NO ACTION',
          },
        ],
        indices: [
          { name: 'IDX_phone_number_user_id', columnNames: ['user_id'] },
          { name: 'IDX_phone_number_e164', columnNames: ['e164'] },
        ],
      }),
    );

    await queryRunner.createTable(
      new Table({
        name: 'challenge',
        columns: [
          id,
          { name: 'user_id', type: 'varchar', length: '36' },
          { name: 'phone_number_id', type: 'varchar', length: '36' },
          { name: 'purpose', type: 'varchar', length: '16' },
          { name: 'session_binding', type: 'varchar', length: '64' },
          { name: 'digit_hashes', type: 'text' },
          { name: 'length', type: 'integer' },
          { name: 'digits_entered', type: 'integer', default: 0 },
          { name: 'status', type: 'varchar', length: '16' },
          { name: 'failure_reason', type: 'varchar', length: '32', isNullable: true },
          { name: 'call_sid', type: 'varchar', length: '64', isNullable: true },
          { name: 'call_status', type: 'varchar', length: '16', isNullable: true },
          { name: 'calls_placed', type: 'integer', default: 1 },
          { name: 'expires_at', type: timestamp },
          { name: 'created_at', type: timestamp },
        ],
        foreignKeys: [
          {
            name: 'FK_challenge_user',
            columnNames: ['user_id'],
            referencedTableName: 'user',
            referencedColumnNames: ['id'],
            onDelete: 'CASCADE',
            onUpdate: 'NO ACTION',
          },
        ],
        indices: [
          { name: 'IDX_challenge_user_id', columnNames: ['user_id'] },
          { name: 'IDX_challenge_session_binding', columnNames: ['session_binding'] },
          { name: 'IDX_challenge_call_sid', columnNames: ['call_sid'] },
          { name: 'IDX_challenge_status_expires_at', columnNames: ['status', 'expires_at'] },
        ],
      }),
    );

    await queryRunner.createTable(
      new Table({
        name: 'audit_event',
        columns: [
          id,
          { name: 'at', type: timestamp },
          { name: 'actor', type: 'varchar', length: '64' },
          { name: 'action', type: 'varchar', length: '64' },
          { name: 'subject', type: 'varchar', length: '64', isNullable: true },
          { name: 'ip', type: 'varchar', length: '64', isNullable: true },
          { name: 'detail', type: 'text', isNullable: true },
        ],
        indices: [
          { name: 'IDX_audit_event_at', columnNames: ['at'] },
          { name: 'IDX_audit_event_action', columnNames: ['action'] },
          { name: 'IDX_audit_event_subject', columnNames: ['subject'] },
        ],
      }),
    );

    await queryRunner.createTable(
      new Table({
        name: 'session',
        columns: [
          { name: 'id_hash', type: 'varchar', length: '64', isPrimary: true },
          { name: 'expires_at', type: timestamp },
          { name: 'data', type: 'text' },
        ],
      }),
    );
    await queryRunner.createIndex(
      'session',
      new TableIndex({ name: 'IDX_session_expires_at', columnNames: ['expires_at'] }),
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    for (const table of ['session', 'audit_event', 'challenge', 'phone_number', 'user']) {
      await queryRunner.dropTable(table);
    }
  }
}
