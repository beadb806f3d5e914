import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A change to a table of rows that each belong to one or two accounts (`users`, `auth_sessions`,
 * `profiles`, `guardian_consents`; `penpal_matches`, both pen pals) now names the accounts it
 * touched: the payload is `users:<id>,<id>…`, `auth_sessions:<user id>,…`, …, so a cache whose
 * answers read these rows only for their own caller drops that caller's answers instead of all (a
 * sign-in, anyone's profile saved, any pen pal's answer to a match, had emptied every such cache of
 * every API process). The ids come from the
 * statement's transition tables, one notification per statement as before; past NAMED_AT_MOST
 * accounts (a bulk change) or on TRUNCATE, the payload is the bare table name as before, and every
 * cache naming it is dropped. A statement that changed no row sends nothing.
 */
const NAMED_AT_MOST = 100;

const TABLES = [
  { table: 'users', accounts: ['id'] },
  { table: 'auth_sessions', accounts: ['user_id'] },
  { table: 'profiles', accounts: ['user_id'] },
  { table: 'guardian_consents', accounts: ['user_id'] },
  { table: 'penpal_matches', accounts: ['user_a', 'user_b'] },
] as const;

/** The accounts of the rows of these transition tables, one text column `id`. */
const accountsIn = (rows: string[], accounts: readonly string[]) =>
  rows.flatMap((r) => accounts.map((c) => `SELECT ${c}::text AS id FROM ${r}`)).join(' UNION ');

const EVENTS = [
  { event: 'INSERT', referencing: 'NEW TABLE AS new_rows' },
  { event: 'UPDATE', referencing: 'OLD TABLE AS old_rows NEW TABLE AS new_rows' },
  { event: 'DELETE', referencing: 'OLD TABLE AS old_rows' },
] as const;

export class TableChangeNamesUsers1796520700000 implements MigrationInterface {
  name = 'TableChangeNamesUsers1796520700000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    for (const { table, accounts } of TABLES) {
      // Transition tables exist only for the events that have them: each branch reads its own.
      await queryRunner.query(`
        CREATE FUNCTION kenal_notify_${table}_change() RETURNS trigger LANGUAGE plpgsql AS $$
        DECLARE
          ids text[];
        BEGIN
          IF TG_OP = 'INSERT' THEN
            SELECT array_agg(DISTINCT id) INTO ids FROM (${accountsIn(['new_rows'], accounts)}) r;
          ELSIF TG_OP = 'DELETE' THEN
            SELECT array_agg(DISTINCT id) INTO ids FROM (${accountsIn(['old_rows'], accounts)}) r;
          ELSE
            SELECT array_agg(DISTINCT id) INTO ids FROM (${accountsIn(['old_rows', 'new_rows'], accounts)}) r;
          END IF;
          IF ids IS NULL THEN
            RETURN NULL;
          ELSIF cardinality(ids) > ${NAMED_AT_MOST} THEN
            PERFORM pg_notify('kenal_table_change', TG_TABLE_NAME);
          ELSE
            PERFORM pg_notify('kenal_table_change', TG_TABLE_NAME || ':' || array_to_string(ids, ','));
          END IF;
          RETURN NULL;
        END $$`);
      await queryRunner.query(`DROP TRIGGER kenal_table_change ON ${table}`);
      for (const { event, referencing } of EVENTS) {
        await queryRunner.query(`
          CREATE TRIGGER kenal_table_change_${event.toLowerCase()} AFTER ${event} ON ${table}
            REFERENCING ${referencing}
            FOR EACH STATEMENT EXECUTE FUNCTION kenal_notify_${table}_change()`);
      }
      await queryRunner.query(`
        CREATE TRIGGER kenal_table_change AFTER TRUNCATE ON ${table}
          FOR EACH STATEMENT EXECUTE FUNCTION kenal_notify_table_change()`);
    }
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    for (const { table } of TABLES) {
      await queryRunner.query(`DROP TRIGGER kenal_table_change ON ${table}`);
      for (const { event } of EVENTS) {
        await queryRunner.query(
          `DROP TRIGGER kenal_table_change_${event.toLowerCase()} ON ${table}`,
        );
      }
      await queryRunner.query(`DROP FUNCTION kenal_notify_${table}_change()`);
      await queryRunner.query(`
        CREATE TRIGGER kenal_table_change AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON ${table}
          FOR EACH STATEMENT EXECUTE FUNCTION kenal_notify_table_change()`);
    }
  }
}
