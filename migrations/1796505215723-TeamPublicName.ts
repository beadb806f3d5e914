import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Teams get the name their published results show (chosen by the leader; null publishes the
 * neutral "Team <code>"). Teams that were named after their leader when started without a name
 * (many leaders are minors) take the neutral name instead.
 */
export class TeamPublicName1796505215723 implements MigrationInterface {
  name = 'TeamPublicName1796505215723';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "teams" ADD "public_name" text`);
    await queryRunner.query(
      `UPDATE "teams" t SET "name" = 'Team ' || upper(substr(replace(t."id"::text, '-', ''), 1, 6))
         FROM "users" u WHERE u."id" = t."leader_id" AND t."name" = u."display_name"`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "teams" DROP COLUMN "public_name"`);
  }
}
