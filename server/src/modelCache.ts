// Parse once per document version. Pure: it takes text and a version number and knows
// nothing of the LSP connection, so the server, the CLI and tests can all use it.
import type { ReferatModel } from './model';
import { reparseReferat } from './parser/parse';

/**
 * Parses a document; the URI lets the caller pick parse options (a config's section
 * aliases) per document. `previous` is the model of the document's previous version,
 * if any: reparseReferat(previous, text, options) re-reads only what changed.
 */
export type ParseFunction = (text: string, uri: string, previous: ReferatModel | undefined) => ReferatModel;

interface Entry {
  version: number;
  text: string;
  model: ReferatModel;
}

export class ModelCache {
  private readonly entries = new Map<string, Entry>();

  constructor(private readonly parse: ParseFunction = (text, _uri, previous) => reparseReferat(previous, text)) {}

  /**
   * The model for this URI and version. The text is parsed only when the cache holds no
   * model for the URI, or one for another version or another text: LSP promises one text
   * per (uri, version), but a client that repeats a version number must not get stale
   * results (the comparison is by reference first, so it costs nothing when the text is
   * the same string).
   * If the parser throws, nothing is cached and the error propagates. When the parse
   * options change (a config file or setting), the owner calls clear().
   */
  get(uri: string, version: number, text: string): ReferatModel {
    const cached = this.entries.get(uri);
    if (cached !== undefined && cached.version === version && cached.text === text) return cached.model;
    const model = this.parse(text, uri, cached?.model);
    this.entries.set(uri, { version, text, model });
    return model;
  }

  /** The cached model if it is for this version, without parsing. */
  peek(uri: string, version: number): ReferatModel | undefined {
    const cached = this.entries.get(uri);
    return cached !== undefined && cached.version === version ? cached.model : undefined;
  }

  /** Forget a document (on didClose). Returns whether it was cached. */
  delete(uri: string): boolean {
    return this.entries.delete(uri);
  }

  clear(): void {
    this.entries.clear();
  }

  get size(): number {
    return this.entries.size;
  }
}
