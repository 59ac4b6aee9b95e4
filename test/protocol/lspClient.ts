// A tiny LSP client for protocol tests: spawns the bundled server over stdio and talks
// JSON-RPC to it. No sleeps: every wait is on a response, a notification or process
// exit, with a timeout only as a failure guard.
import { fork, spawn, type ChildProcess } from 'child_process';
import * as path from 'path';
import type {
  ClientCapabilities,
  InitializeParams,
  InitializeResult,
  PublishDiagnosticsParams,
  TextDocumentContentChangeEvent,
} from 'vscode-languageserver';
import {
  createMessageConnection,
  IPCMessageReader,
  IPCMessageWriter,
  StreamMessageReader,
  StreamMessageWriter,
  type MessageConnection,
} from 'vscode-jsonrpc/node';

export const ROOT = path.resolve(__dirname, '../..');
export const SERVER = path.join(ROOT, 'dist', 'server.js');

/** Client capabilities like VS Code's for the features the server offers. */
export const DEFAULT_CAPABILITIES: ClientCapabilities = {
  textDocument: {
    synchronization: { dynamicRegistration: false, didSave: true },
    documentSymbol: { hierarchicalDocumentSymbolSupport: true },
    foldingRange: { lineFoldingOnly: true },
    publishDiagnostics: { relatedInformation: true, versionSupport: true },
  },
};

export interface LspClientOptions {
  serverPath?: string;
  /** 'stdio' (default; `--stdio`) or 'ipc' (`--node-ipc`, as VS Code's TransportKind.ipc). */
  transport?: 'stdio' | 'ipc';
  /** Default timeout for waits, in ms. */
  timeoutMs?: number;
}

export interface Received {
  method: string;
  params: unknown;
}

interface Waiter {
  method: string;
  predicate: (params: unknown) => boolean;
  resolve: (params: unknown) => void;
  reject: (error: Error) => void;
}

export interface ExitStatus {
  code: number | null;
  signal: NodeJS.Signals | null;
}

export class LspClient {
  readonly process: ChildProcess;
  readonly connection: MessageConnection;
  /** Everything the server wrote to stderr. */
  stderr = '';
  /** Resolves when the server process has exited. */
  readonly exited: Promise<ExitStatus>;
  private exitStatus: ExitStatus | undefined;
  /** Notifications not yet taken by a wait, oldest first. */
  private readonly inbox: Received[] = [];
  private readonly waiters = new Set<Waiter>();
  private readonly timeoutMs: number;
  /** Requests the server sent to the client (client/registerCapability, workspace/applyEdit …), oldest first. */
  readonly serverRequests: Received[] = [];
  /** How to answer a server-to-client request, by method; otherwise null. */
  readonly answers = new Map<string, (params: unknown) => unknown>();

  private constructor(options: LspClientOptions) {
    this.timeoutMs = options.timeoutMs ?? 10_000;
    const server = options.serverPath ?? SERVER;
    const ipc = options.transport === 'ipc';
    this.process = ipc
      ? fork(server, ['--node-ipc'], { cwd: ROOT, stdio: ['pipe', 'pipe', 'pipe', 'ipc'] })
      : spawn(process.execPath, [server, '--stdio'], { cwd: ROOT, stdio: 'pipe' });
    const { stdin, stdout, stderr } = this.process;
    if (stdin === null || stdout === null || stderr === null) throw new Error('serverens standardstrømme mangler');
    stderr.setEncoding('utf8');
    stderr.on('data', (chunk: string) => {
      this.stderr += chunk;
    });
    this.exited = new Promise((resolve) => {
      this.process.on('exit', (code, signal) => {
        this.exitStatus = { code, signal };
        for (const w of this.waiters) w.reject(new Error(`serveren afsluttede (kode ${code}, signal ${signal}) ${this.stderrTail()}`));
        this.waiters.clear();
        resolve(this.exitStatus);
      });
    });
    this.connection = ipc
      ? createMessageConnection(new IPCMessageReader(this.process), new IPCMessageWriter(this.process))
      : createMessageConnection(new StreamMessageReader(stdout), new StreamMessageWriter(stdin));
    this.connection.onNotification((method, params) => this.receive({ method, params }));
    // Answer server-to-client requests harmlessly, or as a test asked (see `answers`).
    this.connection.onRequest((method, params) => {
      this.serverRequests.push({ method, params });
      const answer = this.answers.get(method);
      if (answer !== undefined) return answer(params);
      if (method === 'workspace/configuration' && typeof params === 'object' && params !== null && 'items' in params) {
        const items = (params as { items: unknown[] }).items;
        return items.map(() => null);
      }
      return null;
    });
    this.connection.listen();
  }

