import { describe, expect, it } from '@jest/globals';
import { FrameReader } from './framing.js';
import { OciFrameTooLargeError } from './protocol-errors.js';

const doc = (id: string): string =>
  `<?xml version="1.0" encoding="ISO-8859-1"?>\n<BroadsoftDocument protocol="OCI" xmlns="C"><sessionId xmlns="">${id}</sessionId></BroadsoftDocument>`;
const bytes = (s: string): Buffer => Buffer.from(s, 'latin1');
const texts = (frames: Buffer[]): string[] => frames.map((f) => f.toString('latin1'));

describe('FrameReader', () => {
  it('returns nothing until the document is complete, then the whole document', () => {
    const reader = new FrameReader();
    const text = doc('a');
    expect(reader.push(bytes(text.slice(0, 30)))).toEqual([]);
    expect(reader.bufferedBytes).toBe(30);
    expect(texts(reader.push(bytes(text.slice(30))))).toEqual([text]);
    expect(reader.bufferedBytes).toBe(0);
  });

  it('reassembles documents fed byte by byte, terminator included', () => {
    const reader = new FrameReader();
    const stream = bytes(`${doc('a')}\n${doc('é')}\r\n`);
    const frames: Buffer[] = [];
    for (const byte of stream) frames.push(...reader.push(Buffer.from([byte])));
    expect(texts(frames)).toEqual([doc('a'), doc('é')]);
    expect(reader.bufferedBytes).toBe(0);
  });

  it('cuts several documents out of one chunk and keeps the remainder', () => {
    const reader = new FrameReader();
    const partial = doc('c').slice(0, 50);
    expect(texts(reader.push(bytes(`${doc('a')}\n  \t${doc('b')}\n${partial}`)))).toEqual([doc('a'), doc('b')]);
    expect(reader.bufferedBytes).toBe(50);
    expect(texts(reader.push(bytes(doc('c').slice(50))))).toEqual([doc('c')]);
  });

  it('finds a terminator split across two chunks at every possible point', () => {
    const text = doc('split');
    for (let cut = text.length - 21; cut < text.length; cut++) {
      const reader = new FrameReader();
      expect(reader.push(bytes(text.slice(0, cut)))).toEqual([]);
      expect(texts(reader.push(bytes(text.slice(cut))))).toEqual([text]);
    }
  });

  it('skips whitespace between documents, also when it arrives alone', () => {
    const reader = new FrameReader();
    expect(texts(reader.push(bytes(doc('a'))))).toEqual([doc('a')]);
    expect(reader.push(bytes('\n\r\n \t'))).toEqual([]);
    expect(reader.bufferedBytes).toBe(0);
    expect(texts(reader.push(bytes(doc('b'))))).toEqual([doc('b')]);
  });

  it('returns copies that later pushes do not overwrite', () => {
    const reader = new FrameReader();
    const [first] = reader.push(bytes(doc('a')));
    for (let i = 0; i < 50; i++) reader.push(bytes(doc(`x${i}`)));
    expect(first?.toString('latin1')).toBe(doc('a'));
  });

  it('handles large documents in many chunks in linear time', () => {
    const reader = new FrameReader();
    const big = doc('z'.repeat(4 * 1024 * 1024));
    const started = Date.now();
    const frames: Buffer[] = [];
    for (let i = 0; i < big.length; i += 1000) frames.push(...reader.push(bytes(big.slice(i, i + 1000))));
    expect(frames).toHaveLength(1);
    expect(frames[0]?.length).toBe(big.length);
    expect(Date.now() - started).toBeLessThan(5000);
  });

  it('throws OciFrameTooLargeError when a document outgrows the limit without ending', () => {
    const reader = new FrameReader({ maxFrameBytes: 100 });
    expect(reader.push(bytes('<BroadsoftDocument>'))).toEqual([]);
    expect(() => reader.push(bytes('x'.repeat(100)))).toThrow(OciFrameTooLargeError);
  });

  it('throws when a complete document in one chunk is over the limit', () => {
    const reader = new FrameReader({ maxFrameBytes: 100 });
    expect(() => reader.push(bytes(doc('y'.repeat(100))))).toThrow(OciFrameTooLargeError);
  });

  it('accepts a document of exactly the limit', () => {
    const text = doc('exact');
    const reader = new FrameReader({ maxFrameBytes: text.length });
    expect(texts(reader.push(bytes(text)))).toEqual([text]);
  });
});

describe('FrameReader: the end tag as XML writes it', () => {
  const prefixed = (id: string): string =>
    `<?xml version="1.0"?>\n<oci:BroadsoftDocument protocol="OCI" xmlns:oci="C"><sessionId>${id}</sessionId></oci:BroadsoftDocument>`;

  it('ends a document at an end tag with a prefix or with white space before >', () => {
    const reader = new FrameReader();
    const spaced = `<BroadsoftDocument protocol="OCI" xmlns="C"><sessionId xmlns="">s</sessionId></BroadsoftDocument \r\n>`;
    expect(texts(reader.push(bytes(`${prefixed('a')}\n${spaced}${doc('b')}`)))).toEqual([
      prefixed('a'),
      spaced,
      doc('b'),
    ]);
  });

  it('finds a prefixed end tag split across two chunks at every possible point', () => {
    const text = prefixed('split');
    for (let cut = text.length - 30; cut < text.length; cut++) {
      const reader = new FrameReader();
      expect(reader.push(bytes(text.slice(0, cut)))).toEqual([]);
      expect(texts(reader.push(bytes(text.slice(cut))))).toEqual([text]);
    }
  });

  it('does not end a document at the start tag, at the name in text, or at another element ending in the name', () => {
    const reader = new FrameReader();
    const tricky = `<BroadsoftDocument  \n><sessionId>BroadsoftDocument></sessionId><x:NotBroadsoftDocument/></x:NotBroadsoftDocument >`;
    expect(reader.push(bytes(tricky))).toEqual([]);
    expect(texts(reader.push(bytes('</BroadsoftDocument>')))).toEqual([`${tricky}</BroadsoftDocument>`]);
  });
});
