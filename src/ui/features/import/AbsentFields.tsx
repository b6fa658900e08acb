/**
 * The fields a file has no column for, each with the value every new record
 * will get: the import's usual value is shown, not applied silently, and the
 * person chooses one where a record needs it and there is none.
 */
import { Button, Field, Input, makeStyles, Select, Text, tokens } from '@fluentui/react-components';
import { useEffect, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { CHOICE_FIELDS, importFieldLabelKey, isChoiceField, type AbsentField } from '../../../domain/import';
import type { ImportModel } from './useImport';

const useStyles = makeStyles({
  section: { display: 'flex', flexDirection: 'column', rowGap: tokens.spacingVerticalS },
  fields: { display: 'flex', flexWrap: 'wrap', columnGap: tokens.spacingHorizontalL, rowGap: tokens.spacingVerticalS },
  text: { display: 'flex', columnGap: tokens.spacingHorizontalS, alignItems: 'end' },
});

export function AbsentFields({ model }: { readonly model: ImportModel }) {
  const { t } = useTranslation();
  const styles = useStyles();
  const headingId = useId();
  const absent = model.preview?.absent ?? [];
  if (absent.length === 0) return null;
  return (
    <section className={styles.section} aria-labelledby={headingId}>
      <Text as="h3" size={400} weight="semibold" id={headingId}>
        {t('transfer.absent.heading')}
      </Text>
      <Text>{t('transfer.absent.intro')}</Text>
      <div className={styles.fields}>
        {absent.map((a) => (
          <AbsentValue key={a.field} absent={a} model={model} />
        ))}
      </div>
    </section>
  );
}

function AbsentValue({ absent, model }: { readonly absent: AbsentField; readonly model: ImportModel }) {
  const { t } = useTranslation();
  const styles = useStyles();
  const field = t(importFieldLabelKey(absent.field));
  const label = t('transfer.absent.forEveryRow', { field });
  const hint = absent.from === 'default' ? t('transfer.absent.fromDefault') : undefined;
  const missing = absent.value === undefined;
  const state = missing ? { validationState: 'error' as const, validationMessage: t('errors.notInFile') } : {};
  if (isChoiceField(absent.field)) {
    const [vocab, codes] = CHOICE_FIELDS[absent.field];
    return (
      <Field label={label} {...(hint ? { hint } : {})} {...state}>
        <Select value={absent.value ?? ''} onChange={(_e, d) => void model.setFill(absent.field, d.value)}>
          <option value="">{t('transfer.absent.none')}</option>
          {codes.map((c) => (
            <option key={c} value={c}>
              {t(`vocab.${vocab}.${c}`)}
            </option>
          ))}
        </Select>
      </Field>
    );
  }
  return <TextValue absent={absent} label={label} state={state} className={styles.text} model={model} />;
}

function TextValue(p: {
  readonly absent: AbsentField;
  readonly label: string;
  readonly state: { validationState?: 'error'; validationMessage?: string };
  readonly className: string;
  readonly model: ImportModel;
}) {
  const { t } = useTranslation();
  const [value, setValue] = useState(p.absent.value ?? '');
  useEffect(() => setValue(p.absent.value ?? ''), [p.absent.value]);
  return (
    <form
      className={p.className}
      onSubmit={(e) => {
        e.preventDefault();
        void p.model.setFill(p.absent.field, value);
      }}
    >
      <Field label={p.label} {...p.state}>
        <Input value={value} onChange={(_e, d) => setValue(d.value)} />
      </Field>
      <Button type="submit">{t('transfer.absent.apply')}</Button>
    </form>
  );
}
