// Runs the extension-host suite in VS Code desktop with @vscode/test-electron (downloads
// VS Code; needs internet). The same suite runs inside code-server's extension host with
// `npm run test:editors` (test/editors/extensionHost.ts), where VS Code cannot be downloaded.
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { runTests } from '@vscode/test-electron';

async function main(): Promise<void> {
  const root = path.resolve(__dirname, '../..');
  // A copy of the corpus to open as the workspace (the tests edit copies of its documents).
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'referat-vscode-'));
  const workspace = path.join(tmp, 'referater');
  fs.mkdirSync(workspace);
  const corpus = path.join(root, 'test/fixtures/corpus');
  for (const f of fs.readdirSync(corpus)) {
    fs.copyFileSync(path.join(corpus, f), path.join(workspace, f));
    fs.chmodSync(path.join(workspace, f), 0o644);
  }
  try {
    await runTests({
      extensionDevelopmentPath: root,
      extensionTestsPath: path.join(__dirname, 'suite', 'index.js'),
      launchArgs: [workspace, '--disable-extensions', '--disable-workspace-trust', '--skip-welcome', '--skip-release-notes'],
    });
  } finally {
    fs.rmSync(tmp, { recursive: true, force: true });
  }
}

main().catch((err: unknown) => {
  const message = err instanceof Error ? err.message : String(err);
  console.error(message);
  if (/ENOTFOUND|ECONNREFUSED|ETIMEDOUT|EAI_AGAIN/.test(message)) {
    console.error('VS Code could not be downloaded. Without internet, `npm run test:editors` runs the same suite in code-server.');
  }
  process.exit(1);
});
