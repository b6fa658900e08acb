/**
 * The record's assurance at a glance, on its overview: the level in words (or "not yet given"),
 * why, when it was given, and how it compares with the level before (in words, from the
 * record's history), with the way to every change on the history tab.
 */
import { Button, makeStyles, Text, tokens } from '@fluentui/react-components';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { TFunction } from 'i18next';
import type { Collaboration, HistoryEntry, RepoError, Stored } from '../../../domain';
import { assuranceStanding, type AssuranceStanding } from '../../../domain/assuranceStanding';
import { useFormat, useServices } from '../../app/context';
import { ErrorState } from '../../components/ErrorState';
import { Summary } from '../../components/Summary';

const useStyles = makeStyles({
  section: {
    marginBottom: tokens.spacingVerticalL,
    padding: tokens.spacingHorizontalL,
    backgroundColor: tokens.colorNeutralBackground1,
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    borderRadius: tokens.borderRadiusMedium,
  },
  heading: { marginTop: 0 },
  list: { rowGap: tokens.spacingVerticalXS, marginBottom: tokens.spacingVerticalS },
});

type Read =
  | { readonly kind: 'loading' }
  | { readonly kind: 'error'; readonly error: RepoError }
  | { readonly kind: 'ready'; readonly entries: readonly HistoryEntry[] };

export interface AssuranceSummaryProps {
  readonly record: Stored<Collaboration>;
  /** Changes after each save, so the history is read again. */
  readonly refreshKey: number;
  /** Opens the record's history tab. */
  readonly onShowHistory: () => void;
}

export function AssuranceSummary({ record, refreshKey, onShowHistory }: AssuranceSummaryProps) {
  const styles = useStyles();
  const { t } = useTranslation();
  const format = useFormat();
  const { stores } = useServices();
  const [read, setRead] = useState<Read>({ kind: 'loading' });
  const [attempt, setAttempt] = useState(0);

  useEffect(() => {
    let live = true;
    setRead({ kind: 'loading' });
    void stores.history.forCollaboration(record.id).then((r) => {
      if (!live) return;
      setRead(r.ok ? { kind: 'ready', entries: r.value } : { kind: 'error', error: r.error });
    });
    return () => {
      live = false;
    };
  }, [stores, record.id, refreshKey, attempt]);

  // The level, reason and date are the record's own: shown whatever the history read does.
  const standing = assuranceStanding(record, read.kind === 'ready' ? read.entries : []);
  const level = standing.level;

  return (
    <section className={styles.section} aria-labelledby="record-assurance">
      <h2 id="record-assurance" className={styles.heading}>
        {t('assuranceView.title')}
      </h2>
      <Summary
        className={styles.list}
        items={[
          {
            key: 'level',
            term: t('fields.assuranceLevel'),
            value: level ? t(`vocab.assurance.${level}`) : t('assuranceView.notGiven'),
            data: { 'data-assurance-level': level ?? 'notGiven' },
          },
          (level !== undefined || standing.reason !== undefined) && {
            key: 'reason',
            term: t('fields.assuranceReason'),
            value: standing.reason ?? t('assuranceView.noReason'),
          },
          level !== undefined && {
            key: 'date',
            term: t('fields.assuranceDate'),
            value: standing.givenOn ? format.date(standing.givenOn) : t('tab.changes.undated'),
          },
          level !== undefined && {
            key: 'trend',
            term: t('assuranceView.trendLabel'),
            value:
              read.kind === 'ready' ? (
                comparisonText(t, standing)
              ) : read.kind === 'loading' ? (
                <Text>{t('assuranceView.trendLoading')}</Text>
              ) : null,
            data: { 'data-assurance-trend': read.kind === 'ready' ? (standing.comparison ?? '') : read.kind },
          },
        ]}
      />
      {read.kind === 'error' && level ? (
        <ErrorState
          error={read.error}
          title={t('assuranceView.trendFailed')}
          onRetry={() => setAttempt((n) => n + 1)}
        />
      ) : null}
      <Button appearance="secondary" onClick={onShowHistory}>
        {t('assuranceView.seeHistory')}
      </Button>
    </section>
  );
}

function comparisonText(t: TFunction, s: AssuranceStanding): string {
  switch (s.comparison) {
    case 'up':
    case 'down':
    case 'same':
      return t(`assuranceView.trend.${s.comparison}`, { before: s.before ? t(`vocab.assurance.${s.before}`) : '' });
    case 'first':
    case 'unknown':
      return t(`assuranceView.trend.${s.comparison}`);
    default:
      return '';
  }
}
