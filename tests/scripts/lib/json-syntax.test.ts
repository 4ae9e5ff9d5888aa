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
    // A mistake inside a string is placed at the string's opening quote.
    { text: '{"a": "x\ny"}', line: 1, column: 7, message: /string not closed on its line/ },
    { text: '{"a": "x\ty"}', line: 1, column: 7, message: /control character/ },
    { text: '{"a": "\\q"}', line: 1, column: 7, message: /bad escape/ },
    { text: '{\n  "a": 1 // the rate\n}', line: 2, column: 10, message: /no comments/ },
    { text: '{"a": [1 2]}', line: 1, column: 10, message: /expected "," or "\]"/ },
    { text: '{"a": 1.}', line: 1, column: 7, message: /number/ },
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
});
