import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A delivery claims its outbox row for a while (claimed_until) and commits before it talks to the
 * SMTP server, so a slow server holds no transaction, row lock or pooled connection.
 */
export class OutboxClaim1796516594094 implements MigrationInterface {
  name = 'OutboxClaim1796516594094';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `ALTER TABLE "outbox_messages" ADD "claimed_until" TIMESTAMP WITH TIME ZONE`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "outbox_messages" DROP COLUMN "claimed_until"`);
  }
}
