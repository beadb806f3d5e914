import { MigrationInterface, QueryRunner } from 'typeorm';

/** Letters between pen pals, moderation cases, the round's letter settings and how a match ended. */
export class Letters1796507038051 implements MigrationInterface {
  name = 'Letters1796507038051';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "letters" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "match_id" uuid NOT NULL, "sender_id" uuid NOT NULL, "recipient_id" uuid NOT NULL, "body" text NOT NULL, "language" text, "status" text NOT NULL, "deliver_at" TIMESTAMP WITH TIME ZONE NOT NULL, "delivered_at" TIMESTAMP WITH TIME ZONE, "read_at" TIMESTAMP WITH TIME ZONE, "held_reason" text, "held_kinds" text array NOT NULL DEFAULT '{}', "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_bf70c41d26aa84cf2651d571889" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "IDX_6fdd7ebe67fd9d48d4370a02da" ON "letters"  ("sender_id") `,
    );
    await queryRunner.query(
      `CREATE INDEX "IDX_25ec4125e272e03c09201ccaf1" ON "letters"  ("recipient_id") `,
    );
    await queryRunner.query(
      `CREATE INDEX "IDX_letters_due" ON "letters"  ("deliver_at") WHERE "status" = 'scheduled'`,
    );
    await queryRunner.query(
      `CREATE INDEX "IDX_0e48859dcd72b79ec927a526a8" ON "letters"  ("match_id", "sender_id", "created_at") `,
    );
    await queryRunner.query(
      `CREATE INDEX "IDX_ac571b257f88fa8039de097bf5" ON "letters"  ("match_id", "created_at") `,
    );
    await queryRunner.query(
      `CREATE TABLE "letter_email_marks" ("match_id" uuid NOT NULL, "recipient_id" uuid NOT NULL, "emailed_at" TIMESTAMP WITH TIME ZONE NOT NULL, CONSTRAINT "PK_b90f863187a2d9ddd092b2a9f09" PRIMARY KEY ("match_id", "recipient_id"))`,
    );
    await queryRunner.query(
      `CREATE TABLE "moderation_cases" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "programme_id" uuid NOT NULL, "letter_id" uuid NOT NULL, "kind" text NOT NULL, "reason" text NOT NULL, "detail" text, "reporter_id" uuid, "status" text NOT NULL DEFAULT 'open', "decision" text, "note" text, "decided_by" uuid, "decided_at" TIMESTAMP WITH TIME ZONE, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_459740d91f1b96e6cc910ad29e1" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "IDX_f8aac96abcc2b1947d4c91d880" ON "moderation_cases"  ("letter_id") `,
    );
    await queryRunner.query(
      `CREATE INDEX "IDX_d057ff59adbce386052b2c08c7" ON "moderation_cases"  ("programme_id", "status", "created_at") `,
    );
    await queryRunner.query(`ALTER TABLE "penpal_matches" ADD "ended_at" TIMESTAMP WITH TIME ZONE`);
    await queryRunner.query(`ALTER TABLE "penpal_matches" ADD "ended_by" uuid`);
    await queryRunner.query(
      `ALTER TABLE "penpal_rounds" ADD "letter_delay" text NOT NULL DEFAULT 'none'`,
    );
    await queryRunner.query(
      `ALTER TABLE "penpal_rounds" ADD "letters_per_day" integer NOT NULL DEFAULT '5'`,
    );
    await queryRunner.query(
      `ALTER TABLE "penpal_rounds" ADD "screen_adult_letters" boolean NOT NULL DEFAULT false`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "penpal_rounds" DROP COLUMN "screen_adult_letters"`);
    await queryRunner.query(`ALTER TABLE "penpal_rounds" DROP COLUMN "letters_per_day"`);
    await queryRunner.query(`ALTER TABLE "penpal_rounds" DROP COLUMN "letter_delay"`);
    await queryRunner.query(`ALTER TABLE "penpal_matches" DROP COLUMN "ended_by"`);
    await queryRunner.query(`ALTER TABLE "penpal_matches" DROP COLUMN "ended_at"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_d057ff59adbce386052b2c08c7"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_f8aac96abcc2b1947d4c91d880"`);
    await queryRunner.query(`DROP TABLE "moderation_cases"`);
    await queryRunner.query(`DROP TABLE "letter_email_marks"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_ac571b257f88fa8039de097bf5"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_0e48859dcd72b79ec927a526a8"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_letters_due"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_25ec4125e272e03c09201ccaf1"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_6fdd7ebe67fd9d48d4370a02da"`);
    await queryRunner.query(`DROP TABLE "letters"`);
  }
}
