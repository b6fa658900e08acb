/**
 * The record's fields as Fluent controls, shared by the record page and the
 * new-collaboration form. Each sits in a Fluent `Field`, so its label is
 * associated and its validation message (from the domain, in the person's
 * language) is announced with it.
 */
import {
  Checkbox,
  Combobox,
  Dropdown,
  Field,
  Input,
  Option,
  Textarea,
  type FieldProps,
} from '@fluentui/react-components';
import { useTranslation } from 'react-i18next';

export interface FieldBase {
  /** The domain field (also the control's name, so a validation message can focus it). */
  readonly name: string;
  readonly label: string;
  readonly error?: string;
  readonly hint?: string;
  readonly required?: boolean;
  readonly className?: string;
}

function fieldProps(p: FieldBase): FieldProps {
  return {
    label: p.label,
    ...(p.error ? { validationMessage: p.error, validationState: 'error' as const } : {}),
    ...(p.hint ? { hint: p.hint } : {}),
    ...(p.required ? { required: true } : {}),
    ...(p.className ? { className: p.className } : {}),
  };
}

export function TextField(
  p: FieldBase & {
    readonly value: string | undefined;
    readonly onChange: (value: string) => void;
    readonly multiline?: boolean;
    readonly readOnly?: boolean;
    readonly maxLength?: number;
    readonly lang?: string;
  },
) {
  return (
    <Field {...fieldProps(p)}>
      {p.multiline ? (
        <Textarea
          name={p.name}
          value={p.value ?? ''}
          resize="vertical"
          rows={3}
          lang={p.lang}
          readOnly={p.readOnly}
          onChange={(_e, d) => p.onChange(d.value)}
        />
      ) : (
        <Input
          name={p.name}
          value={p.value ?? ''}
          lang={p.lang}
          readOnly={p.readOnly}
          onChange={(_e, d) => p.onChange(d.value)}
        />
      )}
    </Field>
  );
}

/** A date as the domain keeps it (YYYY-MM-DD); empty means none. */
export function DateField(
  p: FieldBase & {
    readonly value: string | undefined;
    readonly onChange: (value: string | undefined) => void;
    readonly readOnly?: boolean;
  },
) {
  return (
    <Field {...fieldProps(p)}>
      <Input
        type="date"
        name={p.name}
        value={p.value ?? ''}
        readOnly={p.readOnly}
        onChange={(_e, d) => p.onChange(d.value === '' ? undefined : d.value)}
      />
    </Field>
  );
}

/** Pounds, typed as text so that whatever is typed is kept and the domain can say what is wrong with it. */
export function MoneyField(p: FieldBase & { readonly value: string; readonly onChange: (value: string) => void }) {
  return (
    <Field {...fieldProps(p)}>
      <Input
        name={p.name}
        inputMode="decimal"
        contentBefore="£"
        value={p.value}
        onChange={(_e, d) => p.onChange(d.value)}
      />
    </Field>
  );
}

export function ChoiceField<C extends string>(
  p: FieldBase & {
    readonly codes: readonly C[];
    readonly value: C | undefined;
    readonly onChange: (value: C) => void;
    /** Label of each code, e.g. `vocab.model.<code>`. */
    readonly labelOf: (code: C) => string;
    readonly placeholder?: string;
  },
) {
  return (
    <Field {...fieldProps(p)}>
      <Dropdown
        name={p.name}
        selectedOptions={p.value ? [p.value] : []}
        value={p.value ? p.labelOf(p.value) : ''}
        placeholder={p.placeholder}
        onOptionSelect={(_e, d) => d.optionValue && p.onChange(d.optionValue as C)}
      >
        {p.codes.map((c) => (
          <Option key={c} value={c}>
            {p.labelOf(c)}
          </Option>
        ))}
      </Dropdown>
    </Field>
  );
}

export function MultiChoiceField<C extends string>(
  p: FieldBase & {
    readonly codes: readonly C[];
    readonly value: readonly C[];
    readonly onChange: (value: C[]) => void;
    readonly labelOf: (code: C) => string;
  },
) {
  const { t } = useTranslation();
  return (
    <Field {...fieldProps(p)}>
      <Dropdown
        name={p.name}
        multiselect
        selectedOptions={[...p.value]}
        value={p.value.map(p.labelOf).join(', ')}
        placeholder={t('tab.form.noneChosen')}
        onOptionSelect={(_e, d) => p.onChange(d.selectedOptions as C[])}
      >
        {p.codes.map((c) => (
          <Option key={c} value={c}>
            {p.labelOf(c)}
          </Option>
        ))}
      </Dropdown>
    </Field>
  );
}

export function CheckField(p: FieldBase & { readonly value: boolean; readonly onChange: (value: boolean) => void }) {
  return (
    <Field {...(p.error ? { validationMessage: p.error, validationState: 'error' as const } : {})}>
      <Checkbox name={p.name} label={p.label} checked={p.value} onChange={(_e, d) => p.onChange(d.checked === true)} />
    </Field>
  );
}

/** Free text with suggestions (directorates the governance team maps to channels). */
export function SuggestField(
  p: FieldBase & {
    readonly value: string;
    readonly onChange: (value: string) => void;
    readonly suggestions: readonly string[];
  },
) {
  const matching = p.suggestions.filter((s) => s.toLocaleLowerCase().includes(p.value.trim().toLocaleLowerCase()));
  return (
    <Field {...fieldProps(p)}>
      <Combobox
        name={p.name}
        freeform
        value={p.value}
        selectedOptions={p.suggestions.includes(p.value) ? [p.value] : []}
        onChange={(e) => p.onChange(e.target.value)}
        onOptionSelect={(_e, d) => d.optionValue !== undefined && p.onChange(d.optionValue)}
      >
        {(matching.length > 0 ? matching : p.suggestions).map((s) => (
          <Option key={s} value={s}>
            {s}
          </Option>
        ))}
      </Combobox>
    </Field>
  );
}

/** A value shown, not edited (derived by the domain, or kept by the system). */
export function ReadOnlyField(p: {
  readonly label: string;
  readonly value: string;
  readonly hint?: string;
  readonly name?: string;
}) {
  return (
    <Field label={p.label} {...(p.hint ? { hint: p.hint } : {})}>
      <Input readOnly name={p.name} value={p.value} />
    </Field>
  );
}
