// After `vite build`, before compress.mjs: puts the entry chunk and its style sheet into
// index.html itself. On a slow network every separate file costs a round trip (2 s on Slow 3G)
// after index.html has arrived; inline, the app starts as soon as the page has arrived
// (bench:web: the first visit to the sign-in form went from 6.6 s to under 5 s).
//
// The lazy chunks of the other pages import what they share with the entry (React, the router,
// the API client...) from the entry's file, /assets/index-<hash>.js. An inline module has no
// address to import from, so the entry hands its exports to that file through one global:
// the entry ends with `globalThis.__kenalEntry = {...its exports}`, and the file under its name
// becomes a small module re-exporting them. Every page then shares one React and one router.
//
// A repeat visit comes from the service worker (public/sw.js), which answers with shell.html: the
// same page, but loading the same code from a file of its own, /assets/app-<hash>.js, instead of
// inline. Chromium compiles a script file on another thread while it reads the page (an inline
// script on the page's own thread, after reading a page ten times larger), and the worker has
// put that file in the HTTP cache when it installed (it is given this release's files here).
import { createHash } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseAst } from 'vite';

const dir = process.argv[2] ?? 'dist';
const GLOBAL = '__kenalEntry';
let html = readFileSync(join(dir, 'index.html'), 'utf8');

const scriptTag =
  /<script type="module" crossorigin src="\/assets\/([^"]+\.js)"><\/script>\s*/.exec(html);
const cssTag = /<link rel="stylesheet" crossorigin href="\/assets\/([^"]+\.css)">\s*/.exec(html);
if (!scriptTag || !cssTag) throw new Error('inline-entry: index.html has no entry script or style');
const entryFile = scriptTag[1];
const code = readFileSync(join(dir, 'assets', entryFile), 'utf8');
const css = readFileSync(join(dir, 'assets', cssTag[1]), 'utf8');

// The HTML parser ends a script at `</script` and treats `<!--` specially: the code must have neither.
for (const [name, text] of [
  ['entry', code],
  ['style sheet', css],
]) {
  if (/<\/script|<!--|<\/style/i.test(text)) {
    throw new Error(`inline-entry: the ${name} contains </script, </style or <!--`);
  }
}

/** Every node of an ESTree tree, with its ancestors (nearest last). */
function* nodes(node, ancestors = []) {
  if (!node || typeof node !== 'object') return;
  if (Array.isArray(node)) {
    for (const n of node) yield* nodes(n, ancestors);
    return;
  }
  if (typeof node.type === 'string') yield [node, ancestors];
  const inner = typeof node.type === 'string' ? [...ancestors, node] : ancestors;
  for (const [key, value] of Object.entries(node)) {
    if (key !== 'parent' && value && typeof value === 'object') yield* nodes(value, inner);
  }
}

const FUNCTION = /^(FunctionDeclaration|FunctionExpression|ArrowFunctionExpression)$/;
const names = (pattern) =>
  [...nodes(pattern)].filter(([n]) => n.type === 'Identifier').map(([n]) => n.name);

/** The names a function, block or catch clause declares for the code inside it. */
const declaredCache = new WeakMap();
function declared(scope) {
  if (declaredCache.has(scope)) return declaredCache.get(scope);
  const out = new Set();
  if (FUNCTION.test(scope.type)) {
    for (const p of scope.params) names(p).forEach((n) => out.add(n));
    if (scope.type === 'FunctionExpression' && scope.id) out.add(scope.id.name);
    // var anywhere in its body (not in a nested function): hoisted to the function.
    const walk = (n) => {
      if (!n || typeof n !== 'object') return;
      if (Array.isArray(n)) return n.forEach(walk);
      if (n !== scope.body && FUNCTION.test(n.type)) return;
      if (n.type === 'VariableDeclaration' && n.kind === 'var') {
        n.declarations.forEach((d) => names(d.id).forEach((x) => out.add(x)));
      }
      for (const [k, v] of Object.entries(n))
        if (k !== 'parent' && v && typeof v === 'object') walk(v);
    };
    walk(scope.body);
  } else if (scope.type === 'CatchClause' && scope.param) {
    names(scope.param).forEach((n) => out.add(n));
  } else if (scope.type === 'ClassExpression' && scope.id) {
    out.add(scope.id.name);
  }
  // let, const, class and function declarations directly in a block (or a for's head).
  const direct = [
    ...(Array.isArray(scope.body) ? scope.body : []),
    ...(scope.body?.type === 'BlockStatement' ? scope.body.body : []),
    ...(scope.cases ? scope.cases.flatMap((c) => c.consequent) : []),
    scope.init,
    scope.left,
  ];
  for (const n of direct) {
    if (n?.type === 'VariableDeclaration')
      n.declarations.forEach((d) => names(d.id).forEach((x) => out.add(x)));
    if ((n?.type === 'FunctionDeclaration' || n?.type === 'ClassDeclaration') && n.id)
      out.add(n.id.name);
  }
  declaredCache.set(scope, out);
  return out;
}

