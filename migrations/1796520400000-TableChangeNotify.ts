import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The API keeps per-user answers in memory (TableChanges in src/database/table-changes.ts): each
 * API process LISTENs on kenal_table_change and, for a table named there, drops every cached
 * answer that read it. A statement-level trigger per table, so one UPDATE of many rows sends one
 * notification, a TRUNCATE one too, and PostgreSQL folds identical payloads of one transaction
 * into one, delivered at commit. Coarse on purpose: a cache that names its tables is correct
 * whatever a change touched, and test/table-changes.e2e-spec.ts checks that every table a cache
 * names is here. Queues and logs (outbox, audit, inbox, idempotency, upload sessions, letters,
 * runs, reminders) are not: no cached answer reads them, and they are written the most.
 */
const TABLES = [
  'users',
  'auth_sessions',
  'profiles',
  'guardian_consents',
  'programmes',
  'programme_coordinators',
  'competitions',
  'submissions',
  'submission_assets',
  'submission_versions',
  'teams',
  'team_members',
  'team_invitations',
  'judging_rounds',
  'judge_assignments',
  'judge_pool_members',
  'competition_results',
  'penpal_rounds',
  'penpal_enrolments',
  'penpal_matches',
  'penpal_constraints',
  'mentorships',
  'mentor_profiles',
];

export class TableChangeNotify1796520400000 implements MigrationInterface {
  name = 'TableChangeNotify1796520400000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE FUNCTION kenal_notify_table_change() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        PERFORM pg_notify('kenal_table_change', TG_TABLE_NAME);
        RETURN NULL;
      END $$`);
    for (const table of TABLES) {
      await queryRunner.query(`
        CREATE TRIGGER kenal_table_change AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON ${table}
          FOR EACH STATEMENT EXECUTE FUNCTION kenal_notify_table_change()`);
    }
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    for (const table of TABLES) {
      await queryRunner.query(`DROP TRIGGER kenal_table_change ON ${table}`);
    }
    await queryRunner.query(`DROP FUNCTION kenal_notify_table_change()`);
  }
}
