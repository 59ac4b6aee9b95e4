// The names the client and the server share beyond LSP itself: the commands the server
// carries out (workspace/executeCommand), the client's own commands, and Referat's own
// notifications and requests. Imported by both sides, so that a name is spelled once. No imports.

/** Commands the server carries out; the client's commands call them. */
export const SERVER_COMMANDS = {
  /** Arguments: [uri]. Regenerates the Indholdsfortegnelse from the punkter. */
  updateToc: 'referat.server.updateToc',
  /** No arguments. Lints every referat file in the workspace and publishes the findings. */
  lintWorkspace: 'referat.server.lintWorkspace',
  /** Arguments: ['referat' | 'dagsorden']. The snippet of a new document. */
  skeleton: 'referat.server.skeleton',
  /** Arguments: [text] (the head of a plaintext or Markdown document). Whether it is minutes: SniffResult. */
  sniff: 'referat.server.sniff',
  /** Arguments: [uri] (a file: URI of a .docx or .pdf). Reads the file's text: ExtractResultAnswer. */
  extract: 'referat.server.extract',
  /** Arguments: [uri] (an open document). Its publication report as HTML for a webview: ReportAnswer. */
  report: 'referat.server.report',
  /** Arguments: [uri] (an open document, or a file: URI of a text, Word or PDF file). The referat of that dagsorden: FromAgendaAnswer. */
  newFromAgenda: 'referat.server.newFromAgenda',
} as const;

export type ServerCommand = (typeof SERVER_COMMANDS)[keyof typeof SERVER_COMMANDS];

/** The VS Code commands (package.json contributes.commands). */
export const CLIENT_COMMANDS = {
  updateToc: 'referat.updateToc',
  newReferat: 'referat.newReferat',
  lintWorkspace: 'referat.lintWorkspace',
  useForFile: 'referat.useForFile',
  checkDocument: 'referat.checkDocument',
  publicationReport: 'referat.publicationReport',
  newFromAgenda: 'referat.newFromAgenda',
} as const;

/**
 * Arguments: [uri, line, character] (0-based). Opens the document at that place: the
 * links of the publication report's webview (command: URIs, the only command it may run).
 * Not in the command palette, so not in CLIENT_COMMANDS.
 */
export const REVEAL_LINE_COMMAND = 'referat.revealLine';

/**
 * The read-only documents that show a Word or PDF file's text: the file's URI under this
 * scheme. The client serves their text; the server knows where each line came from and
 * says so in the findings ("side 3:linje 12").
 */
export const EXTRACTED_SCHEME = 'referat-extract';

/**
 * file:///a/Referat.pdf → referat-extract:/a/Referat.pdf (with no authority there is no
 * "//", as VS Code writes such a URI); null for a URI that is no file: URI.
 */
export function extractedUri(fileUri: string): string | null {
  if (!fileUri.startsWith('file:')) return null;
  const rest = fileUri.slice('file:'.length);
  return `${EXTRACTED_SCHEME}:${rest.startsWith('///') ? rest.slice(2) : rest}`;
}

/** The file: URI whose text an extracted document shows, or null. */
export function sourceOfExtracted(uri: string): string | null {
  if (!uri.startsWith(`${EXTRACTED_SCHEME}:`)) return null;
  const rest = uri.slice(EXTRACTED_SCHEME.length + 1);
  return `file:${rest.startsWith('//') ? rest : `//${rest}`}`;
}

/** Client → server: the user has just trusted the workspace (VS Code's onDidGrantWorkspaceTrust). */
export const WORKSPACE_TRUSTED_NOTIFICATION = 'referat/workspaceTrusted';

/** Files checked and findings by severity. */
export interface LintTally {
  files: number;
  /** Files that could not be read (too large, binary, gone). */
  skipped: number;
  error: number;
  warning: number;
  information: number;
  hint: number;
}

/** The answer to SERVER_COMMANDS.lintWorkspace. */
export interface LintWorkspaceResult extends LintTally {
  message: string;
}

