import { readFileSync } from 'node:fs';
import { join } from 'node:path';

/**
 * How `npm run start:prod` of the checkout at `dir` starts the API: the node flags before the
 * script and the environment set in front of `node` (NODE_ENV aside: each benchmark picks its
 * mode), so a benchmark measures what production runs.
 */
export function startProd(dir: string): { flags: string[]; env: Record<string, string> } {
  const script = (
    JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')) as {
      scripts: Record<string, string>;
    }
  ).scripts['start:prod'];
  const words = script.trim().split(/\s+/);
  const node = words.indexOf('node');
  const env: Record<string, string> = {};
  for (const word of words.slice(0, node)) {
    const [name, ...value] = word.split('=');
    if (name !== 'NODE_ENV') env[name] = value.join('=');
  }
  return { flags: words.slice(node + 1).filter((w) => w.startsWith('--')), env };
}

/** start:prod's flags with another young generation size when one is asked for (a bench option). */
export const withSemiSpace = (flags: string[], megabytes: string | undefined): string[] =>
  megabytes === undefined
    ? flags
    : [
        ...flags.filter((f) => !f.startsWith('--max-semi-space-size')),
        `--max-semi-space-size=${megabytes}`,
      ];
