import { Injectable } from '@nestjs/common';

/**
 * Where the log reads its actors' names and emails. Identity owns users and imports audit (it
 * records its own events), so audit may not import identity's SQL (no-folder-cycle): identity
 * hands its derived table over at start, as judging does with ListingResults.
 */
@Injectable()
export class AuditActors {
  /** `id`, `email`, `display_name`: no one until identity says where people are. */
  private derived = `(SELECT NULL::uuid AS id, NULL::text AS email, NULL::text AS display_name
                       WHERE false)`;

  readFrom(derivedTable: string): void {
    this.derived = derivedTable;
  }

  get table(): string {
    return this.derived;
  }
}
