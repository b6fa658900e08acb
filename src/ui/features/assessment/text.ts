/** How the runner writes template texts and answers in the person's language. */
import type { TFunction } from 'i18next';
import type { Answer, Question, Section } from '../../../domain';
import type { Locale } from '../../../i18n';
import type { Formatters } from '../../app/context';

import { inLocale } from '../../components/recordText';

export { inLocale, templateTitle } from '../../components/recordText';

export const questionText = (q: Pick<Question, 'textEn' | 'textCy'>, locale: Locale) =>
  inLocale(locale, q.textEn, q.textCy);
export const guidanceText = (q: Pick<Question, 'guidanceEn' | 'guidanceCy'>, locale: Locale) =>
  inLocale(locale, q.guidanceEn, q.guidanceCy);
export const sectionTitle = (s: Pick<Section, 'titleEn' | 'titleCy'>, locale: Locale) =>
  inLocale(locale, s.titleEn, s.titleCy);

/** An answer as words: "Amber", "4", "Not applicable", the text itself, a date in the person's language. */
export function answerText(t: TFunction, format: Formatters, answer: Answer | undefined): string {
  if (answer === undefined) return t('assess.answer.none');
  switch (answer.kind) {
    case 'notApplicable':
      return t('assess.answer.notApplicable');
    case 'rag':
      return t(`assess.answer.rag.${answer.value}`);
    case 'yesPartialNo':
      return t(`assess.answer.yesPartialNo.${answer.value}`);
    case 'score':
      return t('assess.answer.score', { value: format.number(answer.value) });
    case 'date':
      return answer.value.trim() === '' ? t('assess.answer.none') : format.date(answer.value);
    default:
      return answer.value.trim() === '' ? t('assess.answer.none') : answer.value;
  }
}
