import type { Collaboration } from '../../domain';
import type { Locale } from '../../i18n';

/** A record's name in the person's language: the Welsh name when there is one and the tab is in Welsh. */
export function displayTitle(record: Pick<Collaboration, 'title' | 'titleCy'>, locale: Locale): string {
  return locale === 'cy-GB' && record.titleCy ? record.titleCy : record.title;
}
