import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import type { Assessment, AssessmentTemplate, Collaboration, Review } from '../../domain';
import { LOCALES, type Locale } from '../../i18n';
import { useApp } from '../app/context';
import { directorateName, panelName, resolvePanel, type Directorate, type Panel } from '../../domain/panels';

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

/** A bilingual text of the template data, in the person's language (English when the Welsh is missing). */
export function inLocale(locale: Locale, en: string | undefined, cy: string | undefined): string {
  return (locale === 'cy-GB' ? cy || en : en || cy) ?? '';
}

export const templateTitle = (tpl: Pick<AssessmentTemplate, 'titleEn' | 'titleCy'>, locale: Locale) =>
  inLocale(locale, tpl.titleEn, tpl.titleCy);

/**
 * The title of the template an assessment answered, in the person's language: the version it
 * answered, else the template's latest, else (a template no longer published) its key.
 */
export function assessmentTitle(
  a: Pick<Assessment, 'templateKey' | 'templateVersion'>,
  templates: readonly AssessmentTemplate[],
  locale: Locale,
): string {
  const tpl =
    templates.find((x) => x.key === a.templateKey && x.version === a.templateVersion) ??
    templates.filter((x) => x.key === a.templateKey).sort((x, y) => y.version - x.version)[0];
  return tpl ? templateTitle(tpl, locale) : a.templateKey;
}

/** A stored directorate name as the person reads it: its Welsh name in Welsh when the governance team gave one. */
export function directorateLabel(
  value: string | undefined,
  directorates: readonly Directorate[],
  locale: Locale,
): string {
  if (!value) return '–';
  return directorateName(value, directorates, locale === 'cy-GB' ? 'cy' : 'en');
}

/**
 * A review's name in the person's language. The tab names a review "<reference> <its kind>" in the
 * language of whoever scheduled it (the demo's and the import's in English); read in the other
 * language, that name is said again in the reader's. A title written any other way is shown as written.
 */
export function reviewLabel(
  review: Pick<Review, 'title' | 'kind'>,
  kindIn: (locale: Locale) => string,
  locale: Locale,
): string {
  const space = review.title.indexOf(' ');
  if (space <= 0) return review.title;
  const rest = review.title.slice(space + 1).trim();
  return LOCALES.some((l) => kindIn(l) === rest) ? `${review.title.slice(0, space)} ${kindIn(locale)}` : review.title;
}

/** `reviewLabel` in the tab's language. */
export function useReviewLabel(): (review: Pick<Review, 'title' | 'kind'>) => string {
  const { t } = useTranslation();
  const { locale } = useApp();
  return useCallback(
    (review) => reviewLabel(review, (lng) => t(`vocab.reviewKind.${review.kind}`, { lng }), locale),
    [t, locale],
  );
}
