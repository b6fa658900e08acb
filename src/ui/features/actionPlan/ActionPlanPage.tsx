import { Dropdown, Field, makeStyles, Option, tokens } from '@fluentui/react-components';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { ACTION_SCOPES, type Action, type ActionScope, type Stored } from '../../../domain';
import { useApp } from '../../app/context';
import { navigate, paths, useRoute } from '../../app/router';
import { ErrorState } from '../../components/ErrorState';
import { Loading } from '../../components/Loading';
import { PageHeader } from '../../components/PageHeader';
import { displayTitle } from '../../components/recordText';
import { useAddAction } from './AddAction';
import { useActionManagement } from './ManageAction';
import { PlanGrid } from './PlanGrid';
import { planRange, planYearOf, usePlanData } from './usePlanData';

const useStyles = makeStyles({
  filters: {
    display: 'grid',
    gridTemplateColumns: 'repeat(auto-fill, minmax(180px, 1fr))',
    gap: tokens.spacingHorizontalM,
    marginBottom: tokens.spacingVerticalL,
  },
  control: { minWidth: 0, width: '100%' },
});

const MONTHS = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12] as const;

/**
 * The 12-month action plan (seed 002, appendix 1): every action on a plan
 * year that starts in any month (July by default), filtered by what it
 * belongs to, its record and its owner. The view lives in the address
 * (`#/action-plan?start=2025-07&scope=programme`), so a link reproduces it.
 */
