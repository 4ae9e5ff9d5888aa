import { describe, expect, it } from 'vitest';
import {
  imagesFromQuery,
  queryWithImages,
  queryWithSettings,
  settingsFromQuery,
} from '../../src/explorer/url-settings.ts';

const tutorial = {
  learningRate: 0.01,
  hiddenUnits: 6,
  init: 'xavier',
  iterations: 200,
  seed: 7,
  dataSeed: 2024,
} as const;

describe('settingsFromQuery', () => {
  it('reads all six parameters', () => {
    const query = '?lr=0.05&hidden=8&init=he&iterations=300&seed=3&data=11';
    const read = settingsFromQuery(query, tutorial);
    expect(read.values).toEqual({
      learningRate: 0.05,
      hiddenUnits: 8,
      init: 'he',
      iterations: 300,
      seed: 3,
      dataSeed: 11,
    });
    expect(read.texts).toEqual({
      learningRate: '0.05',
      hiddenUnits: '8',
      init: 'he',
      iterations: '300',
      seed: '3',
      dataSeed: '11',
    });
    expect(read.problems).toEqual({});
    expect(read.present).toBe(true);
  });

  it('takes the fallback for missing parameters and ignores unrelated ones', () => {
    const read = settingsFromQuery('utm=x&hidden=2', tutorial);
    expect(read.values).toEqual({ ...tutorial, hiddenUnits: 2 });
    expect(read.texts.learningRate).toBe('0.01');
    // A link made before the data seed was a parameter trains on the fallback's images.
    expect(read.texts.dataSeed).toBe('2024');
  });

  it('is not present without any of its parameters', () => {
    const read = settingsFromQuery('', tutorial);
    expect(read.present).toBe(false);
    expect(read.values).toEqual(tutorial);
  });

  it('keeps a bad value as text, with a message, and the fallback as value', () => {
    const read = settingsFromQuery('?lr=fast&hidden=99&init=glorot&data=-1', tutorial);
    expect(read.texts.learningRate).toBe('fast');
    expect(read.texts.hiddenUnits).toBe('99');
    expect(read.texts.init).toBe('glorot');
    expect(read.texts.dataSeed).toBe('-1');
    expect(Object.keys(read.problems).sort()).toEqual([
      'dataSeed',
      'hiddenUnits',
      'init',
      'learningRate',
    ]);
    expect(read.values).toEqual(tutorial);
  });

  it('decodes percent-encoding', () => {
    expect(settingsFromQuery('?lr=1e%2D3', tutorial).values.learningRate).toBe(0.001);
  });
});

describe('queryWithSettings', () => {
  it('writes every parameter and keeps the others in place', () => {
    const query = queryWithSettings('?ref=feed&lr=1', {
      learningRate: 0.05,
      hiddenUnits: 8,
      init: 'zeros',
      iterations: 300,
      seed: 3,
      dataSeed: 2024,
    });
    expect(query).toBe('?ref=feed&lr=0.05&hidden=8&init=zeros&iterations=300&seed=3&data=2024');
  });

  it('removes the parameters when given null', () => {
    expect(queryWithSettings('?lr=0.05&hidden=8&iterations=300&seed=3&data=1', null)).toBe('');
    expect(queryWithSettings('?a=1&seed=3', null)).toBe('?a=1');
  });

  it('round-trips awkward numbers exactly', () => {
    const values = {
      learningRate: 0.1 + 0.2,
      hiddenUnits: 16,
      init: 'large',
      iterations: 2000,
      seed: 9007199254740991,
      dataSeed: 9007199254740990,
    } as const;
    expect(settingsFromQuery(queryWithSettings('', values), tutorial).values).toEqual(values);
  });
});

describe('the images in the address', () => {
  it('reads the experiment named by images=, and none when it is absent or empty', () => {
    expect(imagesFromQuery('?lr=0.1&images=my-run')).toBe('my-run');
    expect(imagesFromQuery('images=lr-0.05')).toBe('lr-0.05');
    expect(imagesFromQuery('?lr=0.1')).toBeNull();
    expect(imagesFromQuery('?images=')).toBeNull();
  });

  it('sets and removes images= and keeps every other parameter where it was', () => {
    expect(queryWithImages('?lr=0.1&seed=3', 'my-run')).toBe('?lr=0.1&seed=3&images=my-run');
    expect(queryWithImages('?images=old&lr=0.1', 'new')).toBe('?images=new&lr=0.1');
    expect(queryWithImages('?lr=0.1&images=my-run', null)).toBe('?lr=0.1');
    expect(queryWithImages('?images=my-run', null)).toBe('');
    expect(imagesFromQuery(queryWithImages('', 'a.b-1'))).toBe('a.b-1');
  });
});
