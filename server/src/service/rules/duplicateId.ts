import type { Rule } from './rule';
import { isObject, text } from './walk';
import { locate } from '../locate';

export const duplicateId: Rule = {
  id: 'duplicate-id',
  defaultSeverity: 'error',
  description: 'Two documents with the same id, or two entries with the same id in one list, so references to it are ambiguous.',
  check(ctx) {
    const id = text(ctx.data.id);
    if (id !== undefined) {
      const others = ctx.index.findById(id).filter((d) => d.uri !== ctx.uri);
      if (others.length) {
        ctx.report({
          path: ['id'],
          message: `Another document already has the id '${id}' — give each record its own id so references find the right one.`,
          related: others.map((d) => ({
            uri: d.uri,
            range: { start: { line: d.idLine ?? 0, character: 0 }, end: { line: d.idLine ?? 0, character: 3 + id.length + 1 } },
            message: `The other document with id '${id}'`,
          })),
        });
      }
    }
    // Within one record, ids of actions, expectations and references must differ too.
    for (const list of ['actions', 'parent_expectations', 'references'] as const) {
      const items = ctx.data[list];
      if (!Array.isArray(items)) continue;
      const first = new Map<string, number>();
      items.forEach((item, i) => {
        if (!isObject(item)) return;
        const itemId = text(item.id);
        if (itemId === undefined) return;
        const earlier = first.get(itemId);
        if (earlier === undefined) {
          first.set(itemId, i);
          return;
        }
        ctx.report({
          path: [list, i, 'id'],
          message: `'${itemId}' is already used by an earlier entry in \`${list}:\` — give this one its own id.`,
          related: [{ uri: ctx.uri, range: locate(ctx.parsed, [list, earlier, 'id']), message: `The first '${itemId}'` }],
        });
      });
    }
  },
};
