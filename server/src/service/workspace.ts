// The workspace side of the service: the index of every referat file in the workspace
// folders (kept current by file events, with open documents counting by their live
// text), and "Tjek alle referater": the findings of files the editor does not have
// open, published and kept current as the files change. No LSP connection.
import type { LintWorkspaceResult } from '../protocol';
import type { Messages } from '../l10n/messages';
import type { FileHost } from '../files/host';
import type { WalkFilter } from '../files/names';
import type { ReferatModel } from '../model';
import type { LintDiagnostic } from '../rules/engine';
import { MAX_INDEX_FILE_BYTES, WorkspaceIndexer } from '../workspace/indexer';
import { lintAll } from '../workspace/lintAll';
import type { WorkspaceIndex } from '../workspace/summary';
import type { DocumentRef } from './service';

export interface WorkspaceHost {
  /** The workspace's files: the disk, or the client's in the browser. */
  files: FileHost;
  parse(uri: string, text: string): ReferatModel;
  lint(uri: string, text: string): LintDiagnostic[];
  publish(uri: string, findings: readonly LintDiagnostic[]): void;
  log(message: string): void;
  messages(): Messages;
  /** The include and exclude globs for a workspace folder. */
  filter?(folder: string): WalkFilter;
}

export type FileChange = { uri: string; kind: 'created' | 'changed' | 'deleted' };

/** A navigation request waits at most this long for the first scan of the workspace. */
export const INDEX_WAIT_MS = 5_000;

export class WorkspaceService {
  private readonly indexer: WorkspaceIndexer;
  /** Open documents by normalized URI (the index's key) → the URI the client uses. */
  private readonly open = new Map<string, string>();
  /** The version of each open document last put into the index. */
  private readonly indexedVersions = new Map<string, number>();
  /** Whether the user ran the workspace lint; from then on its findings are kept current. */
  private linted = false;
  /** Files (not open) whose findings from disk are published. */
  private readonly published = new Set<string>();

  constructor(private readonly host: WorkspaceHost) {
    this.indexer = new WorkspaceIndexer({
      files: host.files,
      parse: (uri, text) => host.parse(uri, text),
      isOpen: (uri) => this.open.has(uri),
      log: (message) => host.log(message),
      messages: () => host.messages(),
      filter: (folder) => host.filter?.(folder) ?? {},
    });
  }

  get index(): WorkspaceIndex {
    return this.indexer.index;
  }

  /** Resolves when every scan and refresh started so far has finished. */
  get ready(): Promise<void> {
    return this.indexer.ready;
  }

  /** The first scan, or at most `maxMs` of it: a navigation request does not wait longer. */
  async readyWithin(maxMs = INDEX_WAIT_MS): Promise<void> {
    let timer: ReturnType<typeof setTimeout> | undefined;
    await Promise.race([this.indexer.ready, new Promise<void>((resolve) => (timer = setTimeout(resolve, maxMs)))]);
    clearTimeout(timer);
  }

  addFolders(uris: readonly string[]): Promise<void> {
    return this.indexer.addFolders(uris);
  }

  removeFolders(uris: readonly string[]): void {
    this.indexer.removeFolders(uris);
  }

  /** The index's key of a URI: one spelling per file. */
  normalize(uri: string): string {
    return this.indexer.normalize(uri);
  }

  opened(uri: string): void {
    this.open.set(this.normalize(uri), uri);
  }

  /** A document was closed: the disk counts again, and its disk findings are kept current. */
  closed(uri: string): Promise<void> {
    const key = this.normalize(uri);
    this.open.delete(key);
    this.indexedVersions.delete(uri);
    return this.indexer.closed(key).then(() => (this.linted && this.indexer.inWorkspace(key) ? this.relint(key) : undefined));
  }

  /** Puts the open documents' current versions into the index (before a read of it). */
  syncOpen(documents: Iterable<DocumentRef>, model: (doc: DocumentRef) => ReferatModel): void {
    for (const doc of documents) {
      if (this.indexedVersions.get(doc.uri) === doc.version) continue;
      try {
        this.indexer.updateOpen(doc.uri, model(doc));
        this.indexedVersions.set(doc.uri, doc.version);
      } catch (error) {
        this.host.log(this.host.messages().cannotIndex(doc.uri, error instanceof Error ? error.message : String(error)));
      }
    }
  }

  /** Watched-file events for referat files. */
  filesChanged(changes: readonly FileChange[]): void {
    for (const change of changes) {
      const uri = this.normalize(change.uri);
      if (!this.indexer.inWorkspace(uri)) continue;
      if (change.kind === 'deleted') {
        this.indexer.remove(uri);
        if (this.published.has(uri)) this.publish(uri, []);
        continue;
      }
      void this.indexer.refresh(uri).then(() => (this.linted ? this.relint(uri) : undefined));
    }
  }

  /**
   * Lints every referat file in the workspace that is not open and publishes the
   * findings; open documents count with their live findings.
   */
  async lintAll(openFindings: (clientUri: string) => readonly LintDiagnostic[], locale: Messages): Promise<LintWorkspaceResult> {
    await this.indexer.ready;
    this.linted = true;
    const inWorkspace = this.indexer.index.uris().filter((u) => this.indexer.inWorkspace(u));
    const result = await lintAll({
      files: () => inWorkspace,
      isOpen: (u) => this.open.has(u),
      read: async (u) => this.host.files.readText(this.host.files.names.fromUri(u) ?? '', MAX_INDEX_FILE_BYTES),
      lint: (u, text) => this.host.lint(u, text),
      publish: (u, findings) => this.publish(u, findings),
    });
    let open = 0;
    for (const u of inWorkspace) {
      const clientUri = this.open.get(u);
      if (clientUri === undefined) continue;
      open++;
      for (const f of openFindings(clientUri)) result[f.severity]++;
    }
    const tally = { ...result, files: result.files + open };
    return { ...result, message: locale.workspaceLinted(tally) };
  }

  dispose(): void {
    this.indexer.dispose();
  }

  private publish(uri: string, findings: readonly LintDiagnostic[]): void {
    if (findings.length > 0) this.published.add(uri);
    else this.published.delete(uri);
    this.host.publish(uri, findings);
  }

  private async relint(uri: string): Promise<void> {
    const file = this.host.files.names.fromUri(uri);
    if (file === null || this.open.has(uri)) return;
    const read = await this.host.files.readText(file, MAX_INDEX_FILE_BYTES);
    if (this.open.has(uri)) return;
    this.publish(uri, read.ok ? this.host.lint(uri, read.text) : []);
  }
}