/** The answer to SERVER_COMMANDS.updateToc. */
export interface UpdateTocResult {
  changed: boolean;
  message?: string;
}

/** The answer to SERVER_COMMANDS.extract: the text, or why there is none (in the user's language). */
export type ExtractAnswer =
  | { ok: true; uri: string; text: string; format: 'docx' | 'pdf'; units: number }
  | { ok: false; message: string };

/** The answer to SERVER_COMMANDS.report: the report's HTML (links are REVEAL_LINE_COMMAND command: URIs), or why there is none. */
export type ReportAnswer =
  | { ok: true; html: string; verdict: 'red' | 'yellow' | 'green' | 'unknown'; title: string }
  | { ok: false; message: string };

/** The answer to SERVER_COMMANDS.newFromAgenda: the referat's text, or why there is none (in the user's language). */
export type FromAgendaAnswer = { ok: true; text: string; /** 0-based lines to write the decisions on. */ decisions: number[] } | { ok: false; message: string };

/** The answer to SERVER_COMMANDS.sniff. */
export interface SniffResult {
  minutes: boolean;
}

// ---- The browser: the server runs in a web worker without a disk, and asks the client
// for the workspace's files (workspace.findFiles and workspace.fs). The desktop server
// reads the disk and never sends these.

/** Server → client: the files under `base` (a folder URI) matching any of `globs` (relative to it), none under `exclude`. Answer: URIs. */
export const FIND_FILES_REQUEST = 'referat/findFiles';

export interface FindFilesParams {
  base: string;
  globs: string[];
  /** One glob of folders and files to leave out, relative to `base`. */
  exclude: string;
  /** At most this many URIs for each glob. */
  maxResults: number;
}

/** Server → client: a file's bytes, unless it is larger than `maxBytes`. Answer: ReadFileAnswer. */
export const READ_FILE_REQUEST = 'referat/readFile';

export interface ReadFileParams {
  uri: string;
  maxBytes: number;
}

/** The bytes as base64 (a JSON-RPC message carries text), or why there are none. */
export type ReadFileAnswer = { ok: true; base64: string } | { ok: false; reason: 'missing' | 'is-directory' | 'too-large' | 'no-access' | 'other'; detail?: string };

/** Server → client: the names of the files (not folders) in a folder (for bilag links). Answer: string[]. */
export const READ_DIRECTORY_REQUEST = 'referat/readDirectory';

export interface ReadDirectoryParams {
  uri: string;
}

const BASE64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';

/** Bytes → base64, for READ_FILE_REQUEST's answer (no Buffer or btoa in every host). */
export function bytesToBase64(bytes: Uint8Array): string {
  const out: string[] = [];
  for (let i = 0; i < bytes.length; i += 3) {
    const n = ((bytes[i] as number) << 16) | ((bytes[i + 1] ?? 0) << 8) | (bytes[i + 2] ?? 0);
    out.push(
      (BASE64[(n >>> 18) & 63] as string) +
        (BASE64[(n >>> 12) & 63] as string) +
        (i + 1 < bytes.length ? (BASE64[(n >>> 6) & 63] as string) : '=') +
        (i + 2 < bytes.length ? (BASE64[n & 63] as string) : '='),
    );
  }
  return out.join('');
}

const BASE64_VALUE = new Int8Array(128).fill(-1);
for (let i = 0; i < BASE64.length; i++) BASE64_VALUE[BASE64.charCodeAt(i)] = i;

/** base64 → bytes; characters outside the alphabet (padding, line breaks) are skipped. */
export function base64ToBytes(text: string): Uint8Array {
  const out = new Uint8Array(Math.floor((text.length * 3) / 4));
  let bits = 0;
  let value = 0;
  let at = 0;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    const v = code < 128 ? (BASE64_VALUE[code] as number) : -1;
    if (v < 0) continue;
    value = ((value << 6) | v) & 0xffffff;
    bits += 6;
    if (bits >= 8) {
      bits -= 8;
      out[at++] = (value >>> bits) & 0xff;
    }
  }
  return out.subarray(0, at);
}
