import type { Collaboration } from '../../domain';
import type { Locale } from '../../i18n';
import { panelName, resolvePanel, type Panel } from '../../domain/panels';

/** A record's name in the person's language: the Welsh name when there is one and the tab is in Welsh. */
export function displayTitle(record: Pick<Collaboration, 'title' | 'titleCy'>, locale: Locale): string {
  return locale === 'cy-GB' && record.titleCy ? record.titleCy : record.title;
}

/** A stored panel value as the person reads it: the panel's name in their language, else the value itself. */
export function panelLabel(value: string | undefined, panels: readonly Panel[], locale: Locale): string {
  if (!value) return '–';
  const panel = resolvePanel(value, panels);
  return panel ? panelName(panel, locale === 'cy-GB' ? 'cy' : 'en') : value;
}
