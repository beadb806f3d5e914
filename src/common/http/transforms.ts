/** class-transformer @Transform functions shared by the DTOs: input is tidied before it is validated. */
type TransformArgs = { value: unknown };

export const trim = ({ value }: TransformArgs) =>
  typeof value === 'string' ? value.trim() : value;

/** Emails compare case-insensitively, so they are stored lower-cased. */
export const trimLower = ({ value }: TransformArgs) =>
  typeof value === 'string' ? value.trim().toLowerCase() : value;

export const trimEach = ({ value }: TransformArgs) =>
  Array.isArray(value) ? value.map((v) => (typeof v === 'string' ? v.trim() : v)) : value;
