import { MigrationInterface, QueryRunner } from 'typeorm';

export class PenpalRunUnmatched1795905844748 implements MigrationInterface {
  name = 'PenpalRunUnmatched1795905844748';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "matching_run_unmatched" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "run_id" uuid NOT NULL, "user_id" uuid NOT NULL, "country" character(2) NOT NULL, "reason" text NOT NULL, "detail" text NOT NULL, CONSTRAINT "PK_6471c72259419ce417608e3c8aa" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "IDX_e0f84f0551e28385f3dd21db4e" ON "matching_run_unmatched"  ("run_id", "reason") `,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "public"."IDX_e0f84f0551e28385f3dd21db4e"`);
    await queryRunner.query(`DROP TABLE "matching_run_unmatched"`);
  }
}
