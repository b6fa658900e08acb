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

/** The panels among the channel mappings. */
export function panelsOf(mappings: readonly ChannelMapping[]): Panel[] {
  return mappings
    .filter((m) => m.kind === 'panel')
    .map((m) => ({ key: m.key, name: m.name, ...(m.nameCy ? { nameCy: m.nameCy } : {}) }));
}

const fold = (s: string): string =>
  s
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
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
