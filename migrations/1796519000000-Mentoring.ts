import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Mentoring (issue 16): mentors' profiles; rounds of a competition with their mentors and the
 * coordinator's pins and forbids; matching runs and the pairs they propose; published
 * mentorships and their check-ins. Mentoring owns these tables; other features' rows are only
 * referenced by id (a mentor profile cascades with its account).
 */
export class Mentoring1796519000000 implements MigrationInterface {
  name = 'Mentoring1796519000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "mentor_profiles" ("user_id" uuid NOT NULL, "organisation" text NOT NULL, "sector" text NOT NULL, "sdgs" integer array NOT NULL DEFAULT '{}', "topics" text array NOT NULL DEFAULT '{}', "countries" text array NOT NULL DEFAULT '{}', "languages" jsonb NOT NULL DEFAULT '[]', "capacity" integer NOT NULL, "bio" text, "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_5fa86c14c3a0de91f7253a180bb" PRIMARY KEY ("user_id"))`,
    );
    await queryRunner.query(
      `CREATE TABLE "mentoring_rounds" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "competition_id" uuid NOT NULL, "name" text NOT NULL, "teams" jsonb NOT NULL, "mentors_per_team" integer NOT NULL, "starts_at" TIMESTAMP WITH TIME ZONE NOT NULL, "ends_at" TIMESTAMP WITH TIME ZONE NOT NULL, "created_by" uuid NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_0c458b9e8117405d533914b535d" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "IDX_a390822177cca14781dae7ad6a" ON "mentoring_rounds"  ("competition_id", "created_at") `,
    );
    await queryRunner.query(
      `CREATE TABLE "mentoring_round_mentors" ("round_id" uuid NOT NULL, "user_id" uuid NOT NULL, "added_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_fcf26dd3da8e4c639d88be79cec" PRIMARY KEY ("round_id", "user_id"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "IDX_d43a7f2952c38198757c3aad5d" ON "mentoring_round_mentors"  ("user_id") `,
    );
    await queryRunner.query(
      `CREATE TABLE "mentoring_constraints" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "round_id" uuid NOT NULL, "submission_id" uuid NOT NULL, "mentor_id" uuid NOT NULL, "type" text NOT NULL, "created_by" uuid NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_c508af1433618fb5268262f3d9e" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "IDX_e824ab1988a9948d42667d059c" ON "mentoring_constraints"  ("mentor_id") `,
    );
    await queryRunner.query(
      `CREATE UNIQUE INDEX "IDX_5953bb729c4594daa464e02e43" ON "mentoring_constraints"  ("round_id", "submission_id", "mentor_id") `,
    );
    await queryRunner.query(
      `CREATE TABLE "mentoring_runs" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "round_id" uuid NOT NULL, "status" text NOT NULL DEFAULT 'queued', "progress" real NOT NULL DEFAULT '0', "stats" jsonb, "error" text, "created_by" uuid NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "started_at" TIMESTAMP WITH TIME ZONE, "finished_at" TIMESTAMP WITH TIME ZONE, "published_at" TIMESTAMP WITH TIME ZONE, CONSTRAINT "PK_a7232bccad52de86b92c235ac39" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "IDX_2c70affbdadb5e7cf8dbb2dda8" ON "mentoring_runs"  ("round_id", "created_at") `,
    );
    await queryRunner.query(
      `CREATE UNIQUE INDEX "UQ_mentoring_runs_one_active" ON "mentoring_runs"  ("round_id") WHERE status IN ('queued', 'running')`,
    );
    await queryRunner.query(
      `CREATE TABLE "mentoring_matches" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "run_id" uuid NOT NULL, "submission_id" uuid NOT NULL, "team_id" uuid NOT NULL, "mentor_id" uuid NOT NULL, "score" integer NOT NULL, "reasons" jsonb NOT NULL DEFAULT '[]', "pinned" boolean NOT NULL DEFAULT false, CONSTRAINT "PK_78bc2abb8a6a492ef7eefb65fb4" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "IDX_2749e711af84ee6c156fe2389b" ON "mentoring_matches"  ("mentor_id") `,
    );
    await queryRunner.query(
      `CREATE INDEX "IDX_81ad276aec0b0c4d9f906c54c8" ON "mentoring_matches"  ("run_id", "score") `,
    );
    await queryRunner.query(
      `CREATE TABLE "mentorships" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "round_id" uuid NOT NULL, "run_id" uuid NOT NULL, "submission_id" uuid NOT NULL, "team_id" uuid NOT NULL, "mentor_id" uuid NOT NULL, "score" integer NOT NULL, "reasons" jsonb NOT NULL DEFAULT '[]', "status" text NOT NULL DEFAULT 'active', "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "last_activity_at" TIMESTAMP WITH TIME ZONE NOT NULL, "reminded_at" TIMESTAMP WITH TIME ZONE, CONSTRAINT "PK_57c594aeb4b0aed94a827f82c48" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "IDX_cc16006195d041093c26431759" ON "mentorships"  ("team_id") `,
    );
    await queryRunner.query(
      `CREATE INDEX "IDX_54ff14b29432a4b4a78df075b9" ON "mentorships"  ("mentor_id") `,
    );
    await queryRunner.query(
      `CREATE UNIQUE INDEX "IDX_fc7f3ceee16fbe0b8cfc1b1f03" ON "mentorships"  ("round_id", "submission_id", "mentor_id") `,
    );
    await queryRunner.query(
      `CREATE TABLE "mentoring_check_ins" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "mentorship_id" uuid NOT NULL, "author_id" uuid, "happened_on" date NOT NULL, "summary" text NOT NULL, "next_steps" text, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_0308fba7220ac4753102b25f124" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "IDX_81f83efc261c9a80873a3077f0" ON "mentoring_check_ins"  ("mentorship_id") `,
    );
    await queryRunner.query(
      `CREATE INDEX "IDX_74df87ee642424bda002f88530" ON "mentoring_check_ins"  ("author_id") `,
    );
    await queryRunner.query(
      `ALTER TABLE "mentor_profiles" ADD CONSTRAINT "FK_5fa86c14c3a0de91f7253a180bb" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "mentoring_round_mentors" ADD CONSTRAINT "FK_99f114e1b29e37f44f3db910299" FOREIGN KEY ("round_id") REFERENCES "mentoring_rounds"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "mentoring_constraints" ADD CONSTRAINT "FK_65066c2aed1b8885c55903f41eb" FOREIGN KEY ("round_id") REFERENCES "mentoring_rounds"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "mentoring_runs" ADD CONSTRAINT "FK_9216e6a3cc11f73115afce66232" FOREIGN KEY ("round_id") REFERENCES "mentoring_rounds"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "mentoring_matches" ADD CONSTRAINT "FK_d131e42d8acd59f6f9374baece4" FOREIGN KEY ("run_id") REFERENCES "mentoring_runs"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "mentorships" ADD CONSTRAINT "FK_4bd9cbecdc312f098c75bf32a56" FOREIGN KEY ("round_id") REFERENCES "mentoring_rounds"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "mentoring_check_ins" ADD CONSTRAINT "FK_81f83efc261c9a80873a3077f02" FOREIGN KEY ("mentorship_id") REFERENCES "mentorships"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `ALTER TABLE "mentoring_check_ins" DROP CONSTRAINT "FK_81f83efc261c9a80873a3077f02"`,
    );
    await queryRunner.query(
      `ALTER TABLE "mentorships" DROP CONSTRAINT "FK_4bd9cbecdc312f098c75bf32a56"`,
    );
    await queryRunner.query(
      `ALTER TABLE "mentoring_matches" DROP CONSTRAINT "FK_d131e42d8acd59f6f9374baece4"`,
    );
    await queryRunner.query(
      `ALTER TABLE "mentoring_runs" DROP CONSTRAINT "FK_9216e6a3cc11f73115afce66232"`,
    );
    await queryRunner.query(
      `ALTER TABLE "mentoring_constraints" DROP CONSTRAINT "FK_65066c2aed1b8885c55903f41eb"`,
    );
    await queryRunner.query(
      `ALTER TABLE "mentoring_round_mentors" DROP CONSTRAINT "FK_99f114e1b29e37f44f3db910299"`,
    );
    await queryRunner.query(
      `ALTER TABLE "mentor_profiles" DROP CONSTRAINT "FK_5fa86c14c3a0de91f7253a180bb"`,
    );
    await queryRunner.query(`DROP INDEX "public"."IDX_74df87ee642424bda002f88530"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_81f83efc261c9a80873a3077f0"`);
    await queryRunner.query(`DROP TABLE "mentoring_check_ins"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_fc7f3ceee16fbe0b8cfc1b1f03"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_54ff14b29432a4b4a78df075b9"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_cc16006195d041093c26431759"`);
    await queryRunner.query(`DROP TABLE "mentorships"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_81ad276aec0b0c4d9f906c54c8"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_2749e711af84ee6c156fe2389b"`);
    await queryRunner.query(`DROP TABLE "mentoring_matches"`);
    await queryRunner.query(`DROP INDEX "public"."UQ_mentoring_runs_one_active"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_2c70affbdadb5e7cf8dbb2dda8"`);
    await queryRunner.query(`DROP TABLE "mentoring_runs"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_5953bb729c4594daa464e02e43"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_e824ab1988a9948d42667d059c"`);
    await queryRunner.query(`DROP TABLE "mentoring_constraints"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_d43a7f2952c38198757c3aad5d"`);
    await queryRunner.query(`DROP TABLE "mentoring_round_mentors"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_a390822177cca14781dae7ad6a"`);
    await queryRunner.query(`DROP TABLE "mentoring_rounds"`);
    await queryRunner.query(`DROP TABLE "mentor_profiles"`);
  }
}
