import type { EntityManager } from 'typeorm';
import { PEOPLE, PROFILES } from '../identity/people-sql';

/**
 * Read functions other features use to reach competitions' tables (issue 15): a competition's
 * owner programme, its awarded entries, and a project entry with its team, members and the
 * members' profile facts (institution, country, languages) that matching needs.
 */
export interface CompetitionInfo {
  id: string;
  programmeId: string;
  kind: string;
  title: string;
}

export async function competitionInfo(
  m: EntityManager,
  id: string,
): Promise<CompetitionInfo | null> {
  const rows: CompetitionInfo[] = await m.query(
    `SELECT id, programme_id AS "programmeId", kind, title FROM competitions WHERE id = $1`,
    [id],
  );
  return rows[0] ?? null;
}

/** The entries published results made winners (status awarded), oldest first. */
export async function awardedEntryIds(m: EntityManager, competitionId: string): Promise<string[]> {
  const rows: { id: string }[] = await m.query(
    `SELECT id FROM submissions WHERE competition_id = $1 AND status = 'awarded' ORDER BY created_at, id`,
    [competitionId],
  );
  return rows.map((r) => r.id);
}

export interface EntryMember {
  userId: string;
  displayName: string;
  email: string;
  locale: string;
  country: string | null;
  institution: string | null;
  languages: { code: string; level: string }[];
  interests: string[];
}

export interface ProjectEntry {
  submissionId: string;
  competitionId: string;
  teamId: string;
  teamName: string;
  title: string;
  problem: string | null;
  sdgs: number[];
  targetCountries: string[];
  partnersSought: string[];
  members: EntryMember[];
}

/** Entries by id (unknown ids are skipped), each with its team's members, in the order asked. */
export async function projectEntries(
  m: EntityManager,
  submissionIds: readonly string[],
): Promise<ProjectEntry[]> {
  if (submissionIds.length === 0) return [];
  const entries: Omit<ProjectEntry, 'members'>[] = await m.query(
    `SELECT s.id AS "submissionId", s.competition_id AS "competitionId", t.id AS "teamId",
            t.name AS "teamName", s.title, s.fields->>'problem' AS problem,
            COALESCE(ARRAY(SELECT jsonb_array_elements_text(CASE WHEN jsonb_typeof(s.fields->'sdgs') = 'array' THEN s.fields->'sdgs' ELSE '[]' END))::int[], '{}') AS sdgs,
            COALESCE(ARRAY(SELECT jsonb_array_elements_text(CASE WHEN jsonb_typeof(s.fields->'targetCountries') = 'array' THEN s.fields->'targetCountries' ELSE '[]' END)), '{}') AS "targetCountries",
            COALESCE(ARRAY(SELECT jsonb_array_elements_text(CASE WHEN jsonb_typeof(s.fields->'partnersSought') = 'array' THEN s.fields->'partnersSought' ELSE '[]' END)), '{}') AS "partnersSought"
       FROM unnest($1::uuid[]) WITH ORDINALITY AS x(id, n)
       JOIN submissions s ON s.id = x.id
       JOIN teams t ON t.id = s.team_id
      ORDER BY x.n`,
    [[...submissionIds]],
  );
  const members: (EntryMember & { teamId: string })[] = await m.query(
    `SELECT tm.team_id AS "teamId", u.id AS "userId", u.display_name AS "displayName", u.email,
            u.locale, p.country, p.institution, COALESCE(p.languages, '[]') AS languages,
            COALESCE(p.interests, '{}') AS interests
       FROM team_members tm
       JOIN ${PEOPLE} u ON u.id = tm.user_id
       LEFT JOIN ${PROFILES} p ON p.user_id = u.id
      WHERE tm.team_id = ANY($1::uuid[])
      ORDER BY tm.joined_at, u.id`,
    [[...new Set(entries.map((e) => e.teamId))]],
  );
  const byTeam = new Map<string, EntryMember[]>();
  for (const { teamId, ...member } of members) {
    const list = byTeam.get(teamId) ?? [];
    list.push(member);
    byTeam.set(teamId, list);
  }
  return entries.map((e) => ({ ...e, members: byTeam.get(e.teamId) ?? [] }));
}

/** The teams a person is a member of, across competitions. */
export async function teamIdsOf(m: EntityManager, userId: string): Promise<string[]> {
  const rows: { team_id: string }[] = await m.query(
    `SELECT team_id FROM team_members WHERE user_id = $1`,
    [userId],
  );
  return rows.map((r) => r.team_id);
}
