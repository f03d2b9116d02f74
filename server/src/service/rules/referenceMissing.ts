import type { Rule, RuleContext } from './rule';
import { decodeUriText, eachAction, isObject, itemName, text, wellFormed } from './walk';
import { resolveDocumentPath } from '../paths';
import type { Path } from '../types';
import type { CodeFix } from '../features/types';
import { one, read, valueAt, type FindingRef, type FixContext } from '../features/fixKit';
import { appendToTopLevelList, eolOf, yamlScalar } from '../features/yamlEdits';
import { guessKind, newDocumentText, newFileText } from '../features/newDocument';

/** What a reference-missing finding carries: the missing file's address, or the id no document has. */
export type MissingFindingData = { uri: string } | { id: string };

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
  fixes: missingFixes,
};

/** Create what is missing and open it, or list an unknown id in `references:`. */
function missingFixes(finding: FindingRef, path: Path, ctx: FixContext): CodeFix[] {
  const data = isObject(ctx.parsed.value) ? ctx.parsed.value : undefined;
  if (!data) return [];
  const last = path[path.length - 1];
  const eol = eolOf(ctx.parsed.text);
  const dir = ctx.uri.slice(0, ctx.uri.lastIndexOf('/') + 1);
  const child = text(data.child);
  if (last === 'doc' || last === 'care_plan') {
    const id = read.string(finding.data?.id) ?? text(valueAt(data, path));
    if (!id || !/^[A-Za-z0-9][A-Za-z0-9._-]*$/.test(id)) return [];
    const refType = last === 'doc' ? text(valueAt(data, [...path.slice(0, -1), 'type'])) : 'care-plan';
    const kind = last === 'care_plan' ? 'care-plan' : guessKind(id, refType);
    const uri = `${dir}${encodeURIComponent(wellFormed(id))}.yaml`;
    return [{ title: `Create the ${kind} document '${id}' (${id}.yaml)`, kind: 'quickfix', createFile: { uri, text: newDocumentText(kind, id, { child, date: ctx.today }, eol) }, open: uri }];
  }
  if (last === 'path') {
    const uri = read.string(finding.data?.uri);
    const written = text(valueAt(data, path));
    if (!uri || !written) return [];
    const entry = valueAt(data, path.slice(0, -1));
    const title = isObject(entry) ? text(entry.title) : undefined;
    const type = isObject(entry) ? text(entry.type) : undefined;
    const name = decodeUriText(uri.slice(uri.lastIndexOf('/') + 1));
    let content = newFileText(name, title, type, eol);
    if (content === undefined && /\.ya?ml$/i.test(name)) {
      const id = name.replace(/\.ya?ml$/i, '');
      content = newDocumentText(guessKind(id, type), id, { child, date: ctx.today }, eol);
    }
    return content === undefined ? [] : [{ title: `Create the file ${written}`, kind: 'quickfix', createFile: { uri, text: content }, open: uri }];
  }
  if (typeof last === 'number' && path[path.length - 2] === 'references') {
    const id = text(valueAt(data, path));
    if (!id) return [];
    // Every field valid as written: a paper record needs only its id, type and title.
    return one(`Add '${id}' to 'references:'`, appendToTopLevelList(ctx.parsed, 'references', [
      { key: 'id', value: yamlScalar(id) },
      { key: 'type', value: 'other', placeholder: true },
      { key: 'title', value: yamlScalar(id), placeholder: true },
    ]));
  }
  return [];
}

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
      data: { uri: resolved.uri } satisfies MissingFindingData,
    });
  }
}

function checkDocId(ctx: RuleContext, at: (string | number)[], id: string): void {
  if (ctx.index.findById(id).length) return;
  ctx.report({
    path: at,
    message: `No document in this workspace has the id '${id}' — check the id, or create that document.`,
    data: { id } satisfies MissingFindingData,
  });
}
