import type { I18n, MessageDescriptor } from '@lingui/core';
import { msg } from '@lingui/core/macro';

/** The 17 UN Sustainable Development Goals by number, with their short official names. */
const SDG_NAMES: Record<number, MessageDescriptor> = {
  1: msg`No poverty`,
  2: msg`Zero hunger`,
  3: msg`Good health and well-being`,
  4: msg`Quality education`,
  5: msg`Gender equality`,
  6: msg`Clean water and sanitation`,
  7: msg`Affordable and clean energy`,
  8: msg`Decent work and economic growth`,
  9: msg`Industry, innovation and infrastructure`,
  10: msg`Reduced inequalities`,
  11: msg`Sustainable cities and communities`,
  12: msg`Responsible consumption and production`,
  13: msg`Climate action`,
  14: msg`Life below water`,
  15: msg`Life on land`,
  16: msg`Peace, justice and strong institutions`,
  17: msg`Partnerships for the goals`,
};

export const SDGS = Array.from({ length: 17 }, (_, i) => i + 1);

/** "3. Good health and well-being": the number people look goals up by, then the name. */
export function sdgName(i18n: I18n, n: number): string {
  const name = SDG_NAMES[n] ? i18n._(SDG_NAMES[n]) : '';
  const number = new Intl.NumberFormat(i18n.locale).format(n);
  return name ? `${number}. ${name}` : number;
}

export const SECTORS = [
  'academia',
  'government',
  'international_org',
  'civil_society',
  'industry',
] as const;
export type Sector = (typeof SECTORS)[number];

const SECTOR_NAMES: Record<Sector, MessageDescriptor> = {
  academia: msg`Academia`,
  government: msg`Government`,
  international_org: msg`International organisation`,
  civil_society: msg`Civil society`,
  industry: msg`Industry`,
};

export const sectorName = (i18n: I18n, sector: string): string =>
  sector in SECTOR_NAMES ? i18n._(SECTOR_NAMES[sector as Sector]) : sector;

/**
 * "University of Seoul · Academia": a mentor's organisation and sector, leaving out what is gone
 * (a mentor who erased their account has neither, and should not read as " · ").
 */
export const mentorAffiliation = (
  i18n: I18n,
  mentor: { organisation: string; sector: string | null },
): string =>
  [mentor.organisation, mentor.sector ? sectorName(i18n, mentor.sector) : '']
    .filter(Boolean)
    .join(' · ');
