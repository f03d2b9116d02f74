/**
 * The workspace as the engine sees it from the editor: the folders, every care-plan document
 * under them (indexed from disk, with open buffers taking precedence), and a file-existence
 * check that knows about unsaved buffers. Every look at the disk goes through one `Disk`
 * confined to the workspace's roots.
 */
import { URI, Utils } from 'vscode-uri';
import type { DirectoryEntry, DocumentIndex, WorkspaceHost } from '../service';
import { isInsideRoots, normalizeUri } from '../service/paths';
import { Disk, DiskCalls, nodeDiskCalls } from '../node/disk';
import { findYamlFiles } from '../node/findFiles';
import { readTextFile, type DecodedText } from '../node/readText';
import { existsInside } from '../node/fsHost';
import { CONFIG_FILE_NAMES } from '../node/loadConfig';

/** What the workspace needs to know about the editor's open buffers. */
export interface OpenBuffers {
  has(uri: string): boolean;
  text(uri: string): string | undefined;
  uris(): string[];
}

/** A folder entry for path completion. */
export type ListedEntry = DirectoryEntry;

const SCAN_CONCURRENCY = 32;

export function isConfigFile(uri: string): boolean {
  return CONFIG_FILE_NAMES.includes(uri.slice(uri.lastIndexOf('/') + 1));
}

export class Workspace {
  private folders: string[] = [];
  private diskFor: { key: string; disk: Disk } | undefined;

  /** The host the engine checks against. */
  readonly host: WorkspaceHost;

  constructor(
    private readonly index: DocumentIndex,
    private readonly buffers: OpenBuffers,
    private readonly log: (message: string) => void,
    private readonly calls: DiskCalls = nodeDiskCalls,
  ) {
    const ws = this;
    this.host = {
      // Without workspace folders (an editor started on one file), each open file's folder is
      // the workspace, so `path:` references next to it still resolve.
      get roots() {
        return ws.folders.length ? ws.folders : [...new Set(ws.buffers.uris().map((u) => Utils.dirname(URI.parse(normalizeUri(u))).toString()))];
      },
      fileExists: async (uri) => ws.buffers.has(uri) || existsInside(ws.disk(), uri),
      // A child's other records, for the checks across records: the buffer if open, else the disk.
      readText: async (uri) => {
        const open = ws.buffers.text(uri);
        if (open !== undefined) return open;
        const file = await ws.readFromDisk(uri);
        return file?.ok ? file.text : undefined;
      },
      listDirectory: (uri) => ws.listDirectory(uri),
      leadsInside: (uri) => ws.leadsInside(uri),
    };
  }

  /** The disk, confined to the current roots. */
  disk(): Disk {
    const paths = this.host.roots.map((r) => URI.parse(r)).filter((u) => u.scheme === 'file').map((u) => u.fsPath);
    const key = paths.join('\0');
    if (this.diskFor?.key !== key) this.diskFor = { key, disk: new Disk(paths, this.calls) };
    return this.diskFor.disk;
  }

  setFolders(uris: string[]): void {
    this.folders = [...new Set(uris.map((u) => normalizeUri(u)))];
  }

  get folderUris(): string[] {
    return this.folders;
  }

  folderPaths(): string[] {
    return this.folders.map((f) => URI.parse(f)).filter((u) => u.scheme === 'file').map((u) => u.fsPath);
  }

  /** Whether the URI lies in the workspace as written (links are the disk's business). */
  isInside(uri: string): boolean {
    return isInsideRoots(URI.parse(uri), this.host.roots);
  }

  /**
   * Indexes every YAML file under the folders (honouring .gitignore and config `ignore:`); open
   * buffers win. What the search skipped (special files, links leading outside, unreadable
   * folders) is handed to `skipped`.
   */
  async scan(
    folders: string[] = this.folderPaths(),
    ignoresFor: (folder: string) => Promise<readonly string[]> = async () => [],
    skipped: (uri: string, reason: string) => void = () => undefined,
  ): Promise<number> {
    let count = 0;
    for (const folder of folders) {
      let files: string[];
      try {
        const found = await findYamlFiles(this.disk(), folder, await ignoresFor(folder));
        files = found.files;
        for (const s of found.skipped) skipped(URI.file(s.path).toString(), s.reason);
      } catch (err) {
        this.log(`careplan: could not list the files in ${folder}: ${(err as Error).message}`);
        continue;
      }
      for (let i = 0; i < files.length; i += SCAN_CONCURRENCY) {
        await Promise.all(files.slice(i, i + SCAN_CONCURRENCY).map(async (file) => {
          if (await this.refreshFromDisk(URI.file(file).toString())) count++;
        }));
      }
    }
    return count;
  }

  /** Re-reads a closed file into the index (or drops it when it is gone); open buffers win. */
  async refreshFromDisk(uri: string): Promise<boolean> {
    if (this.buffers.has(uri)) return false;
    const u = URI.parse(uri);
    if (u.scheme !== 'file' || !/\.ya?ml$/i.test(u.path)) return false;
    const file = await this.readFromDisk(uri);
    if (this.buffers.has(uri)) return false; // opened while we were reading
    return file?.ok ? this.index.set(uri, file.text) : this.index.remove(uri);
  }

  /**
   * A file's text on disk as the CLI reads it, or why it cannot be read; undefined when there is
   * none, and for anything outside the workspace (which is never opened).
   */
  async readFromDisk(uri: string): Promise<DecodedText | undefined> {
    const u = URI.parse(uri);
    if (u.scheme !== 'file' || !this.isInside(uri)) return undefined;
    return readTextFile(this.disk(), u.fsPath);
  }

  /** A folder's entries for path completion: nothing outside the workspace, no special files, links only when they stay inside. */
  async listDirectory(uri: string): Promise<ListedEntry[]> {
    const u = URI.parse(uri);
    if (u.scheme !== 'file' || !this.isInside(uri)) return [];
    const disk = this.disk();
    const listed = await disk.list(u.fsPath);
    if (!('entries' in listed)) return [];
    const out: ListedEntry[] = [];
    for (const e of listed.entries) {
      if (e.type === 'file' || e.type === 'directory') out.push({ name: e.name, isDirectory: e.type === 'directory' });
      else if (e.type === 'link') {
        const target = await disk.locate(e.path);
        if (target.kind === 'file' || target.kind === 'directory') out.push({ name: e.name, isDirectory: target.kind === 'directory' });
      }
    }
    return out;
  }

  /** Whether a link target stays inside the workspace (a missing file inside does). */
  async leadsInside(uri: string): Promise<boolean> {
    const u = URI.parse(uri);
    if (u.scheme !== 'file') return true; // another scheme's document (untitled:, vscode-notebook:) is the editor's
    if (!this.isInside(uri)) return false;
    const place = await this.disk().locate(u.fsPath);
    return place.kind === 'file' || place.kind === 'directory' || place.kind === 'missing';
  }

  remove(uri: string): boolean {
    if (this.buffers.has(uri)) return false;
    return this.index.remove(uri);
  }
}
