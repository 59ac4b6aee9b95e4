// One code-server 4.139.1 instance (VS Code in the browser, on Node 24 from
// .ci/setup-editors.sh), with its own user data, extensions and XDG folders, and one
// Debian chromium driven by playwright-core.
import { spawn, type ChildProcess } from 'child_process';
import * as fs from 'fs';
import * as http from 'http';
import * as net from 'net';
import * as path from 'path';
import { chromium, type Browser } from 'playwright-core';
import { deadline, EDITORS_HOME, killGroup, runProcess } from './lib';

export const CODE_SERVER_BIN = path.join(EDITORS_HOME, 'bin/code-server');
export const CHROMIUM = process.env['REFERAT_CHROMIUM'] ?? '/usr/bin/chromium';

/** Without the background-networking flags, chromium keeps trying to reach Google on this closed network. */
const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

/** Quiet user settings: no welcome page, telemetry, update checks, AI or git activity. */
const SETTINGS = {
  'workbench.startupEditor': 'none',
  'workbench.tips.enabled': false,
  'workbench.enableExperiments': false,
  'telemetry.telemetryLevel': 'off',
  'update.mode': 'none',
  'extensions.autoCheckUpdates': false,
  'extensions.autoUpdate': false,
  'extensions.ignoreRecommendations': true,
  'chat.disableAIFeatures': true,
  'security.workspace.trust.enabled': false,
  'git.enabled': false,
  'git.autoRepositoryDetection': false,
  'github.gitAuthentication': false,
  'editor.minimap.enabled': false,
  'editor.stickyScroll.enabled': false,
  'workbench.secondarySideBar.defaultVisibility': 'hidden',
  'window.zoomLevel': 0,
};

export interface CodeServer {
  url: string;
  /** The remote authority the workbench uses for vscode-remote:// URIs (code-server: the page's host). */
  authority: string;
  userDataDir: string;
  logFile: string;
  /** The remote extension host logs of this run (newest session). */
  exthostLogs(): string[];
  stop(): Promise<void>;
}

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.on('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const addr = srv.address();
      srv.close(() => (typeof addr === 'object' && addr !== null ? resolve(addr.port) : reject(new Error('no port'))));
    });
  });
}

function healthz(url: string): Promise<number> {
  return new Promise((resolve, reject) => {
    http.get(`${url}healthz`, (res) => {
      res.resume();
      resolve(res.statusCode ?? 0);
    }).on('error', reject);
  });
}

/** The folders code-server reads and writes, all under `base`. */
export function codeServerDirs(base: string): { userDataDir: string; extensionsDir: string; env: NodeJS.ProcessEnv } {
  const userDataDir = path.join(base, 'user-data');
  const extensionsDir = path.join(base, 'extensions');
  const env = { ...process.env, XDG_CONFIG_HOME: path.join(base, 'xdg-config'), XDG_DATA_HOME: path.join(base, 'xdg-data') };
  return { userDataDir, extensionsDir, env };
}

export async function installExtension(base: string, vsix: string): Promise<void> {
  const { userDataDir, extensionsDir, env } = codeServerDirs(base);
  const r = await runProcess(CODE_SERVER_BIN, ['--user-data-dir', userDataDir, '--extensions-dir', extensionsDir, '--install-extension', vsix], {
    env,
    ms: 120_000,
  });
  if (r.code !== 0 || !/successfully installed/i.test(r.stdout + r.stderr)) {
    throw new Error(`code-server --install-extension failed (${String(r.code)}):\n${r.stdout}\n${r.stderr}`);
  }
}

/**
 * Starts code-server in its own process group (stop() ends the whole group) and resolves
 * when it says it listens and /healthz answers. `extraEnv` reaches the extension host;
 * `extraSettings` join the quiet user settings.
 */
export async function startCodeServer(base: string, extraEnv: NodeJS.ProcessEnv = {}, extraSettings: Record<string, unknown> = {}): Promise<CodeServer> {
  const { userDataDir, extensionsDir, env } = codeServerDirs(base);
  fs.mkdirSync(path.join(userDataDir, 'User'), { recursive: true });
  fs.writeFileSync(path.join(userDataDir, 'User/settings.json'), JSON.stringify({ ...SETTINGS, ...extraSettings }, null, 2));
  const port = await freePort();
  const logFile = path.join(base, 'code-server.log');
  const log = fs.openSync(logFile, 'w');
  const args = [
    '--auth', 'none',
    '--bind-addr', `127.0.0.1:${port}`,
    '--user-data-dir', userDataDir,
    '--extensions-dir', extensionsDir,
    '--disable-telemetry',
    '--disable-update-check',
    '--disable-workspace-trust',
    '--disable-getting-started-override',
    '--ignore-last-opened',
  ];
  const child: ChildProcess = spawn(CODE_SERVER_BIN, args, { env: { ...env, ...extraEnv }, detached: true, stdio: ['ignore', 'pipe', log] });
  const url = `http://127.0.0.1:${port}/`;
  const exited = new Promise<void>((resolve) => child.on('exit', () => resolve()));
  const listening = new Promise<void>((resolve, reject) => {
    let out = '';
    child.stdout?.on('data', (b: Buffer) => {
      fs.appendFileSync(logFile, b);
      out += b.toString();
      if (out.includes('HTTP server listening on')) resolve();
    });
    child.on('exit', (code) => reject(new Error(`code-server exited (${String(code)}) before listening; see ${logFile}`)));
    child.on('error', reject);
  });
  const stop = async (): Promise<void> => {
    if (child.pid === undefined || child.exitCode !== null) return;
    killGroup(child.pid, 'SIGTERM');
    await deadline(exited, 10_000, 'code-server to stop').catch(() => killGroup(child.pid ?? 0, 'SIGKILL'));
    // Its children (extension host, file watcher) are in the same group.
    killGroup(child.pid, 'SIGKILL');
    fs.closeSync(log);
  };
  try {
    await deadline(listening, 60_000, `code-server on port ${port}`);
    const status = await healthz(url);
    if (status !== 200) throw new Error(`code-server /healthz answered ${status}`);
  } catch (err) {
    await stop();
    throw err;
  }
  return {
    url,
    authority: `127.0.0.1:${port}`,
    userDataDir,
    logFile,
    exthostLogs: () => {
      const logs = path.join(userDataDir, 'logs');
      if (!fs.existsSync(logs)) return [];
      return fs
        .readdirSync(logs)
        .sort()
        .flatMap((session) => {
          const dir = path.join(logs, session);
          return fs
            .readdirSync(dir)
            .filter((d) => d.startsWith('exthost'))
            .map((d) => path.join(dir, d, 'remoteexthost.log'))
            .filter((f) => fs.existsSync(f));
        });
    },
    stop,
  };
}

export function launchChromium(): Promise<Browser> {
  return chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS, headless: true });
}
