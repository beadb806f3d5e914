/**
 * SQL for a timestamptz as the ISO 8601 text Date.toISOString() writes (UTC, milliseconds cut as
 * Date cuts them), for statements whose instants are only ever sent on: none is parsed into a Date.
 */
export const isoSql = (column: string) =>
  `to_char(${column} AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`;
