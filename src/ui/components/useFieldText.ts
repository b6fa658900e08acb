import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import { COLLABORATION_FIELDS, fieldValue, type CollaborationField, type Partner, type Stored } from '../../domain';
import { useFormat } from '../app/context';
import { partnerName } from './PartnerPicker';

const isField = (field: string): field is CollaborationField => field in COLLABORATION_FIELDS;

/**
 * A field's value as a person reads it (conflict dialog, version history, a frozen review's
 * snapshot), by the field's kind in the catalogue: codes in words, dates and pounds in the
 * person's language, people and partners by name. Always text: user text is shown as text,
 * never markup. `empty` is what an empty field reads as (default: "None").
 */
export function useFieldText(
  partners: readonly Stored<Partner>[] | undefined,
  empty?: string,
): (field: string, value: unknown) => string {
  const { t } = useTranslation();
  const format = useFormat();
  return useCallback(
    (field: string, value: unknown): string => {
      const none = empty ?? t('tab.common.none');
      if (value === undefined || value === null || value === '' || (Array.isArray(value) && value.length === 0)) {
        return none;
      }
      if (!isField(field)) {
        if (typeof value === 'boolean') return t(value ? 'tab.common.yes' : 'tab.common.no');
        return typeof value === 'string' || typeof value === 'number' ? String(value) : JSON.stringify(value);
      }
      const v = fieldValue({ [field]: value }, field);
      switch (v.kind) {
        case 'empty':
          return none;
        case 'text':
          return v.text;
        case 'choice':
          return v.codes.map((c) => t(`vocab.${v.set}.${c}`, { defaultValue: c })).join(', ');
        case 'yesNo':
          return t(v.value ? 'tab.common.yes' : 'tab.common.no');
        case 'date':
          return format.date(v.date);
        case 'money':
          return format.currency(v.value);
        case 'number':
          return format.number(v.value);
        case 'person':
          return v.name;
        case 'partners':
          return v.ids
            .map((id) => {
              const p = partners?.find((x) => x.id === id);
              return p ? partnerName(p, format.locale) : `#${String(id)}`;
            })
            .join(', ');
      }
    },
    [t, format, partners, empty],
  );
}
