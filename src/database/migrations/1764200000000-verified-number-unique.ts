import { type MigrationInterface, type QueryRunner, TableIndex } from 'typeorm';

/** A number may be verified for one user at most (unverified duplicates are allowed). */
export class VerifiedNumberUnique1764200000000 implements MigrationInterface {
  name = 'VerifiedNumberUnique1764200000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.createIndex(
      'phone_number',
      new TableIndex({
        name: 'UQ_phone_number_verified_e164',
        columnNames: ['e164'],
        isUnique: true,
        where: '"verified_at" IS NOT NULL',
      }),
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.dropIndex('phone_number', 'UQ_phone_number_verified_e164');
  }
}
