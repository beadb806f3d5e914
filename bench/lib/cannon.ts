/** autocannon, typed for the part the benchmarks use (it ships no types). */
export interface CannonRequest {
  method?: string;
  path?: string;
  headers?: Record<string, string>;
  body?: string;
  setupRequest?: (req: CannonRequest) => CannonRequest;
}

export interface CannonResult {
  requests: { average: number; total: number };
  latency: { p50: number; p99: number; max: number };
  non2xx: number;
  errors: number;
  timeouts: number;
  '2xx': number;
  throughput: { average: number };
}

/**
 * autocannon walks a request list from its start on every connection, so 50 connections would
 * send the same request together (50 browsers saving one score at once, serialised on its row
 * lock; one person read 50 times). One counter shared by the connections sends them in turn
 * instead, as different judges or people do.
 */
export function inTurn(requests: CannonRequest[]): CannonRequest[] {
  let next = 0;
  return [{ setupRequest: (req) => ({ ...req, ...requests[next++ % requests.length] }) }];
}

/** For `duration` seconds or `amount` requests; at `overallRate` req/s when given (a closed loop). */
export type Cannon = (opts: {
  url: string;
  connections: number;
  duration?: number;
  amount?: number;
  timeout?: number;
  overallRate?: number;
  requests?: CannonRequest[];
}) => Promise<CannonResult>;

// eslint-disable-next-line @typescript-eslint/no-require-imports
export const autocannon = require('autocannon') as Cannon;
