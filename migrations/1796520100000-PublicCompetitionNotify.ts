import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The API keeps the public answer of GET /competitions/{id} in memory (PublicCompetitionCache);
 * each API process LISTENs on kenal_public_competition and drops what these triggers name, so a
 * change made by any process (another API, the worker, plain SQL) reaches every cache. The answer
 * reads a competition row and its programme's time zone:
 * - 'competition:<id>': a competition changed or deleted (not one inserted: a miss is never
 *   kept, so no process holds its id);
 * - 'programme:<id>': a programme's time zone changed, its competitions go (a deleted programme
 *   deletes its competitions, which notify themselves);
 * - 'all:': competitions truncated (row triggers do not see that).
 * PostgreSQL delivers a notification at commit, once per distinct payload of a transaction.
 */
export class PublicCompetitionNotify1796520100000 implements MigrationInterface {
  name = 'PublicCompetitionNotify1796520100000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE FUNCTION kenal_notify_competition() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        PERFORM pg_notify('kenal_public_competition',
          'competition:' || CASE WHEN TG_OP = 'DELETE' THEN OLD.id ELSE NEW.id END);
        IF TG_OP = 'UPDATE' AND OLD.id <> NEW.id THEN
          PERFORM pg_notify('kenal_public_competition', 'competition:' || OLD.id);
        END IF;
        RETURN NULL;
      END $$`);
    await queryRunner.query(`
      CREATE TRIGGER kenal_notify_competition AFTER UPDATE OR DELETE ON competitions
        FOR EACH ROW EXECUTE FUNCTION kenal_notify_competition()`);
    await queryRunner.query(`
      CREATE FUNCTION kenal_notify_competitions_truncated() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        PERFORM pg_notify('kenal_public_competition', 'all:');
        RETURN NULL;
      END $$`);
    await queryRunner.query(`
      CREATE TRIGGER kenal_notify_competitions_truncated AFTER TRUNCATE ON competitions
        FOR EACH STATEMENT EXECUTE FUNCTION kenal_notify_competitions_truncated()`);
    await queryRunner.query(`
      CREATE FUNCTION kenal_notify_programme_timezone() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        PERFORM pg_notify('kenal_public_competition', 'programme:' || NEW.id);
        RETURN NULL;
      END $$`);
    await queryRunner.query(`
      CREATE TRIGGER kenal_notify_programme_timezone AFTER UPDATE ON programmes
        FOR EACH ROW WHEN (OLD.timezone IS DISTINCT FROM NEW.timezone)
        EXECUTE FUNCTION kenal_notify_programme_timezone()`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TRIGGER kenal_notify_programme_timezone ON programmes`);
    await queryRunner.query(`DROP FUNCTION kenal_notify_programme_timezone()`);
    await queryRunner.query(`DROP TRIGGER kenal_notify_competitions_truncated ON competitions`);
    await queryRunner.query(`DROP FUNCTION kenal_notify_competitions_truncated()`);
    await queryRunner.query(`DROP TRIGGER kenal_notify_competition ON competitions`);
    await queryRunner.query(`DROP FUNCTION kenal_notify_competition()`);
  }
}
