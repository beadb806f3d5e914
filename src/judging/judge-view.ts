import type { CompetitionKind, SubmissionFields } from '../competitions/rules/types';

/**
 * Content fields that name people; a blind round shows the work, never who made it. A video link
 * names its uploader (the channel or account behind it), so a blind round hides it too.
 */
const NAMING_FIELDS = ['credits', 'videoUrl'] as const;

export interface JudgeEntrySource {
  id: string;
  title: string;
  kind: CompetitionKind;
  fields: SubmissionFields;
  teamName: string;
  memberNames: string[];
  assets: { id: string; role: string; mime: string; size: number }[];
}

/**
 * What a judge sees of an entry. In a blind round: the title and content fields without the ones
 * that name people, and assets by id, role, type and size only (never the uploaded file name or
 * uploader); team and member names only in rounds that are not blind.
 */
export function judgeEntryView(entry: JudgeEntrySource, blind: boolean, assignmentId: string) {
  const fields: Record<string, unknown> = { ...entry.fields };
  if (blind) for (const key of NAMING_FIELDS) delete fields[key];
  return {
    id: entry.id,
    title: entry.title,
    kind: entry.kind,
    fields,
    assets: entry.assets.map((a) => ({
      id: a.id,
      role: a.role,
      mime: a.mime,
      size: a.size,
      href: `/api/v1/assignments/${assignmentId}/assets/${a.id}`,
    })),
    ...(blind ? {} : { teamName: entry.teamName, memberNames: entry.memberNames }),
  };
}
