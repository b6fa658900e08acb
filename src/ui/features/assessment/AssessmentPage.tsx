import {
  Badge,
  Button,
  makeStyles,
  MessageBar,
  MessageBarActions,
  MessageBarBody,
  Text,
} from '@fluentui/react-components';
import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { mayDiscard, startAssessment } from '../../../app/startAssessment';
import { checkAnswer, previousSubmitted, type AnswerConflict, type RepoError } from '../../../domain';
import { useApp, useFormat, useServices } from '../../app/context';
import { navigate, paths, useRoute } from '../../app/router';
import { ErrorState } from '../../components/ErrorState';
import { Loading } from '../../components/Loading';
import { repoErrorMessage } from '../../components/messages';
import { PageHeader } from '../../components/PageHeader';
import { usePageStyles } from '../../components/pageStyles';
import { RestoredNotice } from '../../components/RestoredNotice';
import { RouterLink } from '../../components/RouterLink';
import { useMe } from '../../components/useRoles';
import { AnswerConflictDialog } from './AnswerConflictDialog';
import { CompareView } from './CompareView';
import { DiscardDraft } from './DiscardDraft';
import { clearPendingStart } from './drafts';
import { ReadOnlyView } from './ReadOnlyView';
import { AssuranceFromCheck } from './AssuranceFromCheck';
import { Runner } from './Runner';
import { templateTitle } from './text';
import { nowInstant, payloadOf, useAssessment, type AssessmentModel } from './useAssessment';

const useStyles = makeStyles({
  status: { minHeight: '1.5em' },
});

/**
 * What printing leaves out: the tab's header and navigation and the page's
 * own buttons. The submitted assessment prints as a plain document.
 */
const PRINT_CSS = `@media print {
  header, nav, [data-noprint], button { display: none !important; }
  main { padding: 0 !important; overflow: visible !important; }
  body, #root { background: #fff !important; color: #000 !important; }
  a[href^="http"]::after { content: " (" attr(href) ")"; }
}`;

const NO_CONFLICTS: readonly AnswerConflict[] = [];

/** An assessment: `new` starts one (`?collaboration=&template=`), otherwise the runner, the read-only view or a comparison. */
export function AssessmentPage({ assessmentKey }: { readonly assessmentKey: string }) {
  const route = useRoute();
  if (assessmentKey === 'new') {
    return (
      <StartAssessment
        reference={route.query.get('collaboration') ?? ''}
        templateKey={route.query.get('template') ?? ''}
      />
    );
  }
  return <AssessmentView assessmentKey={assessmentKey} compareKey={route.query.get('compare') ?? undefined} />;
}

/**
 * Starts a draft, or opens the person's draft already started for this
 * collaboration and template (startAssessment): the same link opened twice is one draft.
 */
function StartAssessment({ reference, templateKey }: { readonly reference: string; readonly templateKey: string }) {
  const { t } = useTranslation();
  const { stores } = useServices();
  const [error, setError] = useState<RepoError | 'unknownTemplate' | undefined>();
  const [attempt, setAttempt] = useState(0);
  const me = useMe();
  const authorId = me.person?.id;
  const meLoading = me.loading;

  useEffect(() => {
    let live = true;
    setError(undefined);
    if (meLoading) return;
    if (authorId === undefined) {
      setError({ code: 'forbidden' });
      return;
    }
    void (async () => {
      const [collab, templates] = await Promise.all([
        stores.collaborations.getByReference(reference),
        stores.templates.published(),
      ]);
      if (!live) return;
      if (!collab.ok) return setError(collab.error);
      if (!templates.ok) return setError(templates.error);
      const template = templates.value
        .filter((tpl) => tpl.key === templateKey)
        .sort((a, b) => b.version - a.version)[0];
      if (!template) return setError('unknownTemplate');
      const started = await startAssessment(stores.assessments, {
        reference,
        collaborationId: collab.value.id,
        template,
        authorId,
      });
      if (!live) return;
      if (!started.ok) return setError(started.error);
      clearPendingStart(reference, templateKey);
      navigate(paths.assessment(started.value.key), { replace: true });
    })();
    return () => {
      live = false;
    };
  }, [stores, reference, templateKey, attempt, authorId, meLoading]);

  return (
    <section aria-labelledby="assess-title">
      <PageHeader id="assess-title" title={t('assess.title')} />
      {error === undefined ? (
        <Loading label={t('assess.starting')} />
      ) : error === 'unknownTemplate' ? (
        <MessageBar intent="error">
          <MessageBarBody>{t('assess.unknownTemplate', { template: templateKey })}</MessageBarBody>
        </MessageBar>
      ) : (
        <ErrorState
          error={error}
          title={t('assess.startFailed')}
          {...(error.code !== 'notFound' ? { onRetry: () => setAttempt((n) => n + 1) } : {})}
        />
      )}
      {reference ? (
        <p>
          <RouterLink to={paths.record(reference, 'assessments')}>{t('assess.backToRecord')}</RouterLink>
        </p>
      ) : null}
    </section>
  );
}

