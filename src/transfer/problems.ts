/**
 * An import problem in the person's language, the same on the command line and
 * in the tab: where it is (the file's column, else the field's label) and what
 * is wrong, a refused choice named with the choices the register allows.
 */
import { CHOICE_FIELDS, importFieldLabelKey, type ImportField, type ImportProblem } from '../domain/import';

export type Translate = (key: string, params?: Readonly<Record<string, string | number>>) => string;

/** The choices a field allows, as the person reads them ("Statutory, Good practice, Local decision"). */
export function allowedChoices(t: Translate, field: string): string | undefined {
  const set = (CHOICE_FIELDS as Readonly<Record<string, readonly [string, readonly string[]] | undefined>>)[field];
  if (!set) return undefined;
  const [vocab, codes] = set;
  return codes.map((c) => t(`vocab.${vocab}.${c}`)).join(', ');
}

/** A choice field's code as the person reads it ("Statutory"); any other value as it is. */
export function choiceLabel(t: Translate, field: string, value: string): string {
  const set = (CHOICE_FIELDS as Readonly<Record<string, readonly [string, readonly string[]] | undefined>>)[field];
  return set && set[1].includes(value) ? t(`vocab.${set[0]}.${value}`) : value;
}

/** What is wrong. */
export function problemMessage(t: Translate, p: ImportProblem): string {
  if (p.code === 'invalidChoice' && p.params?.['value'] !== undefined) {
    const options = allowedChoices(t, p.field);
    if (options) return t('errors.invalidChoiceNamed', { value: p.params['value'], options });
  }
  return t(`errors.${p.code}`, { ...(p.params ?? {}) });
}

/** Where it is: the file's column as headed, else (a field the file has no column for) the field's label. */
export function problemPlace(t: Translate, headers: readonly string[], p: ImportProblem): string {
  if (p.column !== null) return headers[p.column] || `#${p.column + 1}`;
  return t(importFieldLabelKey(p.field as ImportField), { defaultValue: p.field });
}

/** "Statutory?: “Maybe” is not one of the options: Statutory, Good practice, Local decision." */
export function problemText(t: Translate, headers: readonly string[], p: ImportProblem): string {
  return t('transfer.preview.at', { column: problemPlace(t, headers, p), message: problemMessage(t, p) });
}

/** Items of the register the import could not read, named: "item 42 (status), item 57 (model)". */
export function unreadableText(
  t: Translate,
  unreadable: readonly { readonly itemId?: number; readonly field?: string }[],
): string {
  const items = unreadable
    .slice(0, 20)
    .map((e) => t('transfer.preview.unreadableItem', { id: e.itemId ?? '?', field: e.field ?? '?' }))
    .join(', ');
  return t('transfer.preview.unreadable', { items: unreadable.length > 20 ? `${items}, …` : items });
}
