/**
 * For the governance team, under the annual report: each reform or withdrawal counted in
 * no year, to date from the record's version history or by hand (dateUndatedChange). Once
 * dated, the report is read again and the change is counted in its year. Not printed: it is
 * a tool, not part of the papers.
 */
import { Button, makeStyles, MessageBar, MessageBarBody, Text, tokens } from '@fluentui/react-components';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { dateUndatedChange, type DateChangeResult } from '../../../app/dateUndatedChange';
import type { ChangeLine, IsoDate } from '../../../domain';
import { may } from '../../../domain/policy';
import { useApp, useFormat, useServices } from '../../app/context';
import { DateField } from '../../components/form';
import { displayTitle } from '../../components/recordText';
import { repoErrorMessage } from '../../components/messages';
import { useMe } from '../../components/useRoles';

const useStyles = makeStyles({
  panel: { marginBlock: tokens.spacingVerticalL },
  row: {
    display: 'flex',
    flexWrap: 'wrap',
    alignItems: 'flex-end',
    columnGap: tokens.spacingHorizontalM,
    rowGap: tokens.spacingVerticalS,
    paddingBlock: tokens.spacingVerticalS,
    borderBottom: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
  },
  name: { flexBasis: '18rem', flexGrow: 1 },
});

function ChangeRow({ change, onDated }: { readonly change: ChangeLine; readonly onDated: () => void }) {
  const styles = useStyles();
  const { t } = useTranslation();
  const app = useApp();
  const format = useFormat();
  const { stores } = useServices();
  const me = useMe();
  const [on, setOn] = useState<IsoDate | undefined>();
  const [busy, setBusy] = useState(false);
  const [result, setResult] = useState<DateChangeResult | undefined>();

  const run = async (day: IsoDate | undefined) => {
    setBusy(true);
    const r = await dateUndatedChange(
      { collaborations: stores.collaborations, history: stores.history },
      {
        change: { id: change.id, kind: change.kind, status: change.status },
        actor: me.actor,
        ...(me.person ? { by: me.person } : {}),
        today: app.today,
        on: day,
      },
    );
    setBusy(false);
    setResult(r);
    if (r.ok) onDated();
  };

  const title = displayTitle(
    { title: change.title, ...(change.titleCy ? { titleCy: change.titleCy } : {}) },
    app.locale,
  );
  const fieldId = `dated-${change.id}-${change.kind}`;
  return (
    <li className={styles.row}>
      <Text className={styles.name}>
        {t('report.dating.change', {
          reference: change.reference,
          title,
          change: t(`report.annual.changeKind.${change.kind}`),
          status: t(`vocab.status.${change.status}`),
        })}
      </Text>
      <Button disabled={busy} onClick={() => void run(undefined)}>
        {t('report.dating.fromVersions')}
      </Button>
      <DateField name={fieldId} label={t('report.dating.on')} value={on} onChange={setOn} notAfter={app.today} />
      <Button appearance="primary" disabled={busy || on === undefined} onClick={() => void run(on)}>
        {t('report.dating.save')}
      </Button>
      {result ? (
        <MessageBar intent={result.ok ? 'success' : result.code === 'notInVersionHistory' ? 'warning' : 'error'}>
          <MessageBarBody>
            {result.ok
              ? t(`report.dating.done.${result.source}`, { date: format.date(result.on) })
              : result.code === 'store'
                ? repoErrorMessage(t, result.error)
                : t(`report.dating.errors.${result.code}`)}
          </MessageBarBody>
        </MessageBar>
      ) : null}
    </li>
  );
}

/** The undated changes, to date; nothing for those who may not date them, or when there are none. */
export function DateChanges({
  changes,
  onDated,
}: {
  readonly changes: readonly ChangeLine[];
  readonly onDated: () => void;
}) {
  const styles = useStyles();
  const { t } = useTranslation();
  const me = useMe();
  if (changes.length === 0 || me.loading || !may(me.actor, { kind: 'dateChange' })) return null;
  return (
    <section className={styles.panel} aria-labelledby="date-changes" data-noprint>
      <h2 id="date-changes">{t('report.dating.title')}</h2>
      <Text as="p">{t('report.dating.intro')}</Text>
      <ul>
        {changes.map((c) => (
          <ChangeRow key={`${c.id}-${c.kind}`} change={c} onDated={onDated} />
        ))}
      </ul>
    </section>
  );
}
