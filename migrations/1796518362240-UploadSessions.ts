import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Resumable uploads: a session per file sent in pieces. The bytes received so far live in the
 * asset storage under `uploads/<id>`; the row says whose they are, for which entry, the declared
 * size, until when the session may be resumed, and whether a request is writing to it now.
 */
export class UploadSessions1796518362240 implements MigrationInterface {
  name = 'UploadSessions1796518362240';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "upload_sessions" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "submission_id" uuid NOT NULL, "user_id" uuid NOT NULL, "role" text NOT NULL, "name" text, "size" bigint NOT NULL, "busy_until" TIMESTAMP WITH TIME ZONE, "expires_at" TIMESTAMP WITH TIME ZONE NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_4b6ca30b8bb2baa0de9c6bf8fea" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "IDX_6e7a7a2615f596f3569e714d5f" ON "upload_sessions" ("user_id") `,
    );
    await queryRunner.query(
      `CREATE INDEX "IDX_cc426199d891d502c198944a89" ON "upload_sessions" ("expires_at") `,
    );
    await queryRunner.query(
      `ALTER TABLE "upload_sessions" ADD CONSTRAINT "FK_82d15a5120b76cb9557af6eca1e" FOREIGN KEY ("submission_id") REFERENCES "submissions"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "upload_sessions" ADD CONSTRAINT "FK_6e7a7a2615f596f3569e714d5f2" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `ALTER TABLE "upload_sessions" DROP CONSTRAINT "FK_6e7a7a2615f596f3569e714d5f2"`,
    );
    await queryRunner.query(
      `ALTER TABLE "upload_sessions" DROP CONSTRAINT "FK_82d15a5120b76cb9557af6eca1e"`,
    );
    await queryRunner.query(`DROP INDEX "public"."IDX_cc426199d891d502c198944a89"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_6e7a7a2615f596f3569e714d5f"`);
    await queryRunner.query(`DROP TABLE "upload_sessions"`);
  }
}
