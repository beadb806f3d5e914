import { existsSync } from 'node:fs';

export interface ThreadScript {
  file: string;
  execArgv: string[];
}

/**
 * The file a worker thread runs for `entry` (a path without extension): the compiled .js when
 * the build has it, else the .ts through ts-node (tests and ts-node runs). Null when neither
 * exists.
 */
export function threadScript(entry: string): ThreadScript | null {
  if (existsSync(`${entry}.js`)) return { file: `${entry}.js`, execArgv: [] };
  if (existsSync(`${entry}.ts`)) {
    return { file: `${entry}.ts`, execArgv: ['--require', 'ts-node/register/transpile-only'] };
  }
  return null;
}
