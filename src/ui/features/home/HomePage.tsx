import { Badge, Card, CardHeader, makeStyles, mergeClasses, Text, tokens } from '@fluentui/react-components';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { DEFAULT_REVIEW_STATE_POLICY, MODELS, STATUSES } from '../../../domain';
import { useApp, useFormat } from '../../app/context';
import { paths } from '../../app/router';
import { ErrorState } from '../../components/ErrorState';
import { Loading } from '../../components/Loading';
import { PageHeader } from '../../components/PageHeader';
import { displayTitle } from '../../components/recordText';
import { RouterLink } from '../../components/RouterLink';
import { BarChart, type Bar } from './BarChart';
import { MyActions } from './MyActions';
import { PanelReviews } from './PanelReviews';
import { useSectionStyles } from './styles';
import { useHomeData, type ActionAtRisk, type DueReview } from './useHomeData';

const useStyles = makeStyles({
  figures: {
    display: 'grid',
    gridTemplateColumns: 'repeat(auto-fill, minmax(150px, 1fr))',
    gap: tokens.spacingHorizontalM,
    listStyleType: 'none',
    padding: 0,
    margin: `0 0 ${tokens.spacingVerticalXL}`,
  },
  figure: { height: '100%' },
  number: {
    fontSize: tokens.fontSizeHero700,
    lineHeight: tokens.lineHeightHero700,
    fontWeight: tokens.fontWeightSemibold,
  },
  columns: {
    display: 'grid',
    // Side by side from two 360 px columns up; one column, no wider than the page, below that.
    gridTemplateColumns: 'repeat(auto-fit, minmax(min(360px, 100%), 1fr))',
    gap: tokens.spacingHorizontalXL,
    marginBottom: tokens.spacingVerticalXL,
  },
  /** The panels sit in a grid whose gap spaces them: no margin of their own. */
  inGrid: { marginBottom: 0 },
  item: { display: 'flex', flexWrap: 'wrap', columnGap: tokens.spacingHorizontalS, alignItems: 'baseline' },
});

/** One line of a Home list: its words and badges wrap together, and "yours" ends it when it is the person's own. */
function HomeItem({ mine, children }: { readonly mine: boolean; readonly children: ReactNode }) {
  const styles = useStyles();
  const { t } = useTranslation();
  return (
    <li className={styles.item}>
      {children}
      {mine ? (
        <Badge appearance="outline" size="small">
          {t('tab.home.yours')}
        </Badge>
      ) : null}
    </li>
  );
}

function ReviewItem({ item }: { readonly item: DueReview }) {
  const section = useSectionStyles();
  const { t } = useTranslation();
  const app = useApp();
  const format = useFormat();
  const { record, state } = item;
  return (
    <HomeItem mine={item.mine}>
      <RouterLink to={paths.record(record.reference)}>{displayTitle(record, app.locale)}</RouterLink>
      <Text className={section.muted}>{record.reference}</Text>
      <Badge appearance="tint" color={state.state === 'overdue' ? 'danger' : 'warning'} size="small">
        {t(`tab.reviewState.${state.state}`)}
      </Badge>
      <Text>{t('tab.home.reviewDue', { date: format.date(record.nextReviewDue) })}</Text>
      {/* Its assurance level in words, so a lead officer sees where each of theirs stands before its review. */}
      <Text data-assurance-level={record.assuranceLevel ?? 'notGiven'}>
        {t('assuranceView.home', {
          level: record.assuranceLevel ? t(`vocab.assurance.${record.assuranceLevel}`) : t('assuranceView.notGiven'),
        })}
      </Text>
    </HomeItem>
  );
}

function ActionItem({ item }: { readonly item: ActionAtRisk }) {
  const section = useSectionStyles();
  const { t } = useTranslation();
  const app = useApp();
  const format = useFormat();
  const { action, collaboration } = item;
  return (
    <HomeItem mine={item.mine}>
      {collaboration ? (
        <RouterLink to={paths.record(collaboration.reference)}>{action.title}</RouterLink>
      ) : (
        <Text>{action.title}</Text>
      )}
      <Badge appearance="tint" color={item.status === 'overdue' ? 'danger' : 'warning'} size="small">
        {t(`vocab.actionStatus.${item.status}`)}
      </Badge>
      {action.dueDate ? <Text>{t('tab.home.actionDue', { date: format.date(action.dueDate) })}</Text> : null}
      {collaboration ? <Text className={section.muted}>{displayTitle(collaboration, app.locale)}</Text> : null}
      {action.owner ? <Text className={section.muted}>{action.owner.displayName}</Text> : null}
    </HomeItem>
  );
}

