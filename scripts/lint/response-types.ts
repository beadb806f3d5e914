/**
 * Typed answers (issue 15): the class an OpenAPI response decorator names is the type the handler
 * returns, so the document cannot drift from the answer. Services build answers with mappers
 * (`toXDto(row): XDto`) and TypeScript checks them against the class.
 *
 * Two rules, on the TypeScript syntax tree of `src/**\/*.ts` (unit specs aside):
 * - response-type: a controller handler with `@ApiOkResponse({ type: X })` (or any
 *   `@Api…Response` with a `type`) declares the return type `X` or `Promise<X>`; `[X]` means
 *   `X[]`. Several response decorators mean the union of their classes. An answer that is an
 *   HTML page for a browser form adds `HtmlPage` (src/identity/link-pages.ts) to the union; a
 *   body serialized once at start-up is `SentJson<X>` (src/common/http/precompressed.ts).
 * - no-double-cast: no `as unknown as` in services and controllers (build the typed answer).
 *
 *   ts-node scripts/lint/response-types.ts            check src/; violations not known fail
 *   ts-node scripts/lint/response-types.ts baseline   rewrite the known list
 *
 * The known list (scripts/lint/response-types-known.json) holds what is not converted yet; it
 * only shrinks: an entry that no longer violates fails the check until it is removed. Before
 * checking src/, the check proves it catches the deliberate violations in
 * test/architecture/fixture, so a rule that stopped matching cannot pass silently.
 */
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import * as ts from 'typescript';

/** A documented alternative answer that is not JSON: the page a browser form gets. */
const HTML_PAGE = 'HtmlPage';

export interface Violation {
  /** Stable across edits of the handler's body: `file Class.method` or `file: as unknown as`. */
  key: string;
  rule: 'response-type' | 'no-double-cast';
  message: string;
}

function tsFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((d) => {
    const path = join(dir, d.name);
    if (d.isDirectory()) return tsFiles(path);
    return d.name.endsWith('.ts') && !d.name.endsWith('.spec.ts') ? [path] : [];
  });
}

function decoratorCall(d: ts.Decorator): { name: string; args: readonly ts.Expression[] } | null {
  const e = d.expression;
  if (!ts.isCallExpression(e) || !ts.isIdentifier(e.expression)) return null;
  return { name: e.expression.text, args: e.arguments };
}

/** The classes the handler's response decorators name (`X`, or `X[]` for `[X]`). */
function documented(method: ts.MethodDeclaration): string[] {
  const out: string[] = [];
  for (const d of ts.getDecorators(method) ?? []) {
    const call = decoratorCall(d);
    if (!call || !/^Api\w*Response$/.test(call.name)) continue;
    const options = call.args[0];
    if (!options || !ts.isObjectLiteralExpression(options)) continue;
    for (const p of options.properties) {
      if (!ts.isPropertyAssignment(p) || p.name.getText() !== 'type') continue;
      const v = p.initializer;
      if (ts.isIdentifier(v)) out.push(v.text);
      else if (ts.isArrayLiteralExpression(v) && v.elements.length === 1) {
        out.push(`${v.elements[0].getText()}[]`);
      } else out.push(v.getText());
    }
  }
  return out;
}

/** `X`, `X[]` or `Array<X>` as written; null for anything else. */
function named(t: ts.TypeNode): string | null {
  if (ts.isParenthesizedTypeNode(t)) return named(t.type);
  if (ts.isArrayTypeNode(t)) {
    const inner = named(t.elementType);
    return inner && !inner.endsWith('[]') ? `${inner}[]` : null;
  }
  if (ts.isTypeReferenceNode(t) && ts.isIdentifier(t.typeName)) {
    if (t.typeName.text === 'Array' && t.typeArguments?.length === 1) {
      const inner = named(t.typeArguments[0]);
      return inner ? `${inner}[]` : null;
    }
    return t.typeArguments ? null : t.typeName.text;
  }
  return null;
}

/** The members of the declared return type, Promise and SentJson unwrapped; null when it is not a plain union of classes. */
function declared(t: ts.TypeNode | undefined): string[] | null {
  if (!t) return null;
  // Promise<SentJson<X>>: a body serialized elsewhere (by PostgreSQL), sent from an async handler.
  while (
    ts.isTypeReferenceNode(t) &&
    ts.isIdentifier(t.typeName) &&
    ['Promise', 'SentJson'].includes(t.typeName.text) &&
    t.typeArguments?.length === 1
  ) {
    t = t.typeArguments[0];
  }
  const members = ts.isUnionTypeNode(t) ? [...t.types] : [t];
  const names = members.map(named);
  return names.every((n): n is string => n !== null) ? names : null;
}

