import {
  Tag,
  TagPicker,
  TagPickerControl,
  TagPickerGroup,
  TagPickerInput,
  TagPickerList,
  TagPickerOption,
} from '@fluentui/react-components';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Partner, Stored } from '../../domain';
import type { Locale } from '../../i18n';
import type { FieldBase } from './form';
import { PickerField } from './PickerField';

export interface PartnerPickerProps extends FieldBase {
  readonly partners: readonly Stored<Partner>[];
  readonly value: readonly number[];
  readonly onChange: (ids: number[]) => void;
  readonly locale: Locale;
}

export function partnerName(p: Pick<Partner, 'name' | 'nameCy'>, locale: Locale): string {
  return locale === 'cy-GB' && p.nameCy ? p.nameCy : p.name;
}

/** The partner organisations of a record (a lookup to the Partners list), chosen by name in either language. */
export function PartnerPicker(p: PartnerPickerProps) {
  const { t } = useTranslation();
  const [query, setQuery] = useState('');
  const byId = useMemo(() => new Map(p.partners.map((x) => [x.id, x])), [p.partners]);
  const q = query.trim().toLocaleLowerCase();
  const options = p.partners
    .filter((x) => !p.value.includes(x.id))
    .filter(
      (x) => q === '' || x.name.toLocaleLowerCase().includes(q) || (x.nameCy ?? '').toLocaleLowerCase().includes(q),
    )
    .slice(0, 50);

  return (
    <PickerField field={p}>
      <TagPicker
        selectedOptions={p.value.map(String)}
        onOptionSelect={(_e, d) => {
          setQuery('');
          p.onChange(d.selectedOptions.map(Number).filter((n) => Number.isInteger(n) && n > 0));
        }}
      >
        <TagPickerControl>
          <TagPickerGroup aria-label={t('tab.partners.chosen')}>
            {p.value.map((id) => {
              const partner = byId.get(id);
              return (
                <Tag key={id} shape="rounded" value={String(id)}>
                  {partner ? partnerName(partner, p.locale) : `#${id}`}
                </Tag>
              );
            })}
          </TagPickerGroup>
          <TagPickerInput
            name={p.name}
            value={query}
            placeholder={t('tab.partners.placeholder')}
            onChange={(e) => setQuery(e.target.value)}
          />
        </TagPickerControl>
        <TagPickerList>
          {options.map((x) => (
            <TagPickerOption key={x.id} value={String(x.id)} text={partnerName(x, p.locale)}>
              {partnerName(x, p.locale)}
            </TagPickerOption>
          ))}
        </TagPickerList>
      </TagPicker>
    </PickerField>
  );
}
