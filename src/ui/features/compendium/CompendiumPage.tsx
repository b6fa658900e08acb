/**
 * #/compendium: the compendium (seed 003) as CSV, JSON or Excel, with English,
 * Welsh or both headings. The same file is what the import reads back.
 */
import {
  Button,
  Field,
  makeStyles,
  MessageBar,
  MessageBarBody,
  Radio,
  RadioGroup,
  Text,
  tokens,
} from '@fluentui/react-components';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Outcome } from '../../../domain';
import { translate } from '../../../i18n';
import {
  compendiumCsv,
  compendiumJson,
  compendiumTable,
  compendiumXlsx,
  type ExportLanguage,
} from '../../../transfer/compendium';
import { useApp, useServices } from '../../app/context';
import { Loading } from '../../components/Loading';
import { repoErrorMessage } from '../../components/messages';
import { PageHeader } from '../../components/PageHeader';
import { download } from '../../components/download';

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', rowGap: tokens.spacingVerticalL, maxWidth: '60rem' },
  buttons: { display: 'flex', flexWrap: 'wrap', columnGap: tokens.spacingHorizontalS, rowGap: tokens.spacingVerticalS },
});

type Format = 'csv' | 'json' | 'xlsx';
const TYPES: Record<Format, string> = {
  csv: 'text/csv;charset=utf-8',
  json: 'application/json',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
};

export function CompendiumPage() {
  const { t } = useTranslation();
  const styles = useStyles();
  const services = useServices();
  const { today } = useApp();
  const [lang, setLang] = useState<ExportLanguage>('both');
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState<{ intent: 'success' | 'error'; text: string } | undefined>();

  const make = async (format: Format) => {
    setBusy(true);
    setMessage(undefined);
    const { collaborations, partners, reviews } = services.stores;
    const [records, partnerList, reviewList] = await Promise.all([
      collaborations.all({}),
      partners.all(),
      reviews.dueBetween('1900-01-01', '2999-12-31'),
    ]);
    if (!records.ok || !partnerList.ok) {
      const error = !records.ok ? records.error : !partnerList.ok ? partnerList.error : { code: 'unexpected' as const };
      setMessage({ intent: 'error', text: t('transfer.compendium.failed', { message: repoErrorMessage(t, error) }) });
      setBusy(false);
      return;
    }
    const lastOutcomes = new Map<number, Outcome>();
    const heldOn = new Map<number, string>();
    if (reviewList.ok)
      for (const r of reviewList.value) {
        if (!r.outcome || !r.heldOn) continue;
        if ((heldOn.get(r.collaborationId) ?? '') <= r.heldOn) {
          heldOn.set(r.collaborationId, r.heldOn);
          lastOutcomes.set(r.collaborationId, r.outcome);
        }
      }
    const table = compendiumTable({ records: records.value, partners: partnerList.value, lastOutcomes }, lang, {
      en: (k) => translate('en-GB', k),
      cy: (k) => translate('cy-GB', k),
    });
    const name = `${t('transfer.compendium.fileName')}-${today}.${format}`;
    try {
      const data: BlobPart =
        format === 'csv'
          ? compendiumCsv(table)
          : format === 'json'
            ? compendiumJson(table)
            : ((await compendiumXlsx(table, t('transfer.compendium.sheetName'))) as Uint8Array<ArrayBuffer>);
      download(data, name, TYPES[format]);
      setMessage({ intent: 'success', text: t('transfer.compendium.ready', { count: records.value.length }) });
    } catch (e) {
      setMessage({
        intent: 'error',
        text: t('transfer.compendium.failed', { message: e instanceof Error ? e.message : '' }),
      });
    }
    setBusy(false);
  };

  return (
    <div className={styles.root}>
      <PageHeader id="compendium-title" title={t('transfer.compendium.title')} />
      <Text>{t('transfer.compendium.intro')}</Text>
      <Field label={t('transfer.compendium.language')}>
        <RadioGroup value={lang} onChange={(_e, d) => setLang(d.value as ExportLanguage)}>
          <Radio value="en" label={t('transfer.compendium.lang.en')} />
          <Radio value="cy" label={t('transfer.compendium.lang.cy')} />
          <Radio value="both" label={t('transfer.compendium.lang.both')} />
        </RadioGroup>
      </Field>
      <div className={styles.buttons}>
        {(['csv', 'json', 'xlsx'] as const).map((f) => (
          <Button
            key={f}
            appearance={f === 'xlsx' ? 'primary' : 'secondary'}
            disabled={busy}
            onClick={() => void make(f)}
          >
            {t(`transfer.compendium.download.${f}`)}
          </Button>
        ))}
      </div>
      {busy ? <Loading label={t('transfer.compendium.preparing')} /> : null}
      {message ? (
        <MessageBar intent={message.intent} role={message.intent === 'error' ? 'alert' : 'status'}>
          <MessageBarBody>{message.text}</MessageBarBody>
        </MessageBar>
      ) : null}
    </div>
  );
}
