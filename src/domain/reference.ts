/**
 * Collaboration references such as COL-0042: a prefix and a zero-padded
 * counter. The counter grows past four digits (COL-12345) rather than wrap.
 */
const REFERENCE = /^([A-Z]{2,5})-(\d{4,})$/;

export const COLLABORATION_PREFIX = 'COL';

export function formatReference(counter: number, prefix = COLLABORATION_PREFIX): string {
  if (!Number.isInteger(counter) || counter < 1)
    throw new RangeError(`A reference counter starts at 1, not ${counter}`);
  return `${prefix}-${String(counter).padStart(4, '0')}`;
}

export function isReference(value: string, prefix = COLLABORATION_PREFIX): boolean {
  const m = REFERENCE.exec(value);
  return m !== null && m[1] === prefix && Number(m[2]) >= 1;
}

/** The counter of a reference, or undefined when it is not one. */
export function parseReference(value: string, prefix = COLLABORATION_PREFIX): number | undefined {
  const m = REFERENCE.exec(value);
  return m !== null && m[1] === prefix && Number(m[2]) >= 1 ? Number(m[2]) : undefined;
}

/** The next reference after those already used (gaps are never reused). */
export function nextReference(existing: readonly string[], prefix = COLLABORATION_PREFIX): string {
  let max = 0;
  for (const ref of existing) {
    const n = parseReference(ref, prefix);
    if (n !== undefined && n > max) max = n;
  }
  return formatReference(max + 1, prefix);
}
