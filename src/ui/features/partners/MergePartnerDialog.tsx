import { Field, makeStyles, Radio, RadioGroup, Select, Text, tokens } from '@fluentui/react-components';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ModalDialog } from '../../components/ModalDialog';
import type { MergeOutcome, MergeSummary } from '../../../app/mergePartners';
import type { Partner, Stored } from '../../../domain';
import { Loading } from '../../components/Loading';
import { repoErrorMessage } from '../../components/messages';
import type { PartnerRow } from './usePartners';

const useStyles = makeStyles({
  body: { display: 'flex', flexDirection: 'column', rowGap: tokens.spacingVerticalM },
});

export interface MergePartnerDialogProps {
  /** The partner whose Merge button was pressed. */
  readonly row: PartnerRow;
  /** Every partner listed, to merge with. */
  readonly rows: readonly PartnerRow[];
  readonly onMerge: (keepId: number, mergeId: number) => Promise<MergeOutcome>;
  readonly onMerged: (kept: Stored<Partner>, merged: Stored<Partner>, summary: MergeSummary) => void;
  readonly onCancel: () => void;
}

/**
 * Merging two partners: the person chooses the other partner and which of the two to keep,
 * sees how many records each is named on, and confirms. A merge that stops half-way says
 * so, and running it again finishes it (the use case is safe to repeat).
 */
export function MergePartnerDialog({ row, rows, onMerge, onMerged, onCancel }: MergePartnerDialogProps) {
  const { t } = useTranslation();
  const styles = useStyles();
  const [otherId, setOtherId] = useState<number | undefined>();
  const [keepId, setKeepId] = useState<number | undefined>();
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<string | undefined>();
  const others = useMemo(() => rows.filter((r) => r.partner.id !== row.partner.id), [rows, row]);
  const other = others.find((r) => r.partner.id === otherId);
  const pair = other ? [row, other] : [];

  const merge = async () => {
    if (!other || keepId === undefined) return;
    const kept = keepId === row.partner.id ? row : other;
    const merged = keepId === row.partner.id ? other : row;
    setBusy(true);
    setFailure(undefined);
    const r = await onMerge(kept.partner.id, merged.partner.id);
    setBusy(false);
    if (r.ok) return onMerged(kept.partner, merged.partner, r.value);
    switch (r.error.code) {
      case 'forbidden':
        return setFailure(t('tab.partnerRegister.readOnly'));
      case 'samePartner':
        return setFailure(t('tab.partnerRegister.merge.same'));
      case 'keptMissing':
        return setFailure(t('tab.partnerRegister.merge.keptMissing', { name: kept.partner.name }));
      case 'store':
        return setFailure(
          t('tab.partnerRegister.merge.stopped', {
            message: repoErrorMessage(t, r.error.error),
            count: r.error.done.recordsChanged,
          }),
        );
    }
  };

  return (
    <ModalDialog
      title={t('tab.partnerRegister.merge.title', { name: row.partner.name })}
      busy={busy}
      primaryLabel={failure ? t('tab.partnerRegister.merge.again') : t('tab.partnerRegister.merge.confirm')}
      primaryDisabled={!other || keepId === undefined}
      onPrimary={() => void merge()}
      cancelLabel={t('tab.partnerRegister.edit.cancel')}
      onCancel={onCancel}
      contentClassName={styles.body}
      failure={failure}
    >
      <Text as="p">{t('tab.partnerRegister.merge.intro')}</Text>
      <Field label={t('tab.partnerRegister.merge.other')}>
        <Select
          value={otherId === undefined ? '' : String(otherId)}
          onChange={(_e, d) => {
            setOtherId(d.value === '' ? undefined : Number(d.value));
            setKeepId(undefined);
          }}
        >
          <option value="">{t('tab.partnerRegister.merge.choose')}</option>
          {others.map((r) => (
            <option key={r.partner.id} value={String(r.partner.id)}>
              {r.partner.name}
            </option>
          ))}
        </Select>
      </Field>
      {other ? (
        <Field label={t('tab.partnerRegister.merge.keep')} required>
          <RadioGroup
            value={keepId === undefined ? '' : String(keepId)}
            onChange={(_e, d) => setKeepId(Number(d.value))}
          >
            {pair.map((r) => (
              <Radio
                key={r.partner.id}
                value={String(r.partner.id)}
                label={t('tab.partnerRegister.merge.keepOption', { name: r.partner.name, count: r.records })}
              />
            ))}
          </RadioGroup>
        </Field>
      ) : null}
      {other && keepId !== undefined ? (
        <Text as="p">
          {t('tab.partnerRegister.merge.consequence', {
            merged: (keepId === row.partner.id ? other : row).partner.name,
            kept: (keepId === row.partner.id ? row : other).partner.name,
            count: (keepId === row.partner.id ? other : row).records,
          })}
        </Text>
      ) : null}
      {busy ? <Loading label={t('tab.partnerRegister.merge.merging')} /> : null}
    </ModalDialog>
  );
}
