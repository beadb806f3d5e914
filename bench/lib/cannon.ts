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
