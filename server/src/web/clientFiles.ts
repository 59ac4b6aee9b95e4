// The browser's files: the server runs in a web worker without a disk, so it asks the
// client, which answers with VS Code's workspace.findFiles and workspace.fs
// (client/src/workspaceFiles.ts). A file's name is its URI (files/host.ts uriNames). The
// walk takes the files the disk's walk would (files/names.ts walkChoice), and the bytes
// are decoded here as on the desktop (files/decode.ts), so both index the same files alike.
import type { Connection } from 'vscode-languageserver';
import { CONFIG_FILE_NAME } from '../config/schema';
import type { ConfigFs } from '../config/store';
import { decodeFile, MAX_TEXT_FILE_BYTES } from '../files/decode';
import { uriNames, uriRelative, type FileHost, type FolderWalk } from '../files/host';
import { SKIPPED_FOLDERS, skipsFolder, walkChoice } from '../files/names';
import type { ReadResult } from '../files/read';
import {
  base64ToBytes,
  FIND_FILES_REQUEST,
  READ_DIRECTORY_REQUEST,
  READ_FILE_REQUEST,
  type FindFilesParams,
  type ReadDirectoryParams,
  type ReadFileAnswer,
  type ReadFileParams,
} from '../protocol';

/** The folders the walk skips, for the client's search; each path is checked here again. */
const WALK_EXCLUDE = `**/{${[...SKIPPED_FOLDERS].join(',')},.*}/**`;
/** Every name fileNameKind takes (*.referat*, *.txt, *.md), in any case: a search may tell cases apart. */
const NAME_GLOBS = ['referat', 'txt', 'md'].map((ext) => `**/*.${[...ext].map((c) => `[${c}${c.toUpperCase()}]`).join('')}`);
/** Config files anywhere but in installed packages (a document in a hidden folder has its config looked up there too). */
const CONFIG_EXCLUDE = '**/node_modules/**';
const MAX_CONFIG_FILES = 1000;

const byCodeUnits = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

async function findFiles(connection: Connection, params: FindFilesParams): Promise<string[]> {
  const found: unknown = await connection.sendRequest(FIND_FILES_REQUEST, params);
  return Array.isArray(found) ? found.filter((u): u is string => typeof u === 'string') : [];
}

/** A file's bytes from the client; a failed request is a read failure, never an exception. */
async function readBytes(connection: Connection, uri: string, maxBytes: number): Promise<{ ok: true; bytes: Uint8Array } | Extract<ReadResult, { ok: false }>> {
  let answer: ReadFileAnswer;
  try {
    answer = await connection.sendRequest<ReadFileAnswer>(READ_FILE_REQUEST, { uri, maxBytes } satisfies ReadFileParams);
  } catch (error) {
    return { ok: false, reason: 'other', detail: error instanceof Error ? error.message : String(error) };
  }
  if (!answer.ok) {
    if (answer.reason === 'too-large') return { ok: false, reason: 'too-large', detail: String(maxBytes) };
    return answer.detail === undefined ? { ok: false, reason: answer.reason } : { ok: false, reason: answer.reason, detail: answer.detail };
  }
  const bytes = base64ToBytes(answer.base64);
  return bytes.length > maxBytes ? { ok: false, reason: 'too-large', detail: String(maxBytes) } : { ok: true, bytes };
}

export function clientFiles(connection: Connection): FileHost {
  return {
    names: uriNames,
    async readText(file, maxBytes = MAX_TEXT_FILE_BYTES) {
      const read = await readBytes(connection, file, maxBytes);
      if (!read.ok) return read;
      const decoded = decodeFile(read.bytes);
      return decoded.ok ? { ok: true, text: decoded.text, encoding: decoded.encoding } : decoded;
    },
    async walk(root, maxFiles, filter): Promise<FolderWalk> {
      let found: string[];
      try {
        found = await findFiles(connection, { base: root, globs: [...NAME_GLOBS, ...(filter.include ?? [])], exclude: WALK_EXCLUDE, maxResults: maxFiles + 1 });
      } catch (error) {
        connection.console.error(`${FIND_FILES_REQUEST} ${root}: ${error instanceof Error ? error.message : String(error)}`);
        return { files: [], byContent: new Set() };
      }
      const choose = walkChoice(filter);
      const taken = new Set<string>();
      const byContent = new Set<string>();
      for (const uri of found) {
        const rel = uriRelative(root, uri);
        if (rel === null) continue;
        const folders = rel.split('/');
        const name = folders.pop() ?? '';
        if (folders.some(skipsFolder)) continue;
        const kind = choose(rel, name);
        if (kind === null) continue;
        taken.add(uri);
        if (kind === 'content') byContent.add(uri);
      }
      const files = [...taken].sort(byCodeUnits).slice(0, maxFiles);
      const kept = new Set(files);
      for (const f of byContent) if (!kept.has(f)) byContent.delete(f);
      return { files, byContent };
    },
    async listFolder(dir) {
      try {
        const names: unknown = await connection.sendRequest(READ_DIRECTORY_REQUEST, { uri: dir } satisfies ReadDirectoryParams);
        return Array.isArray(names) ? names.filter((n): n is string => typeof n === 'string') : [];
      } catch {
        return [];
      }
    },
  };
}

/**
 * The workspace folders' .referatrc.json files, copied from the client: the configuration
 * is looked up synchronously as a document is linted, and a request to the client is not.
 * `load` reads them all again (at start and when one changes). Only files inside the
 * workspace folders are seen; the desktop also finds one in a folder above.
 */
export class ClientConfigFiles implements ConfigFs {
  private texts = new Map<string, string>();

  constructor(private readonly connection: Connection) {}

  readFile(file: string): string | undefined {
    return this.texts.get(file);
  }

  isFile(file: string): boolean {
    return this.texts.has(file);
  }

  async load(folders: readonly string[]): Promise<void> {
    const next = new Map<string, string>();
    for (const folder of folders) {
      const found = await findFiles(this.connection, { base: folder, globs: [`**/${CONFIG_FILE_NAME}`], exclude: CONFIG_EXCLUDE, maxResults: MAX_CONFIG_FILES });
      for (const uri of found) {
        if (uriNames.basename(uri) !== CONFIG_FILE_NAME) continue;
        const read = await readBytes(this.connection, uri, MAX_TEXT_FILE_BYTES);
        // As fs.readFileSync(file, 'utf8') reads it on the desktop: a byte order mark stays.
        if (read.ok) next.set(uri, new TextDecoder('utf-8', { ignoreBOM: true }).decode(read.bytes));
      }
    }
    this.texts = next;
  }
}
