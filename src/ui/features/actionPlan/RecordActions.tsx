import { makeStyles, Text, tokens } from '@fluentui/react-components';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { Collaboration, Stored } from '../../../domain';
import { useApp } from '../../app/context';
import { paths } from '../../app/router';
import { ErrorState } from '../../components/ErrorState';
import { Loading } from '../../components/Loading';
import { RouterLink } from '../../components/RouterLink';
import { useAddAction } from './AddAction';
import { useActionManagement } from './ManageAction';
import { PlanGrid } from './PlanGrid';
import { planRange, planYearOf, usePlanData } from './usePlanData';

const useStyles = makeStyles({
  bar: {
    display: 'flex',
    columnGap: tokens.spacingHorizontalM,
    alignItems: 'center',
    marginBottom: tokens.spacingVerticalM,
    flexWrap: 'wrap',
  },
});

/**
 * The record's "Actions" tab: its actions on this plan year, and a way to add one. Those the
 * role policy lets manage an action (its owner, the record's lead officer, the governance team)
 * edit its title, dates and owner, or delete it; everyone else sees the plan read-only.
 */
export function RecordActions({ collaboration }: { readonly collaboration: Stored<Collaboration> }) {
  const styles = useStyles();
  const { t } = useTranslation();
  const app = useApp();
  const startYear = planYearOf(app.today, 7);
  const range = useMemo(() => planRange(startYear, 7), [startYear]);
  const plan = usePlanData(app.services, range, collaboration.id);
  const add = useAddAction({
    scope: 'collaboration',
    collaborationId: collaboration.id,
    label: t('review.action.add'),
    reload: plan.reload,
  });
  const manage = useActionManagement({ recordOf: () => collaboration, reload: plan.reload });

  if (plan.kind === 'loading') return <Loading />;
  if (plan.kind === 'error') return <ErrorState error={plan.error} onRetry={plan.reload} />;
  return (
    <section aria-labelledby="record-actions-title">
      <h2 id="record-actions-title">{t('review.action.recordTitle')}</h2>
      <div className={styles.bar}>
        {add.button}
        <RouterLink to={paths.actionPlan(new URLSearchParams({ collaboration: collaboration.reference }))}>
          {t('review.action.onPlan')}
        </RouterLink>
      </div>
      {add.form}
      {manage.view}
      {plan.data.actions.length === 0 ? <Text as="p">{t('review.action.none')}</Text> : null}
      <PlanGrid
        {...manage.grid(plan.data.actions)}
        actions={plan.data.actions}
        startYear={startYear}
        startMonth={7}
        today={app.today}
        caption={t('review.plan.caption', { count: plan.data.actions.length })}
      />
    </section>
  );
}
