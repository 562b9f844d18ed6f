/**
 * ESLint rule `local/lazy-schemas`: zod schemas are built on first use (src-shared/schema/lazy-schema.ts),
 * so a module that declares them costs nothing to load. It reports any `z.…` call that runs when
 * its module loads: one outside every function, `lazySchema(() => …)`'s included.
 */
const FUNCTIONS = new Set(['ArrowFunctionExpression', 'FunctionExpression', 'FunctionDeclaration']);

/** @type {import('eslint').Rule.RuleModule} */
export const lazySchemasRule = {
  meta: {
    type: 'problem',
    docs: { description: 'Build zod schemas inside lazySchema(() => …), not when the module loads.' },
    messages: { eager: 'This builds a zod schema when the module loads; wrap it: lazySchema(() => …) (src-shared/schema/lazy-schema.ts).' },
    schema: [],
  },
  create(context) {
    return {
      'CallExpression > MemberExpression.callee[object.type="Identifier"][object.name="z"]'(node) {
        for (let up = node.parent; up; up = up.parent) if (FUNCTIONS.has(up.type)) return;
        context.report({ node, messageId: 'eager' });
      },
    };
  },
};
