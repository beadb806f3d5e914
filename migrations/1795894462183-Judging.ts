import { MigrationInterface, QueryRunner } from 'typeorm';

export class Judging1795894462183 implements MigrationInterface {
  name = 'Judging1795894462183';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "judge_pool_members" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "competition_id" uuid NOT NULL, "user_id" uuid NOT NULL, "conflicts" jsonb NOT NULL DEFAULT '{}', "expertise" text array NOT NULL DEFAULT '{}', "added_by_id" uuid NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_3dafc9409b216a195a82c8a3076" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "IDX_a17204b4e814264551f3296313" ON "judge_pool_members"  ("user_id") `,
    );
    await queryRunner.query(
      `CREATE UNIQUE INDEX "IDX_bc6000c5c387378e1d39997fd5" ON "judge_pool_members"  ("competition_id", "user_id") `,
    );
    await queryRunner.query(
      `CREATE TABLE "judging_rounds" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "competition_id" uuid NOT NULL, "name" text NOT NULL, "judges_per_entry" integer NOT NULL, "blind" boolean NOT NULL, "closes_at" TIMESTAMP WITH TIME ZONE NOT NULL, "source" jsonb NOT NULL, "max_load" integer, "status" text NOT NULL DEFAULT 'draft', "shortlist" uuid array NOT NULL DEFAULT '{}', "created_by_id" uuid NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_38fbcab7e6e3de973f427cb79da" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "IDX_9bd7bb733fb93419e9fde9ee90" ON "judging_rounds"  ("competition_id") `,
    );
    await queryRunner.query(
      `CREATE TABLE "judge_assignment_runs" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "round_id" uuid NOT NULL, "status" text NOT NULL DEFAULT 'queued', "report" jsonb, "error" text, "created_by_id" uuid NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "finished_at" TIMESTAMP WITH TIME ZONE, CONSTRAINT "PK_f96cfaf5443e597e0100e2d0751" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "IDX_5e576fdf8d945196c079e1014a" ON "judge_assignment_runs"  ("round_id", "created_at") `,
    );
    await queryRunner.query(
      `CREATE UNIQUE INDEX "UQ_judge_assignment_runs_one_active" ON "judge_assignment_runs"  ("round_id") WHERE status IN ('queued', 'running')`,
    );
    await queryRunner.query(
      `CREATE TABLE "judge_assignments" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "round_id" uuid NOT NULL, "submission_id" uuid NOT NULL, "judge_id" uuid NOT NULL, "status" text NOT NULL DEFAULT 'active', "origin" text NOT NULL, "recuse_reason" text, "scores" jsonb NOT NULL DEFAULT '{}', "comment" text, "score_state" text NOT NULL DEFAULT 'none', "score_version" integer NOT NULL DEFAULT '0', "scored_at" TIMESTAMP WITH TIME ZONE, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_b2f2a5dac77c026cc260a7d7df5" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "IDX_7379a5c41e246b9751765128e8" ON "judge_assignments"  ("submission_id") `,
    );
    await queryRunner.query(
      `CREATE INDEX "IDX_d6aa511ab74dc0aa1201b5d90e" ON "judge_assignments"  ("judge_id", "status") `,
    );
    await queryRunner.query(
      `CREATE UNIQUE INDEX "IDX_ef1420ea925746eb597e8bcd8d" ON "judge_assignments"  ("round_id", "submission_id", "judge_id") `,
    );
    await queryRunner.query(
      `CREATE TABLE "competition_results" ("competition_id" uuid NOT NULL, "awards" jsonb NOT NULL, "published_at" TIMESTAMP WITH TIME ZONE, "recorded_by_id" uuid NOT NULL, "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_ad99acdb668877a36b7e8436405" PRIMARY KEY ("competition_id"))`,
    );
    await queryRunner.query(
      `CREATE TABLE "judging_reminders" ("round_id" uuid NOT NULL, "judge_id" uuid NOT NULL, "hours_before" integer NOT NULL, "closes_at" TIMESTAMP WITH TIME ZONE NOT NULL, "sent_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_ffaa494026b0737bfb120c0f45a" PRIMARY KEY ("round_id", "judge_id", "hours_before", "closes_at"))`,
    );
    await queryRunner.query(
      `ALTER TABLE "judge_pool_members" ADD CONSTRAINT "FK_697e945dae6e3f1bc7e4ea3e5ad" FOREIGN KEY ("competition_id") REFERENCES "competitions"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "judge_pool_members" ADD CONSTRAINT "FK_a17204b4e814264551f32963131" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "judging_rounds" ADD CONSTRAINT "FK_9bd7bb733fb93419e9fde9ee906" FOREIGN KEY ("competition_id") REFERENCES "competitions"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "judge_assignment_runs" ADD CONSTRAINT "FK_5d175aaf5d468bd84144b6cdfc5" FOREIGN KEY ("round_id") REFERENCES "judging_rounds"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "judge_assignments" ADD CONSTRAINT "FK_dbfde0f35645ef699e05f7cf058" FOREIGN KEY ("round_id") REFERENCES "judging_rounds"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "judge_assignments" ADD CONSTRAINT "FK_7379a5c41e246b9751765128e81" FOREIGN KEY ("submission_id") REFERENCES "submissions"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "judge_assignments" ADD CONSTRAINT "FK_960f6e37b18343355c63e4f6876" FOREIGN KEY ("judge_id") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "competition_results" ADD CONSTRAINT "FK_ad99acdb668877a36b7e8436405" FOREIGN KEY ("competition_id") REFERENCES "competitions"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "judging_reminders" ADD CONSTRAINT "FK_ce0063d925b4cf8e5d23b753136" FOREIGN KEY ("round_id") REFERENCES "judging_rounds"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `ALTER TABLE "judging_reminders" DROP CONSTRAINT "FK_ce0063d925b4cf8e5d23b753136"`,
    );
    await queryRunner.query(
      `ALTER TABLE "competition_results" DROP CONSTRAINT "FK_ad99acdb668877a36b7e8436405"`,
    );
    await queryRunner.query(
      `ALTER TABLE "judge_assignments" DROP CONSTRAINT "FK_960f6e37b18343355c63e4f6876"`,
    );
    await queryRunner.query(
      `ALTER TABLE "judge_assignments" DROP CONSTRAINT "FK_7379a5c41e246b9751765128e81"`,
    );
    await queryRunner.query(
      `ALTER TABLE "judge_assignments" DROP CONSTRAINT "FK_dbfde0f35645ef699e05f7cf058"`,
    );
    await queryRunner.query(
      `ALTER TABLE "judge_assignment_runs" DROP CONSTRAINT "FK_5d175aaf5d468bd84144b6cdfc5"`,
    );
    await queryRunner.query(
      `ALTER TABLE "judging_rounds" DROP CONSTRAINT "FK_9bd7bb733fb93419e9fde9ee906"`,
    );
    await queryRunner.query(
      `ALTER TABLE "judge_pool_members" DROP CONSTRAINT "FK_a17204b4e814264551f32963131"`,
    );
    await queryRunner.query(
      `ALTER TABLE "judge_pool_members" DROP CONSTRAINT "FK_697e945dae6e3f1bc7e4ea3e5ad"`,
    );
    await queryRunner.query(`DROP TABLE "judging_reminders"`);
    await queryRunner.query(`DROP TABLE "competition_results"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_ef1420ea925746eb597e8bcd8d"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_d6aa511ab74dc0aa1201b5d90e"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_7379a5c41e246b9751765128e8"`);
    await queryRunner.query(`DROP TABLE "judge_assignments"`);
    await queryRunner.query(`DROP INDEX "public"."UQ_judge_assignment_runs_one_active"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_5e576fdf8d945196c079e1014a"`);
    await queryRunner.query(`DROP TABLE "judge_assignment_runs"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_9bd7bb733fb93419e9fde9ee90"`);
    await queryRunner.query(`DROP TABLE "judging_rounds"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_bc6000c5c387378e1d39997fd5"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_a17204b4e814264551f3296313"`);
    await queryRunner.query(`DROP TABLE "judge_pool_members"`);
  }
}
