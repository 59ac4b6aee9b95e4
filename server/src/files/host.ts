// What the core asks of the place its files live, so that the same core runs on the
// desktop and in a browser worker: how files are named (FileNames) and how they are read,
// walked and listed (FileHost). On the desktop the names are the system's paths and the
// disk answers (node/host.ts); in the browser the names are the editor's URIs themselves
// and the client answers through workspace.fs (web/clientFiles.ts). Pure: no Node module.
import type { WalkFilter } from './names';
import type { ReadResult } from './read';

export interface FileNames {
  /** The file a URI names, or null when it names none of this host's files (untitled:, …). */
  fromUri(uri: string): string | null;
  toUri(file: string): string;
  basename(file: string): string;
  dirname(file: string): string;
  join(dir: string, name: string): string;
  /** The one spelling of a file's name (path.resolve on the desktop). */
  resolve(file: string): string;
  /** Whether `file` lies under `folder`, and is not the folder itself. */
  isUnder(folder: string, file: string): boolean;
}

export interface FolderWalk {
  /** The referat files under the folder, sorted. */
  files: string[];
  /** Those of `files` taken for their .txt or .md name: minutes only if their content says so. */
  byContent: ReadonlySet<string>;
}

export interface FileHost {
  readonly names: FileNames;
  /** A file's text, decoded as files/decode.ts decodes, or why there is none; a file above maxBytes is not read. */
  readText(file: string, maxBytes?: number): Promise<ReadResult>;
  /** The referat files under a folder, chosen as files/names.ts walkChoice says. */
  walk(root: string, maxFiles: number, filter: WalkFilter): Promise<FolderWalk>;
  /** The names of the files in a folder (for bilag links); [] when it cannot be read. */
  listFolder(dir: string): Promise<string[]>;
}

// ---- The browser's names: URIs as the editor writes them (vscode-vfs://github/o/r/a.referat).

/** "scheme:" and "//authority" when there is one: the part of a URI that dirname never goes above. */
const URI_ROOT = /^[a-z][a-z0-9+.-]*:(?:\/\/[^/?#]*)?/i;

/** The root of a hierarchical URI, or null for one without a path ("untitled:Untitled-1"). */
function rootOf(uri: string): string | null {
  const root = URI_ROOT.exec(uri)?.[0];
  if (root === undefined) return null;
  const rest = uri.slice(root.length);
  return rest.startsWith('/') || (rest === '' && root.includes('//')) ? root : null;
}

const decode = (s: string): string => {
  try {
    return decodeURIComponent(s);
  } catch {
    return s;
  }
};

const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/** One path segment encoded as VS Code's Uri.toString() encodes it: all but A–Z a–z 0–9 - . _ ~ as %XX. */
export function encodeSegment(name: string): string {
  return encodeURIComponent(name.replace(LONE_SURROGATE, '\uFFFD')).replace(/[!'()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
}

const trimSlashes = (uri: string, root: string): string => {
  let end = uri.length;
  while (end > root.length + 1 && uri.charCodeAt(end - 1) === 0x2f) end--;
  return uri.slice(0, end);
};

/** The path of `file` below `folder`, decoded, with "/" between folders; null when it is not below it. */
export function uriRelative(folder: string, file: string): string | null {
  const prefix = `${folder.replace(/\/+$/, '')}/`;
  if (file.length <= prefix.length || !file.startsWith(prefix)) return null;
  return file.slice(prefix.length).split('/').map(decode).join('/');
}

/** Each URI names itself; the client spells a URI the same way every time, so no normalization. */
export const uriNames: FileNames = {
  fromUri: (uri) => (rootOf(uri) === null ? null : uri),
  toUri: (file) => file,
  basename(file) {
    const root = rootOf(file) ?? '';
    const trimmed = trimSlashes(file, root);
    const slash = trimmed.lastIndexOf('/');
    return decode(slash < root.length ? trimmed.slice(root.length) : trimmed.slice(slash + 1));
  },
  dirname(file) {
    const root = rootOf(file) ?? '';
    const trimmed = trimSlashes(file, root);
    const slash = trimmed.lastIndexOf('/');
    return slash <= root.length ? `${root}/` : trimmed.slice(0, slash);
  },
  join: (dir, name) => `${dir.replace(/\/+$/, '')}/${encodeSegment(name)}`,
  resolve: (file) => file,
  isUnder: (folder, file) => uriRelative(folder, file) !== null,
};

/** A host without files: a service that reads only the texts it is given (most tests). */
export const NO_FILES: FileHost = {
  names: uriNames,
  readText: () => Promise.resolve({ ok: false, reason: 'missing' }),
  walk: () => Promise.resolve({ files: [], byContent: new Set<string>() }),
  listFolder: () => Promise.resolve([]),
};
