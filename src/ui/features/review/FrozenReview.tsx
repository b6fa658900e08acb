import { Link, Text } from '@fluentui/react-components';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { parseSnapshot, snapshotFields, type Action, type Stored } from '../../../domain';
import { useApp, useFormat } from '../../app/context';
import { useFieldText } from '../../components/useFieldText';
import { assessmentTitle, panelLabel } from '../../components/recordText';
import { useLookup } from '../../components/useLookups';
import { panelsOf } from '../../../domain/panels';
import { awaitsApplying, decisionOf } from '../../../app/recordReviewOutcome';
import { StatusLabel } from '../../components/actionShared';
import { actionStatus } from '../../../domain';
import { useReviewStyles } from './styles';
import { loadOutcomeDraft, saveOutcomeDraft, type ReviewData } from './useReview';

/**
 * A review whose outcome is recorded: read-only. What the panel saw is shown
 * from the snapshot taken when the outcome was recorded, so later edits of the
 * record do not rewrite it.
 */
export function FrozenReview({ data }: { readonly data: ReviewData }) {
  const styles = useReviewStyles();
  const { t } = useTranslation();
  const app = useApp();
  const mappings = useLookup('channelMappings');
  // A decision not yet applied: the actions it will create, from the decision the review carries.
  const waitingActions = awaitsApplying(data.review) ? (decisionOf(data.review)?.actions ?? []) : [];
  const format = useFormat();
  const { review } = data;
  const snapshot = parseSnapshot(review.snapshot);
  const [planned, setPlanned] = useState<readonly Stored<Action>[] | undefined>();
  // Anything this person typed for an outcome that someone else recorded first stays readable here.
  const [unrecorded] = useState(() => loadOutcomeDraft(review.key));

  useEffect(() => {
    let live = true;
    if (review.id !== undefined)
      void app.services.stores.actions.forReview(review.id).then((r) => live && setPlanned(r.ok ? r.value : []));
    return () => {
      live = false;
    };
  }, [app.services, review.id]);

  const value = useFieldText(undefined, '–');

  return (
    <>
      <section className={styles.section} aria-labelledby="review-decision">
        <h2 id="review-decision" className={styles.h2}>
          {t('review.frozen.title')}
        </h2>
        <Text>{t('review.frozen.intro')}</Text>
        <dl className={styles.dl}>
          <dt>{t('review.outcome.outcome')}</dt>
          <dd className={styles.dd} data-testid="frozen-outcome">
            {review.outcome ? t(`vocab.outcome.${review.outcome}`) : '–'}
          </dd>
          <dt>{t('review.outcome.heldOn')}</dt>
          <dd className={styles.dd}>{format.date(review.heldOn)}</dd>
          <dt>{t('review.outcome.decisionNote')}</dt>
          <dd className={styles.dd}>{review.decisionNote ?? '–'}</dd>
          <dt>{t('review.details.panel')}</dt>
          <dd className={styles.dd}>{panelLabel(review.panel, panelsOf(mappings.value ?? []), app.locale)}</dd>
          <dt>{t('review.details.attendees')}</dt>
          <dd className={styles.dd}>{review.attendees.map((a) => a.displayName).join(', ') || '–'}</dd>
          <dt>{t('review.channel.title')}</dt>
          <dd className={styles.dd}>
            {review.conversationUrl ? (
              <Link href={review.conversationUrl} target="_blank" rel="noopener noreferrer">
                {t('review.channel.open')}
              </Link>
            ) : (
              t('review.channel.none')
            )}
          </dd>
        </dl>
      </section>
      {unrecorded && unrecorded.decisionNote.trim() !== '' && unrecorded.decisionNote !== review.decisionNote ? (
        <section className={styles.section} aria-labelledby="review-unrecorded">
          <h2 id="review-unrecorded" className={styles.h2}>
            {t('review.frozen.unrecordedTitle')}
          </h2>
          <Text>{t('review.frozen.unrecordedIntro')}</Text>
          <Text as="p" className={styles.dd} data-testid="unrecorded-note">
            {unrecorded.decisionNote}
          </Text>
          <div>
            <Link as="button" onClick={() => saveOutcomeDraft(review.key, undefined)}>
              {t('review.frozen.forget')}
            </Link>
          </div>
        </section>
      ) : null}
      <section className={styles.section} aria-labelledby="review-snapshot">
        <h2 id="review-snapshot" className={styles.h2}>
          {t('review.frozen.snapshot')}
        </h2>
        {snapshot ? (
          <>
            <Text>{t('review.frozen.snapshotIntro', { date: format.date(snapshot.heldOn) })}</Text>
            <dl className={styles.dl} data-testid="snapshot">
              {snapshotFields().map((f) => (
                <div key={f} style={{ display: 'contents' }}>
                  <dt>{t(`fields.${f}`)}</dt>
                  <dd className={styles.dd}>{value(f, (snapshot.record as Record<string, unknown>)[f])}</dd>
                </div>
              ))}
            </dl>
            <h3 className={styles.h3}>{t('review.frozen.assessment')}</h3>
            {snapshot.assessment ? (
              <Text>
                {t('review.details.assessmentOption', {
                  template: assessmentTitle(snapshot.assessment, data.templates, app.locale),
                  version: snapshot.assessment.templateVersion,
                  date: format.date(snapshot.assessment.submittedOn),
                  rag: snapshot.assessment.overallRag ? t(`vocab.rag.${snapshot.assessment.overallRag}`) : '–',
                })}
                {snapshot.assessment.score !== undefined
                  ? ` · ${t('review.frozen.score', { score: format.number(Math.round(snapshot.assessment.score)) })}`
                  : ''}
              </Text>
            ) : (
              <Text>{t('review.details.noAssessment')}</Text>
            )}
          </>
        ) : (
          <Text>{t('review.frozen.noSnapshot')}</Text>
        )}
      </section>
      <section className={styles.section} aria-labelledby="review-planned">
        <h2 id="review-planned" className={styles.h2}>
          {t('review.frozen.actions')}
        </h2>
        {planned === undefined ? null : planned.length === 0 && waitingActions.length > 0 ? (
          <>
            <Text>{t('review.frozen.actionsWaiting')}</Text>
            <ul>
              {waitingActions.map((a) => (
                <li key={a.key}>
                  <Text>
                    {a.title} · {a.owner?.displayName ?? t('review.action.noOwner')}
                    {a.dueDate ? ` · ${t('review.mine.due', { date: format.date(a.dueDate) })}` : ''}
                  </Text>
                </li>
              ))}
            </ul>
          </>
        ) : planned.length === 0 ? (
          <Text>{t('review.frozen.noActions')}</Text>
        ) : (
          <ul>
            {planned.map((a) => (
              <li key={a.id}>
                <Text>
                  {a.title} · {a.owner?.displayName ?? t('review.action.noOwner')} ·{' '}
                  {a.dueDate ? t('review.mine.due', { date: format.date(a.dueDate) }) : ''}{' '}
                </Text>
                <StatusLabel status={actionStatus(a, app.today)} />
              </li>
            ))}
          </ul>
        )}
      </section>
    </>
  );
}
