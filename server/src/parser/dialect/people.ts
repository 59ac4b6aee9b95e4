// How minutes say who was there: absence, stedfortrædere, arrivals and departures,
// inhabilitet, who spoke, and votes. One row per phrasing, with an example as minutes
// print it and where it was seen (domain.md "Attendance and votes: phrasing seen", the
// dialect catalogue). The people stage (parser/people.ts) tries the rows in order on each
// sentence of a line that holds one of the rows' words: the pre-filter is built from them.
//
// A row's pattern is anchored at the start of a sentence and written so that it backtracks
// only within the sentence: `who` is the names ("Anne Holm (A) og Bent Lund (V)"), `whom`
// the member stood in for, `rest` what follows (a time, the punkter).
import type { PresenceKind } from '../../model';

export interface PeoplePhrase {
  kind: PresenceKind;
  pattern: RegExp;
  /** Lower-case words one of which every sentence of this row holds (the pre-filter). */
  words: readonly string[];
  /** For inhabil: the phrase itself says the member took no part. */
  withdrew?: true;
  example: string;
  seen: string;
}

/** Tried in order: the first row that matches a sentence gives its statement (inhabil before "deltog ikke"). */
export const PEOPLE_PHRASES: readonly PeoplePhrase[] = [
  {
    kind: 'absent',
    pattern: /^(?:Fraværende med afbud|Fraværende|Afbud fra|Afbud|Forfald)\s*:\s*(?<who>.*)$/iu,
    words: ['fravær', 'afbud', 'forfald'],
    example: 'Fraværende med afbud: Erik Mose (O)',
    seen: 'Halsnæs, København; "Afbud: …" Glostrup, Hillerød, Aabenraa; "Fraværende: …" Vesthimmerland (korpus)',
  },
  {
    kind: 'absent',
    pattern: /^Der (?:er|var) (?:meldt )?afbud fra (?<who>.+)$/u,
    words: ['afbud'],
    example: 'Der er afbud fra Martin Bech, Bettina Bøcker Kjeldsen og Niels Vestergaard Salling.',
    seen: 'domain.md',
  },
  {
    kind: 'absent',
    pattern: /^(?<who>[^,;:]+?) (?:havde |har )?meldte? afbud(?<rest>.*)$/u,
    words: ['afbud'],
    example: 'Dorte Bak og Ib Skov havde meldt afbud til mødet.',
    seen: 'Aabenraa, Faaborg-Midtfyn, Frederiksberg, Glostrup ("… havde meldt afbud, og …")',
  },
  {
    kind: 'absent',
    pattern: /^(?:Alle |Samtlige )?(?:[Mm]edlemmer(?:ne)?|[Uu]dvalgets medlemmer) var (?:mødt|til stede),? (?:bortset fra|undtagen|dog ikke) (?<who>.+)$/u,
    words: ['bortset fra', 'undtagen', 'dog ikke'],
    example: 'Medlemmerne var mødt, bortset fra Anne Holm (A).',
    seen: 'issue 14',
  },
  {
    kind: 'inhabil',
    pattern: /^(?<who>[^,;:]+?) deltog ikke(?<rest>.*\binhabil.*)$/u,
    words: ['inhabil'],
    withdrew: true,
    example: 'Anne Holm (A) deltog ikke i behandlingen af punktet på grund af inhabilitet.',
    seen: 'Styrelsesloven § 14',
  },
  {
    kind: 'inhabil',
    pattern: /^(?<who>[^,;:]+?) (?:blev erklæret|erklærede sig|meldte sig|anså sig for|anså sig som|var|er|blev) inhabil(?<rest>.*)$/u,
    words: ['inhabil'],
    example: 'Martin Clausen (A) blev erklæret inhabil og forlod mødet under behandlingen af punktet.',
    seen: 'domain.md ("… blev erklæret inhabil.", "… erklærede sig inhabil og ønskede sin habilitet afprøvet vedr. pkt. 196, 197 og 198.")',
  },
  {
    kind: 'substitute',
    pattern: /^Stedfortrædere?\s*:\s*(?<who>.+)$/iu,
    words: ['stedfortræder'],
    example: 'Stedfortræder: Lars Krogh (B)',
    seen: 'Hillerød (efter "Afbud: …" i beslutningen)',
  },
  {
    kind: 'substitute',
    pattern: /^(?<who>[^,;:]+?) (?:mødte|deltog|var indkaldt|blev indkaldt|indtrådte) som stedfortræder(?: for (?<whom>[^,;:]+?))?(?<rest>[.,;].*)?$/u,
    words: ['stedfortræder'],
    example: 'Lars Krogh (B) var indkaldt som stedfortræder for Bo Winther (B).',
    seen: 'domain.md ("mødte som stedfortræder", "var indkaldt som stedfortræder for …")',
  },
  {
    kind: 'substitute',
    pattern: /^(?:[Oo]g )?[Ss]tedfortræder(?:e|ne)? (?<who>[^,;:]+?) (?:var indkaldt|blev indkaldt|deltog|mødte)(?<rest>.*)$/u,
    words: ['stedfortræder'],
    example: 'og stedfortræder Line Holt (Ø) var indkaldt efter styrelseslovens § 25.',
    seen: 'Glostrup (efter "… havde meldt afbud, ")',
  },
  {
    kind: 'substitute',
    pattern: /^(?:[Oo]g )?[Ii] stedet (?:deltog|mødte) (?<who>.+)$/u,
    words: ['i stedet deltog', 'i stedet mødte'],
    example: 'og i stedet deltog Mette Ravn (A) og Jens Kolding (C).',
    seen: 'Frederiksberg (efter "… havde meldt afbud, ")',
  },
  {
    kind: 'arrived',
    pattern: /^(?<who>[^,;:]+?) (?:ankom|mødte)(?: til mødet)?(?<rest>(?: kl\.| under| efter| før| inden| ved| fra|,).*)$/u,
    words: ['ankom', 'mødte'],
    example: 'Anne Holm (A) ankom til mødet kl. 17.32 under behandlingen af punkt 1.',
    seen: 'domain.md',
  },
  {
    kind: 'arrived',
    pattern: /^(?<who>[^,;:]+?) deltog (?:først |kun )?fra (?<rest>(?:kl\.|punkt|pkt\.).*)$/u,
    words: ['deltog'],
    example: 'Bent Lund (V) deltog fra punkt 3.',
    seen: 'issue 14',
  },
  {
    kind: 'left',
    pattern: /^(?<who>[^,;:]+?) forlod (?:mødet|lokalet|salen)(?<rest>.*)$/u,
    words: ['forlod'],
    example: 'Bent Lund (V) forlod mødet kl. 20.20.',
    seen: 'domain.md',
  },
  {
    kind: 'left',
    pattern: /^(?<who>[^,;:]+?) deltog (?:kun )?(?:indtil|til) (?<rest>(?:kl\.|punkt|pkt\.).*)$/u,
    words: ['deltog'],
    example: 'Carla Friis (V) deltog indtil kl. 19.00.',
    seen: 'issue 14',
  },
  {
    kind: 'absent',
    pattern: /^(?<who>[^,;:]+?) deltog ikke i mødet(?<rest>.*)$/u,
    words: ['deltog ikke'],
    example: 'Dorte Bak (F) deltog ikke i mødet.',
    seen: 'issue 14',
  },
  {
    kind: 'not-present-for',
    pattern: /^(?<who>[^,;:]+?) deltog ikke (?:under|i|ved) (?:behandlingen af |drøftelsen af )?(?<rest>(?:punkt|pkt|sag).*)$/u,
    words: ['deltog ikke'],
    example: 'Carla Friis (V) deltog ikke under punkterne 12-15.',
    seen: 'domain.md',
  },
  {
    kind: 'absent',
    pattern: /^(?<who>[^,;:]+?) (?:var )?fraværende(?<rest>[.,;].*|\s(?:under|ved|i|fra|efter|til)\b.*)?$/u,
    words: ['fravær'],
    example: 'Tonny Nalepa Jensen fraværende',
    seen: 'domain.md',
  },
  {
    kind: 'spoke',
    pattern:
      /^(?<who>[^,;:]+?) (?:ønskede|ønsker|tog forbehold|tager forbehold|stillede|fremsatte|tilkendegav|begærede|kunne ikke tiltræde|kan ikke tiltræde|stemte|undlod at stemme|tiltrådte|anbefalede)(?<rest>\s.*|[.,]?)$/u,
    words: ['ønske', 'forbehold', 'stillede', 'fremsatte', 'tilkendegav', 'begærede', 'tiltræde', 'tiltrådte', 'stemte', 'undlod', 'anbefalede'],
    example: 'Dorte Bak (F) ønskede sin stemme ført til protokol.',
    seen: 'Styrelsesloven § 13 (afvigende mening); domain.md',
  },
];

