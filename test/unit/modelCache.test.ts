import { describe, expect, it } from 'vitest';
import type { ReferatModel } from '../../server/src/model';
import { ModelCache } from '../../server/src/modelCache';
import { model } from './modelBuilders';

function countingParser(): { parse: (text: string) => ReferatModel; calls: string[] } {
  const calls: string[] = [];
  return {
    calls,
    parse: (text) => {
      calls.push(text);
      return model({ lineCount: text.split('\n').length });
    },
  };
}

describe('ModelCache', () => {
  it('parses once per URI and version', () => {
    const { parse, calls } = countingParser();
    const cache = new ModelCache(parse);
    const first = cache.get('file:///a.referat', 1, 'a\nb');
    expect(cache.get('file:///a.referat', 1, 'a\nb')).toBe(first);
    expect(calls).toEqual(['a\nb']);

    const second = cache.get('file:///a.referat', 2, 'a\nb\nc');
    expect(second).not.toBe(first);
    expect(second.lineCount).toBe(3);
    expect(cache.get('file:///a.referat', 2, 'a\nb\nc')).toBe(second);
    expect(calls).toEqual(['a\nb', 'a\nb\nc']);
  });

  it('a repeated version number with another text is parsed again, not served stale', () => {
    const { parse, calls } = countingParser();
    const cache = new ModelCache(parse);
    const first = cache.get('u', 1, 'a');
    const again = cache.get('u', 1, 'a\nb');
    expect(again).not.toBe(first);
    expect(again.lineCount).toBe(2);
    expect(calls).toEqual(['a', 'a\nb']);
  });

  it('reparses when the version changes in either direction', () => {
    const { parse, calls } = countingParser();
    const cache = new ModelCache(parse);
    cache.get('u', 5, 'x');
    cache.get('u', 4, 'y');
    expect(calls).toEqual(['x', 'y']);
  });

  it('keeps documents apart by URI', () => {
    const { parse, calls } = countingParser();
    const cache = new ModelCache(parse);
    cache.get('file:///a', 1, 'a');
    cache.get('file:///b', 1, 'b');
    cache.get('file:///a', 1, 'a');
    cache.get('file:///b', 1, 'b');
    expect(calls).toEqual(['a', 'b']);
    expect(cache.size).toBe(2);
  });

  it('forgets a document on delete, so reopening parses again', () => {
    const { parse, calls } = countingParser();
    const cache = new ModelCache(parse);
    cache.get('file:///a', 1, 'a');
    expect(cache.delete('file:///a')).toBe(true);
    expect(cache.delete('file:///a')).toBe(false);
    expect(cache.peek('file:///a', 1)).toBeUndefined();
    cache.get('file:///a', 1, 'a');
    expect(calls).toEqual(['a', 'a']);
  });

  it('peek returns only a model for the same version and never parses', () => {
    const { parse, calls } = countingParser();
    const cache = new ModelCache(parse);
    expect(cache.peek('u', 1)).toBeUndefined();
    const m = cache.get('u', 1, 't');
    expect(cache.peek('u', 1)).toBe(m);
    expect(cache.peek('u', 2)).toBeUndefined();
    expect(calls).toHaveLength(1);
  });

  it('caches nothing when the parser throws', () => {
    let fail = true;
    const cache = new ModelCache(() => {
      if (fail) throw new Error('boom');
      return model();
    });
    expect(() => cache.get('u', 1, 't')).toThrow('boom');
    expect(cache.size).toBe(0);
    fail = false;
    expect(cache.get('u', 1, 't').kind).toBe('referat');
  });

  it('uses the real parser by default', () => {
    const cache = new ModelCache();
    const m = cache.get('u', 1, 'linje 1\nlinje 2\n');
    expect(m.lineCount).toBe(3);
    expect(Array.isArray(m.punkter)).toBe(true);
  });
});
