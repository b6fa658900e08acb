import { kqlInList, kqlTerm, MAX_TERMS, searchTerms } from '../../../src/data/repositories/search';
import { parseKql } from '../../../src/local/search/kql';

/** What a person types becomes quoted KQL phrases only: nothing typed can add an operator or a restriction. */
describe('search terms from the register’s box', () => {
  it.each([
    ['one word', 'Safeguarding', ['Safeguarding']],
    ['words split on white space', '  Gwent   safeguarding board ', ['Gwent', 'safeguarding', 'board']],
    ['a quoted phrase kept whole', '"Gwent Safeguarding" board', ['Gwent Safeguarding', 'board']],
    ['Welsh letters as typed', 'Llŷr Ŵyl', ['Llŷr', 'Ŵyl']],
    ['KQL operators as words', 'Gwent OR Title:x', ['Gwent', 'OR', 'Title:x']],
    ['wildcards dropped', 'safe* *guard', ['safe', 'guard']],
    ['nothing but quotes and stars is nothing', '"" * "*"', []],
  ])('%s', (_name, text, terms) => {
    expect(searchTerms(text)).toEqual(terms);
  });

  it(`keeps at most ${MAX_TERMS} words`, () => {
    expect(searchTerms('a b c d e f g h i j k')).toHaveLength(MAX_TERMS);
  });

  it.each([
    ['Safeguarding', '"Safeguarding"*'],
    ['Gwent Safeguarding', '"Gwent Safeguarding"*'],
    ['OR', '"OR"*'],
    ['ListId:0000', '"ListId:0000"*'],
    ['a"b', '"a b"*'],
    ["O'Brien", `"O'Brien"*`],
  ])('%s is the KQL phrase %s', (term, kql) => {
    expect(kqlTerm(term)).toBe(kql);
  });

  it('scopes to one list by its GUID, and refuses anything else as the scope', () => {
    expect(kqlInList('{F84C7BDA-042C-4337-B2EE-15C945B29B82}', ['Gwent', 'board'])).toBe(
      'ListId:f84c7bda-042c-4337-b2ee-15c945b29b82 "Gwent"* "board"*',
    );
    expect(() => kqlInList('x OR y', ['Gwent'])).toThrow(RangeError);
    expect(() => kqlInList('f84c7bda-042c-4337-b2ee-15c945b29b82', [])).toThrow(RangeError);
  });

  it.each(['Safeguarding OR ListId:f84c7bda-042c-4337-b2ee-15c945b29b82', 'x" OR Title:"y', ') NOT (', 'Title:* AND'])(
    'typed %p parses as the scope and plain phrases only',
    (typed) => {
      const kql = kqlInList('f84c7bda-042c-4337-b2ee-15c945b29b82', searchTerms(typed));
      const root = parseKql(kql);
      const items = root.kind === 'and' ? root.items : [root];
      expect(items[0]).toMatchObject({ kind: 'property', name: 'ListId' });
      for (const n of items.slice(1)) expect(n).toMatchObject({ kind: 'term', prefix: true });
    },
  );
});
