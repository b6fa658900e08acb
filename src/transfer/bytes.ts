/**
 * Bytes to text for files people bring in: UTF-8 with or without a byte-order
 * mark, UTF-16 (Excel's "Unicode text"), and Windows-1252, which older Excel
 * versions write for "CSV" on Windows (£ is 0xA3 there, not valid UTF-8).
 */

/** The largest file an import reads: a 5,000-row register is about 3 MB. */
export const MAX_FILE_BYTES = 10 * 1024 * 1024;

/**
 * Windows-1252's bytes 0x80-0x9F (the rest is Latin-1): curly quotes, dashes,
 * the euro sign. Written out because Node 20's `TextDecoder('windows-1252')`
 * decodes these bytes as Latin-1's C1 control characters (0x92 becomes U+0092,
 * not ’; tried on Node 20.20), while browsers follow the WHATWG table, so the
 * command line and the tab read the same file differently (issue 17). The five
 * bytes Windows-1252 leaves undefined (0x81, 0x8D, 0x8F, 0x90, 0x9D) stay as
 * the control characters of the same number, as WHATWG decodes them.
 */
const WINDOWS_1252_HIGH =
  '\u20ac\u0081\u201a\u0192\u201e\u2026\u2020\u2021\u02c6\u2030\u0160\u2039\u0152\u008d\u017d\u008f' +
  '\u0090\u2018\u2019\u201c\u201d\u2022\u2013\u2014\u02dc\u2122\u0161\u203a\u0153\u009d\u017e\u0178';

/**
 * Windows-1252 bytes as text, the same in Node and in the browser: the
 * platform's decoder, then any C1 control character it left (Node 20) put
 * right from the table (in a browser there are none left but the five).
 */
export function decodeWindows1252(bytes: Uint8Array): string {
  return new TextDecoder('windows-1252')
    .decode(bytes)
    .replace(/[\u0080-\u009f]/g, (c) => WINDOWS_1252_HIGH.charAt(c.charCodeAt(0) - 0x80));
}

export type TextEncoding = 'utf-8' | 'utf-16le' | 'utf-16be' | 'windows-1252';

export function decodeText(bytes: Uint8Array): { text: string; encoding: TextEncoding } {
  if (bytes.length >= 3 && bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf)
    return { text: new TextDecoder('utf-8').decode(bytes.subarray(3)), encoding: 'utf-8' };
  if (bytes.length >= 2 && bytes[0] === 0xff && bytes[1] === 0xfe)
    return { text: new TextDecoder('utf-16le').decode(bytes.subarray(2)), encoding: 'utf-16le' };
  if (bytes.length >= 2 && bytes[0] === 0xfe && bytes[1] === 0xff)
    return { text: new TextDecoder('utf-16be').decode(bytes.subarray(2)), encoding: 'utf-16be' };
  try {
    return { text: new TextDecoder('utf-8', { fatal: true }).decode(bytes), encoding: 'utf-8' };
  } catch {
    return { text: decodeWindows1252(bytes), encoding: 'windows-1252' };
  }
}

/** True when the bytes are a zip (an .xlsx workbook), whatever the file is called. */
export function isZip(bytes: Uint8Array): boolean {
  return bytes.length >= 4 && bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 0x03 && bytes[3] === 0x04;
}
