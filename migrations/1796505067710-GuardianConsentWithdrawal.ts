import { MigrationInterface, QueryRunner } from 'typeorm';

export class GuardianConsentWithdrawal1796505067710 implements MigrationInterface {
  name = 'GuardianConsentWithdrawal1796505067710';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `ALTER TABLE "guardian_consents" ADD "withdrawn_at" TIMESTAMP WITH TIME ZONE`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "guardian_consents" DROP COLUMN "withdrawn_at"`);
  }
}
