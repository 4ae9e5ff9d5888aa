/**
 * Where a JSON text first breaks the grammar, as a line and a column. JSON.parse in Node 20
 * reports a character offset for some mistakes and none for others; jsonc-parser (the scanner
 * of VS Code's JSON support), held to strict JSON, finds the place for all of them, so a
 * settings file's error can say "line 4, column 3".
 */
import { type ParseErrorCode, printParseErrorCode, visit } from 'jsonc-parser';

/** What each of jsonc-parser's errors means, in a sentence; `found` names what is at the place. */
const MESSAGES: Record<string, (found: string, closer: string) => string> = {
  InvalidSymbol: (found) =>
    found === '"\'"'
      ? `expected a name or string in double quotes, found ${found}`
      : `expected a value, found ${found}`,
  ValueExpected: (found) => `expected a value, found ${found}`,
  PropertyNameExpected: (found) => `expected a property name in double quotes, found ${found}`,
  ColonExpected: (found) => `expected ":" after the property name, found ${found}`,
  CommaExpected: (found, closer) => `expected "," or "${closer}", found ${found}`,
  CloseBraceExpected: (found) => `expected "," or "}", found ${found}`,
  CloseBracketExpected: (found) => `expected "," or "]", found ${found}`,
  EndOfFileExpected: (found) => `unexpected ${found} after the end of the JSON value`,
  InvalidNumberFormat: () => 'a number JSON cannot read',
  UnexpectedEndOfNumber: () => 'a number JSON cannot read (no digit after "." or "e")',
  UnexpectedEndOfString: () => 'a string not closed on its line',
  InvalidCharacter: () => 'control character inside a string',
  InvalidEscapeCharacter: () => 'bad escape in a string',
  InvalidUnicode: () => 'bad \\u escape in a string',
  InvalidCommentToken: () => 'JSON has no comments',
  UnexpectedEndOfComment: () => 'JSON has no comments',
};

/** The first syntax error in `text` (1-based line and column), or null if `text` is valid JSON. */
export function findJsonSyntaxError(
  text: string,
): { line: number; column: number; message: string } | null {
  let first: { code: ParseErrorCode; offset: number; closer: string } | null = null;
  // The closing character of each object or array the scanner is inside, innermost last.
  const closers: string[] = [];
  visit(
    text,
    {
      onObjectBegin: () => void closers.push('}'),
      onObjectEnd: () => void closers.pop(),
      onArrayBegin: () => void closers.push(']'),
      onArrayEnd: () => void closers.pop(),
      onError: (code, offset) => {
        first ??= { code, offset, closer: closers.at(-1) ?? '}' };
      },
    },
    { disallowComments: true, allowTrailingComma: false, allowEmptyContent: false },
  );
  if (first === null) return null;
  const { code, offset, closer } = first;
  const found = offset >= text.length ? 'end of file' : JSON.stringify(text[offset]);
  const name = printParseErrorCode(code);
  const message = MESSAGES[name]?.(found, closer) ?? `${name} at ${found}`;
  const before = text.slice(0, offset).split('\n');
  return { line: before.length, column: before.at(-1)!.length + 1, message };
}
