// The publication report as one self-contained HTML file, for a secretary to open, print
// and send on: inline CSS only, no script at all, nothing fetched from anywhere (no fonts,
// no images), and a Content-Security-Policy that says so, so that neither a browser nor
// the VS Code webview would run or load anything even if the text tried. Every piece of
// document text is escaped. A traffic light per meeting and per punkt, each with its name
// in words beside the colour. Pure: reports in, a string out; the links come from the caller
// (a file on disk gets vscode:// or file: links, the webview command: links).
import type { Place } from '../files/document';
import type { Locale } from '../l10n/locale';
import { reportWords, type ReportWords, type Verdict } from '../l10n/report';
import type { Range } from '../model';
import { formatPunktLabel } from './labels';
import { tally, type MeetingReport, type ReportFinding } from './report';
import { meetingName, missingText, positionText, reasonsText } from './reportText';
import { sha256Base64 } from './sha256';

export interface HtmlReportOptions {
  locale?: Locale;
  /** The link to a place in a meeting's document, or null for none. */
  href?(report: MeetingReport, range: Range, place: Place | undefined): string | null;
  /** Who made the report ("Referat 1.2.0"), shown at the foot. */
  generator?: string;
  /** When it was made (YYYY-MM-DD), shown at the foot; left out when absent. */
  date?: string;
}

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/** Text and attribute values alike: the five characters HTML gives a meaning. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ESCAPES[c] as string);
}

// The one style sheet; the CSP allows exactly this text by its hash (no inline style attributes anywhere).
const CSS = `
:root{color-scheme:light;--ink:#1f2328;--muted:#57606a;--line:#d8dee4;--paper:#fff;--desk:#f4f5f7;--link:#0a58ca;
--red:#c62828;--red-bg:#fdecea;--red-ink:#8a1c17;--yellow:#f2b600;--yellow-bg:#fff5cc;--yellow-ink:#5a4100;
--green:#2e7d32;--green-bg:#e7f4e8;--green-ink:#1b5e20;--grey:#8a8f98;--grey-bg:#eceef1;--grey-ink:#3d434b;--info-bg:#e8eef7;--info-ink:#2f4a70}
*{box-sizing:border-box}
html{background:var(--desk)}
body{margin:0 auto;max-width:76rem;padding:2rem 1.5rem 3rem;font:15px/1.5 system-ui,-apple-system,"Segoe UI",Roboto,"Helvetica Neue",Arial,sans-serif;color:var(--ink);background:var(--desk)}
h1{font-size:1.7rem;margin:0 0 .2rem}
h2{font-size:1.3rem;margin:0;line-height:1.3}
h3{font-size:1.05rem;margin:1.6rem 0 .5rem}
a{color:var(--link);text-decoration:none}
a:hover,a:focus{text-decoration:underline}
.sub,.file,.none,.pos,th{color:var(--muted)}
.sub{margin:0 0 1.5rem}
.meeting,.overview{background:var(--paper);border:1px solid var(--line);border-radius:10px;padding:1.25rem 1.5rem 1.5rem;margin:0 0 1.5rem}
.meeting-head{display:flex;gap:1.25rem;align-items:flex-start}
.lamp{flex:none;display:flex;flex-direction:column;gap:6px;padding:8px;background:#2b2f36;border-radius:12px}
.lamp i{display:block;width:20px;height:20px;border-radius:50%;background:#4b515a}
.lamp.red .r{background:#ef3b36;box-shadow:0 0 8px #ef3b36}
.lamp.yellow .y{background:#ffc61a;box-shadow:0 0 8px #ffc61a}
.lamp.green .g{background:#3fb14a;box-shadow:0 0 8px #3fb14a}
.lamp.unknown i{background:#6b717a}
.file{margin:.15rem 0 .6rem;font-size:.9rem;word-break:break-all}
.verdict{display:inline-block;margin:0;padding:.4rem .75rem;border-radius:6px;border-left:6px solid;font-weight:600}
.verdict span{font-weight:400}
.verdict.red{background:var(--red-bg);color:var(--red-ink);border-color:var(--red)}
.verdict.yellow{background:var(--yellow-bg);color:var(--yellow-ink);border-color:var(--yellow)}
.verdict.green{background:var(--green-bg);color:var(--green-ink);border-color:var(--green)}
.verdict.unknown{background:var(--grey-bg);color:var(--grey-ink);border-color:var(--grey)}
dl.facts{display:grid;grid-template-columns:max-content 1fr;gap:.1rem 1.25rem;margin:1rem 0 0}
dt{color:var(--muted)}
dd{margin:0}
table{border-collapse:collapse;width:100%}
th,td{text-align:left;vertical-align:top;padding:.5rem .6rem;border-bottom:1px solid var(--line)}
th{font-size:.78rem;text-transform:uppercase;letter-spacing:.04em;font-weight:600}
td.num,th.num{white-space:nowrap;text-align:right;width:3.5rem}
td.cases{white-space:nowrap;font-size:.9rem;font-variant-numeric:tabular-nums}
table.punkter th:nth-child(1){width:7rem}
table.punkter th:nth-child(3){width:34%}
table.punkter th:nth-child(5){width:44%}
.badge{display:inline-flex;align-items:center;gap:.4rem;padding:.1rem .6rem .1rem .45rem;border-radius:999px;border:1px solid;font-size:.85rem;font-weight:600;white-space:nowrap}
.badge::before{content:"";width:.75rem;height:.75rem;border-radius:50%}
.badge.red{background:var(--red-bg);color:var(--red-ink);border-color:#f1b4ae}
.badge.red::before{background:var(--red)}
.badge.yellow{background:var(--yellow-bg);color:var(--yellow-ink);border-color:#f0d98a}
.badge.yellow::before{background:var(--yellow)}
.badge.green{background:var(--green-bg);color:var(--green-ink);border-color:#b5dcb8}
.badge.green::before{background:var(--green)}
.badge.unknown{background:var(--grey-bg);color:var(--grey-ink);border-color:#c9cdd3}
.badge.unknown::before{background:var(--grey)}
tr.red td:first-child{box-shadow:inset 4px 0 var(--red)}
tr.yellow td:first-child{box-shadow:inset 4px 0 var(--yellow)}
tr.green td:first-child{box-shadow:inset 4px 0 var(--green)}
tr.unknown td:first-child{box-shadow:inset 4px 0 var(--grey)}
.title{font-weight:600}
.pos{font-size:.85rem;white-space:nowrap}
.missing{display:block;color:var(--red-ink);font-weight:600;font-size:.85rem}
ul.findings{list-style:none;margin:0;padding:0}
ul.findings li+li{margin-top:.35rem}
.sev{display:inline-block;min-width:4.9rem;text-align:center;font-size:.72rem;font-weight:700;text-transform:uppercase;letter-spacing:.03em;padding:0 .35rem;border-radius:4px;margin-right:.35rem}
.sev.error{background:var(--red-bg);color:var(--red-ink)}
.sev.warning{background:var(--yellow-bg);color:var(--yellow-ink)}
.sev.information,.sev.hint{background:var(--info-bg);color:var(--info-ink)}
.rule{font:.8rem ui-monospace,SFMono-Regular,Menlo,Consolas,monospace;color:var(--muted);margin-left:.35rem}
.msg{display:block}
.none{margin:.25rem 0}
ul.plain{margin:.25rem 0;padding-left:1.25rem}
table.rules{width:auto;min-width:24rem}
table.rules td.num{width:auto}
.legend{font-size:.9rem}
.legend ul{list-style:none;padding:0;margin:.5rem 0}
.legend li{margin:.3rem 0}
footer{color:var(--muted);font-size:.85rem;margin-top:2rem}
@media (max-width:720px){
body{padding:1rem .75rem 2rem}
.meeting,.overview{padding:1rem}
table.punkter thead{display:none}
table.punkter tr{display:grid;grid-template-columns:max-content 2.25rem 1fr;gap:.3rem .5rem;padding:.6rem .5rem;border-bottom:1px solid var(--line)}
table.punkter td{border:0;padding:0}
table.punkter td:first-child{box-shadow:none!important}
table.punkter tr.red{box-shadow:inset 4px 0 var(--red)}
table.punkter tr.yellow{box-shadow:inset 4px 0 var(--yellow)}
table.punkter tr.green{box-shadow:inset 4px 0 var(--green)}
table.punkter tr.unknown{box-shadow:inset 4px 0 var(--grey)}
table.punkter td:nth-child(4){grid-column:3}
table.punkter td:nth-child(5){grid-column:1/-1}
table.punkter td.num{width:auto;text-align:left}
table.punkter td.cases:empty,table.punkter td:nth-child(5):has(>.none){display:none}
}
@media print{
*{-webkit-print-color-adjust:exact;print-color-adjust:exact}
html,body{background:#fff}
body{max-width:none;padding:0;font-size:10pt}
.meeting,.overview{border:0;padding:0;margin:0 0 1.5rem}
.meeting+.meeting{break-before:page}
tr,li{break-inside:avoid}
a{color:inherit}
.lamp i{box-shadow:none!important}
}
`;

const STYLE_HASH = sha256Base64(CSS);

/** Nothing but this one style sheet: no script, image, font, frame, form or connection of any kind. */
export const REPORT_CSP = `default-src 'none'; style-src 'sha256-${STYLE_HASH}'; img-src 'none'; font-src 'none'; base-uri 'none'; form-action 'none'`;

