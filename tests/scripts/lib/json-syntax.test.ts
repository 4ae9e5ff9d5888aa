import { describe, expect, it } from 'vitest';
import { findJsonSyntaxError } from '../../../scripts/lib/json-syntax.ts';

describe('findJsonSyntaxError', () => {
  it('finds nothing wrong in valid JSON', () => {
    for (const text of [
      '{}',
      '[]',
      ' {"a": [1, -2.5e3, true, false, null, "x\\n\\u00e9"]} \n',
      '"s"',
      '0',
    ]) {
      expect(findJsonSyntaxError(text), text).toBeNull();
      expect(() => JSON.parse(text)).not.toThrow();
    }
  });

  // Each case: the text, and the line and column (1-based) of the first character that is wrong.
  const cases = [
    { text: '{\n  "seed": 7,\n}', line: 3, column: 1, message: /property name/ }, // trailing comma
    { text: '{\n  "seed": 7\n  "lr": 1\n}', line: 3, column: 3, message: /expected "," or "}"/ }, // missing comma
    { text: "{ 'seed': 7 }", line: 1, column: 3, message: /double quotes/ }, // single quotes
    { text: '{ "seed": 07 }', line: 1, column: 12, message: /expected "," or "}"/ }, // leading zero
    { text: '{ "seed" 7 }', line: 1, column: 10, message: /":"/ },
    { text: '{ "seed": 7', line: 1, column: 12, message: /end of file/ }, // unterminated object
    { text: '', line: 1, column: 1, message: /expected a value, found end of file/ },
    { text: '{}\n{}', line: 2, column: 1, message: /after the end/ },
    { text: '[1, 2,]', line: 1, column: 7, message: /expected a value/ },
    // A mistake inside a string or a number is placed at the character that is wrong.
    { text: '{"a": "x\ny"}', line: 1, column: 9, message: /not closed before its line/ },
    { text: '{"a": "xyz', line: 1, column: 11, message: /not closed before its line or the file/ },
    { text: '{"a": "x\ty"}', line: 1, column: 9, message: /control character/ },
    { text: '{"a": "ab\\q"}', line: 1, column: 10, message: /bad escape/ },
    { text: '{"a": "\\u00e"}', line: 1, column: 8, message: /bad \\u escape/ },
    { text: '{"a": 1.}', line: 1, column: 9, message: /needs a digit/ },
    { text: '{"a": 2e}', line: 1, column: 9, message: /needs a digit/ },
    { text: '{\n  "a": 1 // the rate\n}', line: 2, column: 10, message: /no comments/ },
    // The message says what the grammar allowed at that place.
    { text: '{"a": [1 2]}', line: 1, column: 10, message: /expected "," or "\]"/ },
    { text: '{ seed: 7 }', line: 1, column: 3, message: /property name in double quotes/ },
    { text: '{', line: 1, column: 2, message: /property name in double quotes, found end of file/ },
    { text: '{,}', line: 1, column: 2, message: /property name/ },
    { text: '[1]x', line: 1, column: 4, message: /"x" after the end/ },
    { text: '[0x10]', line: 1, column: 3, message: /expected "," or "\]"/ },
    { text: '{"a": -}', line: 1, column: 7, message: /expected a value/ },
    { text: '{"a": NaN}', line: 1, column: 7, message: /expected a value/ },
  ];
  for (const { text, line, column, message } of cases) {
    it(`locates the error in ${JSON.stringify(text)} at line ${line}, column ${column}`, () => {
      expect(() => JSON.parse(text)).toThrow(); // the scanner agrees with JSON.parse that it is invalid
      const error = findJsonSyntaxError(text);
      expect(error).toMatchObject({ line, column });
      expect(error!.message).toMatch(message);
    });
  }

  it('agrees with JSON.parse on 20,000 short random texts, and places each error inside the text', () => {
    const alphabet = '{}[]:,"a1-.e0 \n\\u/tfn';
    let state = 12345;
    // A small linear congruential generator: the same texts in every run.
    const next = () => {
      state = (Math.imul(state, 1103515245) + 12345) >>> 0;
      return state >>> 8;
    };
    const disagreements: string[] = [];
    for (let k = 0; k < 20_000; k++) {
      const length = next() % 12;
      let text = '';
      for (let i = 0; i < length; i++) text += alphabet[next() % alphabet.length];
      let valid = true;
      try {
        JSON.parse(text);
      } catch {
        valid = false;
      }
      const error = findJsonSyntaxError(text);
      if ((error === null) !== valid) disagreements.push(JSON.stringify(text));
      if (error !== null) {
        const lines = text.split('\n');
        const line = lines[error.line - 1];
        if (line === undefined || error.column > line.length + 1)
          disagreements.push(`${JSON.stringify(text)} at ${error.line}:${error.column}`);
      }
    }
    expect(disagreements).toEqual([]);
  });
});
