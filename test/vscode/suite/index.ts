// Mocha entry point loaded by the extension host (VS Code desktop via @vscode/test-electron,
// or code-server's remote extension host via test/editors/extensionHost.ts): runs every
// *.test.js next to this file. When REFERAT_VSCODE_TEST_REPORT names a file, the results are
// also written there as JSON, because code-server's extension host has no terminal of its own.
import * as fs from 'fs';
import * as path from 'path';
import Mocha from 'mocha';

export interface SuiteReport {
  passed: { title: string; ms: number }[];
  failed: { title: string; error: string }[];
}

export function run(): Promise<void> {
  const mocha = new Mocha({ ui: 'tdd', color: false, timeout: 60_000, reporter: 'spec' });
  for (const file of fs.readdirSync(__dirname).sort()) {
    if (file.endsWith('.test.js')) mocha.addFile(path.join(__dirname, file));
  }
  const report: SuiteReport = { passed: [], failed: [] };
  const reportFile = process.env['REFERAT_VSCODE_TEST_REPORT'];
  return new Promise((resolve, reject) => {
    const runner = mocha.run((failures) => {
      if (reportFile !== undefined && reportFile !== '') fs.writeFileSync(reportFile, JSON.stringify(report, null, 2));
      if (failures > 0) reject(new Error(`${failures} test(s) failed`));
      else resolve();
    });
    runner.on('pass', (t) => report.passed.push({ title: t.fullTitle(), ms: t.duration ?? 0 }));
    runner.on('fail', (t, err: unknown) => {
      const message = err instanceof Error ? (err.stack ?? err.message) : String(err);
      report.failed.push({ title: t.fullTitle(), error: message });
    });
  });
}