const link = (text: string, href: string | null, cls?: string): string => {
  const c = cls === undefined ? '' : ` class="${cls}"`;
  return href === null ? `<span${c}>${escapeHtml(text)}</span>` : `<a${c} href="${escapeHtml(href)}">${escapeHtml(text)}</a>`;
};

function badge(verdict: Verdict, words: ReportWords): string {
  return `<span class="badge ${verdict}">${escapeHtml(words.light[verdict])}</span>`;
}

/** The three lamps of a traffic light, the lit one by the verdict; its words stand beside it. */
function lamp(verdict: Verdict, words: ReportWords): string {
  return `<div class="lamp ${verdict}" role="img" aria-label="${escapeHtml(words.light[verdict])}"><i class="r"></i><i class="y"></i><i class="g"></i></div>`;
}

export function renderReportHtml(reports: readonly MeetingReport[], options: HtmlReportOptions = {}): string {
  const locale = options.locale ?? 'da';
  const words = reportWords(locale);
  const title = reports.length === 1 ? `${words.title} – ${meetingName(reports[0] as MeetingReport, words)}` : words.title;
  const body: string[] = [];
  body.push(`<header><h1>${escapeHtml(words.title)}</h1>`);
  if (reports.length !== 1) body.push(`<p class="sub">${escapeHtml(reports.length === 0 ? words.noMeetings : totalText(reports, words))}</p>`);
  body.push('</header>');
  if (reports.length > 1) body.push(overview(reports, words));
  reports.forEach((r, i) => body.push(meeting(r, i, words, locale, options)));
  body.push(legend(words));
  if (options.generator !== undefined) {
    body.push(`<footer>${escapeHtml(words.generatedBy(options.generator, options.date === undefined ? null : words.date(options.date)))}</footer>`);
  }
  return [
    '<!DOCTYPE html>',
    `<html lang="${locale}">`,
    '<head>',
    '<meta charset="utf-8">',
    `<meta http-equiv="Content-Security-Policy" content="${REPORT_CSP}">`,
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    '<meta name="referrer" content="no-referrer">',
    `<title>${escapeHtml(title)}</title>`,
    `<style>${CSS}</style>`,
    '</head>',
    '<body>',
    ...body,
    '</body>',
    '</html>',
    '',
  ].join('\n');
}

