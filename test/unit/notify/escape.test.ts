import { cardText, shownText, ZWJ } from '../../../src/notify/escape';

const Z = ZWJ;

describe('escaping text for a card', () => {
  it.each([
    ['bold markdown stays as typed', '**bold**', '\\*\\*bold\\*\\*'],
    ['italic markdown stays as typed', '_italic_', '\\_italic\\_'],
    ['a markdown link is not a link', '[x](https://evil.example)', `\\[x\\]\\(https:${Z}//evil.${Z}example\\)`],
    ['a mention is not a mention', '<at>Everyone</at>', '\\<at\\>Everyone\\</at\\>'],
    ['a bare URL is not linked', 'https://evil.example', `https:${Z}//evil.${Z}example`],
    ['www. is not linked', 'see www.evil.example', `see www.${Z}evil.${Z}example`],
    ['an e-mail address is not linked', 'a.jones@council.example', `a.${Z}jones@${Z}council.${Z}example`],
    ['a heading is not a heading', '# heading', '\\# heading'],
    ['a numbered list is not a list', '1. list', '1\\. list'],
    ['a bullet is not a bullet', '- item', '\\- item'],
    ['a plus bullet is not a bullet', '+ item', '\\+ item'],
    ['a quote is not a quote', '> quoted', '\\> quoted'],
    ['code is not code', '`code`', '\\`code\\`'],
    ['handlebars are not a template', '{{x}}', `{${Z}{x}${Z}}`],
    [
      'a DATE function is not expanded',
      '{{DATE(2026-12-08T00:00:00Z, SHORT)}}',
      `{${Z}{DATE\\(2026-12-08T00:00:00Z, SHORT\\)}${Z}}`,
    ],
    ['a template expression is not a template', '${x}', `$${Z}{x}`],
    ['an entity is not decoded', '&amp; &lt;', '\\&amp; \\&lt;'],
    ['a backslash stays a backslash', 'C:\\Temp', 'C:\\\\Temp'],
    ["an apostrophe is kept (O'Brien)", "O'Brien", "O'Brien"],
    ['Welsh letters are kept intact', 'Tŷ Gwyn, Ŵyl â ê î ô û ŵ ŷ ẁ ỳ', 'Tŷ Gwyn, Ŵyl â ê î ô û ŵ ŷ ẁ ỳ'],
    ['hyphens inside names are kept', 'Glan-yr-Afon Bryn-yr-Haul', 'Glan-yr-Afon Bryn-yr-Haul'],
    ['a decomposed ŵ becomes the one letter', 'w\u0302', 'ŵ'],
  ])('%s', (_name, input, expected) => {
    expect(cardText(input)).toBe(expected);
  });

  it('escapes at the start of every line, and removes leading blanks (no code blocks)', () => {
    expect(cardText('first\n    # two\n3. three\r\n- four')).toBe('first\n\\# two\n3\\. three\n\\- four');
  });

  it('removes control characters and bidirectional overrides', () => {
    expect(cardText('a\u0000b\u202Ec\u2066d\u0007e')).toBe('abcde');
  });

  it.each([
    '**bold**',
    '[x](https://evil.example)',
    '<at>Everyone</at>',
    '# heading',
    '1. list',
    '{{x}}',
    '${x}',
    "O'Brien",
    'Tŷ ŵ ŷ â',
  ])('a person sees %s exactly as typed once Teams applies the escapes', (input) => {
    expect(shownText(cardText(input))).toBe(input);
  });

  it('leaves no unescaped markdown, link or template syntax', () => {
    const nasty = '**[x](https://evil.example)** <at>All</at> {{x}} ${y} www.a.b `c` ~~d~~ # e';
    const out = cardText(nasty);
    expect(out).not.toMatch(/(^|[^\\])[*_`[\]()<>~#&]/);
    expect(out).not.toContain('://');
    expect(out).not.toContain('{{');
    expect(out).not.toContain('}}');
    expect(out).not.toContain('${');
    expect(out).not.toContain('www.a');
  });
});
