import { describe, expect, it } from 'vitest';
import { historyToCsv } from '../../scripts/figures/history-download.ts';
import { parseCsv, toCsv } from '../../src/nn/csv.ts';
import { generateDatasets } from '../../src/nn/datasets.ts';
import { DataError } from '../../src/nn/errors.ts';
import { parseHistoryText } from '../helpers/history-file.ts';

const HEADER = 'r0c0,r0c1,r0c2,r1c0,r1c1,r1c2,r2c0,r2c1,r2c2,class';

describe('toCsv and parseCsv', () => {
  it('round-trip every generated dataset exactly', () => {
    const { train, validation } = generateDatasets(2024);
    for (const dataset of [train, ...validation]) {
      const back = parseCsv(toCsv(dataset), `${dataset.name}.csv`);
      expect(back).toEqual(dataset);
    }
  });

  it('round-trip numbers that need all 17 significant digits', () => {
    const dataset = {
      name: 'tricky',
      images: [[0.1 + 0.2, 1 / 3, 2 ** -40, 5e-324, 1 - 2 ** -53, 0, 1, 0.7, 0.30000000000000004]],
      labels: [1],
    };
    expect(parseCsv(toCsv(dataset), 'tricky.csv')).toEqual(dataset);
  });

  it('write a header row, one row per image and a final newline', () => {
    const csv = toCsv({ name: 'x', images: [[1, 0, 0, 1, 0, 0, 1, 0, 0]], labels: [0] });
    expect(csv).toBe(`${HEADER}\n1,0,0,1,0,0,1,0,0,0\n`);
  });
});

describe('parseCsv accepts', () => {
  const row = '0,0,0,1,1,1,0,0,0,1';
  const expected = { name: 'mine', images: [[0, 0, 0, 1, 1, 1, 0, 0, 0]], labels: [1] };
  const cases = [
    { what: 'LF line ends', text: `${HEADER}\n${row}\n` },
    { what: 'CRLF line ends', text: `${HEADER}\r\n${row}\r\n` },
    { what: 'no final newline', text: `${HEADER}\n${row}` },
    // Files written before pixels were numbered from 0: the column names are not checked.
    {
      what: 'the older header, counted from 1',
      text: `r1c1,r1c2,r1c3,r2c1,r2c2,r2c3,r3c1,r3c2,r3c3,class\n${row}\n`,
    },
    { what: 'a byte-order mark', text: `\uFEFF${HEADER}\r\n${row}` },
    {
      what: 'blank lines and spaces around values',
      text: `${HEADER}\n\n 0, 0,0,1,1 ,1,0,0,0,1\n\n`,
    },
    { what: 'other header names', text: `1_1,1_2,1_3,2_1,2_2,2_3,3_1,3_2,3_3,class\n${row}\n` },
  ];
  for (const { what, text } of cases) {
    it(what, () => expect(parseCsv(text, 'data/mine.csv')).toEqual(expected));
  }
});

describe('parseCsv rejects, naming the file, line and column', () => {
  const good = '1,0,0,1,0,0,1,0,0,0';
  const cases = [
    {
      what: 'a row with too few values',
      text: `${HEADER}\n${good}\n1,0,0\n`,
      line: 3,
      column: 4,
      message: /found 3 values, expected 10/,
    },
    {
      what: 'a row with too many values',
      text: `${HEADER}\n${good},1\n`,
      line: 2,
      column: 11,
      message: /found 11 values/,
    },
    {
      what: 'a value that is not a number',
      text: `${HEADER}\n1,0,zero,1,0,0,1,0,0,0\n`,
      line: 2,
      column: 3,
      message: /"zero" is not a number/,
    },
    {
      what: 'an empty value',
      text: `${HEADER}\n1,0,0,1,,0,1,0,0,0\n`,
      line: 2,
      column: 5,
      message: /empty value/,
    },
    {
      what: 'NaN',
      text: `${HEADER}\n${good}\n1,0,0,1,0,NaN,1,0,0,0\n`,
      line: 3,
      column: 6,
      message: /NaN is not allowed/,
    },
    {
      what: 'Infinity',
      text: `${HEADER}\n1,0,0,1,0,0,Infinity,0,0,0\n`,
      line: 2,
      column: 7,
      message: /Infinity is not allowed/,
    },
    {
      what: 'a number too large for a double',
      text: `${HEADER}\n1,0,0,1,0,0,1e999,0,0,0\n`,
      line: 2,
      column: 7,
      message: /too large/,
    },
    {
      what: 'a pixel above 1',
      text: `${HEADER}\n1,0,0,1.5,0,0,1,0,0,0\n`,
      line: 2,
      column: 4,
      message: /pixel value 1.5 .* outside \[0, 1\]/,
    },
    {
      what: 'a pixel below 0',
      text: `${HEADER}\n1,0,0,1,0,0,1,0,-0.1,0\n`,
      line: 2,
      column: 9,
      message: /outside \[0, 1\]/,
    },
    {
      what: 'a class of 2',
      text: `${HEADER}\n${good}\n1,0,0,1,0,0,1,0,0,2\n`,
      line: 3,
      column: 10,
      message: /class 2 is not 0/,
    },
    {
      what: 'a class of 0.5',
      text: `${HEADER}\n1,0,0,1,0,0,1,0,0,0.5\n`,
      line: 2,
      column: 10,
      message: /class 0.5 is not 0/,
    },
    { what: 'a header only', text: `${HEADER}\n`, line: 2, column: 1, message: /no data rows/ },
    { what: 'an empty file', text: '', line: 1, column: 1, message: /empty/ },
    {
      what: 'a missing header row',
      text: `${good}\n${good}\n`,
      line: 1,
      column: 1,
      message: /expected a header row/,
    },
    {
      what: 'a header with the wrong number of columns',
      text: `a,b,c\n${good}\n`,
      line: 1,
      column: 4,
      message: /header has 3 columns/,
    },
  ];
  for (const { what, text, line, column, message } of cases) {
    it(what, () => {
      let error: unknown;
      try {
        parseCsv(text, 'bad.csv');
      } catch (e) {
        error = e;
      }
      expect(error).toBeInstanceOf(DataError);
      const { file, line: l, column: c, message: m } = error as DataError;
      expect({ file, line: l, column: c }).toEqual({ file: 'bad.csv', line, column });
      expect(m).toMatch(message);
      expect(m.startsWith(`bad.csv, line ${line}, column ${column}: `)).toBe(true);
    });
  }
});

describe('historyToCsv', () => {
  it('writes one row per state with every digit, which reads back to the same numbers', () => {
    const history = [
      { iteration: 0, loss: 16.635532333438686, accuracy: 0.5 },
      { iteration: 1, loss: 0.1 + 0.2, accuracy: 0.9583333333333334 },
      { iteration: 2, loss: 1e-12, accuracy: 1 },
    ];
    const text = historyToCsv(history);
    expect(text).toBe(
      'iteration,loss,accuracy\n0,16.635532333438686,0.5\n1,0.30000000000000004,0.9583333333333334\n2,1e-12,1\n',
    );
    expect(parseHistoryText(text)).toEqual(history);
  });
});
