import type { MigrationInterface } from 'typeorm';
import { Foundation1795891987753 } from './1795891987753-Foundation';
import { PenpalRounds1795893537796 } from './1795893537796-PenpalRounds';
import { Competitions1795894176033 } from './1795894176033-Competitions';
import { Judging1795894462183 } from './1795894462183-Judging';
import { PenpalRunUnmatched1795905844748 } from './1795905844748-PenpalRunUnmatched';
import { PenpalReasonFacts1795906273389 } from './1795906273389-PenpalReasonFacts';
import { RefreshGrace1796505221250 } from './1796505221250-RefreshGrace';
import { Letters1796507038051 } from './1796507038051-Letters';

/** Every migration in order; a new file from `npm run migration:generate` is added here. */
export const MIGRATIONS: (new () => MigrationInterface)[] = [
  Foundation1795891987753,
  PenpalRounds1795893537796,
  Competitions1795894176033,
  Judging1795894462183,
  PenpalRunUnmatched1795905844748,
  PenpalReasonFacts1795906273389,
  RefreshGrace1796505221250,
  Letters1796507038051,
];
