import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A recusal or a judge-pool change no longer tops the round up inside its request: it queues an
 * assignment run that says why (`cause`). Only the coordinator's own runs (no cause) stay one at a
 * time per round; top-ups queue beside them and run one after another under the round's lock.
 */
export class JudgingTopUps1796519500000 implements MigrationInterface {
  name = 'JudgingTopUps1796519500000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "judge_assignment_runs" ADD "cause" jsonb`);
    await queryRunner.query(`DROP INDEX "public"."UQ_judge_assignment_runs_one_active"`);
    await queryRunner.query(
      `CREATE UNIQUE INDEX "UQ_judge_assignment_runs_one_active" ON "judge_assignment_runs" ("round_id") WHERE status IN ('queued', 'running') AND cause IS NULL`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "public"."UQ_judge_assignment_runs_one_active"`);
    await queryRunner.query(`DELETE FROM "judge_assignment_runs" WHERE cause IS NOT NULL`);
    await queryRunner.query(
      `CREATE UNIQUE INDEX "UQ_judge_assignment_runs_one_active" ON "judge_assignment_runs" ("round_id") WHERE status IN ('queued', 'running')`,
    );
    await queryRunner.query(`ALTER TABLE "judge_assignment_runs" DROP COLUMN "cause"`);
  }
}
