import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Who sent a staff invitation, so the emailed page can say who invited the new staff member.
 * Older links have no sender (null): the page then names no one.
 */
export class InvitationSender1796515613071 implements MigrationInterface {
  name = 'InvitationSender1796515613071';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "password_tokens" ADD "created_by" uuid`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "password_tokens" DROP COLUMN "created_by"`);
  }
}
