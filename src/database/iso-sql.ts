/**
 * SQL for a timestamptz as the ISO 8601 text Date.toISOString() writes (UTC, milliseconds cut as
 * Date cuts them), for statements whose instants are only ever sent on: none is parsed into a Date.
 */
export const isoSql = (column: string) =>
  `to_char(${column} AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`;

/**
 * For statements that write their answer's JSON as text: an instant as a JSON string (isoSql),
 * null as null.
 */
export const jsonInstantSql = (column: string) =>
  `COALESCE('"' || ${isoSql(column)} || '"', 'null')`;

/** For those statements: text that may need escaping (names, titles, free text) as a JSON string, null as null. */
export const jsonTextSql = (expression: string) => `COALESCE(to_json(${expression})::text, 'null')`;