function punktTally(r: MeetingReport): Record<Verdict, number> {
  const counts: Record<Verdict, number> = { red: 0, yellow: 0, green: 0, unknown: 0 };
  for (const p of r.punkter) counts[p.verdict]++;
  return counts;
}

function totalText(reports: readonly MeetingReport[], words: ReportWords): string {
  return words.total(tally(reports), reports.length);
}

function overview(reports: readonly MeetingReport[], words: ReportWords): string {
  const rows = reports.map(
    (r, i) =>
      `<tr class="${r.verdict}"><td>${badge(r.verdict, words)}</td><td><a href="#meeting-${i + 1}">${escapeHtml(meetingName(r, words))}</a><br><span class="file">${escapeHtml(r.file)}</span></td><td>${escapeHtml(reasonsText(r.reasons, words))}</td></tr>`,
  );
  return [
    `<section class="overview" aria-labelledby="overview-title"><h2 id="overview-title">${escapeHtml(words.overview)}</h2>`,
    `<table><thead><tr><th scope="col">${escapeHtml(words.status)}</th><th scope="col">${escapeHtml(words.meeting)}</th><th scope="col">${escapeHtml(words.findings)}</th></tr></thead>`,
    `<tbody>${rows.join('\n')}</tbody></table></section>`,
  ].join('\n');
}