  static start(options: LspClientOptions = {}): LspClient {
    return new LspClient(options);
  }

  /** Sends initialize, then initialized; returns the initialize result. */
  async initialize(params: Partial<InitializeParams> = {}): Promise<InitializeResult> {
    const result = await this.request<InitializeResult>('initialize', {
      processId: process.pid,
      rootUri: null,
      capabilities: DEFAULT_CAPABILITIES,
      ...params,
    });
    await this.notify('initialized', {});
    return result;
  }

  request<R>(method: string, params?: unknown): Promise<R> {
    return this.connection.sendRequest<R>(method, params);
  }

  notify(method: string, params?: unknown): Promise<void> {
    return this.connection.sendNotification(method, params);
  }

  open(uri: string, text: string, version = 1, languageId = 'referat'): Promise<void> {
    return this.notify('textDocument/didOpen', { textDocument: { uri, languageId, version, text } });
  }

  change(uri: string, version: number, contentChanges: TextDocumentContentChangeEvent[]): Promise<void> {
    return this.notify('textDocument/didChange', { textDocument: { uri, version }, contentChanges });
  }

  close(uri: string): Promise<void> {
    return this.notify('textDocument/didClose', { textDocument: { uri } });
  }

  /**
   * The first notification with this method that satisfies the predicate and has not been
   * taken by an earlier wait — already received or still to come.
   */
  waitForNotification<P>(method: string, predicate: (params: P) => boolean = () => true, timeoutMs = this.timeoutMs): Promise<P> {
    const test = (params: unknown): boolean => predicate(params as P);
    const index = this.inbox.findIndex((n) => n.method === method && test(n.params));
    if (index >= 0) {
      const [found] = this.inbox.splice(index, 1);
      return Promise.resolve(found?.params as P);
    }
    if (this.exitStatus !== undefined) {
      return Promise.reject(new Error(`serveren er afsluttet; venter forgæves på ${method}`));
    }
    return new Promise<P>((resolve, reject) => {
      const timer = setTimeout(() => {
        this.waiters.delete(waiter);
        const seen = this.inbox.map((n) => n.method).join(', ') || 'ingen';
        reject(new Error(`ingen ${method} inden for ${timeoutMs} ms (ubrugte notifikationer: ${seen}) ${this.stderrTail()}`));
      }, timeoutMs);
      const waiter: Waiter = {
        method,
        predicate: test,
        resolve: (params) => {
          clearTimeout(timer);
          resolve(params as P);
        },
        reject: (error) => {
          clearTimeout(timer);
          reject(error);
        },
      };
      this.waiters.add(waiter);
    });
  }

  /** Takes every notification already received with this method that satisfies the predicate (no waiting). */
  takeReceived<P>(method: string, predicate: (params: P) => boolean = () => true): P[] {
    const taken: P[] = [];
    for (let i = this.inbox.length - 1; i >= 0; i--) {
      const n = this.inbox[i] as Received;
      if (n.method === method && predicate(n.params as P)) {
        taken.unshift(n.params as P);
        this.inbox.splice(i, 1);
      }
    }
    return taken;
  }

  /** The next publishDiagnostics for the URI (and, if given, matching the predicate). */
  waitForDiagnostics(
    uri: string,
    predicate: (params: PublishDiagnosticsParams) => boolean = () => true,
    timeoutMs?: number,
  ): Promise<PublishDiagnosticsParams> {
    return this.waitForNotification<PublishDiagnosticsParams>(
      'textDocument/publishDiagnostics',
      (p) => p.uri === uri && predicate(p),
      timeoutMs,
    );
  }

  /** shutdown, exit, and the process's exit status. */
  async shutdown(): Promise<ExitStatus> {
    await this.request('shutdown');
    await this.notify('exit');
    const status = await this.exited;
    this.connection.dispose();
    return status;
  }

  /** Ends the connection and kills the server if it still runs (for afterAll). */
  dispose(): void {
    this.connection.dispose();
    if (this.exitStatus === undefined) this.process.kill();
  }

  private receive(notification: Received): void {
    for (const w of this.waiters) {
      if (w.method === notification.method && w.predicate(notification.params)) {
        this.waiters.delete(w);
        w.resolve(notification.params);
        return;
      }
    }
    this.inbox.push(notification);
  }

  private stderrTail(): string {
    const tail = this.stderr.trim().split('\n').slice(-10).join('\n');
    return tail === '' ? '' : `\nserverens stderr:\n${tail}`;
  }
}
