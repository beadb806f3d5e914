import { MigrationInterface, QueryRunner } from 'typeorm';

export class PenpalReasonFacts1795906273389 implements MigrationInterface {
  name = 'PenpalReasonFacts1795906273389';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "penpal_matches" ADD "reason_facts" jsonb`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "penpal_matches" DROP COLUMN "reason_facts"`);
  }
}
