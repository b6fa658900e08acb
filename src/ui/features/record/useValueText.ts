import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import type { Partner, Stored } from '../../../domain';
import { useFormat } from '../../app/context';
import { partnerName } from '../../components/PartnerPicker';

/** Which catalogue set names the codes of a field (`vocab.<set>.<code>`). */
const VOCAB: Readonly<Record<string, string>> = {
  kind: 'kind',
  model: 'model',
  status: 'status',
  basis: 'basis',
  footprint: 'footprint',
  reasons: 'reason',
  reviewFrequency: 'reviewFrequency',
  serviceRisk: 'risk',
  significance: 'significance',
  lastAssessmentRag: 'rag',
};
const DATES = new Set(['startDate', 'endDate', 'lastReviewDate', 'nextReviewDue']);
const MONEY = new Set(['annualCost', 'councilContribution']);

/**
 * A field's value as a person reads it (conflict dialog, version history):
 * codes in words, dates and pounds in the person's language, people and
 * partners by name. Always text: user text is shown as text, never markup.
 */
export function useValueText(
  partners: readonly Stored<Partner>[] | undefined,
): (field: string, value: unknown) => string {
  const { t } = useTranslation();
  const format = useFormat();
  return useCallback(
    (field: string, value: unknown): string => {
      if (value === undefined || value === null || value === '' || (Array.isArray(value) && value.length === 0)) {
        return t('tab.common.none');
      }
      const set = VOCAB[field];
      if (set) {
        const codes = Array.isArray(value) ? value : [value];
        return codes.map((c) => t(`vocab.${set}.${String(c)}`, { defaultValue: String(c) })).join(', ');
      }
      if (DATES.has(field) && typeof value === 'string') return format.date(value);
      if (MONEY.has(field) && typeof value === 'number') return format.currency(value);
      if (typeof value === 'boolean') return t(value ? 'tab.common.yes' : 'tab.common.no');
      if (field === 'partnerIds' && Array.isArray(value)) {
        return value
          .map((id) => {
            const p = partners?.find((x) => x.id === id);
            return p ? partnerName(p, format.locale) : `#${String(id)}`;
          })
          .join(', ');
      }
      if (typeof value === 'object' && !Array.isArray(value)) {
        const person = value as { displayName?: unknown };
        if (typeof person.displayName === 'string') return person.displayName;
      }
      if (Array.isArray(value))
        return value.map((v) => (typeof v === 'object' ? JSON.stringify(v) : String(v))).join(', ');
      if (typeof value === 'number') return format.number(value);
      return typeof value === 'string' ? value : JSON.stringify(value);
    },
    [t, format, partners],
  );
}
