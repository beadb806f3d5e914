/**
 * PURE: how long a letter travels between two countries, as SLOWLY does it: a time that grows
 * with the distance, in hours, not days. Great-circle distance between the capitals.
 */

/** Capitals (latitude, longitude in degrees) of the 11 countries. */
export const CAPITALS: Record<string, [number, number]> = {
  KR: [37.5665, 126.978], // Seoul
  BN: [4.9031, 114.9398], // Bandar Seri Begawan
  KH: [11.5564, 104.9282], // Phnom Penh
  ID: [-6.2088, 106.8456], // Jakarta
  LA: [17.9757, 102.6331], // Vientiane
  MY: [3.139, 101.6869], // Kuala Lumpur
  MM: [19.7633, 96.0785], // Nay Pyi Taw
  PH: [14.5995, 120.9842], // Manila
  SG: [1.3521, 103.8198], // Singapore
  TH: [13.7563, 100.5018], // Bangkok
  VN: [21.0278, 105.8342], // Hanoi
};

const EARTH_RADIUS_KM = 6371;
const HOUR_MS = 3600_000;
/** Every letter takes at least this long (the post office opens the bag). */
export const BASE_HOURS = 1;
/** Then one hour per this many kilometres. */
export const KM_PER_HOUR = 1000;
/** And never more than this. */
export const MAX_HOURS = 12;

export function distanceKm(from: string, to: string): number {
  const a = CAPITALS[from];
  const b = CAPITALS[to];
  if (!a || !b) throw new Error(`Unknown country ${!a ? from : to}`);
  const rad = (d: number) => (d * Math.PI) / 180;
  const dLat = rad(b[0] - a[0]);
  const dLon = rad(b[1] - a[1]);
  const h =
    Math.sin(dLat / 2) ** 2 + Math.cos(rad(a[0])) * Math.cos(rad(b[0])) * Math.sin(dLon / 2) ** 2;
  return 2 * EARTH_RADIUS_KM * Math.asin(Math.min(1, Math.sqrt(h)));
}

/** Travel time in milliseconds, whole minutes: 1 h + 1 h per 1,000 km, at most 12 h. */
export function travelTimeMs(from: string, to: string): number {
  const hours = Math.min(MAX_HOURS, BASE_HOURS + distanceKm(from, to) / KM_PER_HOUR);
  return Math.round((hours * HOUR_MS) / 60_000) * 60_000;
}
