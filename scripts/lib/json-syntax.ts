/**
 * Where a JSON text first breaks the grammar, as a line and a column. JSON.parse in Node 20
 * reports a character offset for some mistakes and none for others; jsonc-parser (the scanner
 * of VS Code's JSON support), held to strict JSON, finds the token for all of them, so a
 * settings file's error can say "line 4, column 3". Inside a string or a number, the place is the
 * character that is wrong, not the token's start.
 */
import { type ParseErrorCode, printParseErrorCode, visit } from 'jsonc-parser';

/** What the grammar allows next, as the parser walks the text: the message says it. */
type Expecting = 'value' | 'name' | 'colon' | 'comma-or-brace' | 'comma-or-bracket' | 'end';

const EXPECTED: Record<Expecting, (found: string) => string> = {
  value: (found) => `expected a value, found ${found}`,
  name: (found) => `expected a property name in double quotes, found ${found}`,
  colon: (found) => `expected ":" after the property name, found ${found}`,
  'comma-or-brace': (found) => `expected "," or "}", found ${found}`,
  'comma-or-bracket': (found) => `expected "," or "]", found ${found}`,
  end: (found) => `unexpected ${found} after the end of the JSON value`,
};

/** Mistakes inside one token: what is wrong, and which character of the token is. */
const INSIDE_TOKEN: Partial<Record<string, { message: string; at: (token: string) => number }>> = {
  InvalidCharacter: {
    message: 'control character inside a string',
    at: (token) => [...token].findIndex((c) => c < ' '),
  },
  UnexpectedEndOfString: {
    message: 'a string is not closed before its line or the file ends',
    at: (token) => token.search(/[\n\r]|$/),
  },
  InvalidEscapeCharacter: {
    message: 'bad escape in a string',
    at: (token) => token.search(/\\[^"\\/bfnrtu]/),
  },
  InvalidUnicode: {
    message: 'bad \\u escape in a string',
    at: (token) => token.search(/\\u(?![0-9a-fA-F]{4})/),
  },
  // The digit that should follow "1." or "1e" is missing: the place is where it should be.
  UnexpectedEndOfNumber: { message: 'a number needs a digit here', at: (token) => token.length },
  InvalidCommentToken: { message: 'JSON has no comments', at: () => 0 },
  UnexpectedEndOfComment: { message: 'JSON has no comments', at: () => 0 },
};

/** The first error jsonc-parser reports, and what the grammar allowed there. */
interface FirstError {
  code: ParseErrorCode;
  offset: number;
  length: number;
  expecting: Expecting;
}

/** Walks `text` as strict JSON, keeping track of what may come next; the first error, or null. */
function firstError(text: string): FirstError | null {
  let first: FirstError | null = null;
  // The containers the walk is inside, innermost last, and what may come next.
  const open: ('object' | 'array')[] = [];
  let expecting: Expecting = 'value';
  // An unclosed object or array is reported after the parser has closed it: what it expected then.
  let expectingAtClose: Expecting = 'value';
  const afterValue = () => {
    const inside = open.at(-1);
    expecting =
      inside === 'object' ? 'comma-or-brace' : inside === 'array' ? 'comma-or-bracket' : 'end';
  };
  const close = () => {
    expectingAtClose = expecting;
    open.pop();
    afterValue();
  };
  const CLOSERS = new Set(['CloseBraceExpected', 'CloseBracketExpected']);
  visit(
    text,
    {
      onObjectBegin: () => {
        open.push('object');
        expecting = 'name';
      },
      onObjectProperty: () => {
        expecting = 'colon';
      },
      onArrayBegin: () => {
        open.push('array');
        expecting = 'value';
      },
      onObjectEnd: close,
      onArrayEnd: close,
      onLiteralValue: afterValue,
      onSeparator: (character) => {
        expecting = character === ':' || open.at(-1) === 'array' ? 'value' : 'name';
      },
      onError: (code, offset, length) => {
        const at = CLOSERS.has(printParseErrorCode(code)) ? expectingAtClose : expecting;
        first ??= { code, offset, length, expecting: at };
      },
    },
    { disallowComments: true, allowTrailingComma: false, allowEmptyContent: false },
  );
  return first;
}

/** The first syntax error in `text` (1-based line and column), or null if `text` is valid JSON. */
export function findJsonSyntaxError(
  text: string,
): { line: number; column: number; message: string } | null {
  const error = firstError(text);
  if (error === null) return null;
  const inside = INSIDE_TOKEN[printParseErrorCode(error.code)];
  const token = text.slice(error.offset, error.offset + error.length);
  const offset = inside === undefined ? error.offset : error.offset + Math.max(0, inside.at(token));
  const found = offset >= text.length ? 'end of file' : JSON.stringify(text[offset]);
  const message = inside?.message ?? EXPECTED[error.expecting](found);
  const before = text.slice(0, offset).split('\n');
  return { line: before.length, column: before.at(-1)!.length + 1, message };
}
