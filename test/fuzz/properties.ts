// The fuzzed properties: one subject (parser, rules, fixes, providers, incremental parser)
// on one source of input (documents built from the dialect tables and raw strings, or
// mutated fixtures). fuzz.test.ts runs each briefly with a fixed seed (npm test);
// long.ts runs them by the hundred thousand (npm run fuzz). `short` is the number of
// runs in npm test, `weight` the share of the long run's inputs.
import fc from 'fast-check';
import { anyDocument, applyEdit, edit, fuzzConfig, mutatedFixture, positionPick, SMALL_FIXTURES, type Edit, type PositionPick } from './arbitraries';
import { withKnownBugs } from './known';
import { checkFix, checkIncremental, checkLint, checkParse, checkProviders, type FuzzConfig } from './invariants';

export type Scale = 'short' | 'long';

/** Wraps each run (a skip for a known bug included: fc.pre throws): the long run times it and measures its text. */
export type Around = (text: string, run: () => void) => void;

export interface FuzzProperty {
  name: string;
  /** What the property states. */
  says: string;
  /** Runs in npm test. */
  short: number;
  /** Share of the long run's inputs. */
  weight: number;
  property(scale: Scale, around?: Around): fc.IPropertyWithHooks<[unknown]>;
}

interface Spec<T> {
  name: string;
  says: string;
  arbitrary(scale: Scale): fc.Arbitrary<T>;
  check(input: T): void;
  /** The text the input's size is measured on (for ms per KB). */
  text(input: T): string;
  /** Every text the check will read (for the known bugs); the text alone when not given. */
  texts?(input: T): string[];
  short: number;
  weight: number;
}

function define<T>(spec: Spec<T>): FuzzProperty {
  const { name, says, short, weight } = spec;
  return {
    name,
    says,
    short,
    weight,
    property: (scale, around) =>
      fc.property(spec.arbitrary(scale) as fc.Arbitrary<unknown>, (input) => {
        const x = input as T;
        const run = (): void => withKnownBugs(spec.texts?.(x) ?? [spec.text(x)], () => spec.check(x));
        if (around === undefined) run();
        else around(spec.text(x), run);
      }),
  };
}

/** Mutated fixtures: all of them in the long run; the small ones (dialects, rules) in npm test. */
const mutated = (scale: Scale): fc.Arbitrary<string> => (scale === 'short' ? mutatedFixture(SMALL_FIXTURES, 4) : mutatedFixture(undefined, 8));

const sources: readonly { id: string; doc: (scale: Scale) => fc.Arbitrary<string>; short: number; weight: number }[] = [
  { id: 'generated', doc: anyDocument, short: 1, weight: 1 },
  { id: 'mutated', doc: mutated, short: 0.5, weight: 0.6 },
];

interface Doc {
  text: string;
  config: FuzzConfig;
}

const withConfig = (doc: fc.Arbitrary<string>): fc.Arbitrary<Doc> => fc.record({ text: doc, config: fuzzConfig });
const textOf = (d: { text: string }): string => d.text;

export const PROPERTIES: readonly FuzzProperty[] = sources.flatMap((src) => [
  define<Doc>({
    name: `parser/${src.id}`,
    says: 'parseReferat never throws and every range of the model lies in the document',
    arbitrary: (scale) => withConfig(src.doc(scale)),
    check: ({ text, config }) => void checkParse(text, config),
    text: textOf,
    short: Math.round(300 * src.short),
    weight: 4 * src.weight,
  }),
  define<Doc>({
    name: `rules/${src.id}`,
    says: 'no rule throws; every diagnostic and fix edit lies in the document; the edits of one fix do not overlap',
    arbitrary: (scale) => withConfig(src.doc(scale)),
    check: ({ text, config }) => void checkLint(text, config),
    text: textOf,
    short: Math.round(250 * src.short),
    weight: 3 * src.weight,
  }),
  define<Doc>({
    name: `fixes/${src.id}`,
    says: 'the safe fixes keep all text outside their edits, and after the passes nothing safe is left to fix',
    arbitrary: (scale) => withConfig(src.doc(scale)),
    check: ({ text, config }) => void checkFix(text, config),
    text: textOf,
    short: Math.round(150 * src.short),
    weight: 1.5 * src.weight,
  }),
  define<Doc & { picks: PositionPick[] }>({
    name: `providers/${src.id}`,
    says: 'no provider throws; symbols, folding, completion, hover, references, links, code actions and the TOC edit stay in the document; children in parents, selectionRange in range',
    arbitrary: (scale) => fc.record({ text: src.doc(scale), config: fuzzConfig, picks: fc.array(positionPick, { minLength: 1, maxLength: scale === 'short' ? 6 : 10 }) }),
    check: ({ text, picks, config }) => checkProviders(text, picks, config),
    text: textOf,
    short: Math.round(150 * src.short),
    weight: 1.5 * src.weight,
  }),
  define<Doc & { edits: Edit[] }>({
    name: `incremental/${src.id}`,
    says: 'after each random edit, reparseReferat from the previous model equals a fresh parse (model and findings)',
    arbitrary: (scale) => fc.record({ text: src.doc(scale), config: fuzzConfig, edits: fc.array(edit, { minLength: 1, maxLength: scale === 'short' ? 6 : 8 }) }),
    check: ({ text, edits, config }) => checkIncremental(text, edits, config),
    text: textOf,
    texts: ({ text, edits }) => edits.reduce((acc, e) => [...acc, applyEdit(acc[acc.length - 1] as string, e)], [text]),
    short: Math.round(100 * src.short),
    weight: 1 * src.weight,
  }),
]);

/** The seed of npm test's short runs: fixed, so a failure repeats. */
export const SHORT_SEED = 1212;
