import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Messages already sent (or given up) forget the token of their link, as delivery now does: the
 * emailed link keeps working, the copy in the outbox no longer lets anyone in.
 */
export class OutboxForgetsTokens1796507382245 implements MigrationInterface {
  name = 'OutboxForgetsTokens1796507382245';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `UPDATE "outbox_messages"
          SET "payload" = regexp_replace("payload"::text,
                '(/(password-reset|guardian-consents|team-invitations)/)[A-Za-z0-9_%-]+', '\\1***', 'g')::jsonb
        WHERE "status" IN ('delivered', 'failed')
          AND "payload"::text ~ '/(password-reset|guardian-consents|team-invitations)/'`,
    );
  }

  public async down(): Promise<void> {
    // The tokens are gone for good; nothing to put back.
  }
}
