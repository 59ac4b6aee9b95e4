// The browser server's files (server/src/web/clientFiles.ts): in a web worker it has no
// disk, so this client answers its requests with VS Code's own file access, which reaches
// whatever the workspace lives on (a GitHub repository in github.dev, a local folder in
// vscode.dev). Only the browser client registers these; the desktop server reads the disk.
import { FileSystemError, FileType, RelativePattern, workspace, type Disposable, type Uri } from 'vscode';
import type { BaseLanguageClient } from 'vscode-languageclient';
import {
  bytesToBase64,
  FIND_FILES_REQUEST,
  READ_DIRECTORY_REQUEST,
  READ_FILE_REQUEST,
  type FindFilesParams,
  type ReadDirectoryParams,
  type ReadFileAnswer,
  type ReadFileParams,
} from '../../server/src/protocol';

function failure(error: unknown): ReadFileAnswer {
  if (error instanceof FileSystemError) {
    if (error.code === 'FileNotFound') return { ok: false, reason: 'missing' };
    if (error.code === 'FileIsADirectory') return { ok: false, reason: 'is-directory' };
    if (error.code === 'NoPermissions') return { ok: false, reason: 'no-access' };
  }
  return { ok: false, reason: 'other', detail: error instanceof Error ? error.message : String(error) };
}

export function answerFileRequests(client: BaseLanguageClient): Disposable[] {
  const toCode = (uri: string): Uri => client.protocol2CodeConverter.asUri(uri);
  return [
    client.onRequest(FIND_FILES_REQUEST, async (params: FindFilesParams): Promise<string[]> => {
      const base = toCode(params.base);
      const found = await Promise.all(params.globs.map((glob) => workspace.findFiles(new RelativePattern(base, glob), params.exclude, params.maxResults)));
      return [...new Set(found.flat().map((u) => client.code2ProtocolConverter.asUri(u)))];
    }),
    client.onRequest(READ_FILE_REQUEST, async (params: ReadFileParams): Promise<ReadFileAnswer> => {
      try {
        const uri = toCode(params.uri);
        // The size first: a file the server would refuse is never read or sent.
        const stat = await workspace.fs.stat(uri);
        if ((stat.type & FileType.Directory) !== 0) return { ok: false, reason: 'is-directory' };
        if (stat.size > params.maxBytes) return { ok: false, reason: 'too-large' };
        const bytes = await workspace.fs.readFile(uri);
        return bytes.length > params.maxBytes ? { ok: false, reason: 'too-large' } : { ok: true, base64: bytesToBase64(bytes) };
      } catch (error) {
        return failure(error);
      }
    }),
    client.onRequest(READ_DIRECTORY_REQUEST, async (params: ReadDirectoryParams): Promise<string[]> => {
      try {
        const entries = await workspace.fs.readDirectory(toCode(params.uri));
        return entries.filter(([, type]) => (type & FileType.File) !== 0).map(([name]) => name);
      } catch {
        return [];
      }
    }),
  ];
}
