import {
  Button,
  Dropdown,
  Field,
  makeStyles,
  MessageBar,
  MessageBarBody,
  Option,
  Text,
  tokens,
} from '@fluentui/react-components';
import { useCallback, useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  REVIEW_KINDS,
  reviewProgress,
  scheduleReview,
  type Collaboration,
  type DomainError,
  type RepoError,
  type Review,
  type ReviewKind,
  type Stored,
} from '../../../domain';
import { useApp, useFormat } from '../../app/context';
import { navigate, paths } from '../../app/router';
import { ErrorState } from '../../components/ErrorState';
import { DateField } from '../../components/form';
import { Loading } from '../../components/Loading';
import { RouterLink } from '../../components/RouterLink';
import { useReviewLabel } from '../../components/recordText';
import { messagesByField, newKey } from '../../components/actionShared';
import { ReviewStateText } from './ReviewStateText';
import { scheduleReviewWithAccess } from '../../../app/scheduleReview';
import { panelsOf } from '../../../domain/panels';
import { may } from '../../../domain/policy';
import { useLookup } from '../../components/useLookups';
import { useMe } from '../../components/useRoles';

const useStyles = makeStyles({
  table: { borderCollapse: 'collapse', width: '100%', maxWidth: '1000px' },
  th: {
    textAlign: 'start',
    padding: tokens.spacingHorizontalS,
    borderBottom: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke1}`,
  },
  td: {
    padding: tokens.spacingHorizontalS,
    borderBottom: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
  },
  bar: {
    display: 'flex',
    columnGap: tokens.spacingHorizontalM,
    alignItems: 'end',
    flexWrap: 'wrap',
    marginBottom: tokens.spacingVerticalM,
  },
});

/** The record's "Reviews" tab: its reviews, where each stands, and "schedule a review". */
export function RecordReviews({ collaboration }: { readonly collaboration: Stored<Collaboration> }) {
  const styles = useStyles();
  const { t } = useTranslation();
  const app = useApp();
  const format = useFormat();
  const [state, setState] = useState<
    { kind: 'loading' } | { kind: 'error'; error: RepoError } | { kind: 'ready'; reviews: readonly Stored<Review>[] }
  >({ kind: 'loading' });
  const [attempt, setAttempt] = useState(0);
  const [scheduling, setScheduling] = useState(false);
  const [kind, setKind] = useState<ReviewKind>('governanceCheck');
  const [due, setDue] = useState<string | undefined>(collaboration.nextReviewDue);
  const [errors, setErrors] = useState<readonly DomainError[]>([]);
  const [failed, setFailed] = useState<RepoError | undefined>();

  useEffect(() => {
    let live = true;
    void app.services.stores.reviews.forCollaboration(collaboration.id).then((r) => {
      if (!live) return;
      setState(r.ok ? { kind: 'ready', reviews: r.value } : { kind: 'error', error: r.error });
    });
    return () => {
      live = false;
    };
  }, [app.services, collaboration.id, attempt]);
  const retry = useCallback(() => setAttempt((n) => n + 1), []);
  const reviewName = useReviewLabel();
  const me = useMe();
  const mappings = useLookup('channelMappings');
  const panels = useMemo(() => panelsOf(mappings.value ?? []), [mappings.value]);
  const maySchedule = may(me.actor, { kind: 'scheduleReview', record: collaboration });

  const schedule = async () => {
    setFailed(undefined);
    const review = scheduleReview(collaboration, {
      key: newKey('REV'),
      kind,
      title: `${collaboration.reference} ${t(`vocab.reviewKind.${kind}`)}`,
      today: app.today,
      ...(due ? { dueDate: due } : {}),
    });
    if (!review.ok) {
      setErrors(review.error);
      return;
    }
    setErrors([]);
    const r = await scheduleReviewWithAccess(app.services.stores.reviews, review.value, panels);
    if (!r.ok) {
      setFailed(r.error);
      return;
    }
    navigate(paths.review(r.value.key));
  };

  if (state.kind === 'loading') return <Loading />;
  if (state.kind === 'error') return <ErrorState error={state.error} onRetry={retry} />;
  const messages = messagesByField(t, errors);
  return (
    <section aria-labelledby="record-reviews-title">
      <h2 id="record-reviews-title">{t('review.list.title')}</h2>
      <div className={styles.bar}>
        {scheduling ? (
          <form
            noValidate
            className={styles.bar}
            aria-label={t('review.list.schedule')}
            onSubmit={(e) => {
              e.preventDefault();
              void schedule();
            }}
          >
            <Field label={t('review.list.kind')}>
              <Dropdown
                value={t(`vocab.reviewKind.${kind}`)}
                selectedOptions={[kind]}
                onOptionSelect={(_e, d) => d.optionValue && setKind(d.optionValue as ReviewKind)}
              >
                {REVIEW_KINDS.map((k) => (
                  <Option key={k} value={k}>
                    {t(`vocab.reviewKind.${k}`)}
                  </Option>
                ))}
              </Dropdown>
            </Field>
            <DateField
              name="dueDate"
              label={t('review.list.due')}
              hint={t('review.list.dueHint')}
              dueDate
              value={due}
              onChange={setDue}
              {...(messages['dueDate'] ? { error: messages['dueDate'] } : {})}
            />
            <Button appearance="primary" type="submit">
              {t('review.list.create')}
            </Button>
            <Button onClick={() => setScheduling(false)}>{t('review.cancel')}</Button>
          </form>
        ) : maySchedule ? (
          <Button appearance="primary" onClick={() => setScheduling(true)}>
            {t('review.list.schedule')}
          </Button>
        ) : null}
      </div>
      {messages['status'] ? (
        <MessageBar intent="error">
          <MessageBarBody>{messages['status']}</MessageBarBody>
        </MessageBar>
      ) : null}
      {failed ? <ErrorState error={failed} title={t('review.nothingSaved')} /> : null}
      {state.reviews.length === 0 ? (
        <Text as="p">{t('review.list.none')}</Text>
      ) : (
        <table className={styles.table}>
          <caption style={{ textAlign: 'start' }}>
            {t('review.list.caption', { reference: collaboration.reference })}
          </caption>
          <thead>
            <tr>
              <th scope="col" className={styles.th}>
                {t('review.list.review')}
              </th>
              <th scope="col" className={styles.th}>
                {t('review.list.kind')}
              </th>
              <th scope="col" className={styles.th}>
                {t('review.list.due')}
              </th>
              <th scope="col" className={styles.th}>
                {t('review.list.state')}
              </th>
              <th scope="col" className={styles.th}>
                {t('review.list.heldOn')}
              </th>
            </tr>
          </thead>
          <tbody>
            {state.reviews.map((r) => (
              <tr key={r.id}>
                <th scope="row" className={styles.td} style={{ fontWeight: 'normal' }}>
                  <RouterLink to={paths.review(r.key)}>{reviewName(r)}</RouterLink>
                </th>
                <td className={styles.td}>{t(`vocab.reviewKind.${r.kind}`)}</td>
                <td className={styles.td}>{format.date(r.dueDate)}</td>
                <td className={styles.td}>
                  <ReviewStateText progress={reviewProgress(r, app.today)} />
                </td>
                <td className={styles.td}>{r.heldOn ? format.date(r.heldOn) : '–'}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
