import { Combobox, Option } from '@fluentui/react-components';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Person } from '../../domain';
import { useServices } from '../app/context';
import type { FieldBase } from './form';
import { PickerField } from './PickerField';

export interface PeoplePickerProps extends FieldBase {
  readonly value: Person | undefined;
  readonly onChange: (person: Person | undefined) => void;
}

/**
 * One person from the site's users (lead officer, Head of Service). Typing
 * searches the site (the store escapes the text, so O'Brien is safe); the
 * person chosen is kept as the domain's Person.
 */
export function PeoplePicker(p: PeoplePickerProps) {
  const { t } = useTranslation();
  const { stores } = useServices();
  const [query, setQuery] = useState(p.value?.displayName ?? '');
  const [options, setOptions] = useState<readonly Person[]>(p.value ? [p.value] : []);
  const [searching, setSearching] = useState(false);
  const typed = useRef(false);

  useEffect(() => {
    if (!typed.current) setQuery(p.value?.displayName ?? '');
  }, [p.value]);

  useEffect(() => {
    if (!typed.current) return;
    let live = true;
    setSearching(true);
    const timer = setTimeout(() => {
      void stores.people.search(query, 15).then((r) => {
        if (!live) return;
        setSearching(false);
        if (r.ok) setOptions(r.value);
      });
    }, 250);
    return () => {
      live = false;
      clearTimeout(timer);
    };
  }, [query, stores.people]);

  return (
    <PickerField field={p}>
      <Combobox
        name={p.name}
        freeform
        clearable
        value={query}
        placeholder={t('tab.people.placeholder')}
        selectedOptions={p.value ? [String(p.value.id)] : []}
        onChange={(e) => {
          typed.current = true;
          setQuery(e.target.value);
          if (e.target.value.trim() === '') p.onChange(undefined);
        }}
        onOpenChange={(_e, d) => {
          if (d.open && options.length <= 1 && !typed.current) {
            typed.current = true;
            setQuery((q) => q);
            void stores.people.search('', 15).then((r) => r.ok && setOptions(r.value));
          }
        }}
        onOptionSelect={(_e, d) => {
          const person = options.find((o) => String(o.id) === d.optionValue);
          typed.current = false;
          p.onChange(person);
          setQuery(person?.displayName ?? '');
        }}
      >
        {options.map((o) => (
          <Option key={o.id} value={String(o.id)} text={o.displayName}>
            {o.email ? `${o.displayName} (${o.email})` : o.displayName}
          </Option>
        ))}
        {options.length === 0 ? (
          <Option value="" disabled text="">
            {searching ? t('tab.people.searching') : t('tab.people.noMatch')}
          </Option>
        ) : null}
      </Combobox>
    </PickerField>
  );
}
