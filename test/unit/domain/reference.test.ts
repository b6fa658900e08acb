import { formatReference, isReference, nextReference, parseReference } from '../../../src/domain/reference';

describe('collaboration references', () => {
  it.each([
    [1, 'COL-0001'],
    [42, 'COL-0042'],
    [9999, 'COL-9999'],
    [12345, 'COL-12345'],
  ])('counter %i is %s', (counter, reference) => {
    expect(formatReference(counter)).toBe(reference);
    expect(parseReference(reference)).toBe(counter);
  });

  it.each([0, -1, 1.5, Number.NaN])('refuses the counter %p', (counter) => {
    expect(() => formatReference(counter)).toThrow(RangeError);
  });

  it.each([
    ['COL-0042', true, 'a reference'],
    ['COL-12345', true, 'past four digits'],
    ['COL-42', false, 'too few digits'],
    ['col-0042', false, 'lower case'],
    ['COL-0000', false, 'counter nought'],
    ['PAR-0042', false, 'another prefix'],
    [' COL-0042', false, 'a leading space'],
    ["COL-0042' or 1=1", false, 'anything after it'],
  ])('%j is a reference: %s (%s)', (value, expected) => {
    expect(isReference(value)).toBe(expected);
  });

  it('takes another prefix where asked', () => {
    expect(formatReference(7, 'ACT')).toBe('ACT-0007');
    expect(isReference('ACT-0007', 'ACT')).toBe(true);
    expect(parseReference('COL-0007', 'ACT')).toBeUndefined();
  });

  it.each([
    [[], 'COL-0001', 'the first reference'],
    [['COL-0001', 'COL-0002'], 'COL-0003', 'after the last'],
    [['COL-0001', 'COL-0007'], 'COL-0008', 'gaps are never reused'],
    [['COL-9999'], 'COL-10000', 'past four digits'],
    [['COL-0003', 'nonsense', 'PAR-0099'], 'COL-0004', 'what is not a reference is ignored'],
  ])('after %j the next is %s (%s)', (existing, expected) => {
    expect(nextReference(existing)).toBe(expected);
  });
});
