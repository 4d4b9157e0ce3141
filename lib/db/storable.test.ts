import { describe, expect, it } from 'vitest';
import { mayHoldUnstorable, REPLACEMENT, storableJson, storableText } from '@/lib/db/storable';

describe('storable audit values', () => {
  it('replaces a NUL and lone surrogates, and keeps whole pairs', () => {
    expect(storableText('a\u0000b')).toBe(`a${REPLACEMENT}b`);
    expect(storableText('\uD800x\uDC00')).toBe(`${REPLACEMENT}x${REPLACEMENT}`);
    expect(storableText('📱 ok')).toBe('📱 ok');
  });

  it('cleans keys and values at any depth, and leaves other values alone', () => {
    expect(storableJson({ 'q\u0000': ['\uD800', { deep: 'x\u0000' }], n: 1, b: true, z: null })).toEqual({
      [`q${REPLACEMENT}`]: [REPLACEMENT, { deep: `x${REPLACEMENT}` }],
      n: 1,
      b: true,
      z: null,
    });
  });
});

describe('mayHoldUnstorable', () => {
  it.each([['{"a":"\\u0000"}'], ['{"a":"\\ud800"}'], ['{"a":"\\uDC00"}'], ['{"a":"\u0000"}'], ['{"a":"📱"}']])(
    '%s may',
    (text) => {
      expect(mayHoldUnstorable(text)).toBe(true);
    },
  );

  it.each([
    ['{"status":0,"message":"OK","details":"Mesaj: ăîșț"}'],
    ['{"a":"\\u00e9"}'],
    ['{"a":"\\\\u0000 is text"}'],
  ])('%s does not', (text) => {
    expect(mayHoldUnstorable(text)).toBe(text.includes('\\\\u0000'));
  });
});
