/**
 * One field of a collaboration record on a form, drawn from its entry in the
 * domain's field catalogue: its kind chooses the control, its label is
 * `fields.<key>`, its choices its vocabulary. The record form and New
 * collaboration both draw their fields with this, so a new field in the
 * catalogue appears on both without a line here.
 */
import { makeStyles } from '@fluentui/react-components';
import { useTranslation } from 'react-i18next';
import {
  CHOICE_SETS,
  fieldSpec,
  type ChannelMapping,
  type Collaboration,
  type CollaborationField,
  type Partner,
  type Person,
  type Stored,
} from '../../domain';
import type { Locale } from '../../i18n';
import {
  CheckField,
  ChoiceField,
  DateField,
  MoneyField,
  MultiChoiceField,
  ReadOnlyField,
  SuggestField,
  TextField,
} from './form';
import type { FormState } from './formState';
import { PartnerPicker } from './PartnerPicker';
import { PeoplePicker } from './PeoplePicker';
import {
  directorateName,
  mappedDirectorates,
  directorateToKeep,
  panelKeyOf,
  panelName,
  panelsOf,
} from '../../domain/panels';

const useStyles = makeStyles({ wide: { gridColumn: '1 / -1' } });

export interface RecordFieldContext {
  readonly form: FormState;
  readonly onChange: (update: (form: FormState) => FormState) => void;
  /** Messages by field, in the person's language. */
  readonly errors: Readonly<Record<string, string>>;
  readonly partners: readonly Stored<Partner>[];
  readonly mappings: readonly ChannelMapping[];
  readonly councilName: string;
  readonly locale: Locale;
  /** A required choice not made yet shows a "choose" placeholder (New collaboration). */
  readonly choosePlaceholder?: string;
}

/** Sets one field of the draft (undefined removes it). */
export function setField<K extends keyof Collaboration>(
  onChange: RecordFieldContext['onChange'],
  field: K,
): (value: Collaboration[K] | undefined) => void {
  return (value) =>
    onChange((f) => {
      const draft = { ...f.draft };
      if (value === undefined) delete draft[field];
      else draft[field] = value;
      return { ...f, draft };
    });
}

/** The control of one catalogue field. */
export function RecordField({ field, ctx }: { readonly field: CollaborationField; readonly ctx: RecordFieldContext }) {
  const styles = useStyles();
  const { t } = useTranslation();
  const spec = fieldSpec(field);
  const d = ctx.form.draft;
  const value = d[field] as unknown;
  const label = t(`fields.${field}`);
  const set = setField(ctx.onChange, field) as (v: unknown) => void;
  const language = ctx.locale === 'cy-GB' ? 'cy' : 'en';
  const directorates = mappedDirectorates(ctx.mappings);
  const common = {
    name: field,
    label,
    ...(ctx.errors[field] ? { error: ctx.errors[field] } : {}),
    ...(spec.kind === 'note' && spec.section !== 'governance' ? { className: styles.wide } : {}),
  };

  // The fields whose control does more than set its own value.
  switch (field) {
    case 'reference':
      return <ReadOnlyField name={field} label={label} value={d.reference} />;
    case 'councilLeads':
      return (
        <CheckField
          {...common}
          value={d.councilLeads}
          onChange={(v) =>
            ctx.onChange((f) => ({
              ...f,
              draft: { ...f.draft, councilLeads: v, ...(v ? { leadOrganisation: ctx.councilName } : {}) },
            }))
          }
        />
      );
    case 'directorate':
      return (
        <SuggestField
          {...common}
          required
          // Shown and offered in the person's language; the record keeps a known directorate's English name.
          value={directorateName(d.directorate, directorates, language)}
          suggestions={directorates.map((x) => panelName(x, language))}
          onChange={(v: string) => set(directorateToKeep(v, directorates))}
        />
      );
    case 'panel': {
      const panels = ctx.mappings.filter((m) => m.kind === 'panel');
      return (
        <ChoiceField
          {...common}
          codes={['', ...panels.map((p) => p.key)]}
          // A record made before panels had keys holds the panel's name: shown as that panel, saved as its key.
          value={panelKeyOf(d.panel, panelsOf(panels)) ?? ''}
          labelOf={(k) => {
            const panel = panels.find((p) => p.key === k);
            return k === '' ? t('tab.common.none') : panel ? panelName(panel, language) : k;
          }}
          onChange={(k) => set(k === '' ? undefined : k)}
        />
      );
    }
    case 'annualCost':
    case 'councilContribution':
      return (
        <MoneyField
          {...common}
          value={ctx.form.money[field]}
          onChange={(v) => ctx.onChange((f) => ({ ...f, money: { ...f.money, [field]: v } }))}
        />
      );
    default:
      break;
  }

  if (spec.source === 'derived' && spec.kind === 'choice') {
    return (
      <ReadOnlyField
        name={field}
        label={label}
        value={typeof value === 'string' ? t(`vocab.${spec.set}.${value}`) : t('tab.common.none')}
        hint={t(`tab.record.${field}Hint`, { defaultValue: '' }) || undefined}
      />
    );
  }

  switch (spec.kind) {
    case 'text':
    case 'note':
      return (
        <TextField
          {...common}
          {...(spec.required ? { required: true } : {})}
          {...(spec.kind === 'note' ? { multiline: true } : {})}
          {...(spec.welsh ? { lang: 'cy' } : {})}
          value={value as string | undefined}
          onChange={set}
        />
      );
    case 'choice': {
      const codes = CHOICE_SETS[spec.set!] as readonly string[];
      const unchosen = value === undefined && ctx.choosePlaceholder !== undefined;
      return (
        <ChoiceField
          {...common}
          {...(unchosen ? { required: true, placeholder: ctx.choosePlaceholder } : {})}
          codes={codes}
          value={value as string | undefined}
          labelOf={(code) => t(`vocab.${spec.set}.${code}`)}
          onChange={set}
        />
      );
    }
    case 'multiChoice':
      return (
        <MultiChoiceField
          {...common}
          className={styles.wide}
          codes={CHOICE_SETS[spec.set!]}
          value={(value as string[] | undefined) ?? []}
          labelOf={(code) => t(`vocab.${spec.set}.${code}`)}
          onChange={set}
        />
      );
    case 'yesNo':
      return <CheckField {...common} value={value === true} onChange={set} />;
    case 'partners':
      return (
        <PartnerPicker
          {...common}
          className={styles.wide}
          partners={ctx.partners}
          value={(value as number[] | undefined) ?? []}
          locale={ctx.locale}
          onChange={set}
        />
      );
    case 'person':
      return <PeoplePicker {...common} value={value as Person | undefined} onChange={set} />;
    case 'date':
      return (
        <DateField
          {...common}
          {...(field === 'nextReviewDue' ? { dueDate: true } : {})}
          value={value as string | undefined}
          onChange={set}
        />
      );
    case 'money':
    case 'number':
      return <ReadOnlyField name={field} label={label} value={typeof value === 'number' ? String(value) : '–'} />;
  }
}
