import { KqlSyntaxError, KqlUnsupportedError, parseKql } from '../../../src/local/search/kql';

/** The embedded server's KQL subset, read as Microsoft's KQL syntax reference describes it. */
describe('KQL', () => {
  it.each([
    ['a word', 'gwent', { kind: 'term', text: 'gwent', prefix: false }],
    ['a prefix', 'safeg*', { kind: 'term', text: 'safeg', prefix: true }],
    ['a phrase', '"gwent safeguarding"', { kind: 'term', text: 'gwent safeguarding', prefix: false }],
    ['a phrase by prefix', '"gwent safeg"*', { kind: 'term', text: 'gwent safeg', prefix: true }],
    ['a property restriction', 'Title:gwent', { kind: 'property', name: 'Title', op: ':', value: 'gwent' }],
    ['a quoted restriction', 'path:"http://x/a b"', { kind: 'property', name: 'path', value: 'http://x/a b' }],
    ['= as the operator', 'ListItemID=5', { kind: 'property', name: 'ListItemID', op: '=', value: '5' }],
    [
      'white space after the colon makes words',
      'Title: gwent',
      {
        kind: 'and',
        items: [
          { kind: 'term', text: 'Title:' },
          { kind: 'term', text: 'gwent' },
        ],
      },
    ],
    ['lower-case and is a word', 'a and b', { kind: 'and', items: [{}, { text: 'and' }, {}] }],
  ])('%s', (_name, text, node) => {
    expect(parseKql(text)).toMatchObject(node);
  });

  it('words without an operator are AND; OR binds looser than AND; NOT keeps what is before it', () => {
    expect(parseKql('a b OR c')).toMatchObject({
      kind: 'or',
      items: [{ kind: 'and', items: [{ text: 'a' }, { text: 'b' }] }, { text: 'c' }],
    });
    expect(parseKql('a (b OR c)')).toMatchObject({ kind: 'and', items: [{ text: 'a' }, { kind: 'or' }] });
    expect(parseKql('a b NOT c')).toMatchObject({
      kind: 'not',
      keep: { kind: 'and', items: [{ text: 'a' }, { text: 'b' }] },
      drop: { text: 'c' },
    });
  });

  it.each([
    ['empty', ''],
    ['white space', ' \t '],
    ['only operators', 'AND OR'],
    ['a trailing operator', 'a OR'],
    ['a leading NOT', 'NOT a'],
    ['an unclosed quote', '"a b'],
    ['an unclosed parenthesis', '(a'],
    ['a stray closing parenthesis', 'a)'],
    ['a quoted restriction without a value', 'Title:""'],
    ['a wildcard alone', '*'],
    ['a leading wildcard', '*a'],
    ['a wildcard inside a word', 'a*b'],
    ['too long', 'a '.repeat(2100)],
  ])('%s is malformed', (_name, text) => {
    expect(() => parseKql(text)).toThrow(KqlSyntaxError);
  });

  it.each(['Size>10', 'Write<=2026-01-01', 'Size<>1', 'Write:2026-01-01..2026-02-01'])(
    '%s uses an operator this server does not answer',
    (text) => {
      expect(() => parseKql(text)).toThrow(KqlUnsupportedError);
    },
  );
});
