import { randomBytes, randomUUID } from 'node:crypto';
import type { DataSource } from 'typeorm';
import type { Principal } from '../../src/common/auth/principal';
import type { Role } from '../../src/common/auth/roles';

/**
 * Rows made straight in the database, with defaults that satisfy every constraint, so a service
 * spec states only what its behaviour depends on. Each returns what a spec needs to go on.
 */
const day = 86_400_000;
const slug = (p: string) => `${p}-${randomBytes(4).toString('hex')}`;

export async function aUser(
  db: DataSource,
  over: { name?: string; roles?: Role[]; locale?: string; country?: string; born?: string } = {},
): Promise<Principal> {
  const id = randomUUID();
  const displayName = over.name ?? 'Dara';
  const email = `${slug(displayName.toLowerCase().replace(/\W/g, ''))}@kenal.test`;
  const roles = over.roles ?? ['applicant'];
  const locale = over.locale ?? 'en';
  await db.query(
    `INSERT INTO users (id, email, display_name, roles, locale, email_verified_at)
     VALUES ($1, $2, $3, $4, $5, now())`,
    [id, email, displayName, roles, locale],
  );
  if (roles.includes('applicant')) {
    await db.query(
      `INSERT INTO profiles (user_id, country, date_of_birth, languages) VALUES ($1, $2, $3, $4)`,
      [id, over.country ?? 'KR', over.born ?? '2000-01-01', JSON.stringify([])],
    );
  }
  return { id, email, displayName, roles, locale, emailVerified: true, sessionId: randomUUID() };
}

export async function aProgramme(db: DataSource, timezone = 'Asia/Seoul'): Promise<string> {
  const [{ id }] = (await db.query(
    `INSERT INTO programmes (name, slug, timezone) VALUES ('Kenal 2027', $1, $2) RETURNING id`,
    [slug('p'), timezone],
  )) as { id: string }[];
  return id;
}

export const RUBRIC = [
  { key: 'story', label: 'Story', weight: 1, min: 0, max: 10, description: 'Does it hold?' },
];

export async function aCompetition(
  db: DataSource,
  over: { programmeId?: string; kind?: 'short_movie' | 'project'; closesInDays?: number } = {},
): Promise<{ id: string; programmeId: string; kind: string }> {
  const programmeId = over.programmeId ?? (await aProgramme(db));
  const kind = over.kind ?? 'short_movie';
  const now = Date.now();
  const [{ id }] = (await db.query(
    `INSERT INTO competitions (programme_id, kind, title, slug, submission_opens_at,
                               submission_closes_at, rubric)
     VALUES ($1, $2, 'Short films 2027', $3, $4, $5, $6) RETURNING id`,
    [
      programmeId,
      kind,
      slug('c'),
      new Date(now - day),
      new Date(now + (over.closesInDays ?? 30) * day),
      JSON.stringify(RUBRIC),
    ],
  )) as { id: string }[];
  return { id, programmeId, kind };
}

/** A team led by `leader`, with `others` as members too. */
export async function aTeam(
  db: DataSource,
  competitionId: string,
  leader: Principal,
  others: Principal[] = [],
): Promise<string> {
  const [{ id }] = (await db.query(
    `INSERT INTO teams (competition_id, name, leader_id) VALUES ($1, 'Mekong Makers', $2)
     RETURNING id`,
    [competitionId, leader.id],
  )) as { id: string }[];
  // Joined one second apart, in the order given: who joined first decides who leads next.
  for (const [i, member] of [leader, ...others].entries()) {
    await db.query(
      `INSERT INTO team_members (team_id, user_id, competition_id, joined_at)
       VALUES ($1, $2, $3, now() - make_interval(secs => $4))`,
      [id, member.id, competitionId, others.length + 1 - i],
    );
  }
  return id;
}

export async function anEntry(
  db: DataSource,
  competition: { id: string; kind: string },
  teamId: string,
  author: Principal,
  over: { status?: string; title?: string } = {},
): Promise<{ id: string; version: number }> {
  const [row] = (await db.query(
    `INSERT INTO submissions (competition_id, team_id, kind, title, status, created_by_id)
     VALUES ($1, $2, $3, $4, $5, $6) RETURNING id, version`,
    [
      competition.id,
      teamId,
      competition.kind,
      over.title ?? 'Two pen pals',
      over.status ?? 'draft',
      author.id,
    ],
  )) as { id: string; version: number }[];
  return row;
}

/** A file of the entry, as a row only (no bytes in storage): what quotas count. */
export async function anAsset(
  db: DataSource,
  submissionId: string,
  uploader: Principal,
  size: number,
): Promise<string> {
  const [{ id }] = (await db.query(
    `INSERT INTO submission_assets (submission_id, role, mime, size, sha256, storage_key, uploaded_by_id)
     VALUES ($1, 'video', 'video/mp4', $2, $3, $4, $5) RETURNING id`,
    [submissionId, size, '0'.repeat(64), `${submissionId}/${randomUUID()}`, uploader.id],
  )) as { id: string }[];
  return id;
}