export type VoteSide = 'for' | 'against' | 'abstain';

export interface VoteLabel {
  side: VoteSide;
  /** The label as printed, lower case; a colon or a count follows it. */
  label: string;
  example: string;
  seen: string;
}

export const VOTE_LABELS: readonly VoteLabel[] = [
  { side: 'for', label: 'for stemte', example: 'For stemte: 5 (A+T+V)', seen: 'domain.md' },
  { side: 'against', label: 'imod stemte', example: 'Imod stemte: 2 (C+O)', seen: 'domain.md' },
  { side: 'abstain', label: 'undlod at stemme', example: 'Undlod at stemme: 1 (F)', seen: 'domain.md' },
  { side: 'against', label: 'stemte imod', example: 'Stemte imod: 2 (C+O)', seen: 'issue 14' },
  { side: 'for', label: 'stemte for', example: 'Stemte for: 5 (A+T+V)', seen: 'issue 14' },
  { side: 'abstain', label: 'hverken for eller imod', example: 'Hverken for eller imod: 1 (Ø)', seen: 'issue 14' },
  { side: 'abstain', label: 'undlod', example: 'Undlod: 1 (F)', seen: 'issue 14' },
  { side: 'for', label: 'for', example: 'For: 20 (Bo Hilsted (A), Carla Friis (V))', seen: 'domain.md' },
  { side: 'against', label: 'imod', example: 'Imod: 0', seen: 'issue 14' },
];