const ast = parseAst(code);
const edits = []; // [start, end, replacement]
const exported = [];
const topLevel = new Map(); // name → declaration kind of top-level bindings
for (const node of ast.body) {
  if (node.type === 'ImportDeclaration' || node.type === 'ExportAllDeclaration') {
    throw new Error('inline-entry: the entry imports another chunk (it would wait for it)');
  }
  if (
    node.type === 'ExportDefaultDeclaration' ||
    (node.type === 'ExportNamedDeclaration' && (node.declaration || node.source))
  ) {
    throw new Error(`inline-entry: unexpected ${node.type} in the entry`);
  }
  if (node.type === 'ExportNamedDeclaration') {
    for (const s of node.specifiers) exported.push([s.exported.name, s.local.name]);
    const pairs = node.specifiers.map((s) => `${JSON.stringify(s.exported.name)}:${s.local.name}`);
    edits.push([node.start, node.end, `globalThis.${GLOBAL}=Object.freeze({${pairs.join(',')}});`]);
  }
  if (node.type === 'VariableDeclaration') {
    for (const d of node.declarations) {
      for (const name of names(d.id)) topLevel.set(name, node.kind);
    }
  }
}

// The re-exports are copies, not live bindings: an exported variable must never change.
const variables = new Set(
  exported.map(([, local]) => local).filter((l) => topLevel.get(l) && topLevel.get(l) !== 'const'),
);
for (const [node, ancestors] of nodes(ast)) {
  const target =
    node.type === 'AssignmentExpression'
      ? node.left
      : node.type === 'UpdateExpression'
        ? node.argument
        : null;
  if (!target) continue;
  const assigned =
    target.type === 'Identifier'
      ? [target.name]
      : target.type.endsWith('Pattern')
        ? names(target)
        : [];
  for (const name of assigned) {
    if (!variables.has(name)) continue;
    // Assigning a local of the same name (minified code reuses short names) is fine.
    if (ancestors.slice(1).some((scope) => declared(scope).has(name))) continue;
    throw new Error(`inline-entry: exported variable ${name} is assigned after its declaration`);
  }
}

// Chunk addresses in the entry are relative to its file (./X.js); inline they would be relative
// to the page's address: make them absolute.
for (const [node] of nodes(ast)) {
  if (node.type !== 'ImportExpression') continue;
  const src = node.source;
  const value =
    src.type === 'Literal'
      ? src.value
      : src.type === 'TemplateLiteral' && src.expressions.length === 0
        ? src.quasis[0].value.cooked
        : null;
  if (typeof value === 'string' && value.startsWith('./')) {
    edits.push([src.start, src.end, JSON.stringify(`/assets/${value.slice(2)}`)]);
  }
}

let inlined = code;
for (const [start, end, text] of edits.sort((a, b) => b[0] - a[0])) {
  inlined = inlined.slice(0, start) + text + inlined.slice(end);
}
if (/(["'`])\.\/[\w-]+\.js\1/.test(inlined)) {
  throw new Error('inline-entry: a relative chunk address is left in the entry');
}

for (const [name] of exported) {
  if (!/^[A-Za-z_$][\w$]*$/.test(name) || name === GLOBAL) {
    throw new Error(`inline-entry: export name ${name}`);
  }
}
const facade =
  `const ${GLOBAL}=globalThis.${GLOBAL};` +
  `if(!${GLOBAL})throw new Error("Kenal: open the page, not this file");` +
  `export const{${exported.map(([name]) => name).join(',')}}=${GLOBAL};\n`;
writeFileSync(join(dir, 'assets', entryFile), facade);

const appFile = `app-${createHash('sha256').update(inlined).digest('base64url').slice(0, 10)}.js`;
writeFileSync(join(dir, 'assets', appFile), inlined);

const page = html
  .replace(cssTag[0], '')
  .replace(scriptTag[0], '')
  // After the language script: the catalogue's request goes out before the style has arrived.
  .replace('</head>', () => `<style>${css.trim()}</style>\n</head>`);
const preloadFacade = `<link rel="modulepreload" href="/assets/${entryFile}">\n</body>`;
writeFileSync(
  join(dir, 'index.html'),
  page.replace(
    '</body>',
    () => `<script type="module">${inlined.trim()}</script>\n${preloadFacade}`,
  ),
);
writeFileSync(
  join(dir, 'shell.html'),
  page
    .replace('</head>', () => `<script type="module" src="/assets/${appFile}"></script>\n</head>`)
    .replace('</body>', () => preloadFacade),
);

// The worker's bytes change with every release, so browsers install the new one (and its files).
// The languages' catalogues: the table of index.html's language script (scripts/locale-preload.ts).
const catalogueTable = /var c=(\{[^}]*\})/.exec(html);
if (!catalogueTable) throw new Error('inline-entry: index.html has no table of catalogue chunks');
const release = {
  cache: `kenal-shell-${appFile.slice(4, -3)}`,
  page: '/shell.html',
  scripts: [`/assets/${appFile}`, `/assets/${entryFile}`],
  catalogues: Object.values(JSON.parse(catalogueTable[1])).sort(),
};
const swPath = join(dir, 'sw.js');
const sw = readFileSync(swPath, 'utf8');
const placeholder = /^const RELEASE = .*;$/m;
if (!placeholder.test(sw)) throw new Error('inline-entry: sw.js has no `const RELEASE = …;` line');
writeFileSync(
  swPath,
  sw.replace(placeholder, () => `const RELEASE = ${JSON.stringify(release)};`),
);
console.log(
  `inline-entry: ${entryFile} (${(inlined.length / 1024).toFixed(0)} kB) and its style sheet are in index.html; ${exported.length} exports for the lazy pages; shell.html loads it as ${appFile}`,
);
