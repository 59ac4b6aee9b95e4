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
};

/** The title as compared with standing-item patterns: no class marker, no "Lukket:" kept. */
function bareTitle(p: Punkt): string {
  // The marker closes the title: without a final ")" there is nothing to search for.
  if (!p.title.trimEnd().endsWith(')')) return p.title.trim();
  return p.title.replace(/\s*\([A-ZÆØÅ]\)\s*$/, '').trim();
}

export function isStandingItem(p: Punkt, options: RuleOptions): boolean {
  if (p.closed) return true;
  const t = bareTitle(p);
  return options.standingItems.some((re) => re.test(t));
}

export function isNoDecisionItem(p: Punkt, options: RuleOptions): boolean {
  const t = bareTitle(p);
  return options.noDecisionItems.some((re) => re.test(t));
}
