/**
 * Where a JSON text first breaks the grammar, as a line and a column. JSON.parse in Node 20
 * reports a character offset for some mistakes and none for others; this scanner finds the
 * place for all of them, so a settings file's error can say "line 4, column 3".
 */

/** The first syntax error in `text` (1-based line and column), or null if `text` is valid JSON. */
export function findJsonSyntaxError(
  text: string,
): { line: number; column: number; message: string } | null {
  let pos = 0;
  const fail = (message: string): never => {
    throw new JsonSyntaxError(pos, message);
  };
  const skipSpace = () => {
    while (pos < text.length && ' \t\n\r'.includes(text[pos]!)) pos++;
  };
  const describe = () => (pos >= text.length ? 'end of file' : JSON.stringify(text[pos]));
  const expect = (char: string, what: string) => {
    skipSpace();
    if (text[pos] !== char) fail(`expected ${what}, found ${describe()}`);
    pos++;
  };
  const string = () => {
    pos++; // the opening quote
    while (pos < text.length && text[pos] !== '"') {
      const c = text[pos]!;
      if (c < ' ') fail('control character inside a string');
      if (c === '\\') {
        pos++;
        if (text[pos] === 'u') {
          if (!/^[0-9a-fA-F]{4}$/.test(text.slice(pos + 1, pos + 5))) fail('bad \\u escape');
          pos += 4;
        } else if (!'"\\/bfnrt'.includes(text[pos] ?? 'x')) fail('bad escape in a string');
      }
      pos++;
    }
    if (pos >= text.length) fail('unterminated string');
    pos++;
  };
  const value = (): void => {
    skipSpace();
    const c = text[pos];
    if (c === '{') {
      pos++;
      skipSpace();
      if (text[pos] === '}') {
        pos++;
        return;
      }
      for (;;) {
        skipSpace();
        if (text[pos] !== '"')
          fail(`expected a property name in double quotes, found ${describe()}`);
        string();
        expect(':', '":" after the property name');
        value();
        skipSpace();
        if (text[pos] === ',') pos++;
        else if (text[pos] === '}') return void pos++;
        else fail(`expected "," or "}", found ${describe()}`);
      }
    }
    if (c === '[') {
      pos++;
      skipSpace();
      if (text[pos] === ']') return void pos++;
      for (;;) {
        value();
        skipSpace();
        if (text[pos] === ',') pos++;
        else if (text[pos] === ']') return void pos++;
        else fail(`expected "," or "]", found ${describe()}`);
      }
    }
    if (c === '"') {
      string();
      return;
    }
    const literal = /^(true|false|null|-?(0|[1-9]\d*)(\.\d+)?([eE][+-]?\d+)?)/.exec(
      text.slice(pos),
    );
    if (literal === null) fail(`expected a value, found ${describe()}`);
    pos += literal![0].length;
  };

  try {
    value();
    skipSpace();
    if (pos < text.length) fail(`unexpected ${describe()} after the end of the JSON value`);
    return null;
  } catch (error) {
    if (!(error instanceof JsonSyntaxError)) throw error;
    const before = text.slice(0, error.offset).split('\n');
    return {
      line: before.length,
      column: before[before.length - 1]!.length + 1,
      message: error.message,
    };
  }
}

/** Internal: carries the offset of the error out of the recursive scanner. */
class JsonSyntaxError extends Error {
  constructor(
    readonly offset: number,
    message: string,
  ) {
    super(message);
  }
}
