import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A letter written in one statement (bench:letters: a write cost four round trips, BEGIN, the
 * match locked with all it reads, the insert, COMMIT). The API reads the write's context without
 * a lock and decides the letter (held, travelling or delivered); this function then locks the
 * match, checks that what the decision rested on still holds (the match active between these
 * two, the round's letter rules, both pen pals' country and date of birth), counts the writer's
 * letters of the last 24 hours and inserts the letter. Each statement of a plpgsql function
 * takes its own snapshot under READ COMMITTED, so the count, made after the lock, sees a letter
 * that another write committed while this one waited for the lock: the daily limit holds for
 * letters written at once, as it did in the transaction. Returns the letter's id, 'over' (the
 * daily limit reached) or 'stale' (something changed: the API decides again under the lock).
 */
export class LetterWriteFunction1796519800000 implements MigrationInterface {
  name = 'LetterWriteFunction1796519800000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE FUNCTION kenal_write_letter(
        p_match uuid, p_sender uuid, p_recipient uuid, p_body text, p_language text,
        p_status text, p_deliver_at timestamptz, p_delivered_at timestamptz, p_held_reason text,
        p_held_kinds text[], p_created_at timestamptz, p_per_day int, p_letter_delay text,
        p_screen_adults boolean, p_sender_country text, p_sender_dob date,
        p_recipient_country text, p_recipient_dob date
      ) RETURNS text LANGUAGE plpgsql VOLATILE AS $$
      DECLARE
        found_match uuid;
        written int;
        new_id uuid;
      BEGIN
        SELECT m.id INTO found_match
          FROM penpal_matches m
          JOIN penpal_rounds r ON r.id = m.round_id
          LEFT JOIN profiles sp ON sp.user_id = p_sender
          LEFT JOIN profiles rp ON rp.user_id = p_recipient
         WHERE m.id = p_match AND m.status = 'accepted'
           AND ((m.user_a = p_sender AND m.user_b = p_recipient)
             OR (m.user_b = p_sender AND m.user_a = p_recipient))
           AND r.letter_delay = p_letter_delay AND r.letters_per_day = p_per_day
           AND r.screen_adult_letters = p_screen_adults
           AND sp.country IS NOT DISTINCT FROM p_sender_country
           AND sp.date_of_birth IS NOT DISTINCT FROM p_sender_dob
           AND rp.country IS NOT DISTINCT FROM p_recipient_country
           AND rp.date_of_birth IS NOT DISTINCT FROM p_recipient_dob
           FOR UPDATE OF m;
        IF found_match IS NULL THEN
          RETURN 'stale';
        END IF;
        SELECT count(*) INTO written FROM letters
         WHERE match_id = p_match AND sender_id = p_sender
           AND created_at > p_created_at - interval '24 hours';
        IF written >= p_per_day THEN
          RETURN 'over';
        END IF;
        INSERT INTO letters (match_id, sender_id, recipient_id, body, language, status, deliver_at,
                             delivered_at, held_reason, held_kinds, created_at)
        VALUES (p_match, p_sender, p_recipient, p_body, p_language, p_status, p_deliver_at,
                p_delivered_at, p_held_reason, p_held_kinds, p_created_at)
        RETURNING id INTO new_id;
        RETURN new_id::text;
      END
      $$`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `DROP FUNCTION kenal_write_letter(uuid, uuid, uuid, text, text, text, timestamptz, timestamptz, text, text[], timestamptz, int, text, boolean, text, date, text, date)`,
    );
  }
}