/** Labels of a participant list whose names follow on the next lines ("Deltagerne var:" in København's decision). */
export const PARTICIPANT_LABELS: readonly { label: string; example: string; seen: string }[] = [
  { label: 'deltagerne var', example: 'Deltagerne var:', seen: 'København (i beslutningen, før en nummereret liste)' },
  { label: 'deltagere', example: 'Deltagere:', seen: 'Køge, Glostrup' },
  { label: 'mødedeltagere', example: 'Mødedeltagere:', seen: 'domain.md' },
  { label: 'til stede', example: 'Til stede:', seen: 'issue 14' },
];

/** Words before a name that are a role, not the name: "Formand Anne Holm (A)". */
export const NAME_ROLES: readonly string[] = [
  'formand',
  'næstformand',
  'borgmester',
  'overborgmester',
  'viceborgmester',
  '1. viceborgmester',
  '2. viceborgmester',
  'rådmand',
  'medlem',
  'udvalgsmedlem',
  'byrådsmedlem',
  'kommunalbestyrelsesmedlem',
  'regionsrådsmedlem',
  'regionsrådsformand',
];

/** Capitalised words that stand where a name would and are none: "Ingen", "Formanden forlod mødet". */
export const NOT_NAMES: ReadonlySet<string> = new Set([
  'ingen',
  'ingen afbud',
  'alle',
  'alle mødt',
  'alle til stede',
  'intet',
  'ingen fravær',
  'formanden',
  'næstformanden',
  'borgmesteren',
  'rådmanden',
  'udvalget',
  'byrådet',
  'kommunalbestyrelsen',
  'regionsrådet',
  'direktøren',
  'sekretæren',
  'forvaltningen',
  'administrationen',
  'mødet',
  'medlemmet',
  'medlemmerne',
  'der',
  'det',
  'den',
  'han',
  'hun',
  'de',
  'men',
  'og',
  'som',
]);
