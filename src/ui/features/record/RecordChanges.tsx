/**
 * The record's history of status, assurance level and significance tier (the Record History
 * list): every change with from, to, when, by whom and why, newest first; a change a review
 * made links to the review. The level now and its trend are the overview's (assuranceStanding).
 */
import { makeStyles, Text, tokens } from '@fluentui/react-components';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { type HistoryEntry, type RepoError, type Stored } from '../../../domain';
import { useFormat, useServices } from '../../app/context';
import { paths } from '../../app/router';
import { ErrorState } from '../../components/ErrorState';
import { Loading } from '../../components/Loading';
import { RouterLink } from '../../components/RouterLink';
import { SimpleTable } from '../../components/SimpleTable';

const useStyles = makeStyles({
  section: { marginBottom: tokens.spacingVerticalXL },
  reason: { whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' },
});

const VOCAB = { status: 'vocab.status', assurance: 'vocab.assurance', significance: 'vocab.significance' } as const;

export function RecordChanges({
  collaborationId,
  refreshKey,
}: {
  readonly collaborationId: number;
  readonly refreshKey: number;
}) {
  const styles = useStyles();
  const { t } = useTranslation();
  const format = useFormat();
  const { stores } = useServices();
  const [entries, setEntries] = useState<readonly Stored<HistoryEntry>[] | undefined>();
  const [error, setError] = useState<RepoError | undefined>();
  const [attempt, setAttempt] = useState(0);

  useEffect(() => {
    let live = true;
    setError(undefined);
    void stores.history.forCollaboration(collaborationId).then((r) => {
      if (!live) return;
      if (r.ok) setEntries(r.value);
      else setError(r.error);
    });
    return () => {
      live = false;
    };
  }, [stores, collaborationId, refreshKey, attempt]);

  const value = (e: HistoryEntry, v: string | undefined) =>
    v === undefined ? t('tab.changes.none') : t(`${VOCAB[e.aspect]}.${v}`, { defaultValue: v });

  let body;
  if (error)
    body = <ErrorState error={error} title={t('tab.changes.failed')} onRetry={() => setAttempt((n) => n + 1)} />;
  else if (!entries) body = <Loading label={t('tab.changes.loading')} />;
  else if (entries.length === 0) body = <Text as="p">{t('tab.changes.empty')}</Text>;
  else {
    const newestFirst = [...entries].reverse();
    body = (
      <>
        <SimpleTable
          size="small"
          label={t('tab.changes.title')}
          rows={newestFirst}
          rowKey={(e) => e.key}
          columns={[
            { heading: t('tab.changes.on'), cell: (e) => (e.on ? format.date(e.on) : t('tab.changes.undated')) },
            { heading: t('tab.changes.what'), cell: (e) => t(`tab.changes.aspect.${e.aspect}`) },
            { heading: t('tab.changes.from'), cell: (e) => value(e, e.from) },
            { heading: t('tab.changes.to'), cell: (e) => value(e, e.to) },
            { heading: t('tab.changes.by'), cell: (e) => e.by?.displayName ?? '' },
            {
              heading: t('tab.changes.why'),
              className: styles.reason,
              cell: (e) =>
                e.source === 'review' && e.sourceKey ? (
                  <>
                    <RouterLink to={paths.review(e.sourceKey)}>{t('tab.changes.source.review')}</RouterLink>
                    {e.reason ? `: ${e.reason}` : ''}
                  </>
                ) : (
                  `${t(`tab.changes.source.${e.source}`)}${e.reason ? `: ${e.reason}` : ''}`
                ),
            },
          ]}
        />
      </>
    );
  }
  return (
    <section className={styles.section} aria-labelledby="record-changes">
      <h2 id="record-changes">{t('tab.changes.title')}</h2>
      {body}
    </section>
  );
}