function meeting(r: MeetingReport, index: number, words: ReportWords, locale: Locale, options: HtmlReportOptions): string {
  const id = `meeting-${index + 1}`;
  const href = (range: Range, place: Place | undefined): string | null => options.href?.(r, range, place) ?? null;
  const at = (range: Range, place: Place | undefined): string => link(positionText(range, place, locale), href(range, place), 'pos');
  const start: Range = { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } };
  const out: string[] = [];
  out.push(`<section class="meeting ${r.verdict}" id="${id}" aria-labelledby="${id}-title" data-verdict="${r.verdict}">`);
  out.push('<div class="meeting-head">');
  out.push(lamp(r.verdict, words));
  out.push('<div>');
  out.push(`<h2 id="${id}-title">${escapeHtml(meetingName(r, words))}</h2>`);
  out.push(`<p class="file">${link(r.file, href(start, undefined))}</p>`);
  out.push(`<p class="verdict ${r.verdict}">${escapeHtml(words.verdict[r.verdict])}<span>: ${escapeHtml(reasonsText(r.reasons, words))}</span></p>`);
  out.push('</div></div>');

  out.push('<dl class="facts">');
  out.push(`<dt>${escapeHtml(words.kind)}</dt><dd>${escapeHtml(words.kinds[r.kind])}</dd>`);
  out.push(`<dt>${escapeHtml(words.committee)}</dt><dd>${escapeHtml(r.committee ?? words.unknown)}</dd>`);
  out.push(`<dt>${escapeHtml(words.meetingDate)}</dt><dd>${escapeHtml(r.meetingDate === null ? words.unknown : words.date(r.meetingDate))}</dd>`);
  if (r.punkter.length > 0) out.push(`<dt>${escapeHtml(words.punkter(r.punkter.length))}</dt><dd>${escapeHtml(words.punktTally(punktTally(r)))}</dd>`);
  out.push('</dl>');

  const findings = (list: readonly ReportFinding[]): string =>
    list.length === 0
      ? `<span class="none">${escapeHtml(words.noFindings)}</span>`
      : `<ul class="findings">${list
          .map((f) => `<li><span class="sev ${f.severity}">${escapeHtml(words.severities[f.severity])}</span>${at(f.range, f.place)}<span class="rule">${escapeHtml(f.rule)}</span><span class="msg">${escapeHtml(f.message)}</span></li>`)
          .join('')}</ul>`;

  out.push(`<h3>${escapeHtml(words.punkter(r.punkter.length))}</h3>`);
  if (r.punkter.length === 0 && r.header.findings.length === 0) out.push(`<p class="none">${escapeHtml(words.noPunkter)}</p>`);
  else {
    out.push('<table class="punkter">');
    out.push(
      `<thead><tr><th scope="col">${escapeHtml(words.status)}</th><th scope="col" class="num">${escapeHtml(words.number)}</th><th scope="col">${escapeHtml(words.punkt)}</th><th scope="col">${escapeHtml(words.caseNumbers)}</th><th scope="col">${escapeHtml(words.findings)}</th></tr></thead>`,
    );
    out.push('<tbody>');
    if (r.header.findings.length > 0) {
      out.push(`<tr class="header-row ${r.header.verdict}" data-verdict="${r.header.verdict}"><td>${badge(r.header.verdict, words)}</td><td class="num"></td><td><span class="title">${escapeHtml(words.header)}</span></td><td class="cases"></td><td>${findings(r.header.findings)}</td></tr>`);
    }
    if (r.punkter.length === 0) out.push(`<tr><td colspan="5" class="none">${escapeHtml(words.noPunkter)}</td></tr>`);
    for (const p of r.punkter) {
      const label = p.title.trim() === '' ? formatPunktLabel(p.number, p.title) : p.title.trim();
      const missing = p.missing.length === 0 ? '' : `<span class="missing">${escapeHtml(missingText(p.missing, words))}</span>`;
      out.push(
        `<tr class="punkt ${p.verdict}" data-verdict="${p.verdict}"><td>${badge(p.verdict, words)}</td><td class="num">${p.number === null ? '–' : p.number}</td>` +
          `<td>${link(label, href(p.range, p.place), 'title')} <span class="pos">${escapeHtml(positionText(p.range, p.place, locale))}</span>${missing}</td>` +
          `<td class="cases">${p.caseNumbers.map(escapeHtml).join('<br>')}</td><td>${findings(p.findings)}</td></tr>`,
      );
    }
    out.push('</tbody></table>');
  }

  out.push(`<h3>${escapeHtml(words.missingDecisions(r.missingDecisions.length))}</h3>`);
  if (r.missingDecisions.length === 0) out.push(`<p class="none">${escapeHtml(words.noMissingDecisions)}</p>`);
  else out.push(`<ul class="plain">${r.missingDecisions.map((m) => `<li>${link(formatPunktLabel(m.number, m.title), href(m.range, m.place))} <span class="pos">${escapeHtml(positionText(m.range, m.place, locale))}</span></li>`).join('')}</ul>`);

  out.push(`<h3>${escapeHtml(words.sensitive(r.sensitive.length))}</h3>`);
  if (r.sensitive.length === 0) out.push(`<p class="none">${escapeHtml(words.noSensitive)}</p>`);
  else {
    out.push(
      `<ul class="findings">${r.sensitive
        .map((s) => {
          const where = s.punkt === null ? words.header : formatPunktLabel(s.punkt.number, s.punkt.title);
          return `<li><span class="sev ${s.severity}">${escapeHtml(words.severities[s.severity])}</span>${at(s.range, s.place)}<span class="rule">${escapeHtml(s.rule)}</span><span class="msg">${escapeHtml(s.message)} (${escapeHtml(where)})</span></li>`;
        })
        .join('')}</ul>`,
    );
  }

  out.push(`<h3>${escapeHtml(words.byRule)}</h3>`);
  if (r.rules.length === 0) out.push(`<p class="none">${escapeHtml(words.noRules)}</p>`);
  else {
    out.push(`<table class="rules"><thead><tr><th scope="col">${escapeHtml(words.rule)}</th><th scope="col">${escapeHtml(words.severity)}</th><th scope="col" class="num">${escapeHtml(words.count)}</th></tr></thead><tbody>`);
    for (const c of r.rules) out.push(`<tr><td><span class="rule">${escapeHtml(c.rule)}</span></td><td><span class="sev ${c.severity}">${escapeHtml(words.severities[c.severity])}</span></td><td class="num">${c.count}</td></tr>`);
    out.push('</tbody></table>');
  }
  out.push('</section>');
  return out.join('\n');
}

function legend(words: ReportWords): string {
  const order: Verdict[] = ['red', 'yellow', 'green', 'unknown'];
  return `<section class="legend" aria-labelledby="legend-title"><h3 id="legend-title">${escapeHtml(words.legend)}</h3><ul>${order
    .map((v) => `<li>${badge(v, words)} ${escapeHtml(words.legendText[v])}</li>`)
    .join('')}</ul></section>`;
}
