// The workspace index: a small summary of every referat file in the workspace
// (punkt numbers and titles, case numbers with ranges, meeting date), and a map from
// case number to the files that mention it. Pure: the server fills it from parsed
// files and open documents; the features read it.
import type { DocumentKind, Range, ReferatModel } from '../model';

export interface CaseRef {
  value: string;
  range: Range;
}

export interface PunktSummary {
  number: number | null;
  title: string;
  titleRange: Range;
  caseNumbers: CaseRef[];
}

export interface FileSummary {
  uri: string;
  kind: DocumentKind;
  title: string | null;
  committee: string | null;
  meetingDate: string | null;
  punkter: PunktSummary[];
}

/** One punkt of one meeting, as a reference result. */
export interface PunktRef {
  file: FileSummary;
  punkt: PunktSummary;
  index: number;
}

/**
 * A copy of a string that does not keep the text it was cut from alive: V8 keeps a
 * slice of a long string as a view into it, and the index must not hold whole files.
 */
function own(s: string): string {
  return (` ${s}`).slice(1);
}

function copyRange(r: Range): Range {
  return { start: { line: r.start.line, character: r.start.character }, end: { line: r.end.line, character: r.end.character } };
}

/** The comparable form of a case number: trimmed, dashes unified, upper case. */
export function caseKey(value: string): string {
  return value.trim().replace(/[–—]/g, '-').toUpperCase();
}

export function summarize(uri: string, model: ReferatModel): FileSummary {
  return {
    uri,
    kind: model.kind,
    title: model.title !== null ? own(model.title.text) : null,
    committee: model.header.committee !== null ? own(model.header.committee.text) : null,
    meetingDate: model.header.meetingDate,
    punkter: model.punkter.map((p) => {
      const seen = new Set<string>();
      const caseNumbers: CaseRef[] = [];
      for (const c of p.caseNumbers) {
        if (c.document === true) continue;
        if (c.value === '' || seen.has(c.value)) continue;
        seen.add(c.value);
        caseNumbers.push({ value: own(c.value), range: copyRange(c.range) });
      }
      return { number: p.number, title: own(p.title), titleRange: copyRange(p.titleRange), caseNumbers };
    }),
  };
}

/** Newest meeting first; files without a date last; then by URI, then document order. */
export function compareRefs(a: PunktRef, b: PunktRef): number {
  const da = a.file.meetingDate;
  const db = b.file.meetingDate;
  if (da !== db) {
    if (da === null) return 1;
    if (db === null) return -1;
    return da < db ? 1 : -1;
  }
  if (a.file.uri !== b.file.uri) return a.file.uri < b.file.uri ? -1 : 1;
  return a.index - b.index;
}

export class WorkspaceIndex {
  private readonly files = new Map<string, FileSummary>();
  private readonly byCase = new Map<string, Set<string>>();

  get size(): number {
    return this.files.size;
  }

  get(uri: string): FileSummary | undefined {
    return this.files.get(uri);
  }

  uris(): string[] {
    return [...this.files.keys()];
  }

  all(): IterableIterator<FileSummary> {
    return this.files.values();
  }

  set(summary: FileSummary): void {
    this.delete(summary.uri);
    this.files.set(summary.uri, summary);
    for (const p of summary.punkter) {
      for (const c of p.caseNumbers) {
        const key = caseKey(c.value);
        let set = this.byCase.get(key);
        if (set === undefined) {
          set = new Set();
          this.byCase.set(key, set);
        }
        set.add(summary.uri);
      }
    }
  }

  delete(uri: string): boolean {
    const old = this.files.get(uri);
    if (old === undefined) return false;
    this.files.delete(uri);
    for (const p of old.punkter) {
      for (const c of p.caseNumbers) {
        const key = caseKey(c.value);
        const set = this.byCase.get(key);
        if (set === undefined) continue;
        set.delete(uri);
        if (set.size === 0) this.byCase.delete(key);
      }
    }
    return true;
  }

  /** Forgets every file whose URI starts with the prefix (a removed workspace folder). */
  deleteUnder(prefix: string): number {
    let n = 0;
    for (const uri of [...this.files.keys()]) if (uri.startsWith(prefix) && this.delete(uri)) n++;
    return n;
  }

  /** Every punkt in every file with this case number, newest meeting first. */
  punkterWithCase(value: string): PunktRef[] {
    const key = caseKey(value);
    const out: PunktRef[] = [];
    for (const uri of this.byCase.get(key) ?? []) {
      const file = this.files.get(uri);
      if (file === undefined) continue;
      file.punkter.forEach((punkt, index) => {
        if (punkt.caseNumbers.some((c) => caseKey(c.value) === key)) out.push({ file, punkt, index });
      });
    }
    return out.sort(compareRefs);
  }

  /** How many punkter and meetings carry the case number, and the newest meeting date. */
  history(value: string): { punkter: number; meetings: number; newest: string | null } {
    const refs = this.punkterWithCase(value);
    const meetings = new Set(refs.map((r) => r.file.uri)).size;
    return { punkter: refs.length, meetings, newest: refs.find((r) => r.file.meetingDate !== null)?.file.meetingDate ?? null };
  }
}
