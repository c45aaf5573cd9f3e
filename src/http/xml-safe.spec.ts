import { describe, expect, it } from '@jest/globals';
import { assertXmlSafe, firstRefusedChar, MAX_DEPTH } from './xml-safe.js';

describe('firstRefusedChar', () => {
  it.each([
    ['plain', undefined],
    ['<&>"\' ]]> </command>', undefined],
    ['Équipe 😀 東京 €', undefined],
    ['a\u0000b', 0x0],
    ['bell\u0007', 0x7],
    ['tab\there', 0x9],
    ['line\nbreak', 0xa],
    ['cr\r', 0xd],
    ['esc\u001b[31m', 0x1b],
    ['del\u007f', 0x7f],
    ['nel\u0085', 0x85],
    ['lone \ud800 surrogate', 0xd800],
    ['\ufffe', 0xfffe],
  ])('%j → %s', (text, cp) => {
    expect(firstRefusedChar(text)).toBe(cp);
  });
});

describe('assertXmlSafe', () => {
  it('names the field, in nested objects and lists, and field names too', () => {
    expect(() => assertXmlSafe({ a: { b: ['ok', 'x\u0001'] } }, 'body')).toThrow(/body\.a\.b\[1\] holds U\+0001/);
    expect(() => assertXmlSafe({ 'k\u0002': 1 }, 'body')).toThrow(/body \(a field name\) holds U\+0002/);
    expect(() => assertXmlSafe({ a: 1, b: [true, null, { c: 'fine' }] }, 'body')).not.toThrow();
  });

  it('refuses a value nested deeper than MAX_DEPTH, without exhausting the stack', () => {
    let deep: unknown = 'x';
    for (let i = 0; i < 100_000; i++) deep = [deep];
    expect(() => assertXmlSafe(deep, 'body')).toThrow(/nests deeper than 32 levels/);
    let ok: unknown = 'x';
    for (let i = 0; i < MAX_DEPTH; i++) ok = { a: ok };
    expect(() => assertXmlSafe(ok, 'body')).not.toThrow();
  });
});
