/**
 * The data-access convention (issue 15), as ESLint rules:
 * - Each feature keeps its SQL in its own stores, `src/<feature>/**\/<name>.store.ts`: plain
 *   functions (or classes) whose first argument is the EntityManager they run on, returning typed
 *   rows. A feature's public read API for other features is its `*-rows.ts` (e.g.
 *   identity/user-rows.ts); its stores are private to it (.dependency-cruiser.cjs,
 *   no-foreign-stores).
 * - Services inject `Transactions` (src/database/transactions.ts), open the transaction with
 *   `this.tx.run(async (m) => ...)` and pass `m` to the stores; outside a transaction they pass
 *   `this.tx.manager`.
 * - So: `@InjectDataSource`/`@InjectRepository`/`@InjectEntityManager` only in src/database/,
 *   and raw SQL (`.query(`, `preparedQuery(`, `.sql` templates) only in stores, rows modules and
 *   src/database/.
 * Files that predate the rule are listed in .data-access-known-violations.json; the list only
 * shrinks (scripts/architecture.sh fails on an entry that no longer violates).
 */
import { readFileSync } from 'node:fs';
import { URL } from 'node:url';

export const knownViolations = JSON.parse(
  readFileSync(new URL('../../.data-access-known-violations.json', import.meta.url), 'utf8'),
);

/** Where raw SQL may live. */
export const DATA_ACCESS_FILES = ['**/*.store.ts', '**/*-rows.ts'];

const INJECTORS = /^Inject(DataSource|Repository|EntityManager)$/;

export const dataAccessPlugin = {
  rules: {
    'no-data-source': {
      meta: {
        type: 'problem',
        messages: {
          inject:
            '{{name}} outside src/database: inject Transactions and pass its manager to a store of this feature.',
        },
        schema: [],
      },
      create: (context) => ({
        Decorator(node) {
          const e = node.expression;
          const name =
            e.type === 'CallExpression' && e.callee.type === 'Identifier' ? e.callee.name : '';
          if (INJECTORS.test(name)) context.report({ node, messageId: 'inject', data: { name } });
        },
      }),
    },
    'no-raw-sql': {
      meta: {
        type: 'problem',
        messages: {
          sql: 'Raw SQL outside a data-access file: move it into a named function of a *.store.ts of this feature.',
        },
        schema: [],
      },
      create: (context) => ({
        CallExpression(node) {
          const c = node.callee;
          const raw =
            (c.type === 'MemberExpression' && !c.computed && c.property.name === 'query') ||
            (c.type === 'Identifier' && c.name === 'preparedQuery');
          if (raw) context.report({ node, messageId: 'sql' });
        },
        // TypeORM's tagged template: manager.sql`SELECT ...`
        TaggedTemplateExpression(node) {
          const t = node.tag;
          if (t.type === 'MemberExpression' && !t.computed && t.property.name === 'sql') {
            context.report({ node, messageId: 'sql' });
          }
        },
      }),
    },
  },
};
