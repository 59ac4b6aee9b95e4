// The publication report (features/report.ts) and its renderers: the five corpus documents'
// text reports, checked in and reviewed by hand (test/golden/*.report.txt; UPDATE_EXPECTED=1
// rewrites them – for this file only, and review the diff), the traffic light on made-up
// documents and findings, and the HTML: no script, nothing remote, everything escaped, a
// light with its name per punkt, and a CSP that allows exactly its own style sheet.
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildReport, maskPersonalNumbers, MASKED_CPR, punktIndexAt, SENSITIVE_RULES, worst, type MeetingReport } from '../../server/src/features/report';
import { escapeHtml, REPORT_CSP, renderReportHtml } from '../../server/src/features/reportHtml';
import { renderReportJson, renderReportText } from '../../server/src/features/reportText';
import type { Range } from '../../server/src/model';
import { parseReferat } from '../../server/src/parser/parse';
import type { LintDiagnostic } from '../../server/src/rules/engine';
import type { Severity } from '../../server/src/rules/types';
import { lintText } from '../helpers/lintFile';

const root = join(__dirname, '..', '..');
const corpusDir = join(root, 'test', 'fixtures', 'corpus');
const goldenDir = join(root, 'test', 'golden');
const update = process.env['UPDATE_EXPECTED'] === '1';
const files = readdirSync(corpusDir).sort();

function reportOf(file: string, text: string, findings: readonly LintDiagnostic[] = lintText(text)): MeetingReport {
  return buildReport({ file, model: parseReferat(text), findings });
}

const at = (line: number, character = 0): Range => ({ start: { line, character }, end: { line, character: character + 1 } });
const finding = (rule: string, severity: Severity, line: number, message = `${rule} på linje ${line + 1}`, data?: Record<string, unknown>): LintDiagnostic => ({
  rule,
  severity,
  message,
  range: at(line),
  ...(data === undefined ? {} : { data }),
});

/** Two punkter; the second has no Beslutning. The first title carries markup and an ampersand. */
const TWO_PUNKTER = [
  'Referat',
  'Økonomiudvalget 12-03-2024',
  '',
  'Punkt 1: Budget <script>alert("x")</script> & "co"',
  'Sagsnr.: 24/1001',
  '',
  'Indstilling',
  '',
  'Godkendes.',
  '',
  'Beslutning',
  '',
  'Godkendt.',
  '',
  'Punkt 2: Anlæg',
  'Sagsnr.: 24/1002',
  '',
  'Indstilling',
  '',
  'Godkendes.',
  '',
].join('\n');