/** The council's figures (seed 002's compendium), what is due, what is at risk, and the register at a glance. */
export function HomePage() {
  const styles = useStyles();
  const section = useSectionStyles();
  const { t } = useTranslation();
  const app = useApp();
  const format = useFormat();
  const home = useHomeData(app.services, app.today);

  if (home.kind === 'loading')
    return (
      <>
        <PageHeader title={t('tab.home.title')} />
        <Loading label={t('tab.home.loading')} />
      </>
    );
  if (home.kind === 'error')
    return (
      <>
        <PageHeader title={t('tab.home.title')} />
        <ErrorState error={home.error} title={t('tab.home.loadFailed')} onRetry={home.retry} />
      </>
    );

  const { figures, reviews, actions, actionsError, me } = home.data;
  const n = (v: number) => format.number(v);
  const cards: readonly { key: string; value: number; label: string; to?: string }[] = [
    { key: 'partners', value: figures.partnerOrganisations.onPartnerList, label: t('tab.home.figures.partners') },
    { key: 'formal', value: figures.formalPartnerships, label: t('tab.home.figures.formalPartnerships') },
    { key: 'collaborations', value: figures.collaborations, label: t('tab.home.figures.collaborations') },
    { key: 'lead', value: figures.councilLeads, label: t('tab.home.figures.councilLeads') },
    { key: 'basis', value: figures.statutoryGoodPracticeOrFunded, label: t('tab.home.figures.statutory') },
    { key: 'inScope', value: figures.inScope, label: t('tab.home.figures.inScope'), to: paths.register('scope=in') },
    {
      key: 'outOfScope',
      value: figures.outOfScope,
      label: t('tab.home.figures.outOfScope'),
      to: paths.register('scope=out'),
    },
  ];

  return (
    <section aria-labelledby="home-title">
      <PageHeader
        id="home-title"
        title={t('tab.home.title')}
        subtitle={
          me
            ? t('tab.home.subtitleMe', { name: me.displayName, date: format.date(app.today) })
            : t('tab.home.subtitle', { date: format.date(app.today) })
        }
      />
      <h2 className={section.h2}>{t('tab.home.figures.title')}</h2>
      <ul className={styles.figures} aria-label={t('tab.home.figures.title')}>
        {cards.map((c) => (
          <li key={c.key}>
            <Card className={styles.figure}>
              <CardHeader
                header={<span className={styles.number}>{n(c.value)}</span>}
                description={c.to ? <RouterLink to={c.to}>{c.label}</RouterLink> : <Text>{c.label}</Text>}
              />
            </Card>
          </li>
        ))}
      </ul>
      <Text as="p" className={section.muted}>
        {t('tab.home.figures.note', {
          arrangements: n(figures.arrangements),
          partners: n(figures.partnerOrganisations.inCurrentArrangements),
        })}
      </Text>

      <PanelReviews />
      {home.data.myActions ? <MyActions items={home.data.myActions} /> : null}

      <div className={styles.columns}>
        <section className={mergeClasses(section.panel, styles.inGrid)} aria-labelledby="home-reviews">
          <h2 id="home-reviews" className={section.h2}>
            {t('tab.home.reviews.title', { days: DEFAULT_REVIEW_STATE_POLICY.dueSoonDays })}
          </h2>
          {reviews.length === 0 ? (
            <Text>{t('tab.home.reviews.none', { days: DEFAULT_REVIEW_STATE_POLICY.dueSoonDays })}</Text>
          ) : (
            <ul className={section.items}>
              {reviews.map((r) => (
                <ReviewItem key={r.record.id} item={r} />
              ))}
            </ul>
          )}
        </section>
        <section className={mergeClasses(section.panel, styles.inGrid)} aria-labelledby="home-actions">
          <h2 id="home-actions" className={section.h2}>
            {t('tab.home.actions.title')}
          </h2>
          {actionsError ? (
            <ErrorState error={actionsError} title={t('tab.home.actions.failed')} onRetry={home.retry} />
          ) : actions && actions.length > 0 ? (
            <ul className={section.items}>
              {actions.map((a) => (
                <ActionItem key={a.action.id} item={a} />
              ))}
            </ul>
          ) : (
            <Text>{t('tab.home.actions.none')}</Text>
          )}
        </section>
      </div>

      <div className={styles.columns}>
        <ChartPanel
          id="home-by-status"
          title={t('tab.home.chart.byStatus')}
          bars={STATUSES.map((s) => ({
            key: s,
            label: t(`vocab.status.${s}`),
            value: figures.byStatus[s],
            valueText: n(figures.byStatus[s]),
            to: paths.register(`status=${s}`),
          }))}
        />
        <ChartPanel
          id="home-by-model"
          title={t('tab.home.chart.byModel')}
          bars={MODELS.map((m) => ({
            key: m,
            label: t(`vocab.model.${m}`),
            value: figures.byModel[m],
            valueText: n(figures.byModel[m]),
            to: paths.register(`model=${m}`),
          }))}
        />
      </div>
    </section>
  );
}

/** One of Home's charts in its panel, headed and labelled by its title. */
function ChartPanel({
  id,
  title,
  bars,
}: {
  readonly id: string;
  readonly title: string;
  readonly bars: readonly Bar[];
}) {
  const styles = useStyles();
  const section = useSectionStyles();
  return (
    <section className={mergeClasses(section.panel, styles.inGrid)} aria-labelledby={id}>
      <h2 id={id} className={section.h2}>
        {title}
      </h2>
      <BarChart label={title} bars={bars} />
    </section>
  );
}
