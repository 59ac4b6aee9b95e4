// Keeps the workspace index current: a background scan of the workspace folders,
// file events (created, changed, deleted), open documents (their live text wins over
// the disk) and folders added or removed. No LSP connection here; the server calls in.
// The files are the host's (files/host.ts): the disk on the desktop, the client's
// workspace.fs in the browser.
import { messages, type Messages } from '../l10n/messages';
import type { ReferatModel } from '../model';
import type { FileHost, FileNames } from '../files/host';
import { fileNameKind, MAX_WALK_FILES, type WalkFilter } from '../files/names';
import type { ReadResult } from '../files/read';
import { sniffMinutes } from '../parser/sniff';
import { yieldToLoop } from '../schedule';
import { summarize, WorkspaceIndex } from './summary';

/** Files larger than this are not indexed (real minutes are far smaller). */
export const MAX_INDEX_FILE_BYTES = 4 * 1024 * 1024;

export interface IndexerHost {
  /** Where the workspace's files are read, walked and named. */
  files: FileHost;
  /** The same parser (and options) the open documents get. */
  parse(uri: string, text: string): ReferatModel;
  /** Whether the editor has the document open (then its text, not the disk, counts); given a normalized URI. */
  isOpen(uri: string): boolean;
  log(message: string): void;
  /** The words of the log lines (Danish when not given). */
  messages?(): Messages;
  /** The include and exclude globs of a workspace folder's configuration. */
  filter?(folder: string): WalkFilter;
}

/** Work between yields to the event loop, so requests are answered during a scan. */
const SLICE_MS = 8;
/** Files read ahead of the parser during a scan. */
const READ_AHEAD = 4;

/**
 * One spelling per file: editors encode file URIs differently ("c%3A", "%C3%B8"), so
 * the index keys a file's URI by its name. Other URIs are kept as they are.
 */
export function normalizeUri(names: FileNames, uri: string): string {
  const file = names.fromUri(uri);
  return file === null ? uri : names.toUri(file);
}

export class WorkspaceIndexer {
  readonly index = new WorkspaceIndex();
  private readonly folders = new Set<string>();
  private scanning: Promise<void> = Promise.resolve();
  private disposed = false;

  private readonly names: FileNames;

  constructor(private readonly host: IndexerHost) {
    this.names = host.files.names;
  }

  /** The index's key of a URI (normalizeUri). */
  normalize(uri: string): string {
    return normalizeUri(this.names, uri);
  }

  private words(): Messages {
    return this.host.messages?.() ?? messages('da');
  }

  /** Resolves when every scan and refresh started so far has finished. */
  get ready(): Promise<void> {
    return this.scanning;
  }

  get folderPaths(): string[] {
    return [...this.folders];
  }

  /** Adds workspace folders (URIs) and indexes them in the background. */
  addFolders(uris: readonly string[]): Promise<void> {
    const paths = uris.map((u) => this.names.fromUri(u)).filter((p): p is string => p !== null && !this.folders.has(p));
    for (const p of paths) this.folders.add(p);
    if (paths.length === 0) return this.scanning;
    const previous = this.scanning;
    this.scanning = previous.then(() => this.scan(paths)).catch((error: unknown) => this.fail(error));
    return this.scanning;
  }

  removeFolders(uris: readonly string[]): void {
    for (const uri of uris) {
      const p = this.names.fromUri(uri);
      if (p === null || !this.folders.delete(p)) continue;
      const prefix = this.names.toUri(p).replace(/\/?$/, '/');
      for (const file of this.index.uris()) if (file.startsWith(prefix) && !this.host.isOpen(file) && !this.inWorkspace(file)) this.index.delete(file);
    }
  }

  /** Whether a URI is a referat file under one of the workspace folders. */
  inWorkspace(uri: string): boolean {
    const file = this.names.fromUri(uri);
    if (file === null || fileNameKind(this.names.basename(file)) === null) return false;
    for (const folder of this.folders) if (this.names.isUnder(folder, file)) return true;
    return false;
  }

  /** An open document's text changed: index its current model. */
  updateOpen(uri: string, model: ReferatModel): void {
    this.index.set(summarize(this.normalize(uri), model));
  }

  /** A document was closed: the disk counts again (or it is dropped if outside the workspace). */
  async closed(uri: string): Promise<void> {
    const key = this.normalize(uri);
    if (this.inWorkspace(key)) await this.refresh(key);
    else this.index.delete(key);
  }

  /** A file was created or changed on disk: re-read it, unless the editor has it open. */
  refresh(uri: string): Promise<void> {
    const key = this.normalize(uri);
    const file = this.names.fromUri(key);
    if (file === null) return this.scanning;
    // Queued behind scans and earlier refreshes, so that `ready` covers it.
    this.scanning = this.scanning
      .then(async () => {
        if (!this.host.isOpen(key)) await this.indexFile(file, key);
      })
      .catch((error: unknown) => this.fail(error));
    return this.scanning;
  }

  remove(uri: string): void {
    const key = this.normalize(uri);
    if (!this.host.isOpen(key)) this.index.delete(key);
  }

  private fail(error: unknown): void {
    this.host.log(this.words().indexFailed(error instanceof Error ? (error.stack ?? error.message) : String(error)));
  }

  dispose(): void {
    this.disposed = true;
  }

  /** `byContent`: a .txt or .md file, indexed only when its text is minutes (parser/sniff.ts). */
  private async indexFile(file: string, uri: string, pending?: Promise<ReadResult>, byContent = fileNameKind(this.names.basename(file)) === 'content'): Promise<boolean> {
    const read = await (pending ?? this.host.files.readText(file, MAX_INDEX_FILE_BYTES));
    if (this.host.isOpen(uri)) return false;
    if (!read.ok || (byContent && !sniffMinutes(read.text).minutes)) {
      this.index.delete(uri);
      return false;
    }
    try {
      this.index.set(summarize(uri, this.host.parse(uri, read.text)));
      return true;
    } catch (error) {
      this.host.log(this.words().cannotIndex(file, error instanceof Error ? error.message : String(error)));
      return false;
    }
  }

  private async scan(folders: readonly string[]): Promise<void> {
    const started = Date.now();
    let files = 0;
    for (const folder of folders) {
      const walk = await this.host.files.walk(folder, MAX_WALK_FILES, this.host.filter?.(folder) ?? {});
      const list = walk.files;
      let slice = Date.now();
      // A few reads ahead of the parser, so that disk waits overlap with parsing.
      const reads = new Map<number, Promise<ReadResult>>();
      const readAhead = (i: number): void => {
        for (let k = i; k < list.length && k < i + READ_AHEAD; k++) if (!reads.has(k)) reads.set(k, this.host.files.readText(list[k] as string, MAX_INDEX_FILE_BYTES));
      };
      for (let i = 0; i < list.length; i++) {
        if (this.disposed || !this.folders.has(folder)) return;
        readAhead(i);
        const file = list[i] as string;
        const pending = reads.get(i) as Promise<ReadResult>;
        reads.delete(i);
        const uri = this.names.toUri(file);
        if (!this.host.isOpen(uri) && (await this.indexFile(file, uri, pending, walk.byContent.has(file)))) files++;
        if (Date.now() - slice >= SLICE_MS) {
          await yieldToLoop();
          slice = Date.now();
        }
      }
    }
    this.host.log(this.words().indexed(files, Date.now() - started));
  }
}
