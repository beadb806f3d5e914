import { MigrationInterface, QueryRunner } from 'typeorm';

/** A deleted account stays as a tombstone row (no email, name or password) so references hold. */
export class AccountDeletion1796505129979 implements MigrationInterface {
  name = 'AccountDeletion1796505129979';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "users" ADD "deleted_at" TIMESTAMP WITH TIME ZONE`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "users" DROP COLUMN "deleted_at"`);
  }
}
