import { MigrationInterface, QueryRunner } from 'typeorm';

/** The pair a rotated refresh token gave, sealed with a key only that token's secret derives. */
export class RefreshGrace1796505221250 implements MigrationInterface {
  name = 'RefreshGrace1796505221250';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "refresh_tokens" ADD "successor_sealed" text`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "refresh_tokens" DROP COLUMN "successor_sealed"`);
  }
}
