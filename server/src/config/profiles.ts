// Built-in profiles, picked with "extends": "<id>". A profile is an ordinary config
// (checked against the schema in a test) holding only what published minutes show: which
// case-number shape a system or municipality uses, with the places it was seen (seenIn;
// the table in docs/configuration.md, "Profiler", says the same, and test/unit/profiles.test.ts
// lints the corpus documents in test/fixtures/corpus under their profile). The section
// headings and standing items every system uses are already built into the parser and
// options.ts, so the profiles mostly narrow the accepted case-number shapes — which is
// what turns a number in another system's shape into a finding instead of a silent pass.
import type { ReferatConfig } from './schema';

export const PROFILE_IDS = ['standard', 'acadre', 'sbsys', 'ringkobing-skjern', 'kommunekode', 'getorganized', 'heltal'] as const;
export type ProfileId = (typeof PROFILE_IDS)[number];

export interface Profile {
  id: ProfileId;
  da: string;
  en: string;
  /** Where this dialect was seen in published minutes; corpus documents are in test/fixtures/corpus. */
  seenIn: string;
  config: Omit<ReferatConfig, 'extends' | '$schema'>;
}

export const PROFILES: Readonly<Record<ProfileId, Profile>> = {
  standard: {
    id: 'standard',
    da: 'Standard: alle indbyggede sagsnummerformer, afsnitsnavne og faste punkter.',
    en: 'Standard: all built-in case-number shapes, section names and standing items.',
    seenIn: 'Alle',
    config: {},
  },
  acadre: {
    id: 'acadre',
    da: 'Acadre: sagsnumre som år/løbenummer (24/19987, 15/9671). Eksporter med "Administrativ indstilling" og "Beslutning <udvalg> den dd-mm-åååå".',
    en: 'Acadre: case numbers as year/number (24/19987, 15/9671). Exports with "Administrativ indstilling" and "Beslutning <committee> den dd-mm-yyyy".',
    seenIn: 'Viborg og Vejen (korpus), Aabenraa, Dragør',
    config: { caseNumberShapes: ['acadre'] },
  },
  sbsys: {
    id: 'sbsys',
    da: 'SBSYS og andre KLE-baserede systemer: KLE-journalnumre (00.13.06-P22-2-23, også uden handlingsfacet: 00.22.00-3584-18); indstilling ofte som afsnit uden overskrift ("Direktøren for … indstiller").',
    en: 'SBSYS and other KLE-based systems: KLE journal numbers (00.13.06-P22-2-23, also without facet: 00.22.00-3584-18); the Indstilling is often a paragraph without a heading ("Direktøren for … indstiller").',
    seenIn: 'Vesthimmerland og Herning (korpus), Mariagerfjord (nummeret over titlen)',
    config: { caseNumberShapes: ['kle', 'kle-uden-facet'] },
  },
  'ringkobing-skjern': {
    id: 'ringkobing-skjern',
    da: 'Ringkøbing-Skjerns webeksport: punkter som "N: Titel", sagsnummer i feltet "Sagsnr:" som år-løbenummer med seks cifre (17-004875).',
    en: "Ringkøbing-Skjern's web export: punkter as \"N: Title\", the case number in a \"Sagsnr:\" field as year-number with six digits (17-004875).",
    seenIn: 'Ringkøbing-Skjern (korpus)',
    config: { caseNumberShapes: ['aar-loebenummer'] },
  },
  kommunekode: {
    id: 'kommunekode',
    da: 'Sagsnumre med kommunekoden først: kkk-åååå-løbenummer (330-2020-164), ofte i et felt med Dok.nr. på samme linje.',
    en: 'Case numbers with the municipality code first: kkk-yyyy-number (330-2020-164), often in a field with Dok.nr. on the same line.',
    seenIn: 'Slagelse (330), Odsherred (306)',
    config: { caseNumberShapes: ['kommunekode'] },
  },
  getorganized: {
    id: 'getorganized',
    da: 'GetOrganized: sagsnumre som præfiks-år-løbenummer (GEO-2022-000114).',
    en: 'GetOrganized: case numbers as prefix-year-number (GEO-2022-000114).',
    seenIn: 'GetOrganized-kommuner',
    config: { caseNumberShapes: ['getorganized'] },
  },
  heltal: {
    id: 'heltal',
    da: 'Sagsnummer som et helt tal i et Sagsnr.-felt (Sagsnr. 299835).',
    en: 'The case number as a bare integer in a Sagsnr. field (Sagsnr. 299835).',
    seenIn: 'Roskilde',
    config: { caseNumberShapes: ['heltal'] },
  },
};