function SaveStatusText({ model }: { readonly model: AssessmentModel }) {
  const { t } = useTranslation();
  const { locale } = useApp();
  const time = useMemo(
    () => new Intl.DateTimeFormat(locale, { hour: '2-digit', minute: '2-digit', hour12: false }),
    [locale],
  );
  const s = model.save;
  let text = '';
  if (s.kind === 'saving') text = t('assess.save.saving');
  else if (s.kind === 'offline') text = t('assess.save.offline');
  else if (s.kind === 'failed') text = t('assess.save.failed', { reason: repoErrorMessage(t, s.error) });
  else if (model.dirty) text = t('assess.save.unsaved');
  else if (s.kind === 'saved') text = t('assess.save.savedAt', { time: time.format(new Date(s.at)) });
  return <>{text}</>;
}

function AssessmentView({
  assessmentKey,
  compareKey,
}: {
  readonly assessmentKey: string;
  readonly compareKey?: string;
}) {
  const styles = useStyles();
  const page = usePageStyles();
  const { t } = useTranslation();
  const app = useApp();
  const format = useFormat();
  const model = useAssessment(app.services.stores, assessmentKey);
  const me = useMe();

  if (model.status === 'loading') return <Loading label={t('assess.loading')} />;
  const { stored, template, collaboration } = model;
  if (model.status === 'error' || !stored || !template || !collaboration) {
    return (
      <section aria-labelledby="assess-title">
        <PageHeader id="assess-title" title={t('assess.title')} />
        <ErrorState
          error={model.loadError ?? { code: 'unexpected' }}
          title={t('assess.loadFailed')}
          {...(model.loadError?.code !== 'notFound' ? { onRetry: model.reload } : {})}
        />
      </section>
    );
  }

  const title = templateTitle(template, app.locale);
  const previous = previousSubmitted(model.siblings, stored);
  const compareWith = compareKey !== undefined ? model.siblings.find((a) => a.key === compareKey) : undefined;
  const submitted = stored.status === 'submitted';
  const pendingFixes = Object.entries(model.answers).some(([k, a]) => {
    const q = template.questions.find((x) => x.key === k);
    return q !== undefined && checkAnswer(q, a) !== undefined;
  });

  return (
    <section aria-labelledby="assess-title">
      {submitted ? <style>{PRINT_CSS}</style> : null}
      <PageHeader
        id="assess-title"
        back={{ to: paths.record(collaboration.reference, 'assessments'), label: t('assess.backToRecord') }}
        title={title}
        subtitle={
          <span className={page.meta}>
            <span>
              {t('assess.subtitle', {
                reference: `${collaboration.reference} ${collaboration.title}`,
                template: title,
                version: format.number(stored.templateVersion),
              })}
            </span>
            <Badge appearance="outline">{t(`assess.status.${stored.status}`)}</Badge>
          </span>
        }
        actions={
          <span data-noprint>
            {compareKey !== undefined ? (
              <Button onClick={() => navigate(paths.assessment(stored.key))}>{t('assess.compare.back')}</Button>
            ) : previous ? (
              <Button
                onClick={() => navigate(paths.assessment(stored.key, new URLSearchParams({ compare: previous.key })))}
              >
                {t('assess.compare.button')}
              </Button>
            ) : null}{' '}
            {submitted && compareKey === undefined ? (
              <Button appearance="primary" onClick={() => window.print()}>
                {t('assess.readOnly.print')}
              </Button>
            ) : null}
          </span>
        }
      />

      <div className={page.bars}>
        {!submitted ? (
          <Text role="status" aria-live="polite" className={styles.status} data-testid="save-status">
            <SaveStatusText model={model} />
          </Text>
        ) : null}
        {!submitted && pendingFixes ? (
          <MessageBar intent="warning">
            <MessageBarBody>{t('assess.save.invalidKept')}</MessageBarBody>
          </MessageBar>
        ) : null}
        {model.restoredAt && !submitted ? (
          <RestoredNotice
            title={t('assess.restored.title')}
            discardLabel={t('assess.restored.discard')}
            onDiscard={model.discardLocal}
          >
            {t('assess.restored.body', { when: format.dateTime(model.restoredAt) })}
          </RestoredNotice>
        ) : null}
        {model.save.kind === 'conflict' && !model.save.open ? (
          <MessageBar intent="warning">
            <MessageBarBody>{t('assess.conflict.later')}</MessageBarBody>
            <MessageBarActions>
              <Button onClick={model.reopenConflict}>{t('assess.conflict.save')}</Button>
            </MessageBarActions>
          </MessageBar>
        ) : null}
        {model.save.kind === 'submittedMeanwhile' ? (
          <MessageBar intent="warning" layout="multiline">
            <MessageBarBody>{t('assess.conflict.submittedMeanwhile')}</MessageBarBody>
          </MessageBar>
        ) : null}
        {model.submit.kind === 'submitted' ? (
          <MessageBar intent="success" layout="multiline">
            <MessageBarBody>{t('assess.submit.done')}</MessageBarBody>
          </MessageBar>
        ) : null}
        {model.submit.kind === 'recordNotUpdated' ? (
          <MessageBar intent="warning" layout="multiline">
            <MessageBarBody>
              {t('assess.submit.recordNotUpdated', { reason: repoErrorMessage(t, model.submit.error) })}
            </MessageBarBody>
            <MessageBarActions>
              <Button onClick={() => void model.retryRecord()}>{t('assess.submit.retryRecord')}</Button>
            </MessageBarActions>
          </MessageBar>
        ) : null}
        {model.submit.kind === 'failed' ? (
          <ErrorState
            error={model.submit.error}
            title={t('assess.submit.failed')}
            onRetry={() => void model.submitNow(me.person, nowInstant())}
          />
        ) : null}
        {submitted && compareKey === undefined ? (
          <MessageBar intent="info">
            <MessageBarBody>{t('assess.readOnly.notice')}</MessageBarBody>
          </MessageBar>
        ) : null}
      </div>

      {compareKey !== undefined ? (
        compareWith && compareWith.status === 'submitted' ? (
          <CompareView
            before={compareWith}
            after={submitted ? stored : { ...stored, answers: payloadOf(template, model.answers) }}
            template={template}
          />
        ) : (
          <MessageBar intent="warning">
            <MessageBarBody>{t('assess.compare.notFound')}</MessageBarBody>
          </MessageBar>
        )
      ) : submitted ? (
        <>
          <ReadOnlyView assessment={stored} template={template} />
          <AssuranceFromCheck assessment={stored} template={template} />
        </>
      ) : (
        <>
          <Runner model={model} template={template} me={me.person} />
          {mayDiscard(stored, me.actor) ? (
            <p>
              <DiscardDraft draft={stored} reference={collaboration.reference} />
            </p>
          ) : null}
        </>
      )}

      <AnswerConflictDialog
        open={model.save.kind === 'conflict' && model.save.open}
        template={template}
        conflicts={model.save.kind === 'conflict' ? model.save.conflicts : NO_CONFLICTS}
        onMerge={(choices) => void model.merge(choices)}
        onCancel={model.deferConflict}
      />
    </section>
  );
}
