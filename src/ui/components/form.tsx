/**
 * The record's fields as Fluent controls, shared by the record page and the
 * new-collaboration form. Each sits in a Fluent `Field`, so its label is
 * associated and its validation message (from the domain, in the person's
 * language) is announced with it.
 */
import {
  Button,
  Checkbox,
  Combobox,
  Dropdown,
  Field,
  Input,
  Option,
  Textarea,
  makeStyles,
  tokens,
  type FieldProps,
} from '@fluentui/react-components';
import type { TFunction } from 'i18next';
import { useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { checkDate, dueDateWarning, isIsoDate, type DateLimits, type DateProblem, type IsoDate } from '../../domain';
import { parseTypedDate } from '../../domain/import';
import { localToday, useApp, useFormat } from '../app/context';
import { dateOfIso, dayMonthYear, TabDatePicker } from './datePicker';

const useStyles = makeStyles({
  dateWarning: { display: 'inline-flex', flexWrap: 'wrap', alignItems: 'center', columnGap: tokens.spacingHorizontalS },
});

export interface FieldBase {
  /** The domain field (also the control's name, so a validation message can focus it). */
  readonly name: string;
  readonly label: string;
  readonly error?: string;
  readonly hint?: FieldProps['hint'];
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

/**
 * A date as the domain keeps it (YYYY-MM-DD); empty means none. It is shown
 * and typed as dd/mm/yyyy (or "31 March 2026", "31 Mawrth 2026") in Fluent's
 * date picker, whatever the browser's locale, with a calendar to pick from.
 * The person's own text stays in the input while they type and when it is not
 * a date; whatever fails the domain's `checkDate` (not a real date, a year
 * outside 1900-2100, outside `notBefore`/`notAfter`) is shown with the field's
 * message (a text that is not yet a date, once they leave it), and the page
 * gets `undefined`, never the bad value, so nothing downstream throws on it.
 * With `dueDate`, a weekend or Welsh bank holiday is warned of, with a button
 * to use the working day before.
 */
export function DateField(
  p: FieldBase & {
    readonly value: string | undefined;
    readonly onChange: (value: string | undefined) => void;
    readonly readOnly?: boolean;
    /** The latest date allowed (the calendar offers no day after it). */
    readonly notAfter?: IsoDate;
    /** The earliest date allowed. */
    readonly notBefore?: IsoDate;
    /** A due date: warn when it falls on a weekend or a bank holiday. */
    readonly dueDate?: boolean;
  },
) {
  const { t } = useTranslation();
  const format = useFormat();
  const { today } = useApp();
  const styles = useStyles();
  /** What the person typed, until they leave the field with a good date or the page gives another. */
  const [typed, setTyped] = useState<TypedDate | undefined>();
  /** The value this field last gave the page: a change from elsewhere (a reload) replaces the typed text. */
  const given = useRef<string | undefined>(p.value);
  const limits: DateLimits = {
    ...(p.notAfter !== undefined ? { notAfter: p.notAfter } : {}),
    ...(p.notBefore !== undefined ? { notBefore: p.notBefore } : {}),
  };
  useEffect(() => {
    if (p.value !== given.current) {
      given.current = p.value;
      setTyped(undefined);
    }
  }, [p.value]);

  const give = (value: IsoDate | undefined) => {
    given.current = value;
    p.onChange(value);
  };
  const type = (text: string) => {
    if (text.trim() === '') {
      setTyped(undefined);
      give(undefined);
      return;
    }
    const iso = parseTypedDate(text);
    const problem = iso ? checkDate(iso, limits) : 'invalid';
    setTyped({ text, problem, complete: iso !== undefined, left: false });
    give(problem ? undefined : iso);
  };
  /** A day from the calendar, the suggested working day, or a typed date the person has left. */
  const choose = (iso: IsoDate) => {
    const problem = checkDate(iso, limits);
    setTyped(problem ? { text: dayMonthYear(iso), problem, complete: true, left: true } : undefined);
    give(problem ? undefined : iso);
  };
  const leave = () => setTyped((now) => (now?.problem ? { ...now, left: true } : undefined));

  // A value the page holds is checked too (a stored date outside the limits is shown as wrong, not hidden).
  const problem = typed
    ? typed.complete || typed.left
      ? typed.problem
      : undefined
    : p.value
      ? checkDate(p.value, limits)
      : undefined;
  // A stored value that is not a day (an old draft's 22027-10-03) is shown as it is, with its message.
  const text = typed?.text ?? (p.value ? (isIsoDate(p.value) ? dayMonthYear(p.value) : p.value) : '');
  const warning = p.dueDate && !problem && !p.error && p.value && !typed?.problem ? dueDateWarning(p.value) : undefined;
  const todayDate = useMemo(() => dateOfIso(today), [today]);
  const picked = useMemo(() => (p.value && isIsoDate(p.value) ? dateOfIso(p.value) : null), [p.value]);

  let validation: Partial<FieldProps> = {};
  if (problem) {
    const message =
      problem === 'invalid'
        ? t('tab.form.date.invalid')
        : problem === 'afterLimit'
          ? t('tab.form.date.afterLimit', { date: format.date(p.notAfter) })
          : t('tab.form.date.beforeLimit', { date: format.date(p.notBefore) });
    validation = { validationMessage: message, validationState: 'error' };
  } else if (p.error) {
    validation = { validationMessage: p.error, validationState: 'error' };
  } else if (warning) {
    const text =
      warning.kind === 'weekend'
        ? t('tab.form.date.weekend', { day: format.weekdayDate(p.value) })
        : t('tab.form.date.bankHoliday', { name: holidayName(t, warning.name) });
    validation = {
      validationState: 'warning',
      validationMessage: (
        <span className={styles.dateWarning}>
          {text}{' '}
          <Button
            size="small"
            appearance="secondary"
            disabled={p.readOnly}
            onClick={() => choose(warning.workingDayBefore)}
          >
            {t('tab.form.date.useInstead', { day: format.weekdayDate(warning.workingDayBefore) })}
          </Button>
        </span>
      ),
    };
  }

  const { error: _error, ...base } = p;
  return (
    <Field {...fieldProps(base)} {...validation}>
      {p.readOnly ? (
        <Input name={p.name} value={text} readOnly />
      ) : (
        <TabDatePicker
          name={p.name}
          label={p.label}
          text={text}
          value={picked}
          {...(p.notBefore && isIsoDate(p.notBefore) ? { minDate: dateOfIso(p.notBefore) } : {})}
          {...(p.notAfter && isIsoDate(p.notAfter) ? { maxDate: dateOfIso(p.notAfter) } : {})}
          today={todayDate}
          initialPickerDate={todayDate}
          onChange={(_e, d) => type(d.value)}
          onBlur={leave}
          onSelectDate={(date) => {
            if (date) choose(localToday(date));
          }}
        />
      )}
    </Field>
  );
}

/** A date field's own text, and whether to say what is wrong with it yet. */
interface TypedDate {
  readonly text: string;
  readonly problem: DateProblem | undefined;
  /** The text reads as a whole day (its problem, if any, is its limits or its year: said at once). */
  readonly complete: boolean;
  /** The person has left the field: a text that is not a date is said to be so. */
  readonly left: boolean;
}

/** The bank holidays date-holidays names, and their catalogue keys. */
const HOLIDAY_KEYS: Readonly<Record<string, string>> = {
  "New Year's Day": 'newYearsDay',
  'Good Friday': 'goodFriday',
  'Easter Monday': 'easterMonday',
  'Early May bank holiday': 'earlyMay',
  'Spring bank holiday': 'spring',
  'Summer bank holiday': 'summer',
  'Christmas Day': 'christmasDay',
  'Boxing Day': 'boxingDay',
};

const SUBSTITUTE = ' (substitute day)';

/** A bank holiday's name in the person's language; one the catalogue does not know (a one-off holiday) as the library names it. */
function holidayName(t: TFunction, name: string | undefined): string {
  if (name === undefined) return '';
  const substitute = name.endsWith(SUBSTITUTE);
  const base = substitute ? name.slice(0, -SUBSTITUTE.length) : name;
  const key = HOLIDAY_KEYS[base];
  const local = key ? t(`tab.holidays.${key}`) : base;
  return substitute ? t('tab.holidays.substitute', { name: local }) : local;
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

/** A choice list's options: each code, shown by its label. */
function codeOptions<C extends string>(codes: readonly C[], labelOf: (code: C) => string) {
  return codes.map((c) => (
    <Option key={c} value={c}>
      {labelOf(c)}
    </Option>
  ));
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
        {codeOptions(p.codes, p.labelOf)}
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
        {codeOptions(p.codes, p.labelOf)}
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
