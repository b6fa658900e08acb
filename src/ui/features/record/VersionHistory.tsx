import { makeStyles, Text, tokens } from '@fluentui/react-components';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CollaborationStore, ItemVersion, RepoError } from '../../../domain';
import { useFormat } from '../../app/context';
import { ErrorState } from '../../components/ErrorState';
import { Loading } from '../../components/Loading';
import { SimpleTable } from '../../components/SimpleTable';

const useStyles = makeStyles({
  version: { marginBottom: tokens.spacingVerticalL },
  heading: { margin: `${tokens.spacingVerticalS} 0` },
  value: { whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' },
});

export interface VersionHistoryProps {
  readonly store: CollaborationStore;
  readonly id: number;
  /** Changes after each save, so the history reloads. */
  readonly refreshKey: number;
  readonly valueText: (field: string, value: unknown) => string;
}

/** Who changed what and when: each version with its changed fields, old and new values. */
export function VersionHistory({ store, id, refreshKey, valueText }: VersionHistoryProps) {
  const styles = useStyles();
  const { t } = useTranslation();
  const format = useFormat();
  const [versions, setVersions] = useState<readonly ItemVersion[] | undefined>();
  const [error, setError] = useState<RepoError | undefined>();
  const [attempt, setAttempt] = useState(0);

  useEffect(() => {
    let live = true;
    setError(undefined);
    void store.versions(id).then((r) => {
      if (!live) return;
      if (r.ok) setVersions(r.value);
      else setError(r.error);
    });
    return () => {
      live = false;
    };
  }, [store, id, refreshKey, attempt]);

  if (error)
    return <ErrorState error={error} title={t('tab.history.failed')} onRetry={() => setAttempt((n) => n + 1)} />;
  if (!versions) return <Loading label={t('tab.history.loading')} />;
  if (versions.length === 0) return <Text as="p">{t('tab.history.none')}</Text>;

  return (
    <div>
      {versions.map((v, i) => {
        const first = i === versions.length - 1;
        return (
          <section
            key={`${v.versionLabel}-${i}`}
            className={styles.version}
            aria-label={t('tab.history.version', { label: v.versionLabel })}
          >
            <h3 className={styles.heading}>
              {t(first ? 'tab.history.created' : 'tab.history.changed', {
                label: v.versionLabel,
                editor: v.editor || t('tab.history.unknownEditor'),
                when: format.dateTime(v.modified),
              })}
            </h3>
            {v.changes.length === 0 ? (
              <Text as="p">{t('tab.history.noChanges')}</Text>
            ) : (
              <SimpleTable
                size="small"
                label={t('tab.history.changesOf', { label: v.versionLabel })}
                rows={v.changes}
                rowKey={(c) => c.field}
                columns={[
                  {
                    heading: t('tab.history.field'),
                    cell: (c) =>
                      // A domain field by its label; a column the list keeps for itself (InScope) by its own.
                      t(`fields.${c.field}`, {
                        defaultValue: t(`tab.history.column.${c.field}`, { defaultValue: c.field }),
                      }),
                  },
                  !first && {
                    heading: t('tab.history.before'),
                    cell: (c) => valueText(c.field, c.oldValue),
                    className: styles.value,
                  },
                  {
                    heading: t(first ? 'tab.history.value' : 'tab.history.after'),
                    cell: (c) => valueText(c.field, c.newValue),
                    className: styles.value,
                  },
                ]}
              />
            )}
          </section>
        );
      })}
    </div>
  );
}
