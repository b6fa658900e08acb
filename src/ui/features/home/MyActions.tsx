import { mergeClasses, Text } from '@fluentui/react-components';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { actionStatus, type Action, type Stored } from '../../../domain';
import { useApp, useFormat } from '../../app/context';
import { paths } from '../../app/router';
import { RouterLink } from '../../components/RouterLink';
import { ActionProgress } from '../../components/ActionProgress';
import { StatusLabel } from '../../components/actionShared';
import type { MyAction } from './useHomeData';
import { useSectionStyles } from './styles';

/**
 * "My actions" on Home: the person's open actions (read in Home's one batch),
 * each updated in place. An action completed here stays in the list, marked
 * complete, until the next visit, so the change is visible.
 */
export function MyActions({ items }: { readonly items: readonly MyAction[] }) {
  const styles = useSectionStyles();
  const { t } = useTranslation();
  const app = useApp();
  const format = useFormat();
  const [saved, setSaved] = useState<ReadonlyMap<number, Stored<Action>>>(new Map());

  return (
    <section className={styles.panel} aria-labelledby="home-my-actions">
      <h2 id="home-my-actions" className={styles.h2}>
        {t('review.mine.title')}
      </h2>
      {items.length === 0 ? (
        <Text>{t('review.mine.none')}</Text>
      ) : (
        <ul className={mergeClasses(styles.items, styles.roomy)} aria-label={t('review.mine.title')}>
          {items.map(({ action: read, collaboration }) => {
            const a = saved.get(read.id) ?? read;
            return (
              <li key={a.id} data-action={a.key}>
                <div className={styles.head}>
                  {collaboration ? (
                    <RouterLink to={paths.record(collaboration.reference, 'actions')}>{a.title}</RouterLink>
                  ) : (
                    <Text weight="semibold">{a.title}</Text>
                  )}
                  <StatusLabel status={actionStatus(a, app.today)} />
                  {a.dueDate ? <Text>{t('review.mine.due', { date: format.date(a.dueDate) })}</Text> : null}
                  <Text className={styles.muted}>{collaboration?.reference ?? t('review.scope.programme')}</Text>
                </div>
                <ActionProgress
                  action={a}
                  today={app.today}
                  onSaved={(next) => setSaved((m) => new Map(m).set(next.id, next))}
                />
              </li>
            );
          })}
        </ul>
      )}
    </section>
  );
}
