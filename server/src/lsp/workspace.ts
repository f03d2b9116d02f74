/**
 * The workspace as the engine sees it from the editor: the folders, every care-plan document
 * under them (indexed from disk, with open buffers taking precedence), and a file-existence
 * check that knows about unsaved buffers.
 */
import { URI, Utils } from 'vscode-uri';
import type { DocumentIndex, WorkspaceHost } from '../service';
import { findYamlFiles } from '../node/findFiles';
import { readTextFile, type DecodedText } from '../node/readText';
import { fileExistsOnDisk } from '../node/fsHost';
import { CONFIG_FILE_NAMES } from '../node/loadConfig';

/** What the workspace needs to know about the editor's open buffers. */
export interface OpenBuffers {
  has(uri: string): boolean;
  text(uri: string): string | undefined;
  uris(): string[];
}

const SCAN_CONCURRENCY = 32;

export function isConfigFile(uri: string): boolean {
  return CONFIG_FILE_NAMES.includes(uri.slice(uri.lastIndexOf('/') + 1));
}

export class Workspace {
  private folders: string[] = [];

  /** The host the engine checks against. */
  readonly host: WorkspaceHost;

  constructor(
    private readonly index: DocumentIndex,
    private readonly buffers: OpenBuffers,
    private readonly log: (message: string) => void,
  ) {
    const ws = this;
    this.host = {
      // Without workspace folders (an editor started on one file), each open file's folder is
      // the workspace, so `path:` references next to it still resolve.
      get roots() {
        return ws.folders.length ? ws.folders : [...new Set(ws.buffers.uris().map((u) => Utils.dirname(URI.parse(u)).toString()))];
      },
      fileExists: async (uri) => ws.buffers.has(uri) || fileExistsOnDisk(uri),
    };
  }

  setFolders(uris: string[]): void {
    this.folders = [...new Set(uris.map((u) => URI.parse(u).toString()))];
  }

  get folderUris(): string[] {
    return this.folders;
  }

  folderPaths(): string[] {
    return this.folders.map((f) => URI.parse(f)).filter((u) => u.scheme === 'file').map((u) => u.fsPath);
  }

  /** Indexes every YAML file under the folders (honouring .gitignore and config `ignore:`); open buffers win. */
  async scan(folders: string[] = this.folderPaths(), ignoresFor: (folder: string) => Promise<readonly string[]> = async () => []): Promise<number> {
    let count = 0;
    for (const folder of folders) {
      let files: string[];
      try {
        files = await findYamlFiles([folder], folder, await ignoresFor(folder));
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

  /** A file's text on disk as the CLI reads it, or why it cannot be read; undefined when there is none. */
  async readFromDisk(uri: string): Promise<DecodedText | undefined> {
    const u = URI.parse(uri);
    return u.scheme === 'file' ? readTextFile(u.fsPath) : undefined;
  }

  remove(uri: string): boolean {
    if (this.buffers.has(uri)) return false;
    return this.index.remove(uri);
  }
}
