// New records: the user picks the kind, the child and the folder (or starts from a folder in the
// explorer), and the record is written from its template under the documented name
// (docs/new-records.md) and opened, with the first ‹placeholder› selected. It is a file on disk
// from the start: no untitled buffer whose Save suggests `kind: review.yaml`.
import * as vscode from 'vscode';
import { createUnderFreeName, fillTemplate, isCaseReference, todayIso } from '../../shared/core';
import type { DocumentKind, IsoDate } from '../../shared/core';
import { nextReviewNumber, REVIEW_HEAD_BYTES } from './reviewNumber';
import { readFileHead } from './fileHead';
import { folderProblem, newRecordOptionsProblem, rootOf, type TypeOf } from './recordPlace';
import type { TemplateForAnswer } from '../../shared/protocol';

export type TemplateKind = DocumentKind;

/** What the commands take when run from code or a test instead of from the palette. */
/** Asks the language server for the team's template (`careplan/templateFor`); null when it is not running. */
export type TeamTemplateAsker = (kind: TemplateKind, folder: vscode.Uri) => Promise<TemplateForAnswer>;

export interface NewRecordOptions {
  kind?: TemplateKind;
  child?: string;
  /** The date the record is dated (defaults to today). */
  today?: string;
}

const KINDS: { record: TemplateKind; label: string; detail: string }[] = [
  { record: 'review', label: 'Review record', detail: 'The record of a looked after review, chaired by the IRO' },
  { record: 'care-plan', label: 'Care plan', detail: "The child's care plan" },
  { record: 'supervision', label: 'Supervision record', detail: 'A case supervision record' },
];

/** The case reference a folder is named after (`…/CH-000123` or inside it), if any. */
export function childOfFolder(folder: vscode.Uri, roots: readonly vscode.Uri[]): string | undefined {
  const root = roots.find((r) => folder.path === r.path || folder.path.startsWith(r.path.replace(/\/?$/, '/')));
  const inside = root ? folder.path.slice(root.path.length) : folder.path;
  return inside.split('/').reverse().find((seg) => isCaseReference(seg));
}

export { nextReviewNumber };

const TITLE = 'careplan could not make the new record';

export async function newRecord(
  context: vscode.ExtensionContext,
  folderArg?: unknown,
  givenOptions: NewRecordOptions = {},
  teamTemplate: TeamTemplateAsker = async () => null,
): Promise<vscode.Uri | undefined> {
  const roots = (vscode.workspace.workspaceFolders ?? []).map((f) => f.uri);
  if (!roots.length) {
    void vscode.window.showInformationMessage('Open the folder that holds your case records first (File > Open Folder), then make the new record there.');
    return undefined;
  }
  // Commands can be run with any arguments (from another extension, a keybinding or a link): the
  // options end up in a path, so only a kind, a case reference and a calendar date are taken.
  const optionsProblem = newRecordOptionsProblem(givenOptions);
  if (optionsProblem) {
    void vscode.window.showErrorMessage(`${TITLE}: ${optionsProblem}.`);
    return undefined;
  }
  const options = givenOptions ?? {};
  const clicked = folderArg instanceof vscode.Uri && isInside(folderArg, roots) ? await asFolder(folderArg) : undefined;

  const kind = options.kind ?? (await pickKind());
  if (!kind) return undefined;
  const child = options.child ?? (await pickChild(clicked, roots));
  if (!child) return undefined;
  const folder = clicked ?? (await pickFolder(child, roots));
  if (!folder) return undefined;

  const refused = await folderRefusal(folder, roots);
  if (refused) {
    void vscode.window.showErrorMessage(`${TITLE} in ${vscode.workspace.asRelativePath(folder, roots.length > 1)}: ${refused}. Choose a folder inside the folders open in this window.`);
    return undefined;
  }

  const today: IsoDate = options.today ?? todayIso();
  const entries = await listFolder(folder);
  if (!entries) {
    void vscode.window.showErrorMessage(`${TITLE}: the folder ${vscode.workspace.asRelativePath(folder, roots.length > 1)} could not be read.`);
    return undefined;
  }

  const template = await templateText(context, kind, folder, teamTemplate);
  let text = fillTemplate(template, { today, child });
  if (kind === 'review') text = text.replace(/^([ \t]+number:[ \t]*)1\b/m, `$1${nextReviewNumber(await yamlTexts(folder, entries))}`);
  const target = await createRecord(folder, kind, today, entries.map(([n]) => n), new TextEncoder().encode(text));
  if (!target) {
    void vscode.window.showErrorMessage(`${TITLE}: no free file name in ${vscode.workspace.asRelativePath(folder, roots.length > 1)}.`);
    return undefined;
  }

  const doc = await vscode.workspace.openTextDocument(target);
  const editor = await vscode.window.showTextDocument(doc);
  const first = firstPlaceholder(text);
  if (first >= 0) {
    const end = text.indexOf('›', first);
    editor.selection = new vscode.Selection(doc.positionAt(first), doc.positionAt(end >= 0 ? end + 1 : first));
    editor.revealRange(editor.selection, vscode.TextEditorRevealType.InCenter);
  }
  return target;
}

