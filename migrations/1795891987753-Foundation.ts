import { MigrationInterface, QueryRunner } from 'typeorm';

export class Foundation1795891987753 implements MigrationInterface {
  name = 'Foundation1795891987753';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "audit_events" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "actor_id" uuid, "action" text NOT NULL, "target_type" text NOT NULL, "target_id" text, "details" jsonb NOT NULL DEFAULT '{}', "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_910f64d901a5c3e9878f0d4a407" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "IDX_04c7c044146c6632491a370fc0" ON "audit_events"  ("actor_id") `,
    );
    await queryRunner.query(
      `CREATE INDEX "IDX_497bb4f7c4c55db9749616cd2a" ON "audit_events"  ("created_at") `,
    );
    await queryRunner.query(
      `CREATE INDEX "IDX_d5de0add56627328f0ce0aba9a" ON "audit_events"  ("target_type", "target_id") `,
    );
    await queryRunner.query(
      `CREATE TABLE "auth_sessions" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "user_id" uuid NOT NULL, "revoked_at" TIMESTAMP WITH TIME ZONE, "revoked_reason" text, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_641507381f32580e8479efc36cd" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "IDX_50ccaa6440288a06f0ba693ccc" ON "auth_sessions"  ("user_id") `,
    );
    await queryRunner.query(
      `CREATE TABLE "guardian_consents" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "user_id" uuid NOT NULL, "guardian_name" text NOT NULL, "guardian_email" text NOT NULL, "token_hash" text NOT NULL, "expires_at" TIMESTAMP WITH TIME ZONE NOT NULL, "confirmed_at" TIMESTAMP WITH TIME ZONE, "superseded_at" TIMESTAMP WITH TIME ZONE, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "UQ_5190c962585f3b6e72568f9810e" UNIQUE ("token_hash"), CONSTRAINT "PK_d37b04a1b5ec78724dfd0b39ead" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "IDX_b50c5ad09a4384202acafd3fb9" ON "guardian_consents"  ("user_id") `,
    );
    await queryRunner.query(
      `CREATE TABLE "password_tokens" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "user_id" uuid NOT NULL, "purpose" text NOT NULL, "token_hash" text NOT NULL, "expires_at" TIMESTAMP WITH TIME ZONE NOT NULL, "used_at" TIMESTAMP WITH TIME ZONE, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "UQ_d32f54ae25a41e7a96c2a3a4ce9" UNIQUE ("token_hash"), CONSTRAINT "PK_816120c39410c02dabd34b8672b" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "IDX_5ac1fd8593c46bf145b2b88619" ON "password_tokens"  ("user_id") `,
    );
    await queryRunner.query(
      `CREATE TABLE "users" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "email" text NOT NULL, "display_name" text NOT NULL, "password_hash" text, "roles" text array NOT NULL DEFAULT '{applicant}', "locale" text NOT NULL DEFAULT 'en', "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "UQ_97672ac88f789774dd47f7c8be3" UNIQUE ("email"), CONSTRAINT "PK_a3ffb1c0c8416b9fc6f907b7433" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE TABLE "profiles" ("user_id" uuid NOT NULL, "country" character(2) NOT NULL, "date_of_birth" date NOT NULL, "gender" text, "languages" jsonb NOT NULL DEFAULT '[]', "interests" text array NOT NULL DEFAULT '{}', "institution" text, "city" text, "bio" text, "timezone" text, "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_9e432b7df0d182f8d292902d1a2" PRIMARY KEY ("user_id"))`,
    );
    await queryRunner.query(
      `CREATE TABLE "refresh_tokens" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "session_id" uuid NOT NULL, "token_hash" text NOT NULL, "expires_at" TIMESTAMP WITH TIME ZONE NOT NULL, "used_at" TIMESTAMP WITH TIME ZONE, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_7d8bee0204106019488c4c50ffa" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "IDX_3bf308fa93da3966f9e76fcfba" ON "refresh_tokens"  ("session_id") `,
    );
    await queryRunner.query(
      `CREATE TABLE "inbox_entries" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "user_id" uuid NOT NULL, "outbox_id" uuid NOT NULL, "type" text NOT NULL, "title" text NOT NULL, "body" text NOT NULL, "read_at" TIMESTAMP WITH TIME ZONE, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "UQ_a670436e1deb2a3df921aa808d6" UNIQUE ("outbox_id"), CONSTRAINT "PK_824ef0e35be1eaa48c074873ce8" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "IDX_e8e4370ae696d17a2489a9ea34" ON "inbox_entries"  ("user_id", "created_at") `,
    );
    await queryRunner.query(
      `CREATE TABLE "outbox_messages" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "type" text NOT NULL, "recipient_user_id" uuid, "recipient_email" text NOT NULL, "locale" text NOT NULL DEFAULT 'en', "channels" text array NOT NULL, "payload" jsonb NOT NULL DEFAULT '{}', "status" text NOT NULL DEFAULT 'pending', "attempts" integer NOT NULL DEFAULT '0', "last_error" text, "email_sent_at" TIMESTAMP WITH TIME ZONE, "queued_at" TIMESTAMP WITH TIME ZONE, "delivered_at" TIMESTAMP WITH TIME ZONE, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_0171348f527c64b137e4d4f5b66" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "IDX_938f45c5a02cc8f440c3c49cb5" ON "outbox_messages"  ("recipient_user_id") `,
    );
    await queryRunner.query(
      `CREATE INDEX "IDX_619e9741bb7812292f54d1670a" ON "outbox_messages"  ("status", "created_at") `,
    );
    await queryRunner.query(
      `CREATE TABLE "programme_coordinators" ("programme_id" uuid NOT NULL, "user_id" uuid NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_ee98205ef44c1a37a8a63ca958e" PRIMARY KEY ("programme_id", "user_id"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "IDX_237c6b42e45b065cef0133eb03" ON "programme_coordinators"  ("user_id") `,
    );
    await queryRunner.query(
      `CREATE TABLE "programmes" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "name" text NOT NULL, "slug" text NOT NULL, "description" text, "timezone" text NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "UQ_336a51bd1f20303e5501fc36860" UNIQUE ("slug"), CONSTRAINT "PK_116b5f8dbb9f632d76bc144404f" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `ALTER TABLE "profiles" ADD CONSTRAINT "FK_9e432b7df0d182f8d292902d1a2" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `ALTER TABLE "profiles" DROP CONSTRAINT "FK_9e432b7df0d182f8d292902d1a2"`,
    );
    await queryRunner.query(`DROP TABLE "programmes"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_237c6b42e45b065cef0133eb03"`);
    await queryRunner.query(`DROP TABLE "programme_coordinators"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_619e9741bb7812292f54d1670a"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_938f45c5a02cc8f440c3c49cb5"`);
    await queryRunner.query(`DROP TABLE "outbox_messages"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_e8e4370ae696d17a2489a9ea34"`);
    await queryRunner.query(`DROP TABLE "inbox_entries"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_3bf308fa93da3966f9e76fcfba"`);
    await queryRunner.query(`DROP TABLE "refresh_tokens"`);
    await queryRunner.query(`DROP TABLE "profiles"`);
    await queryRunner.query(`DROP TABLE "users"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_5ac1fd8593c46bf145b2b88619"`);
    await queryRunner.query(`DROP TABLE "password_tokens"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_b50c5ad09a4384202acafd3fb9"`);
    await queryRunner.query(`DROP TABLE "guardian_consents"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_50ccaa6440288a06f0ba693ccc"`);
    await queryRunner.query(`DROP TABLE "auth_sessions"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_d5de0add56627328f0ce0aba9a"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_497bb4f7c4c55db9749616cd2a"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_04c7c044146c6632491a370fc0"`);
    await queryRunner.query(`DROP TABLE "audit_events"`);
  }
}
