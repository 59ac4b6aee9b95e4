// The manifest's commands, task type and problem matcher: the commands are the ones the
// client registers, and the problem matcher reads what `referat lint --format text` writes.
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CLIENT_COMMANDS } from '../../server/src/protocol';

const root = join(__dirname, '..', '..');
interface Manifest {
  activationEvents: string[];
  contributes: {
    commands: { command: string; title: string; category: string }[];
    taskDefinitions: { type: string; properties: Record<string, unknown> }[];
    problemMatchers: {
      name: string;
      owner: string;
      fileLocation: string[];
      pattern: { regexp: string; file: number; line: number; column: number; severity: number; code: number; message: number };
    }[];
  };
}
const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as Manifest;

describe('commands and tasks in package.json', () => {
  it('contributes the Referat commands with Danish titles, all registered by the client', () => {
    // Titles are %keys% resolved by package.nls.json (English) and package.nls.da.json (Danish).
    const nlsDa = JSON.parse(readFileSync(join(root, 'package.nls.da.json'), 'utf8')) as Record<string, string>;
    const danish = (s: string): string => s.replace(/^%(.+)%$/, (all, key: string) => nlsDa[key] ?? all);
    const titles = pkg.contributes.commands.map((c) => `${c.category}: ${danish(c.title)}`);
    expect(titles).toEqual(['Referat: Opdater indholdsfortegnelse', 'Referat: Nyt referat', 'Referat: Tjek alle referater i arbejdsområdet', 'Referat: Brug Referat til denne fil', 'Referat: Tjek Word- eller PDF-fil', 'Referat: Klar til offentliggørelse?', 'Referat: Opret referat fra dagsorden']);
    // The names come from the shared protocol file, and the client registers each of them.
    expect(pkg.contributes.commands.map((c) => c.command)).toEqual(Object.values(CLIENT_COMMANDS));
    const client = ['commands.ts', 'detect.ts', 'documents.ts', 'report.ts'].map((f) => readFileSync(join(root, 'client', 'src', f), 'utf8')).join('\n');
    for (const key of Object.keys(CLIENT_COMMANDS)) expect(client).toContain(`registerCommand(CLIENT_COMMANDS.${key},`);
  });

  it('contributes the referat task type, registered by the client, and activates for it and for workspace files', () => {
    expect(pkg.contributes.taskDefinitions.map((t) => t.type)).toEqual(['referat']);
    expect(readFileSync(join(root, 'client', 'src', 'tasks.ts'), 'utf8')).toContain("['$referat']");
    expect(pkg.activationEvents).toEqual(expect.arrayContaining(['onTaskType:referat', 'workspaceContains:**/*.referat']));
  });

  it('has a problem matcher that reads every line of `referat lint --format text`, all four severities', () => {
    const matcher = pkg.contributes.problemMatchers.find((m) => m.name === 'referat');
    expect(matcher).toBeDefined();
    const p = matcher?.pattern;
    const re = new RegExp(p?.regexp ?? '');
    const cli = join(root, 'dist', 'cli.js');
    if (!existsSync(cli)) throw new Error('dist/cli.js mangler: kør npm run build');
    const run = spawnSync(process.execPath, [cli, 'lint', '--format', 'text', 'test/fixtures/corpus'], { cwd: root, encoding: 'utf8' });
    const out = run.stdout.split('\n').filter((l) => l.includes(':') && !/^\d+ fil/.test(l));
    expect(out.length).toBeGreaterThan(20);
    for (const line of out) {
      const m = re.exec(line);
      expect(m, line).not.toBeNull();
      expect(existsSync(join(root, m?.[p?.file ?? 0] ?? ''))).toBe(true);
      expect(Number(m?.[p?.line ?? 0])).toBeGreaterThan(0);
      expect(m?.[p?.code ?? 0]).toMatch(/^[a-z-]+$/);
    }
    // VS Code knows "error", "warning", "info" and "hint"; "information" is read as "info".
    const sev = (s: string) => re.exec(`a.referat:1:2 ${s} rule-id Besked: med kolon`)?.[p?.severity ?? 0];
    expect(['error', 'warning', 'information', 'hint'].map(sev)).toEqual(['error', 'warning', 'info', 'hint']);
    expect(re.exec('C:\\x\\a.referat:3:4 error missing-section Punkt 1 mangler.')?.[1]).toBe('C:\\x\\a.referat');
  });
});
