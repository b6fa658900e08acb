import { Text } from '@fluentui/react-components';
import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { addDays, type RepoError, type Review, type Stored } from '../../../domain';
import { panelKeyOf, panelsOf } from '../../../domain/panels';
import { useApp, useFormat } from '../../app/context';
import { paths } from '../../app/router';
import { ErrorState } from '../../components/ErrorState';
import { panelLabel, useReviewLabel } from '../../components/recordText';
import { RouterLink } from '../../components/RouterLink';
import { useLookup } from '../../components/useLookups';
import { useMe } from '../../components/useRoles';
import { useSectionStyles } from './styles';

/** How far back an undecided review still waits for its panel, and how far ahead Home looks. */
const BACK_DAYS = 400;
const AHEAD_DAYS = 90;

/**
 * "Reviews awaiting my panel" on Home, for a member of one or more panels: their panels'
 * reviews still to be decided, soonest first, each opening the review itself.
 */
export function PanelReviews() {
  const me = useMe();
  // Nothing is read for someone who sits on no panel.
  if (me.loading || me.panels.length === 0) return null;
  return <PanelReviewList mine={me.panels} />;
}

function PanelReviewList({ mine }: { readonly mine: readonly string[] }) {
  const styles = useSectionStyles();
  const { t } = useTranslation();
  const app = useApp();
  const format = useFormat();
  const reviewName = useReviewLabel();
  const mappings = useLookup('channelMappings');
  const panels = useMemo(() => panelsOf(mappings.value ?? []), [mappings.value]);
  const [state, setState] = useState<
    { kind: 'loading' } | { kind: 'error'; error: RepoError } | { kind: 'ready'; reviews: readonly Stored<Review>[] }
  >({ kind: 'loading' });
  const [attempt, setAttempt] = useState(0);

  useEffect(() => {
    let live = true;
    void app.services.stores.reviews
      .dueBetween(addDays(app.today, -BACK_DAYS), addDays(app.today, AHEAD_DAYS))
      .then((r) => {
        if (!live) return;
        setState(r.ok ? { kind: 'ready', reviews: r.value } : { kind: 'error', error: r.error });
      });
    return () => {
      live = false;
    };
  }, [app.services, app.today, mine.length, attempt]);

  const waiting =
    state.kind === 'ready'
      ? state.reviews.filter((r) => r.outcome === undefined && mine.includes(panelKeyOf(r.panel, panels) ?? ''))
      : [];
  return (
    <section className={styles.panel} aria-labelledby="home-panel-reviews">
      <h2 id="home-panel-reviews" className={styles.h2}>
        {t('tab.home.panelReviews.title')}
      </h2>
      {state.kind === 'loading' ? null : state.kind === 'error' ? (
        <ErrorState error={state.error} onRetry={() => setAttempt((n) => n + 1)} />
      ) : waiting.length === 0 ? (
        <Text>{t('tab.home.panelReviews.none')}</Text>
      ) : (
        <ul className={styles.items}>
          {waiting.map((r) => (
            <li key={r.id} className={styles.head}>
              <RouterLink to={paths.review(r.key)}>{reviewName(r)}</RouterLink>
              <Text className={styles.muted}>{panelLabel(r.panel, panels, app.locale)}</Text>
              <Text>{t('tab.home.reviewDue', { date: format.date(r.dueDate) })}</Text>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
