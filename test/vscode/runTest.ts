// Runs the extension-host suite in VS Code desktop with @vscode/test-electron (downloads
// VS Code; needs internet). The same suite runs inside code-server's extension host with
// `npm run test:editors` (test/editors/extensionHost.ts), where VS Code cannot be downloaded.
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { runTests } from '@vscode/test-electron';

async function main(): Promise<void> {
  const root = path.resolve(__dirname, '../..');
  const workspace = fs.mkdtempSync(path.join(os.tmpdir(), 'referat-vscode-'));
  const corpus = path.join(root, 'test/fixtures/corpus');
  for (const f of fs.readdirSync(corpus)) fs.copyFileSync(path.join(corpus, f), path.join(workspace, f));
  try {
    await runTests({
      extensionDevelopmentPath: root,
      extensionTestsPath: path.join(__dirname, 'suite', 'index.js'),
      launchArgs: [workspace, '--disable-extensions', '--disable-workspace-trust', '--skip-welcome', '--skip-release-notes'],
    });
  } finally {
    fs.rmSync(workspace, { recursive: true, force: true });
  }
}

main().catch((err: unknown) => {
  console.error(err instanceof Error ? err.message : err);
  process.exit(1);
});
