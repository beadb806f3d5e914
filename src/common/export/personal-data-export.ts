import { Global, Injectable, Module } from '@nestjs/common';
import type { EntityManager } from 'typeorm';

/**
 * Most rows of one kind in an export: far more than any person makes; keeps the file bounded.
 * Each feature's export reads (in its stores) end with `LIMIT ${EXPORT_ROWS}`.
 */
export const EXPORT_ROWS = 5000;

/** A row as it goes into the file: the columns a feature's export read chose, named for the file. */
export type ExportedRow = Record<string, unknown>;

/** Whose data is exported, and what each part needs to render it as they see it in Kenal. */
export interface ExportedPerson {
  id: string;
  locale: string;
}

/**
 * One feature's part of the export: top-level keys of the file, each a list or an object, read
 * in `m` through the feature's own stores.
 */
export type ExportPart = (
  m: EntityManager,
  person: ExportedPerson,
) => Promise<Record<string, unknown>>;

/** Where a part's keys come in the file: the account first, what the person did last. */
export enum ExportOrder {
  Identity = 0,
  Features = 10,
  Notifications = 80,
  Audit = 90,
}

/**
 * The data export (GET /me/export) as a registry, like account erasure: each feature that keeps
 * rows about a person registers the part that reads them, beside its tables, and the export reads
 * every part in one REPEATABLE READ transaction so the file is one consistent picture.
 */
@Injectable()
export class PersonalDataExport {
  private readonly parts: { name: string; order: number; part: ExportPart }[] = [];

  register(name: string, part: ExportPart, order: ExportOrder = ExportOrder.Features): void {
    if (this.parts.some((p) => p.name === name)) {
      throw new Error(`Export part "${name}" is registered twice`);
    }
    this.parts.push({ name, order, part });
  }

  /** Every part's keys, in order, read in `m` (the caller's transaction). */
  async run(m: EntityManager, person: ExportedPerson): Promise<Record<string, unknown>> {
    const out: Record<string, unknown> = {};
    for (const { name, part } of [...this.parts].sort((a, b) => a.order - b.order)) {
      for (const [key, value] of Object.entries(await part(m, person))) {
        if (key in out) throw new Error(`Export key "${key}" of part "${name}" is taken`);
        out[key] = value;
      }
    }
    return out;
  }
}

@Global()
@Module({ providers: [PersonalDataExport], exports: [PersonalDataExport] })
export class ExportModule {}
