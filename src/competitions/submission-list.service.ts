import { Injectable } from '@nestjs/common';
import { Readable } from 'node:stream';
import type { Principal } from '../common/auth/principal';
import { notFound } from '../common/errors/app-error';
import { pageOf, skipTake } from '../common/http/pagination';
import { Transactions } from '../database/transactions';
import { ProgrammeAccess } from '../programmes/programme-access';
import { Competition } from './competition.entity';
import { SubmissionListQuery } from './dto/submission.dto';
import { csvRow, UTF8_BOM } from './rules/csv';
import { SUBMISSION_STATUSES } from './rules/types';
import { entryBatch, entryListPage } from './submission-list.store';

const EXPORT_BATCH = 1000;
const CSV_HEADER = [
  'submission_id',
  'title',
  'kind',
  'status',
  'team',
  'members',
  'countries',
  'submitted_at',
  'version',
  'updated_at',
];

@Injectable()
export class SubmissionListService {
  constructor(
    private readonly tx: Transactions,
    private readonly access: ProgrammeAccess,
  ) {}

  private async authorise(actor: Principal, competitionId: string): Promise<Competition> {
    const competition = await this.tx.manager.findOneBy(Competition, { id: competitionId });
    if (!competition) throw notFound('Competition');
    await this.access.assertCanManage(actor, competition.programmeId);
    return competition;
  }

  async list(actor: Principal, competitionId: string, q: SubmissionListQuery) {
    await this.authorise(actor, competitionId);
    const { skip, take } = skipTake(q);
    const page = await entryListPage(this.tx.manager, competitionId, q, skip, take);
    const counts = Object.fromEntries(SUBMISSION_STATUSES.map((st) => [st, 0]));
    for (const r of page.byStatus) counts[r.status] = r.n;
    return { ...pageOf(page.items, page.total, q), counts };
  }

  /**
   * Every matching entry as CSV, read in keyset batches so memory stays flat however many
   * entries there are. Checks access before the first byte, so a refusal is still a 403.
   */
  async exportCsv(actor: Principal, competitionId: string, q: SubmissionListQuery) {
    const competition = await this.authorise(actor, competitionId);
    const m = this.tx.manager;
    async function* lines() {
      yield UTF8_BOM + csvRow(CSV_HEADER);
      let after = '00000000-0000-0000-0000-000000000000';
      for (;;) {
        const rows = await entryBatch(m, competitionId, q, after, EXPORT_BATCH);
        if (rows.length === 0) return;
        yield rows
          .map((r) =>
            csvRow([
              r.id,
              r.title,
              r.kind,
              r.status,
              r.teamName,
              r.members.map((mb) => mb.displayName).join('; '),
              r.members.map((mb) => mb.country ?? '').join('; '),
              r.submittedAt ? new Date(r.submittedAt).toISOString() : null,
              r.version,
              new Date(r.updatedAt).toISOString(),
            ]),
          )
          .join('');
        after = rows[rows.length - 1].id;
      }
    }
    return {
      filename: `${competition.slug}-submissions.csv`,
      stream: Readable.from(lines(), { objectMode: false }),
    };
  }
}
