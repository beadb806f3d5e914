import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Email verification. Every account that exists when this runs is marked verified (the admin
 * bootstrap account and everyone already enrolled, in a team or judging): they signed up under
 * the old rules, and locking them out of what they already do would hurt more than it protects.
 * Accounts created from now on start unverified.
 */
export class EmailVerification1796505070881 implements MigrationInterface {
  name = 'EmailVerification1796505070881';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "users" ADD "email_verified_at" TIMESTAMP WITH TIME ZONE`);
    await queryRunner.query(`UPDATE "users" SET "email_verified_at" = now()`);
    await queryRunner.query(`ALTER TABLE "password_tokens" ADD "roles" text array`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "password_tokens" DROP COLUMN "roles"`);
    await queryRunner.query(`ALTER TABLE "users" DROP COLUMN "email_verified_at"`);
  }
}
