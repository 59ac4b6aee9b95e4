// The server's door: what a client sends is checked before it reaches the service. A
// malformed notification is dropped with a log line (a notification has no answer); a
// malformed request gets -32602 InvalidParams, and any request before `initialize`
// gets -32002 ServerNotInitialized, as the LSP specification asks. Without this, one
// `{"textDocument":{}}` took the process down.
import {
  ErrorCodes,
  ResponseError,
  type Connection,
  type DidChangeTextDocumentParams,
  type DidCloseTextDocumentParams,
  type DidOpenTextDocumentParams,
  type DidSaveTextDocumentParams,
  type NotificationHandler,
  type TextDocuments,
  type WillSaveTextDocumentParams,
} from 'vscode-languageserver';

type Obj = Record<string, unknown>;
/** What TextDocuments.listen takes (the library does not export the interface by name). */
type TextDocumentConnection = Parameters<TextDocuments<{ uri: string }>['listen']>[0];

const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);
const isUint = (v: unknown): v is number => typeof v === 'number' && Number.isInteger(v) && v >= 0;

export function isPosition(v: unknown): boolean {
  return isObj(v) && isUint(v['line']) && isUint(v['character']);
}

export function isRange(v: unknown): boolean {
  return isObj(v) && isPosition(v['start']) && isPosition(v['end']);
}

function documentUri(params: unknown): string | null {
  if (!isObj(params) || !isObj(params['textDocument'])) return null;
  const uri = params['textDocument']['uri'];
  return typeof uri === 'string' && uri.length > 0 ? uri : null;
}

/** What a request needs besides its document, if anything. */
export type ParamShape = 'document' | 'position' | 'range' | 'none';

/** Why the params do not fit the shape, or null when they do. */
export function paramsProblem(params: unknown, shape: ParamShape): string | null {
  if (shape === 'none') return null;
  if (documentUri(params) === null) return 'textDocument.uri mangler eller er ikke en tekst';
  const p = params as Obj;
  if (shape === 'position' && !isPosition(p['position'])) return 'position skal have line og character som hele tal ≥ 0';
  if (shape === 'range') {
    if (!isRange(p['range'])) return 'range skal have start og end med line og character';
    if (!isObj(p['context']) || !Array.isArray(p['context']['diagnostics'])) return 'context.diagnostics skal være en liste';
  }
  return null;
}

function validOpen(params: unknown): params is DidOpenTextDocumentParams {
  if (documentUri(params) === null) return false;
  const d = (params as { textDocument: Obj }).textDocument;
  return typeof d['text'] === 'string' && typeof d['languageId'] === 'string' && typeof d['version'] === 'number' && Number.isInteger(d['version']);
}

function validChange(params: unknown): params is DidChangeTextDocumentParams {
  if (documentUri(params) === null) return false;
  const p = params as Obj;
  const version = (p['textDocument'] as Obj)['version'];
  if (typeof version !== 'number' || !Number.isInteger(version)) return false;
  const changes = p['contentChanges'];
  return Array.isArray(changes) && changes.every((c) => isObj(c) && typeof c['text'] === 'string' && (c['range'] === undefined || isRange(c['range'])));
}

/**
 * The part of the connection the document manager listens on, with every notification
 * checked first, so that TextDocuments never sees a document without a text or a uri.
 */
export function guardedDocumentSync(connection: Connection, log: (message: string) => void): TextDocumentConnection {
  const gate =
    <P>(method: string, valid: (p: unknown) => p is P) =>
    (handler: NotificationHandler<P>): ReturnType<Connection['onDidOpenTextDocument']> =>
      connection.onNotification(method, (params: unknown) => {
        if (valid(params)) handler(params);
        else log(`Ignorerer ${method} med ugyldige parametre: ${preview(params)}`);
      });
  const hasUri = <P>(p: unknown): p is P => documentUri(p) !== null;
  return {
    onDidOpenTextDocument: gate('textDocument/didOpen', validOpen),
    onDidChangeTextDocument: gate('textDocument/didChange', validChange),
    onDidCloseTextDocument: gate<DidCloseTextDocumentParams>('textDocument/didClose', hasUri),
    onWillSaveTextDocument: gate<WillSaveTextDocumentParams>('textDocument/willSave', hasUri),
    onWillSaveTextDocumentWaitUntil: (handler) =>
      connection.onRequest('textDocument/willSaveWaitUntil', (params: unknown, token) => {
        if (!hasUri<WillSaveTextDocumentParams>(params)) throw new ResponseError(ErrorCodes.InvalidParams, 'textDocument.uri mangler');
        return handler(params, token);
      }),
    onDidSaveTextDocument: gate<DidSaveTextDocumentParams>('textDocument/didSave', hasUri),
  };
}

/** Throws the LSP error a request must get before it is handled: not initialized, or bad params. */
export function checkRequest(initialized: boolean, params: unknown, shape: ParamShape): void {
  if (!initialized) throw new ResponseError(ErrorCodes.ServerNotInitialized, 'Serveren er ikke initialiseret endnu (initialize mangler).');
  const problem = paramsProblem(params, shape);
  if (problem !== null) throw new ResponseError(ErrorCodes.InvalidParams, `Ugyldige parametre: ${problem}.`);
}

/** A short, safe rendering of what was received, for the log (a 50 MB text is not echoed). */
export function preview(value: unknown): string {
  let s: string;
  try {
    s = JSON.stringify(value) ?? String(value);
  } catch {
    s = String(value);
  }
  return s.length > 200 ? `${s.slice(0, 200)}… (${s.length} tegn)` : s;
}
