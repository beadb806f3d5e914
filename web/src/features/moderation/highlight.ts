/** A piece of a letter: plain text, or a contact detail the detector found. */
export interface Piece {
  text: string;
  found: boolean;
}

/**
 * The letter cut into pieces so that every place where a finding's words appear (ignoring case)
 * can be marked. Findings the detector had to normalise (local digits, spacing undone) may not
 * appear word for word: those are listed beside the letter instead.
 */
export function highlight(body: string, findings: readonly { text: string }[]): Piece[] {
  const lower = body.toLowerCase();
  const marked = new Array<boolean>(body.length).fill(false);
  for (const { text } of findings) {
    const needle = text.toLowerCase();
    if (!needle) continue;
    for (let at = lower.indexOf(needle); at >= 0; at = lower.indexOf(needle, at + needle.length))
      for (let i = at; i < at + needle.length; i += 1) marked[i] = true;
  }
  const pieces: Piece[] = [];
  for (let i = 0; i < body.length; i += 1) {
    const last = pieces[pieces.length - 1];
    if (last && last.found === marked[i]) last.text += body[i];
    else pieces.push({ text: body[i], found: marked[i] });
  }
  return pieces;
}

/** Whether a finding shows word for word in the letter (then it is marked there). */
export const appearsIn = (body: string, text: string): boolean =>
  text !== '' && body.toLowerCase().includes(text.toLowerCase());