export function ActionPlanPage() {
  const styles = useStyles();
  const { t } = useTranslation();
  const app = useApp();
  const route = useRoute();
  const q = route.query;
  const startMonth = clampMonth(Number(q.get('month') ?? '7'));
  const startYear = Number(q.get('year') ?? '') || planYearOf(app.today, startMonth);
  const scope = (ACTION_SCOPES as readonly string[]).includes(q.get('scope') ?? '')
    ? (q.get('scope') as ActionScope)
    : undefined;
  const collaborationRef = q.get('collaboration') ?? undefined;
  const ownerId = q.get('owner') ? Number(q.get('owner')) : undefined;
  const range = useMemo(() => planRange(startYear, startMonth), [startYear, startMonth]);
  const plan = usePlanData(app.services, range);
  const add = useAddAction({ scope: 'programme', label: t('review.plan.addProgramme'), reload: plan.reload });
  const manage = useActionManagement({
    recordOf: (a) =>
      plan.kind === 'ready' && a.collaborationId !== undefined
        ? plan.data.collaborations.get(a.collaborationId)
        : undefined,
    reload: plan.reload,
  });

  const setQuery = (patch: Record<string, string | undefined>) => {
    const next = new URLSearchParams(q);
    for (const [k, v] of Object.entries(patch)) {
      if (v === undefined || v === '') next.delete(k);
      else next.set(k, v);
    }
    navigate(paths.actionPlan(next), { replace: true });
  };

  const title = t('review.plan.title');
  const header = (
    <PageHeader
      id="plan-title"
      title={title}
      subtitle={t('review.plan.subtitle', {
        from: `${t(`tab.months.m${startMonth}`)} ${startYear}`,
        to: `${t(`tab.months.m${((startMonth + 10) % 12) + 1}`)} ${startMonth === 1 ? startYear : startYear + 1}`,
      })}
      actions={add.button}
    />
  );
  if (plan.kind === 'loading')
    return (
      <section aria-labelledby="plan-title">
        {header}
        <Loading />
      </section>
    );
  if (plan.kind === 'error')
    return (
      <section aria-labelledby="plan-title">
        {header}
        <ErrorState error={plan.error} onRetry={plan.reload} />
      </section>
    );

  const { actions, collaborations } = plan.data;
  const refOf = (a: Action) =>
    a.collaborationId !== undefined ? collaborations.get(a.collaborationId)?.reference : undefined;
  const owners = new Map<number, string>();
  for (const a of actions) if (a.owner) owners.set(a.owner.id, a.owner.displayName);
  const referenced = [...new Set(actions.map(refOf).filter((r): r is string => r !== undefined))].sort();
  const shown = actions.filter(
    (a) =>
      (scope === undefined || a.scope === scope) &&
      (collaborationRef === undefined || refOf(a) === collaborationRef) &&
      (ownerId === undefined || a.owner?.id === ownerId),
  );
  const years = Array.from({ length: 6 }, (_, i) => planYearOf(app.today, startMonth) - 3 + i);
  const belongsTo = (a: Stored<Action>) => {
    const c = a.collaborationId !== undefined ? collaborations.get(a.collaborationId) : undefined;
    return c ? `${c.reference} ${displayTitle(c, app.locale)}` : t('review.scope.programme');
  };

  return (
    <section aria-labelledby="plan-title">
      {header}
      {add.form}
      <div className={styles.filters} role="group" aria-label={t('review.plan.filters')}>
        <Field label={t('review.plan.startMonth')}>
          <Dropdown
            className={styles.control}
            value={t(`tab.months.m${startMonth}`)}
            selectedOptions={[String(startMonth)]}
            onOptionSelect={(_e, d) => setQuery({ month: d.optionValue })}
          >
            {MONTHS.map((m) => (
              <Option key={m} value={String(m)}>
                {t(`tab.months.m${m}`)}
              </Option>
            ))}
          </Dropdown>
        </Field>
        <Field label={t('review.plan.startYear')}>
          <Dropdown
            className={styles.control}
            value={String(startYear)}
            selectedOptions={[String(startYear)]}
            onOptionSelect={(_e, d) => setQuery({ year: d.optionValue })}
          >
            {years.map((y) => (
              <Option key={y} value={String(y)}>
                {String(y)}
              </Option>
            ))}
          </Dropdown>
        </Field>
        <Field label={t('review.plan.scope')}>
          <Dropdown
            className={styles.control}
            value={scope ? t(`review.scope.${scope}`) : t('review.plan.all')}
            selectedOptions={[scope ?? '']}
            onOptionSelect={(_e, d) => setQuery({ scope: d.optionValue })}
          >
            <Option value="">{t('review.plan.all')}</Option>
            {ACTION_SCOPES.map((s) => (
              <Option key={s} value={s}>
                {t(`review.scope.${s}`)}
              </Option>
            ))}
          </Dropdown>
        </Field>
        <Field label={t('review.plan.collaboration')}>
          <Dropdown
            className={styles.control}
            value={collaborationRef ?? t('review.plan.all')}
            selectedOptions={[collaborationRef ?? '']}
            onOptionSelect={(_e, d) => setQuery({ collaboration: d.optionValue })}
          >
            <Option value="">{t('review.plan.all')}</Option>
            {referenced.map((r) => (
              <Option key={r} value={r}>
                {r}
              </Option>
            ))}
          </Dropdown>
        </Field>
        <Field label={t('review.action.owner')}>
          <Dropdown
            className={styles.control}
            value={ownerId !== undefined ? (owners.get(ownerId) ?? String(ownerId)) : t('review.plan.all')}
            selectedOptions={[ownerId !== undefined ? String(ownerId) : '']}
            onOptionSelect={(_e, d) => setQuery({ owner: d.optionValue })}
          >
            <Option value="">{t('review.plan.all')}</Option>
            {[...owners.entries()]
              .sort((a, b) => a[1].localeCompare(b[1], app.locale))
              .map(([id, displayName]) => (
                <Option key={id} value={String(id)} text={displayName}>
                  {displayName}
                </Option>
              ))}
          </Dropdown>
        </Field>
      </div>
      {manage.view}
      <PlanGrid
        {...manage.grid(shown)}
        actions={shown}
        startYear={startYear}
        startMonth={startMonth}
        today={app.today}
        caption={t('review.plan.caption', { count: shown.length })}
        linkOf={(a) => {
          const ref = refOf(a);
          return ref ? paths.record(ref, 'actions') : undefined;
        }}
        belongsTo={belongsTo}
      />
    </section>
  );
}

function clampMonth(m: number): number {
  return Number.isInteger(m) && m >= 1 && m <= 12 ? m : 7;
}
