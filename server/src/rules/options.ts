// Default rule options: what a referat needs, and which punkter are standing items.
import type { Punkt } from '../model';
import type { RuleOptions } from './types';

export const DEFAULT_OPTIONS: RuleOptions = {
  requiredSections: {
    referat: ['indstilling', 'beslutning'],
    beslutningsprotokol: ['indstilling', 'beslutning'],
    dagsorden: ['indstilling'],
    unknown: ['indstilling', 'beslutning'],
  },
  standingItems: [
    /^godkendelse af (?:dagsorden|dagsordenen)\b/i,
    /^meddelelser\b/i,
    /^orientering(?:er)?\b/i,
    /^gensidig orientering\b/i,
    /^efterretning\b/i,
    /^eventuelt\b/i,
    /^underskrift(?:sark|sside|er)?\b/i,
    /^lukket\s*:/i,
    /^fraværende\b/i,
    /^bemærkninger til dagsorden/i,
    /^godkendelse af (?:referat|beslutningsprotokol)/i,
    /^spørgsmål\b/i,
    /^spørgetid\b/i,
    /^fællessang\b/i,
  ],
  // A member's question is answered, not decided; a song is sung.
  noDecisionItems: [/^underskrift(?:sark|sside|er)?\b/i, /^eventuelt\b/i, /^lukket\s*:\s*eventuelt\b/i, /^spørgsmål\b/i, /^spørgetid\b/i, /^fællessang\b/i],
  // The built-in placeholder forms are in parser/dialect/placeholders.ts; none of the configuration's.
  placeholders: [],
};

/** The title as compared with standing-item patterns: no class marker, no "Lukket:" kept. */
function bareTitle(p: Punkt): string {
  // The marker closes the title: without a final ")" there is nothing to search for.
  if (!p.title.trimEnd().endsWith(')')) return p.title.trim();
  return p.title.replace(/\s*\([A-ZÆØÅ]\)\s*$/, '').trim();
}

export function isStandingItem(p: Punkt, options: RuleOptions): boolean {
  if (p.closed) return true;
  return anyOf(options.standingItems).test(bareTitle(p));
}

export function isNoDecisionItem(p: Punkt, options: RuleOptions): boolean {
  return anyOf(options.noDecisionItems).test(bareTitle(p));
}

// Several rules ask this of every punkt: one alternation per list, not one test per pattern.
const combined = new WeakMap<readonly RegExp[], RegExp>();

function anyOf(list: readonly RegExp[]): RegExp {
  let re = combined.get(list);
  if (re === undefined) {
    try {
      if (!list.every((r) => r.flags === 'i' || r.flags === 'iu')) throw new Error('flags differ');
      re = list.length === 0 ? /(?!)/ : new RegExp(list.map((r) => `(?:${r.source})`).join('|'), 'iu');
    } catch {
      // Patterns with other flags, or not valid with the u flag: one by one.
      re = { test: (t: string) => list.some((r) => r.test(t)) } as RegExp;
    }
    combined.set(list, re);
  }
  return re;
}
