/**
 * Reading a .docx back as Word would: unzipped (fflate) and its word/document.xml read, the
 * tables with the heading paragraph before each. Shared by the report tests.
 */
import { strFromU8, unzipSync } from 'fflate';

function decode(s: string): string {
  return s
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&amp;/g, '&');
}

/** The text of an XML fragment: its w:t runs, joined. */
export const textOf = (xml: string) =>
  decode([...xml.matchAll(/<w:t(?:\s[^>]*)?>([^<]*)<\/w:t>/g)].map((m) => m[1]).join(''));

export interface WordTable {
  readonly heading: string;
  readonly rows: string[][];
  readonly xml: string;
}

/** Every table in the document, each with the heading paragraph just before it. */
export function tablesOf(xml: string): WordTable[] {
  const out: WordTable[] = [];
  const re = /<w:tbl>([\s\S]*?)<\/w:tbl>/g;
  for (let m = re.exec(xml); m; m = re.exec(xml)) {
    const before = xml.slice(0, m.index);
    const paragraphs = [...before.matchAll(/<w:p>[\s\S]*?<\/w:p>|<w:p [\s\S]*?<\/w:p>/g)];
    const heading = textOf(paragraphs[paragraphs.length - 1]?.[0] ?? '');
    const rows = [...(m[1] ?? '').matchAll(/<w:tr>([\s\S]*?)<\/w:tr>|<w:tr [^>]*>([\s\S]*?)<\/w:tr>/g)].map((r) =>
      [...(r[1] ?? r[2] ?? '').matchAll(/<w:tc>([\s\S]*?)<\/w:tc>/g)].map((c) => textOf(c[1] ?? '')),
    );
    out.push({ heading, rows, xml: m[0] });
  }
  return out;
}

/** The files of a .docx, and its document.xml as text. */
export function openDocx(bytes: ArrayBuffer): { xml: string; files: Record<string, Uint8Array> } {
  const files = unzipSync(new Uint8Array(bytes));
  const xml = files['word/document.xml'];
  if (!xml) throw new Error('no word/document.xml');
  return { xml: strFromU8(xml), files };
}
