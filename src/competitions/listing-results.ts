import { Injectable } from '@nestjs/common';

/**
 * Where the public listing reads which competitions have published results. Judging owns
 * competition_results, and competitions may not import judging (judging imports competitions:
 * no-folder-cycle), so judging hands its derived table over at start, as it registers its
 * SubmissionReaders; the listing keeps reading it in its one statement.
 */
@Injectable()
export class ListingResults {
  /** `competition_id`, `published_at`: none until judging says where they are. */
  private derived = `(SELECT NULL::uuid AS competition_id, NULL::timestamptz AS published_at
                       WHERE false)`;

  readFrom(derivedTable: string): void {
    this.derived = derivedTable;
  }

  get table(): string {
    return this.derived;
  }
}
