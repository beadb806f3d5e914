/** A JSON object stored in a jsonb column; TypeORM's deep-partial types need `any` values here. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type JsonObject = Record<string, any>;
