/**
 * `careplan/templateFor`: the team's template for a new record, so the editor's New commands
 * start from the same text as `careplan new` does (server/src/node/newRecord.ts). The folder the
 * record goes in picks the config (`templates:` in the nearest .careplan.yaml), and the template
 * is read through the workspace's disk: nothing outside the workspace folders is opened, whatever
 * the config says or a link points at.
 *
 *   → { kind: 'review', folderUri: 'file:///…/CH-000123' }
 *   ← { text, uri }          the team's template, as written (the client fills it in)
 *   ← { problem, uri }       the team has one, but it cannot be used (the reason, in plain words)
 *   ← null                   no team template for that kind: the client uses careplan's own
 */
import * as path from 'node:path';
import { URI, Utils } from 'vscode-uri';
import { DOCUMENT_KINDS, type DocumentKind } from '../service/types';
import { isInsideRoots } from '../service/paths';
import type { Disk } from '../node/disk';
import { readTextFile } from '../node/readText';
import type { DocumentSettings } from './settings';
import type { TemplateForAnswer } from '../../../shared/protocol';

export { TEMPLATE_FOR_REQUEST } from '../../../shared/protocol';

export interface TemplateDeps {
  /** The workspace folders, as URIs. */
  roots(): readonly string[];
  settings(uri: string): Promise<DocumentSettings>;
  /** The disk, confined to the workspace folders. */
  disk(): Disk;
}

export async function templateFor(params: unknown, deps: TemplateDeps): Promise<TemplateForAnswer> {
  const { kind, folderUri } = (params ?? {}) as { kind?: unknown; folderUri?: unknown };
  if (typeof kind !== 'string' || !(DOCUMENT_KINDS as readonly string[]).includes(kind)) return null;
  if (typeof folderUri !== 'string') return null;
  let folder: URI;
  try {
    folder = URI.parse(folderUri, true);
  } catch {
    return null;
  }
  const roots = deps.roots();
  if (folder.scheme !== 'file' || !isInsideRoots(folder, roots)) return null;

  // The config that would apply to the new record where it is going to be saved.
  const { templatesDir } = await deps.settings(Utils.joinPath(folder, `${kind}.yaml`).toString());
  if (!templatesDir) return null;
  const file = path.join(templatesDir, `${kind as DocumentKind}.yaml`);
  const uri = URI.file(file).toString();
  // A `templates:` that names a folder outside the workspace is not followed (the disk would refuse too).
  if (!isInsideRoots(URI.file(file), roots)) return { problem: "the team's templates folder is outside the folders open in this window, so careplan did not open it", uri };
  const decoded = await readTextFile(deps.disk(), file);
  if (decoded === undefined) return null; // the team has no template of this kind
  return decoded.ok ? { text: decoded.text, uri } : { problem: decoded.reason, uri };
}
