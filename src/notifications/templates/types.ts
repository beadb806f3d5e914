export interface Rendered {
  subject: string;
  text: string;
  /** Short title and body for the in-app inbox. */
  title: string;
  body: string;
}

export type TemplateFn = (payload: Record<string, unknown>) => Rendered;
