import { Global, Injectable, Module } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import type { EntityManager } from 'typeorm';

/** The neutral name a deleted account shows wherever others still rely on what it did. */
export const FORMER_MEMBER = 'Former member';

/** The address a deleted account's row keeps: random, in a domain that can never receive mail. */
export const tombstoneEmail = () => `deleted-${randomUUID()}@${TOMBSTONE_DOMAIN}`;
const TOMBSTONE_DOMAIN = 'erased.invalid';
export const isTombstoneEmail = (email: string) => email.endsWith(`@${TOMBSTONE_DOMAIN}`);

/** Who is being erased, read before any step runs (the identity step erases these fields). */
export interface ErasedPerson {
  id: string;
  email: string;
  displayName: string;
  /** The addresses of the guardians they named (consent requests went there). */
  guardianEmails: string[];
}

export interface ErasureContext {
  /** Work that must wait for the commit (removing stored files); a failure is logged, not thrown. */
  afterCommit(task: () => Promise<void>): void;
}

/** One feature's part: erases or neutralises its rows about the person; returns counts for the audit. */
export type ErasureStep = (
  m: EntityManager,
  person: ErasedPerson,
  ctx: ErasureContext,
) => Promise<Record<string, number>>;

/** When a step runs: features first, then notifications and audit (which see what they wrote). */
export enum ErasureOrder {
  Features = 10,
  Notifications = 80,
  Audit = 90,
  Identity = 100,
}

/**
 * Account deletion as a registry: each feature that keeps rows about a person registers the step
 * that erases them (or keeps them under a neutral name), so the one transaction that closes an
 * account covers every table, and a new feature adds its step beside its tables.
 */
@Injectable()
export class AccountErasure {
  private readonly steps: { name: string; order: number; step: ErasureStep }[] = [];

  register(name: string, step: ErasureStep, order: ErasureOrder = ErasureOrder.Features): void {
    if (this.steps.some((s) => s.name === name))
      throw new Error(`Erasure step "${name}" is registered twice`);
    this.steps.push({ name, order, step });
  }

  /** Runs every step in `m` (the caller's transaction), in order; any failure rolls all back. */
  async run(
    m: EntityManager,
    person: ErasedPerson,
    ctx: ErasureContext,
  ): Promise<Record<string, Record<string, number>>> {
    const out: Record<string, Record<string, number>> = {};
    const ordered = [...this.steps].sort((a, b) => a.order - b.order);
    for (const { name, step } of ordered) out[name] = await step(m, person, ctx);
    return out;
  }
}

@Global()
@Module({ providers: [AccountErasure], exports: [AccountErasure] })
export class ErasureModule {}

/**
 * A copy of a JSON value with each string `replace` rewrites (it gets the key the string sits
 * under, an array's items that of the array): e.g. `{ inviterName: "Kim" }` →
 * `{ inviterName: "Former member" }`. Null when nothing changed.
 */
export function scrubJson(value: unknown, replace: (key: string, text: string) => string | null) {
  let changed = false;
  const walk = (v: unknown, key: string): unknown => {
    if (typeof v === 'string') {
      const next = replace(key, v);
      if (next === null || next === v) return v;
      changed = true;
      return next;
    }
    if (Array.isArray(v)) return v.map((x) => walk(x, key));
    if (v && typeof v === 'object') {
      return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, walk(x, k)]));
    }
    return v;
  };
  const result = walk(value, '');
  return changed ? result : null;
}

/**
 * `text` with each whole-word occurrence of `name` replaced ("Minji's crew" → "Former member's
 * crew"; "Anchor" keeps its "An"). Letters and digits of any script make up words.
 */
export function replaceName(text: string, name: string, replacement: string): string {
  if (!name) return text;
  const escaped = name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  return text.replace(
    new RegExp(`(?<![\\p{L}\\p{N}])${escaped}(?![\\p{L}\\p{N}])`, 'gu'),
    () => replacement,
  );
}
