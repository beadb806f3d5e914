import { MigrationInterface, QueryRunner } from 'typeorm';

export class Competitions1795894176033 implements MigrationInterface {
  name = 'Competitions1795894176033';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "competitions" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "programme_id" uuid NOT NULL, "kind" text NOT NULL, "title" text NOT NULL, "slug" text NOT NULL, "description" text, "submission_opens_at" TIMESTAMP WITH TIME ZONE NOT NULL, "submission_closes_at" TIMESTAMP WITH TIME ZONE NOT NULL, "eligibility" jsonb NOT NULL DEFAULT '{}', "rubric" jsonb NOT NULL, "limits" jsonb NOT NULL DEFAULT '{}', "rubric_locked_at" TIMESTAMP WITH TIME ZONE, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_ef273910798c3a542b475e75c7d" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE UNIQUE INDEX "IDX_3df2db5c7a328ac380c905aaf8" ON "competitions"  ("programme_id", "slug") `,
    );
    await queryRunner.query(
      `CREATE TABLE "teams" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "competition_id" uuid NOT NULL, "name" text NOT NULL, "leader_id" uuid NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_7e5523774a38b08a6236d322403" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "IDX_01799926ca2a97ad5b30b16fe5" ON "teams"  ("competition_id") `,
    );
    await queryRunner.query(
      `CREATE TABLE "team_members" ("team_id" uuid NOT NULL, "user_id" uuid NOT NULL, "competition_id" uuid NOT NULL, "joined_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_1d3c06a8217a8785e2af0ec4ab8" PRIMARY KEY ("team_id", "user_id"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "IDX_c2bf4967c8c2a6b845dadfbf3d" ON "team_members"  ("user_id") `,
    );
    await queryRunner.query(
      `CREATE UNIQUE INDEX "IDX_c4483c217f8109a3b968e7a4d5" ON "team_members"  ("competition_id", "user_id") `,
    );
    await queryRunner.query(
      `CREATE TABLE "team_invitations" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "team_id" uuid NOT NULL, "email" text NOT NULL, "token_hash" text NOT NULL, "invited_by_id" uuid NOT NULL, "status" text NOT NULL DEFAULT 'pending', "expires_at" TIMESTAMP WITH TIME ZONE NOT NULL, "responded_at" TIMESTAMP WITH TIME ZONE, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "UQ_a3b81d4086d367f5907b7d1d908" UNIQUE ("token_hash"), CONSTRAINT "PK_c14b443d431077f89344a3fd262" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "IDX_47d9ff0726cf20571e29480a99" ON "team_invitations"  ("team_id") `,
    );
    await queryRunner.query(
      `CREATE TABLE "submissions" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "competition_id" uuid NOT NULL, "team_id" uuid NOT NULL, "kind" text NOT NULL, "title" text NOT NULL, "status" text NOT NULL DEFAULT 'draft', "fields" jsonb NOT NULL DEFAULT '{}', "version" integer NOT NULL DEFAULT '1', "extension_until" TIMESTAMP WITH TIME ZONE, "submitted_at" TIMESTAMP WITH TIME ZONE, "withdrawn_at" TIMESTAMP WITH TIME ZONE, "created_by_id" uuid NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_10b3be95b8b2fb1e482e07d706b" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "IDX_744e0ddbe7ee244176b7bd1dd4" ON "submissions"  ("team_id") `,
    );
    await queryRunner.query(
      `CREATE INDEX "IDX_a625b713b61dfeb42c480e4f2d" ON "submissions"  ("competition_id", "status") `,
    );
    await queryRunner.query(
      `CREATE TABLE "submission_versions" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "submission_id" uuid NOT NULL, "version" integer NOT NULL, "action" text NOT NULL, "author_id" uuid, "changes" jsonb NOT NULL DEFAULT '{}', "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_47df3ef399d70ac2133f7d07090" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE UNIQUE INDEX "IDX_32e1b7329bb59f8892d15caefc" ON "submission_versions"  ("submission_id", "version") `,
    );
    await queryRunner.query(
      `CREATE TABLE "submission_assets" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "submission_id" uuid NOT NULL, "role" text NOT NULL, "mime" text NOT NULL, "size" bigint NOT NULL, "sha256" character(64) NOT NULL, "storage_key" text NOT NULL, "original_name" text, "uploaded_by_id" uuid NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_2d53146a21c3d4925842cc5bdfc" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "IDX_0548a3daaa3ba27275fc6c6d12" ON "submission_assets"  ("submission_id") `,
    );
    await queryRunner.query(
      `CREATE TABLE "idempotency_keys" ("user_id" uuid NOT NULL, "key" text NOT NULL, "request_hash" text NOT NULL, "response_status" integer NOT NULL, "response_body" jsonb NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_392b1af86f210d98d3f0c764728" PRIMARY KEY ("user_id", "key"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "IDX_5e72f040fdc5efc8eef52a388c" ON "idempotency_keys"  ("created_at") `,
    );
    await queryRunner.query(
      `CREATE TABLE "deadline_reminders" ("submission_id" uuid NOT NULL, "hours_before" integer NOT NULL, "closes_at" TIMESTAMP WITH TIME ZONE NOT NULL, "sent_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_cd9ca44a02f37a94120bad5048b" PRIMARY KEY ("submission_id", "hours_before", "closes_at"))`,
    );
    await queryRunner.query(
      `ALTER TABLE "competitions" ADD CONSTRAINT "FK_addf3b930ea15c65944f2443edb" FOREIGN KEY ("programme_id") REFERENCES "programmes"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "teams" ADD CONSTRAINT "FK_01799926ca2a97ad5b30b16fe56" FOREIGN KEY ("competition_id") REFERENCES "competitions"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "teams" ADD CONSTRAINT "FK_10c8e335dc32010ef90abe65cec" FOREIGN KEY ("leader_id") REFERENCES "users"("id") ON DELETE NO ACTION ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "team_members" ADD CONSTRAINT "FK_fdad7d5768277e60c40e01cdcea" FOREIGN KEY ("team_id") REFERENCES "teams"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "team_members" ADD CONSTRAINT "FK_c2bf4967c8c2a6b845dadfbf3d4" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "team_invitations" ADD CONSTRAINT "FK_47d9ff0726cf20571e29480a99b" FOREIGN KEY ("team_id") REFERENCES "teams"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "submissions" ADD CONSTRAINT "FK_a83fc1108ba38cc6c1d471587c4" FOREIGN KEY ("competition_id") REFERENCES "competitions"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "submissions" ADD CONSTRAINT "FK_744e0ddbe7ee244176b7bd1dd44" FOREIGN KEY ("team_id") REFERENCES "teams"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "submission_versions" ADD CONSTRAINT "FK_ad0247bc4a35b683313e99290d9" FOREIGN KEY ("submission_id") REFERENCES "submissions"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "submission_assets" ADD CONSTRAINT "FK_0548a3daaa3ba27275fc6c6d126" FOREIGN KEY ("submission_id") REFERENCES "submissions"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "deadline_reminders" ADD CONSTRAINT "FK_681f89f8d78c2fbcadf510b8d3d" FOREIGN KEY ("submission_id") REFERENCES "submissions"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `ALTER TABLE "deadline_reminders" DROP CONSTRAINT "FK_681f89f8d78c2fbcadf510b8d3d"`,
    );
    await queryRunner.query(
      `ALTER TABLE "submission_assets" DROP CONSTRAINT "FK_0548a3daaa3ba27275fc6c6d126"`,
    );
    await queryRunner.query(
      `ALTER TABLE "submission_versions" DROP CONSTRAINT "FK_ad0247bc4a35b683313e99290d9"`,
    );
    await queryRunner.query(
      `ALTER TABLE "submissions" DROP CONSTRAINT "FK_744e0ddbe7ee244176b7bd1dd44"`,
    );
    await queryRunner.query(
      `ALTER TABLE "submissions" DROP CONSTRAINT "FK_a83fc1108ba38cc6c1d471587c4"`,
    );
    await queryRunner.query(
      `ALTER TABLE "team_invitations" DROP CONSTRAINT "FK_47d9ff0726cf20571e29480a99b"`,
    );
    await queryRunner.query(
      `ALTER TABLE "team_members" DROP CONSTRAINT "FK_c2bf4967c8c2a6b845dadfbf3d4"`,
    );
    await queryRunner.query(
      `ALTER TABLE "team_members" DROP CONSTRAINT "FK_fdad7d5768277e60c40e01cdcea"`,
    );
    await queryRunner.query(`ALTER TABLE "teams" DROP CONSTRAINT "FK_10c8e335dc32010ef90abe65cec"`);
    await queryRunner.query(`ALTER TABLE "teams" DROP CONSTRAINT "FK_01799926ca2a97ad5b30b16fe56"`);
    await queryRunner.query(
      `ALTER TABLE "competitions" DROP CONSTRAINT "FK_addf3b930ea15c65944f2443edb"`,
    );
    await queryRunner.query(`DROP TABLE "deadline_reminders"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_5e72f040fdc5efc8eef52a388c"`);
    await queryRunner.query(`DROP TABLE "idempotency_keys"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_0548a3daaa3ba27275fc6c6d12"`);
    await queryRunner.query(`DROP TABLE "submission_assets"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_32e1b7329bb59f8892d15caefc"`);
    await queryRunner.query(`DROP TABLE "submission_versions"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_a625b713b61dfeb42c480e4f2d"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_744e0ddbe7ee244176b7bd1dd4"`);
    await queryRunner.query(`DROP TABLE "submissions"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_47d9ff0726cf20571e29480a99"`);
    await queryRunner.query(`DROP TABLE "team_invitations"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_c4483c217f8109a3b968e7a4d5"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_c2bf4967c8c2a6b845dadfbf3d"`);
    await queryRunner.query(`DROP TABLE "team_members"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_01799926ca2a97ad5b30b16fe5"`);
    await queryRunner.query(`DROP TABLE "teams"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_3df2db5c7a328ac380c905aaf8"`);
    await queryRunner.query(`DROP TABLE "competitions"`);
  }
}