/**
 * The team's template for the folder (`templates:` in its .careplan.yaml, read by the server so
 * the CLI and the editor agree and nothing outside the workspace is read), else careplan's own.
 */
async function templateText(context: vscode.ExtensionContext, kind: TemplateKind, folder: vscode.Uri, teamTemplate: TeamTemplateAsker): Promise<string> {
  const team = await teamTemplate(kind, folder).catch(() => null);
  if (team && 'text' in team) return team.text;
  if (team && 'problem' in team) {
    const where = vscode.workspace.asRelativePath(vscode.Uri.parse(team.uri), false);
    void vscode.window.showWarningMessage(`Your team's template ${where} could not be used (${team.problem.replace(/[.\s]+$/, '')}), so this record starts from careplan's own template.`);
  }
  return new TextDecoder().decode(await vscode.workspace.fs.readFile(vscode.Uri.joinPath(context.extensionUri, 'templates', `${kind}.yaml`)));
}

/** Offset of the first ‹placeholder› outside a comment (the template's header comment mentions one). */
export function firstPlaceholder(text: string): number {
  const m = /^(?![ \t]*#)[^\n‹]*‹/m.exec(text);
  return m ? m.index + m[0].length - 1 : -1;
}

/** A folder's entries; empty when it does not exist yet; undefined when it exists but cannot be read. */
async function listFolder(dir: vscode.Uri): Promise<[string, vscode.FileType][] | undefined> {
  try {
    return await vscode.workspace.fs.readDirectory(dir);
  } catch (e) {
    return e instanceof vscode.FileSystemError && e.code === 'FileNotFound' ? [] : undefined;
  }
}

/** Why the record may not go in `folder`: outside the roots, or reached through a link (checked from the root down). */
async function folderRefusal(folder: vscode.Uri, roots: readonly vscode.Uri[]): Promise<string | undefined> {
  const root = roots.find((r) => r.scheme === folder.scheme && r.authority === folder.authority && rootOf(folder.path, [r.path]) !== undefined);
  if (!root) return 'it is not inside the folders open in this window';
  const typeOf: TypeOf = async (path) => {
    try {
      return (await vscode.workspace.fs.stat(root.with({ path }))).type;
    } catch (e) {
      if (e instanceof vscode.FileSystemError && e.code === 'FileNotFound') return 'missing';
      throw e;
    }
  };
  return folderProblem(root.path, folder.path, typeOf);
}

/**
 * Creates the record without ever replacing a file: a WorkspaceEdit createFile that fails when the
 * name is taken (by a file the listing did not show, or one made meanwhile), then the next name.
 */
async function createRecord(folder: vscode.Uri, kind: TemplateKind, today: IsoDate, existing: string[], contents: Uint8Array): Promise<vscode.Uri | undefined> {
  await vscode.workspace.fs.createDirectory(folder);
  const name = await createUnderFreeName(kind, today, existing, async (candidate) => {
    const edit = new vscode.WorkspaceEdit();
    edit.createFile(vscode.Uri.joinPath(folder, candidate), { overwrite: false, ignoreIfExists: false, contents });
    return vscode.workspace.applyEdit(edit);
  });
  return name === undefined ? undefined : vscode.Uri.joinPath(folder, name);
}

async function listDir(dir: vscode.Uri): Promise<[string, vscode.FileType][]> {
  try {
    return await vscode.workspace.fs.readDirectory(dir);
  } catch {
    return []; // a folder that does not exist yet, or cannot be read
  }
}

async function asFolder(uri: vscode.Uri): Promise<vscode.Uri | undefined> {
  try {
    const stat = await vscode.workspace.fs.stat(uri);
    // A link is passed on as it is, and refused with the other links on the way.
    if (stat.type & vscode.FileType.SymbolicLink) return uri;
    return stat.type & vscode.FileType.Directory ? uri : vscode.Uri.joinPath(uri, '..');
  } catch {
    return undefined;
  }
}

async function pickKind(): Promise<TemplateKind | undefined> {
  const picked = await vscode.window.showQuickPick(KINDS, { title: 'New careplan record', placeHolder: 'What kind of record?' });
  return picked?.record;
}

/** Children with a folder at the top of a workspace folder (or one level down), by case reference. */
async function knownChildren(roots: readonly vscode.Uri[]): Promise<Map<string, vscode.Uri>> {
  const found = new Map<string, vscode.Uri>();
  const visit = async (dir: vscode.Uri, depth: number) => {
    const entries = await listDir(dir);
    for (const [name, type] of entries) {
      if (type !== vscode.FileType.Directory || name.startsWith('.') || name === 'node_modules') continue;
      const sub = vscode.Uri.joinPath(dir, name);
      if (isCaseReference(name)) { if (!found.has(name)) found.set(name, sub); } else if (depth < 1) await visit(sub, depth + 1);
    }
  };
  for (const r of roots) await visit(r, 0);
  return found;
}

async function pickChild(clicked: vscode.Uri | undefined, roots: readonly vscode.Uri[]): Promise<string | undefined> {
  const fromFolder = clicked && childOfFolder(clicked, roots);
  if (fromFolder) return fromFolder;
  const children = [...(await knownChildren(roots)).keys()].sort();
  const other = { label: '$(add) Another child…', detail: 'Type the case reference' };
  const items = [...children.map((c) => ({ label: c })), other];
  const picked = children.length ? await vscode.window.showQuickPick(items, { title: 'New careplan record', placeHolder: "Which child? (their case reference)" }) : other;
  if (!picked) return undefined;
  if (picked !== other) return picked.label;
  const typed = await vscode.window.showInputBox({
    title: 'New careplan record',
    prompt: "The child's case reference, as on the case file",
    placeHolder: 'CH-000123',
    validateInput: (v) => (isCaseReference(v.trim()) ? undefined : 'A case reference such as CH-000123'),
  });
  return typed?.trim() || undefined;
}

async function pickFolder(child: string, roots: readonly vscode.Uri[]): Promise<vscode.Uri | undefined> {
  const existing = (await knownChildren(roots)).get(child);
  const proposed = existing ?? vscode.Uri.joinPath(roots[0], child);
  const here = { label: vscode.workspace.asRelativePath(proposed, roots.length > 1), detail: existing ? "The child's folder" : "A new folder for the child's records", uri: proposed };
  const other = { label: '$(folder) Another folder…', detail: 'Choose the folder yourself', uri: undefined };
  const picked = await vscode.window.showQuickPick([here, other], { title: 'New careplan record', placeHolder: 'Which folder?' });
  if (!picked) return undefined;
  if (picked.uri) return picked.uri;
  const chosen = (await vscode.window.showOpenDialog({ canSelectFolders: true, canSelectFiles: false, canSelectMany: false, defaultUri: roots[0], openLabel: 'Make the record here' }))?.[0];
  if (chosen && !isInside(chosen, roots)) {
    void vscode.window.showWarningMessage('careplan makes records only inside the folders open in this window: choose a folder in one of them.');
    return undefined;
  }
  return chosen;
}

function isInside(uri: vscode.Uri, roots: readonly vscode.Uri[]): boolean {
  return roots.some((r) => r.scheme === uri.scheme && r.authority === uri.authority && rootOf(uri.path, [r.path]) !== undefined);
}

async function yamlTexts(folder: vscode.Uri, entries: readonly [string, vscode.FileType][]): Promise<string[]> {
  const out: string[] = [];
  for (const [name, type] of entries) {
    if (type !== vscode.FileType.File || !/\.ya?ml$/i.test(name)) continue; // links are not followed
    const head = await readHead(vscode.Uri.joinPath(folder, name));
    if (head !== undefined) out.push(head);
  }
  return out;
}

/** Records bigger than this are not read for their number: the workspace fs reads whole files. */
const MAX_RECORD_BYTES = 256 * 1024;

/** The first REVIEW_HEAD_BYTES of a file: read alone on disk, else from a whole read of a small file only. */
async function readHead(uri: vscode.Uri): Promise<string | undefined> {
  try {
    const stat = await vscode.workspace.fs.stat(uri);
    if (stat.type !== vscode.FileType.File) return undefined;
    if (uri.scheme === 'file') return await readFileHead(uri.fsPath, REVIEW_HEAD_BYTES);
    if (stat.size > MAX_RECORD_BYTES) return undefined;
    return new TextDecoder().decode((await vscode.workspace.fs.readFile(uri)).subarray(0, REVIEW_HEAD_BYTES));
  } catch {
    return undefined; // unreadable: not counted
  }
}
