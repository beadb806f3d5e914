import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * An in-app notification keeps its payload, so it is rendered in the reader's language of the
 * moment they read it. Entries whose outbox row is still kept take its payload (delivered rows
 * no longer hold a live token); older ones keep the title and body they were written with.
 */
export class InboxPayload1796516942731 implements MigrationInterface {
  name = 'InboxPayload1796516942731';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "inbox_entries" ADD "payload" jsonb`);
    await queryRunner.query(
      `UPDATE "inbox_entries" i SET "payload" = o."payload"
         FROM "outbox_messages" o
        WHERE o."id" = i."outbox_id" AND o."status" = 'delivered' AND o."type" = i."type"`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "inbox_entries" DROP COLUMN "payload"`);
  }
}
