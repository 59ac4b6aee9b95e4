// The scanner's pre-filter, built from the tables: a trie of the words every row begins
// with (debris phrases, punkt heading words, field labels, attendance labels, TOC
// headings, section headings), compared case-folded. One walk over a line's first
// characters tells which tables can match it at all; a line that begins with none of
// their words is tried against none of them.

export const P_DEBRIS = 1;
export const P_PUNKT = 2;
export const P_FIELD = 4;
export const P_ATTENDANCE = 8;
export const P_TOC = 16;
export const P_SECTION = 32;

/** The characters a key may hold, each given a slot; every other character ends a walk. */
const SLOT = new Int16Array(256).fill(-1);
let slots = 0;
for (const ch of 'abcdefghijklmnopqrstuvwxyzæøåéü0123456789 .-:/\'"()§') SLOT[ch.charCodeAt(0)] = slots++;
const WIDTH = slots;

/** toLowerCase of a code unit below U+0100 (one code unit again), or -1. */
function fold(c: number): number {
  if (c < 128) return c >= 65 && c <= 90 ? c + 32 : c;
  if (c < 256) return c >= 0xc0 && c <= 0xde && c !== 0xd7 ? c + 32 : c;
  return -1;
}

export class PrefixTrie {
  private child: Int32Array;
  private mask: number[] = [0];
  private nodes = 1;
  /** The longest key: a walk never goes further. */
  private depth = 0;

  constructor(entries: Iterable<readonly [string, number]>) {
    this.child = new Int32Array(WIDTH * 64);
    for (const [word, family] of entries) this.add(word, family);
  }

  private add(word: string, family: number): void {
    let node = 0;
    let k = 0;
    for (; k < word.length; k++) {
      const f = fold(word.charCodeAt(k));
      const slot = f < 0 ? -1 : (SLOT[f] as number);
      // A key with a character the trie does not hold is cut there: its prefix is a (looser) pre-filter.
      if (slot < 0) break;
      const at = node * WIDTH + slot;
      let next = this.child[at] as number;
      if (next === 0) {
        next = this.nodes++;
        if (next * WIDTH >= this.child.length) {
          const grown = new Int32Array(this.child.length * 2);
          grown.set(this.child);
          this.child = grown;
        }
        this.child[at] = next;
        this.mask[next] = 0;
      }
      node = next;
    }
    this.mask[node] = (this.mask[node] as number) | family;
    if (k > this.depth) this.depth = k;
  }

  /** The families some key of which starts `text` at `from`. */
  walk(text: string, from = 0): number {
    const child = this.child;
    const mask = this.mask;
    let node = 0;
    let found = mask[0] as number;
    const end = Math.min(text.length, from + this.depth);
    for (let k = from; k < end; k++) {
      const f = fold(text.charCodeAt(k));
      if (f < 0) break;
      const slot = SLOT[f] as number;
      if (slot < 0) break;
      node = child[node * WIDTH + slot] as number;
      if (node === 0) break;
      found |= mask[node] as number;
    }
    return found;
  }
}
