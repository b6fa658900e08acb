/**
 * Escaping of text that goes into an Adaptive Card: THE ONE PLACE it happens.
 * The card builders (cards.ts) pass every string they place in a TextBlock or a
 * Fact through `cardText`, whether it came from a person (titles, names, notes)
 * or from the catalogues; nothing else writes card text.
 *
 * Teams renders TextBlock and Fact text as a Markdown subset (bold, italic,
 * lists, links), turns URLs and e-mail addresses into links, shows `<at>..</at>`
 * as a mention when the card declares one, and expands `{{DATE(...)}}` and
 * `{{TIME(...)}}`; card templating expands `${...}`. So that text a person typed
 * is shown as typed and can never become markup, a link, a mention or a
 * template expression, `cardText` does exactly this, in this order:
 *
 * 1. Normalises to NFC (a Welsh ŵ typed as w + combining circumflex becomes the
 *    one letter ŵ; â ê î ô û ŵ ŷ and the rest are otherwise untouched), turns
 *    CRLF and CR into LF, and removes control characters (C0 except LF and TAB,
 *    DEL, C1) and the bidirectional overrides U+202A-U+202E and U+2066-U+2069,
 *    which could make text read differently from what it is.
 * 2. Removes the leading spaces and tabs of every line (four of them would make
 *    an indented code block).
 * 3. Puts a backslash before every `\` and before each of `*` `_` `` ` `` `[`
 *    `]` `(` `)` `<` `>` `&` `~` `#` wherever it occurs (CommonMark backslash
 *    escapes: `\*` is shown as `*`). This stops emphasis, code, links and
 *    images, HTML and `<at>` mentions, entity references (`&amp;`),
 *    strikethrough and headings.
 * 4. At the start of a line only, puts a backslash before `-`, `+`, `=` (list
 *    items, thematic breaks, setext headings) and before the `.` of a number
 *    followed by a dot (`1. list` becomes `1\. list`); a `)` after a number is
 *    already escaped by rule 3. Hyphens inside words (Glan-yr-Afon) are left
 *    alone.
 * 5. Inserts a ZERO WIDTH JOINER (U+200D, invisible) inside the character
 *    pairs that other syntax needs: `{{` -> `{`ZWJ`{`, `}}` -> `}`ZWJ`}`,
 *    `${` -> `$`ZWJ`{` (templating and DATE/TIME functions); `://` ->
 *    `:`ZWJ`//` (URL schemes); after `@` (e-mail addresses); and after a `.`
 *    between two letters or digits (`www.`, `evil.example`, `a.b@c.com`), so no
 *    linkifier finds a URL, a domain or an address to turn into a link.
 *
 * Nothing else changes: apostrophes (O'Brien), quotes, Welsh letters, digits
 * and ordinary punctuation pass as they are. The text still reads the same to a
 * person; only copy-and-paste carries the invisible joiners.
 */

export const ZWJ = '\u200D';

// Control characters are what this removes.
// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F\u202A-\u202E\u2066-\u2069]/g;
const ESCAPE_ANYWHERE = /[\\*_`[\]()<>&~#]/g;
const LINE_START_MARKER = /^([-+=])/gm;
const LINE_START_NUMBER = /^(\d+)\./gm;
const LEADING_BLANKS = /^[ \t]+/gm;

/** Text escaped for a TextBlock or a Fact (see the rules above). */
export function cardText(value: string | number): string {
  let text = String(value).normalize('NFC').replace(/\r\n?/g, '\n').replace(CONTROL, '');
  text = text.replace(LEADING_BLANKS, '');
  text = text.replace(ESCAPE_ANYWHERE, (c) => `\\${c}`);
  text = text.replace(LINE_START_MARKER, '\\$1').replace(LINE_START_NUMBER, '$1\\.');
  text = text
    .replace(/\{(?=\{)/g, `{${ZWJ}`)
    .replace(/\}(?=\})/g, `}${ZWJ}`)
    .replace(/\$(?=\{)/g, `$${ZWJ}`)
    .replace(/:(?=\/\/)/g, `:${ZWJ}`)
    .replace(/@/g, `@${ZWJ}`)
    .replace(/([\p{L}\p{N}])\.(?=[\p{L}\p{N}])/gu, `$1.${ZWJ}`);
  return text;
}

/** The text a person sees once Teams has applied the backslash escapes (for tests and the dev inbox). */
export function shownText(escaped: string): string {
  return escaped
    .replace(/\\([!-/:-@[-`{-~])/g, '$1')
    .split(ZWJ)
    .join('');
}

/** Shortens text to `max` characters (whole code points), ending with an ellipsis when cut. */
export function clip(value: string, max: number): string {
  const chars = Array.from(value);
  return chars.length <= max ? value : `${chars.slice(0, Math.max(0, max - 1)).join('')}…`;
}
