/**
 * Review panels as one thing: a panel is a channel mapping of kind 'panel' (its key, its
 * English and Welsh names, its channel); its members are the SharePoint group named by
 * its key (data/schema/permissions.ts). Records and reviews hold the panel's key; older
 * records hold its English name, and are still found (tolerant reading, `resolvePanel`).
 */
import type { ChannelMapping } from './entities';

export interface Panel {
  readonly key: string;
  readonly name: string;
  readonly nameCy?: string;
}

/** The mappings of one kind, by their key and names. */
function namedOfKind(mappings: readonly ChannelMapping[], kind: ChannelMapping['kind']): Panel[] {
  return mappings
    .filter((m) => m.kind === kind)
    .map((m) => ({ key: m.key, name: m.name, ...(m.nameCy ? { nameCy: m.nameCy } : {}) }));
}

/** The panels among the channel mappings. */
export function panelsOf(mappings: readonly ChannelMapping[]): Panel[] {
  return namedOfKind(mappings, 'panel');
}

const fold = (s: string): string =>
  s
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[’‘`]/g, "'")
    .trim()
    .toLowerCase();

/**
 * The panel a stored value names: its key, its English or Welsh name (any case or accents),
 * or its key without the `panel-` prefix; undefined when none.
 */
export function resolvePanel(value: string | undefined, panels: readonly Panel[]): Panel | undefined {
  if (!value || value.trim() === '') return undefined;
  const v = fold(value);
  return (
    panels.find((p) => fold(p.key) === v) ??
    panels.find((p) => fold(p.name) === v || (p.nameCy !== undefined && fold(p.nameCy) === v)) ??
    panels.find((p) => fold(p.key) === `panel-${v}`)
  );
}

/** The key a stored panel value stands for (the value itself when no panel matches it). */
export function panelKeyOf(value: string | undefined, panels: readonly Panel[]): string | undefined {
  if (!value || value.trim() === '') return undefined;
  return resolvePanel(value, panels)?.key ?? value;
}

/** A panel's name in the person's language. */
export function panelName(panel: Panel, language: 'en' | 'cy'): string {
  return language === 'cy' && panel.nameCy ? panel.nameCy : panel.name;
}

/**
 * Directorates the same way: a channel mapping of kind 'directorate' names one, in English (as
 * records hold it) and in Welsh (the governance team's TitleCy). Records keep the English name;
 * a Welsh name typed or imported stands for it.
 */
export type Directorate = Panel;

export function mappedDirectorates(mappings: readonly ChannelMapping[]): Directorate[] {
  return namedOfKind(mappings, 'directorate');
}

/** The directorate a stored or typed name stands for, in English or Welsh (any case or accents). */
export function resolveDirectorate(
  value: string | undefined,
  directorates: readonly Directorate[],
): Directorate | undefined {
  if (!value || value.trim() === '') return undefined;
  const v = fold(value);
  return directorates.find((d) => fold(d.name) === v || (d.nameCy !== undefined && fold(d.nameCy) === v));
}

/** The name a record keeps for a typed directorate: a known one's English name, otherwise the text as typed. */
export function directorateToKeep(value: string, directorates: readonly Directorate[]): string {
  return resolveDirectorate(value, directorates)?.name ?? value;
}

/** A stored directorate name in the person's language (as stored when it is not a known directorate). */
export function directorateName(value: string, directorates: readonly Directorate[], language: 'en' | 'cy'): string {
  const d = resolveDirectorate(value, directorates);
  return d ? panelName(d, language) : value;
}
