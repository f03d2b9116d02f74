import type { Rule, RuleContext } from './rule';
import { eachAction, isObject, itemName, text, wellFormed } from './walk';
import { resolveDocumentPath } from '../paths';

export const referenceMissing: Rule = {
  id: 'reference-missing',
  defaultSeverity: 'error',
  description: 'A reference whose file or document id does not exist, or whose path leads outside the workspace.',
  async check(ctx) {
    const references = Array.isArray(ctx.data.references) ? ctx.data.references : [];
    const localIds = new Set(references.filter(isObject).map((r) => text(r.id)).filter((x): x is string => !!x));
    const checks: Promise<void>[] = [];
    references.forEach((ref, i) => {
      if (!isObject(ref)) return;
      const path = text(ref.path);
      const at = ['references', i, 'path'];
      if (path !== undefined) checks.push(ctx.item(at, `the path of ${itemName('reference', ref, ['references', i])}`, () => checkPath(ctx, at, path)) ?? Promise.resolve());
      const doc = text(ref.doc);
      if (doc !== undefined) checkDocId(ctx, ['references', i, 'doc'], doc);
    });
    const review = ctx.data.review;
    if (isObject(review)) {
      const carePlan = text(review.care_plan);
      if (carePlan !== undefined) checkDocId(ctx, ['review', 'care_plan'], carePlan);
    }
    for (const { path, action } of eachAction(ctx.data)) {
      if (!Array.isArray(action.references)) continue;
      action.references.forEach((id, j) => {
        if (typeof id !== 'string' || localIds.has(id) || ctx.index.findById(id).length) return;
        ctx.report({
          path: [...path, 'references', j],
          message: `'${id}' is not the id of an entry in this record's \`references:\` or of another document — add it to \`references:\` or correct the id.`,
        });
      });
    }
    await Promise.all(checks);
  },
};

async function checkPath(ctx: RuleContext, at: (string | number)[], written: string): Promise<void> {
  // A broken character (half an emoji) cannot be in a file name, and would stop the URI being written.
  const resolved = resolveDocumentPath(ctx.uri, wellFormed(written), ctx.host.roots);
  if (!resolved.inside) {
    ctx.report({
      path: at,
      message: `'${written}' leads outside this workspace, so it was not opened — keep referenced files inside the case folder and use a path relative to this document.`,
    });
    return;
  }
  if (!(await ctx.host.fileExists(resolved.uri))) {
    ctx.report({
      path: at,
      message: `There is no file at '${written}' — check the path (it is relative to this document) or add the file.`,
      data: { uri: resolved.uri },
    });
  }
}

function checkDocId(ctx: RuleContext, at: (string | number)[], id: string): void {
  if (ctx.index.findById(id).length) return;
  ctx.report({
    path: at,
    message: `No document in this workspace has the id '${id}' — check the id, or create that document.`,
    data: { id },
  });
}
