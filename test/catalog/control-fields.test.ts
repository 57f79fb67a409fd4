import { describe, expect, it } from 'vitest';
import { parseStanzas } from '../../src/catalog/control-fields.js';

describe('parseStanzas', () => {
  it('splits stanzas on blank lines and joins continuation lines', () => {
    const text = 'Package: a\nDescription: short\n long\n .\n\n\nPackage: b\r\nVersion: 2\r\n';
    const { stanzas, malformed } = parseStanzas(text);
    expect(malformed).toEqual([]);
    expect(stanzas.map((s) => Object.fromEntries(s.fields))).toEqual([
      { package: 'a', description: 'short\nlong\n.' },
      { package: 'b', version: '2' },
    ]);
    expect(stanzas.map((s) => s.line)).toEqual([1, 7]);
  });

  it('keeps every value of a repeated field and the first as the field', () => {
    const { stanzas } = parseStanzas('Classifier: A\nClassifier: B\n');
    expect(stanzas[0]?.fields.get('classifier')).toBe('A');
    expect(stanzas[0]?.repeated.get('classifier')).toEqual(['A', 'B']);
  });

  it('stops at the first blank line when asked, leaving a body unread', () => {
    const { stanzas } = parseStanzas('Name: x\n\nName: body\n', { stopAtBlank: true });
    expect(stanzas).toHaveLength(1);
  });

  it('reports lines that are neither fields nor continuations', () => {
    expect(parseStanzas('no colon here\n continuation without field\nKey: v\n').malformed).toEqual([
      'line 1',
      'line 2',
    ]);
  });
});
