/**
 * The preview's list of each choice column's values and what each will be saved
 * as: the person gives a meaning to a word the register does not know ("Yes" in
 * a "Statutory?" column → Statutory), remembered with the column matching.
 */
import { makeStyles, Select, Text, tokens } from '@fluentui/react-components';
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { CHOICE_FIELDS, fold, importFieldLabelKey } from '../../../domain/import';
import { SimpleTable } from '../../components/SimpleTable';
import type { ImportModel } from './useImport';

const useStyles = makeStyles({
  section: { display: 'flex', flexDirection: 'column', rowGap: tokens.spacingVerticalS },
  refused: { color: tokens.colorPaletteRedForeground1 },
});

export function ValueMeanings({ model }: { readonly model: ImportModel }) {
  const { t } = useTranslation();
  const styles = useStyles();
  const headingId = useId();
  const found = model.preview?.columnValues ?? [];
  const rows = found.flatMap((c) => c.values.map((v) => ({ ...v, column: c.column, field: c.field })));
  if (rows.length === 0) return null;
  const headers = model.table?.headers ?? [];
  return (
    <section className={styles.section} aria-labelledby={headingId}>
      <Text as="h3" size={400} weight="semibold" id={headingId}>
        {t('transfer.meanings.heading')}
      </Text>
      <Text>{t('transfer.meanings.intro')}</Text>
      <SimpleTable
        labelledBy={headingId}
        size="small"
        rows={rows}
        rowKey={(r) => `${r.column}:${fold(r.text)}`}
        columns={[
          {
            heading: t('transfer.meanings.column'),
            cell: (r) => `${headers[r.column] || `#${r.column + 1}`} (${t(importFieldLabelKey(r.field))})`,
          },
          { heading: t('transfer.meanings.value'), cell: (r) => r.text },
          { heading: t('transfer.meanings.rows'), cell: (r) => r.rows },
          {
            heading: t('transfer.meanings.meaning'),
            cell: (r) => {
              const [vocab, codes] = CHOICE_FIELDS[r.field];
              const mine = model.values[r.field]?.[fold(r.text)];
              const suggested = r.mapped && mine === undefined;
              return (
                <>
                  <Select
                    size="small"
                    aria-label={t('transfer.meanings.meaningFor', {
                      value: r.text,
                      column: headers[r.column] || `#${r.column + 1}`,
                    })}
                    value={r.code ?? ''}
                    onChange={(_e, d) => void model.setMeaning(r.field, r.text, d.value === '' ? undefined : d.value)}
                  >
                    <option value="">{t('transfer.meanings.refused')}</option>
                    {codes.map((c) => (
                      <option key={c} value={c}>
                        {t(`vocab.${vocab}.${c}`)}
                      </option>
                    ))}
                  </Select>
                  {r.code === undefined ? (
                    <Text className={styles.refused}> {t('transfer.meanings.refused')}</Text>
                  ) : null}
                  {suggested ? <Text size={200}> ({t('transfer.meanings.suggested')})</Text> : null}
                </>
              );
            },
          },
        ]}
      />
    </section>
  );
}
