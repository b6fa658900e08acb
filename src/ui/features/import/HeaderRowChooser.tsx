/**
 * The row a file's headings were read from, and a way to choose another: most
 * councils' sheets have a title and notes above their headings, which the
 * import passes over by itself; when it guesses wrong the person gives the
 * row number as their spreadsheet shows it. A number that is not a row of the
 * file is refused with the reason, and the table read before stands.
 */
import { Button, Field, Input, makeStyles, Text, tokens } from '@fluentui/react-components';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { FileError } from '../../../transfer/table';

const useStyles = makeStyles({
  choose: { display: 'flex', columnGap: tokens.spacingHorizontalS, alignItems: 'end', flexWrap: 'wrap' },
  row: { maxWidth: '8em' },
});

export interface HeaderRowChooserProps {
  /** The row the headings were read from, as the spreadsheet numbers it. */
  readonly headerRow: number;
  /** Why the row last chosen could not be the headings. */
  readonly error?: FileError;
  readonly busy: boolean;
  readonly onChoose: (row: number) => void;
}

export function HeaderRowChooser({ headerRow, error, busy, onChoose }: HeaderRowChooserProps) {
  const { t } = useTranslation();
  const styles = useStyles();
  const [value, setValue] = useState(String(headerRow));
  const [invalid, setInvalid] = useState(false);
  // A new reading (another file, sheet or row) shows the row it was read from.
  useEffect(() => setValue(String(headerRow)), [headerRow]);
  const message = invalid
    ? t('transfer.headerRow.invalid')
    : error
      ? t(`errors.${error.code}`, 'params' in error ? error.params : {})
      : undefined;
  return (
    <form
      className={styles.choose}
      onSubmit={(e) => {
        e.preventDefault();
        const ok = /^\s*[1-9]\d*\s*$/.test(value);
        setInvalid(!ok);
        if (ok) onChoose(Number(value));
      }}
    >
      <Text role="status">{t('transfer.headerRow.found', { row: headerRow })}</Text>
      <Field
        label={t('transfer.headerRow.label')}
        hint={t('transfer.headerRow.hint')}
        {...(message !== undefined ? { validationMessage: message, validationState: 'error' as const } : {})}
      >
        <Input
          className={styles.row}
          inputMode="numeric"
          value={value}
          onChange={(_e, d) => {
            setValue(d.value);
            setInvalid(false);
          }}
        />
      </Field>
      <Button type="submit" disabled={busy}>
        {t('transfer.headerRow.apply')}
      </Button>
    </form>
  );
}