describe.each(files)('the report of corpus %s', (file) => {
  const text = readFileSync(join(corpusDir, file), 'utf8');
  const base = file.replace(/\.referat(?:\.txt|\.md)?$/, '');
  const report = reportOf(`test/fixtures/corpus/${file}`, text);

  it('is the reviewed text report', () => {
    const path = join(goldenDir, `${base}.report.txt`);
    const actual = renderReportText([report]);
    if (update) writeFileSync(path, actual);
    expect(existsSync(path), path).toBe(true);
    expect(actual).toBe(readFileSync(path, 'utf8'));
  });

  it('puts every finding in exactly one place, and lists every punkt', () => {
    const model = parseReferat(text);
    expect(report.punkter.map((p) => [p.number, p.title])).toEqual(model.punkter.map((p) => [p.number, p.title]));
    const placed = report.header.findings.length + report.punkter.reduce((n, p) => n + p.findings.length, 0);
    expect(placed).toBe(lintText(text).length);
    for (const p of report.punkter) {
      const first = p.range.start.line;
      for (const f of p.findings) expect(f.range.start.line).toBeGreaterThanOrEqual(first);
    }
  });

  it('has a light that follows from its findings', () => {
    const findings = lintText(text);
    const red = findings.some((d) => d.severity === 'error' || SENSITIVE_RULES.includes(d.rule) || (d.rule === 'missing-section' && d.data?.['section'] === 'beslutning'));
    const expected = red ? 'red' : findings.some((d) => d.severity === 'warning') ? 'yellow' : 'green';
    expect(report.verdict).toBe(expected);
    expect(report.unread).toBeNull();
  });

  it('renders as JSON that reads back as the report', () => {
    expect(JSON.parse(renderReportJson([report]))).toEqual([JSON.parse(JSON.stringify(report))]);
  });

  it('renders as HTML with one row and one named light per punkt, no script and nothing remote', () => {
    const html = renderReportHtml([report], { href: (_r, range) => `vscode://file/x.txt:${range.start.line + 1}:1` });
    expect(html).not.toMatch(/<script|javascript:|\son[a-z]+=/i);
    expect(html).not.toMatch(/(?:src|href)="(?:https?:)?\/\//i);
    expect(html).not.toMatch(/\sstyle=/i);
    const rows = [...html.matchAll(/<tr class="punkt (red|yellow|green|unknown)" data-verdict="\1"><td><span class="badge \1">([^<]+)<\/span>/g)];
    expect(rows.map((m) => m[1])).toEqual(report.punkter.map((p) => p.verdict));
    expect(rows.every((m) => ['Rød', 'Gul', 'Grøn', 'Ukendt'].includes(m[2] as string))).toBe(true);
    expect(html).toContain(`<section class="meeting ${report.verdict}"`);
  });
});

describe('the traffic light', () => {
  it('is red for a missing Beslutning, which is listed, and the punkt says what it lacks', () => {
    const r = reportOf('to-punkter.referat.txt', TWO_PUNKTER);
    expect(r.punkter.map((p) => p.verdict)).toEqual(['green', 'red']);
    expect(r.punkter[1]?.missing).toEqual(['beslutning']);
    expect(r.missingDecisions).toEqual([{ number: 2, title: 'Anlæg', range: expect.anything() as Range }]);
    expect(r.verdict).toBe('red');
    expect(r.reasons.map((x) => x.kind)).toEqual(['errors', 'missing-decisions']);
    expect(renderReportText([r])).toMatch(/RØD +Punkt 2: Anlæg {2}\[24\/1002\] {2}linje 15 {2}\(mangler Beslutning\)/);
  });

  it('is red for a missing Beslutning even when missing-section is only a warning', () => {
    const findings = lintText(TWO_PUNKTER, { severities: { 'missing-section': 'warning' } });
    expect(reportOf('x', TWO_PUNKTER, findings).punkter.map((p) => p.verdict)).toEqual(['green', 'red']);
  });

  it('is red for any personal-data or template-leftover hit, whatever its severity, and lists them apart', () => {
    const findings = [finding('personal-data', 'warning', 4, 'CPR-nummer 010203-1234 i teksten.'), finding('template-leftover', 'information', 1), finding('missing-section', 'error', 14, 'Punkt 2 mangler afsnittet Beslutning.', { punkt: 2, section: 'beslutning' })];
    const r = reportOf('x', TWO_PUNKTER, findings);
    expect(r.header.verdict).toBe('red');
    expect(r.punkter[0]?.verdict).toBe('red');
    expect(r.sensitive.map((s) => [s.rule, s.punkt?.number ?? null])).toEqual([
      ['personal-data', 1],
      ['template-leftover', null],
    ]);
    // The report is sent on: it never repeats a CPR number.
    expect(r.sensitive[0]?.message).toBe(`CPR-nummer ${MASKED_CPR} i teksten.`);
    expect(renderReportText([r])).not.toContain('010203');
    expect(renderReportHtml([r])).not.toContain('010203');
    expect(r.reasons).toEqual([
      { kind: 'errors', count: 1 },
      { kind: 'missing-decisions', count: 1 },
      { kind: 'sensitive', count: 2 },
      { kind: 'warnings', count: 1 },
    ]);
  });

  it('is yellow for warnings, green for information and hints alone', () => {
    const text = TWO_PUNKTER.replace('Punkt 2: Anlæg', 'Punkt 1b: Anlæg').split('\n').slice(0, 14).join('\n');
    expect(reportOf('x', text, []).verdict).toBe('green');
    expect(reportOf('x', text, [finding('duplicate-case-number', 'information', 4), finding('heading-levels', 'hint', 3)]).verdict).toBe('green');
    const yellow = reportOf('x', text, [finding('empty-link', 'warning', 8)]);
    expect([yellow.verdict, yellow.punkter[0]?.verdict]).toEqual(['yellow', 'yellow']);
  });

  it('is never green for a document Referat could not read: unknown, unless it is also red', () => {
    const none = reportOf('noter.txt', 'Husk kaffe til mødet.\n', []);
    expect([none.verdict, none.unread, none.punkter.length]).toEqual(['unknown', 'no-punkter', 0]);
    const long = Array.from({ length: 30 }, (_, i) => `Linje ${i + 1} af en tekst uden punkter.`).join('\n');
    const unreadable = reportOf('lang.txt', long);
    expect(unreadable.header.findings.map((f) => f.rule)).toContain('unrecognized-layout');
    expect(unreadable.verdict).toBe('unknown');
    expect(renderReportText([unreadable])).toMatch(/^ {2}Ukendt – Referat kunne ikke læse dokumentet: Referat fandt ingen punkter/m);
    // Punkter read, but the rule says the layout was not: each otherwise clean punkt is unknown too.
    const layout = reportOf('x', TWO_PUNKTER, [finding('unrecognized-layout', 'information', 0)]);
    expect([layout.verdict, layout.unread, ...layout.punkter.map((p) => p.verdict)]).toEqual(['unknown', 'layout', 'unknown', 'unknown']);
    expect(reportOf('x', 'Kort.\n', [finding('document-too-large', 'error', 0)]).verdict).toBe('red');
    expect(worst(['green', 'yellow', 'unknown'])).toBe('unknown');
    expect(worst(['unknown', 'red'])).toBe('red');
  });

  it('gives each finding to the punkt whose range holds its line, a gap to the punkt above, the rest to the header', () => {
    const model = parseReferat(TWO_PUNKTER);
    expect(punktIndexAt(model.punkter, 0)).toBe(-1);
    expect(punktIndexAt(model.punkter, 3)).toBe(0);
    expect(punktIndexAt(model.punkter, 13)).toBe(0);
    expect(punktIndexAt(model.punkter, 14)).toBe(1);
    expect(punktIndexAt(model.punkter, 99)).toBe(1);
    const r = reportOf('x', TWO_PUNKTER, [finding('a', 'warning', 1), finding('b', 'warning', 8), finding('c', 'warning', 13), finding('d', 'warning', 19)]);
    expect([r.header.findings.map((f) => f.rule), ...r.punkter.map((p) => p.findings.map((f) => f.rule))]).toEqual([['a'], ['b', 'c'], ['d']]);
  });

  it('counts the findings by rule and severity, errors first, then the most frequent', () => {
    const r = reportOf('x', TWO_PUNKTER, [finding('b-rule', 'warning', 8), finding('a-rule', 'warning', 8), finding('b-rule', 'warning', 9), finding('z-rule', 'error', 1), finding('b-rule', 'error', 2)]);
    expect(r.rules).toEqual([
      { rule: 'b-rule', severity: 'error', count: 1 },
      { rule: 'z-rule', severity: 'error', count: 1 },
      { rule: 'b-rule', severity: 'warning', count: 2 },
      { rule: 'a-rule', severity: 'warning', count: 1 },
    ]);
    expect(r.counts).toEqual({ error: 2, warning: 3, information: 0, hint: 0 });
  });

  it('masks CPR-shaped numbers, with or without the hyphen, and nothing else', () => {
    expect(maskPersonalNumbers('010203-1234 og 0102031234, ikke 24/1001, 14-05-2024 eller 12345678901')).toBe(`${MASKED_CPR} og ${MASKED_CPR}, ikke 24/1001, 14-05-2024 eller 12345678901`);
  });
});

describe('the HTML report', () => {
  const r = reportOf('Referat <ØU> & co.referat.txt', TWO_PUNKTER);

  it('escapes every piece of document text and every link', () => {
    const html = renderReportHtml([r], { href: () => 'vscode://file/a&b.txt:1:1' });
    expect(html).not.toContain('<script');
    expect(html).toContain('Budget &lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; &quot;co&quot;');
    expect(html).toContain('Referat &lt;ØU&gt; &amp; co.referat.txt');
    expect(html).toContain('href="vscode://file/a&amp;b.txt:1:1"');
    expect(html).not.toMatch(/&(?!amp;|lt;|gt;|quot;|#39;)/);
    expect(escapeHtml(`<a href='x'>&</a>`)).toBe('&lt;a href=&#39;x&#39;&gt;&amp;&lt;/a&gt;');
  });

  it('is a Danish page by default, English with the locale en', () => {
    expect(renderReportHtml([r])).toMatch(/^<!DOCTYPE html>\n<html lang="da">/);
    const en = renderReportHtml([r], { locale: 'en' });
    expect(en).toMatch(/<html lang="en">/);
    expect(en).toContain('Red – not ready for publication');
    expect(en).toContain('missing Beslutning');
  });

  it('allows by its CSP exactly its own style sheet and nothing else', () => {
    const html = renderReportHtml([r]);
    const css = /<style>([\s\S]*)<\/style>/.exec(html)?.[1] ?? '';
    const hash = createHash('sha256').update(css).digest('base64');
    expect(html).toContain(`<meta http-equiv="Content-Security-Policy" content="${REPORT_CSP}">`);
    expect(REPORT_CSP).toBe(`default-src 'none'; style-src 'sha256-${hash}'; img-src 'none'; font-src 'none'; base-uri 'none'; form-action 'none'`);
    expect(html.match(/<style/g)).toHaveLength(1);
    expect(css).not.toMatch(/@import|url\(/);
    expect(css).toContain('@media print');
  });

  it('has a light with its name for the meeting and each punkt, the missing decision and the foot', () => {
    const html = renderReportHtml([r], { generator: 'Referat 9.9.9', date: '2024-03-12' });
    expect(html).toContain('<div class="lamp red" role="img" aria-label="Rød">');
    expect(html).toContain('<p class="verdict red">Rød – ikke klar til offentliggørelse<span>: 1 fejl, 1 manglende beslutning</span></p>');
    expect(html.match(/<tr class="punkt /g)).toHaveLength(2);
    expect(html).toContain('<span class="missing">mangler Beslutning</span>');
    expect(html).toContain('<h3>Manglende beslutninger (1)</h3>');
    expect(html).toContain('<footer>Lavet af Referat 9.9.9 den 12. marts 2024.</footer>');
  });

  it('gives several meetings an overview with a light and an anchor each', () => {
    const green = reportOf('b.txt', TWO_PUNKTER, []);
    const html = renderReportHtml([r, green]);
    expect(html).toContain('2 møder: 1 grøn, 0 gule, 1 rød, 0 ukendte');
    expect(html).toMatch(/<a href="#meeting-1">[^<]+<\/a>[\s\S]*<a href="#meeting-2">/);
    expect(html).toContain('id="meeting-2"');
  });
});
