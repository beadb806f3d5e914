import { MigrationInterface, QueryRunner } from 'typeorm';

/** A judge's own conflict declaration waits here until it is applied (their entries on hold). */
export class JudgeConflictsPending1796505827221 implements MigrationInterface {
  name = 'JudgeConflictsPending1796505827221';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `ALTER TABLE "judge_pool_members" ADD "conflicts_pending_since" TIMESTAMP WITH TIME ZONE`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `ALTER TABLE "judge_pool_members" DROP COLUMN "conflicts_pending_since"`,
    );
  }
}