function sameSet(a: string[], b: string[]): boolean {
  const x = new Set(a);
  const y = new Set(b);
  return x.size === y.size && [...x].every((v) => y.has(v));
}

function handlerViolations(name: string, source: ts.SourceFile): Violation[] {
  const out: Violation[] = [];
  for (const cls of source.statements.filter(ts.isClassDeclaration)) {
    for (const m of cls.members.filter(ts.isMethodDeclaration)) {
      const want = documented(m);
      if (want.length === 0) continue;
      const have = declared(m.type);
      const ok =
        have !== null &&
        sameSet(
          have.filter((h) => h !== HTML_PAGE),
          want,
        );
      if (ok) continue;
      const handler = `${cls.name?.text ?? '(class)'}.${m.name.getText(source)}`;
      const wanted = want.length === 1 ? want[0] : want.join(' | ');
      out.push({
        key: `${name} ${handler}`,
        rule: 'response-type',
        message:
          `${name}:${source.getLineAndCharacterOfPosition(m.name.getStart(source)).line + 1} ` +
          `${handler} documents ${wanted} but returns ${m.type ? m.type.getText(source) : '(undeclared)'}; ` +
          `declare Promise<${wanted}> (or ${wanted}) and build it with a mapper`,
      });
    }
  }
  return out;
}

function castViolations(name: string, source: ts.SourceFile): Violation[] {
  if (!/\.(service|controller)\.ts$/.test(name)) return [];
  const lines: number[] = [];
  const visit = (n: ts.Node): void => {
    if (ts.isAsExpression(n) && ts.isAsExpression(n.expression)) {
      const inner = n.expression.type;
      if (inner.kind === ts.SyntaxKind.UnknownKeyword) {
        lines.push(source.getLineAndCharacterOfPosition(n.getStart(source)).line + 1);
      }
    }
    ts.forEachChild(n, visit);
  };
  visit(source);
  if (lines.length === 0) return [];
  return [
    {
      key: `${name}: as unknown as`,
      rule: 'no-double-cast',
      message: `${name}:${lines.join(',')} casts through unknown (as unknown as); return the typed answer instead`,
    },
  ];
}

/** Every violation under `root`/src, sorted by key. */
export function violations(root: string): Violation[] {
  const out: Violation[] = [];
  for (const path of tsFiles(join(root, 'src'))) {
    const name = relative(root, path).split(sep).join('/');
    const source = ts.createSourceFile(
      path,
      readFileSync(path, 'utf8'),
      ts.ScriptTarget.Latest,
      true,
    );
    out.push(...handlerViolations(name, source), ...castViolations(name, source));
  }
  return out.sort((a, b) => a.key.localeCompare(b.key));
}

function proveOnFixture(root: string): void {
  const caught = violations(join(root, 'test/architecture/fixture')).map(
    (v) => `${v.rule} ${v.key}`,
  );
  const expected = [
    'no-double-cast src/delta/delta.service.ts: as unknown as',
    'response-type src/delta/delta.controller.ts DeltaController.list',
    'response-type src/delta/delta.controller.ts DeltaController.one',
    'response-type src/delta/delta.controller.ts DeltaController.untyped',
  ];
  if (!sameSet(caught, expected) || caught.length !== expected.length) {
    console.error('response types: the fixture should give exactly', expected, 'gave:', caught);
    process.exit(1);
  }
}

function main(): void {
  const root = join(__dirname, '../..');
  const known = join(__dirname, 'response-types-known.json');
  proveOnFixture(root);
  const now = violations(root);
  if (process.argv[2] === 'baseline') {
    writeFileSync(
      known,
      `${JSON.stringify(
        now.map((v) => v.key),
        null,
        2,
      )}\n`,
    );
    return;
  }
  const allowed = new Set<string>(JSON.parse(readFileSync(known, 'utf8')));
  const fresh = now.filter((v) => !allowed.has(v.key));
  const keys = new Set(now.map((v) => v.key));
  const gone = [...allowed].filter((k) => !keys.has(k));
  for (const v of fresh) console.error(`  ${v.rule}: ${v.message}`);
  if (gone.length > 0) {
    console.error(
      'response types: no longer violating, remove from scripts/lint/response-types-known.json:',
    );
    for (const k of gone) console.error(`  ${k}`);
  }
  if (fresh.length > 0 || gone.length > 0) process.exit(1);
  console.log(`✔ response types: handlers return what they document (${now.length} known)`);
}

if (require.main === module) main();
