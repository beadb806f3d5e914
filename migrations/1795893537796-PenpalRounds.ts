import { MigrationInterface, QueryRunner } from 'typeorm';

export class PenpalRounds1795893537796 implements MigrationInterface {
  name = 'PenpalRounds1795893537796';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "matching_runs" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "round_id" uuid NOT NULL, "status" text NOT NULL DEFAULT 'queued', "progress" real NOT NULL DEFAULT '0', "seed" text NOT NULL, "stats" jsonb, "error" text, "created_by" uuid NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "started_at" TIMESTAMP WITH TIME ZONE, "finished_at" TIMESTAMP WITH TIME ZONE, "published_at" TIMESTAMP WITH TIME ZONE, CONSTRAINT "PK_c0bebed77bb3aa81e48b4654d40" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "IDX_5a4d46e94b211da658fa557b0a" ON "matching_runs"  ("round_id", "created_at") `,
    );
    await queryRunner.query(
      `CREATE UNIQUE INDEX "UQ_matching_runs_one_active" ON "matching_runs"  ("round_id") WHERE status IN ('queued', 'running')`,
    );
    await queryRunner.query(
      `CREATE TABLE "penpal_constraints" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "round_id" uuid NOT NULL, "type" text NOT NULL, "user_a" uuid NOT NULL, "user_b" uuid NOT NULL, "created_by" uuid NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_efe04f839da3dc23f16613212bd" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE UNIQUE INDEX "IDX_1ad05de406bdbe907450678d8a" ON "penpal_constraints"  ("round_id", "user_a", "user_b") `,
    );
    await queryRunner.query(
      `CREATE TABLE "penpal_enrolments" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "round_id" uuid NOT NULL, "user_id" uuid NOT NULL, "preferred_countries" text array NOT NULL DEFAULT '{}', "practise_languages" text array NOT NULL DEFAULT '{}', "gender_preference" text, "capacity" integer NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_38ea5cef54a60686cd290e8806a" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "IDX_d075e6b9603b6c1d7095d0cf74" ON "penpal_enrolments"  ("user_id") `,
    );
    await queryRunner.query(
      `CREATE UNIQUE INDEX "IDX_060df4061062c10d2163a53a2d" ON "penpal_enrolments"  ("round_id", "user_id") `,
    );
    await queryRunner.query(
      `CREATE TABLE "penpal_matches" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "run_id" uuid NOT NULL, "round_id" uuid NOT NULL, "user_a" uuid NOT NULL, "country_a" character(2) NOT NULL, "user_b" uuid NOT NULL, "country_b" character(2) NOT NULL, "score" integer NOT NULL, "reasons" text array NOT NULL, "pinned" boolean NOT NULL DEFAULT false, "status" text NOT NULL DEFAULT 'proposed', "response_a" text NOT NULL DEFAULT 'pending', "response_b" text NOT NULL DEFAULT 'pending', CONSTRAINT "PK_f16af2f27c9a3c723205a158a1e" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "IDX_bdf498c617898a487a1d48ac18" ON "penpal_matches"  ("user_a") `,
    );
    await queryRunner.query(
      `CREATE INDEX "IDX_8f9b20b8cb6a4267103be28b0b" ON "penpal_matches"  ("user_b") `,
    );
    await queryRunner.query(
      `CREATE INDEX "IDX_8875e02c45c33b21abe63de255" ON "penpal_matches"  ("round_id", "user_a", "user_b") `,
    );
    await queryRunner.query(
      `CREATE INDEX "IDX_eb8cbc34613e63f1bc80cc477f" ON "penpal_matches"  ("run_id", "score") `,
    );
    await queryRunner.query(
      `CREATE TABLE "penpal_rounds" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "programme_id" uuid NOT NULL, "name" text NOT NULL, "enrolment_opens_at" TIMESTAMP WITH TIME ZONE NOT NULL, "enrolment_closes_at" TIMESTAMP WITH TIME ZONE NOT NULL, "penpals_per_participant" integer NOT NULL DEFAULT '1', "rules" jsonb NOT NULL DEFAULT '{}', "weights" jsonb NOT NULL DEFAULT '{}', "country_balance" jsonb NOT NULL DEFAULT '{}', "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_e372cc62f0373b818d8d3dc2394" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "IDX_feec07e8e88453856f824fc67c" ON "penpal_rounds"  ("programme_id") `,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "public"."IDX_feec07e8e88453856f824fc67c"`);
    await queryRunner.query(`DROP TABLE "penpal_rounds"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_eb8cbc34613e63f1bc80cc477f"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_8875e02c45c33b21abe63de255"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_8f9b20b8cb6a4267103be28b0b"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_bdf498c617898a487a1d48ac18"`);
    await queryRunner.query(`DROP TABLE "penpal_matches"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_060df4061062c10d2163a53a2d"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_d075e6b9603b6c1d7095d0cf74"`);
    await queryRunner.query(`DROP TABLE "penpal_enrolments"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_1ad05de406bdbe907450678d8a"`);
    await queryRunner.query(`DROP TABLE "penpal_constraints"`);
    await queryRunner.query(`DROP INDEX "public"."UQ_matching_runs_one_active"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_5a4d46e94b211da658fa557b0a"`);
    await queryRunner.query(`DROP TABLE "matching_runs"`);
  }
}
