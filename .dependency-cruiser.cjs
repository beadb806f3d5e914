/**
 * Architecture rules (issue 15), checked by `npm run lint`:
 * - no import cycle between files, nor between the feature folders of src/;
 * - pure cores (matching, assignment, ranking, flow, rules, the letter detector) import no
 *   framework, database, queue or node I/O, and no service, entity, module or controller;
 * - a feature reaches another feature's tables only through that feature's services (or its
 *   `*-rows.ts` read API), never through its entities or its stores (`*.store.ts`). The
 *   data-access convention itself (SQL only in stores) is checked by ESLint:
 *   scripts/lint/data-access.mjs.
 * Violations that predate a rule are listed in .dependency-cruiser-known-violations.json;
 * new ones fail. The list only shrinks: regenerate it with `npm run lint:deps:baseline`
 * after removing a violation, never to admit a new one.
 */
const PURE_CORES =
  '^src/(penpal/matching|judging/assignment|judging/ranking|common/flow|[^/]+/rules|letters/detector|letters/travel|mentoring/core)/';

module.exports = {
  forbidden: [
    {
      name: 'no-circular',
      comment: 'Files import each other in a cycle.',
      severity: 'error',
      from: { path: '^src/' },
      to: { circular: true },
    },
    {
      name: 'no-folder-cycle',
      comment: 'Feature folders depend on each other both ways: one of them must own the rule.',
      severity: 'error',
      scope: 'folder',
      from: {},
      to: { circular: true },
    },
    {
      name: 'pure-core-no-io',
      comment: 'A pure core imports no framework, database, queue or node I/O.',
      severity: 'error',
      from: { path: PURE_CORES, pathNot: '\\.spec\\.ts$' },
      to: { dependencyTypes: ['npm', 'npm-dev', 'npm-optional', 'npm-peer', 'core', 'unknown'] },
    },
    {
      name: 'pure-core-no-wiring',
      comment: 'A pure core imports no service, entity, module, controller or data-access file.',
      severity: 'error',
      from: { path: PURE_CORES },
      to: { path: '\\.(service|entity|module|controller|store|repository|handler)\\.ts$' },
    },
    {
      name: 'no-foreign-entities',
      comment: "Another feature's tables are reached through its services, not its entities.",
      severity: 'error',
      // Entities may still name another feature's entity in a relation (a foreign key).
      from: { path: '^src/([^/]+)/', pathNot: '\\.entity\\.ts$' },
      to: { path: '^src/[^/]+/.+\\.entity\\.ts$', pathNot: '^src/$1/' },
    },
    {
      name: 'no-foreign-stores',
      comment: "A feature's stores are private: another feature goes through its services or rows.",
      severity: 'error',
      from: { path: '^src/([^/]+)/' },
      to: { path: '^src/[^/]+/.+\\.store\\.ts$', pathNot: '^src/$1/' },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    exclude: { path: '\\.spec\\.ts$|^src/database/' },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    moduleSystems: ['cjs', 'es6'],
  },
};
