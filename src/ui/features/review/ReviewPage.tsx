import {
  Button,
  Dropdown,
  Field,
  Link,
  MessageBar,
  MessageBarActions,
  MessageBarBody,
  MessageBarTitle,
  Option,
  Radio,
  RadioGroup,
  Text,
  tokens,
} from '@fluentui/react-components';
import { useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  isFrozen,
  openActions,
  ASSURANCE_LEVELS,
  OUTCOMES,
  outcomeNeedsActions,
  reviewProgress,
  type AssuranceLevel,
  type Outcome,
  type Person,
} from '../../../domain';
import { useApp, useFormat } from '../../app/context';
import type { PanelPostResult } from '../../app/services';
import { paths } from '../../app/router';
import { ErrorState } from '../../components/ErrorState';
import { ChoiceField, DateField, TextField } from '../../components/form';
import { useMe } from '../../components/useRoles';
import { usePolicy } from '../../components/usePolicy';
import { useLookup } from '../../components/useLookups';
import { panelKeyOf, panelsOf, type Panel } from '../../../domain/panels';
import { may } from '../../../domain/policy';
import { awaitsApplying } from '../../../app/recordReviewOutcome';
import { Loading } from '../../components/Loading';
import { PageHeader } from '../../components/PageHeader';
import { PeoplePicker } from '../../components/PeoplePicker';
import { assessmentTitle, displayTitle, panelLabel, useReviewLabel } from '../../components/recordText';
import { RouterLink } from '../../components/RouterLink';
import { ActionFields, emptyDraft, type ActionDraft } from '../../components/ActionFields';
import { messagesByField, newKey } from '../../components/actionShared';
import { FrozenReview } from './FrozenReview';
import { ReviewConflict } from './ReviewConflict';
import { ReviewStateText } from './ReviewStateText';
import { useReviewStyles } from './styles';
import { loadOutcomeDraft, saveOutcomeDraft, useReview, type OutcomeForm, type ReviewData } from './useReview';

function newForm(today: string): OutcomeForm {
  return { heldOn: today, decisionNote: '', exitNote: '', actions: [], nextReviewKey: newKey('REV') };
}

/** One review: details, the panel channel, and the outcome; frozen once the outcome is recorded. */
export function ReviewPage({ reviewKey }: { readonly reviewKey: string }) {
  const { t } = useTranslation();
  const app = useApp();
  const format = useFormat();
  const reviewName = useReviewLabel();
  const me = useMe();
  const mappings = useLookup('channelMappings');
  const { policy } = usePolicy();
  const panels = useMemo(() => panelsOf(mappings.value ?? []), [mappings.value]);
  const actor = me.actor;
  const canApply = may(actor, { kind: 'applyDecision' });
  const model = useReview(
    app.services,
    reviewKey,
    app.today,
    (r, reference) => `${reference} ${t(`vocab.reviewKind.${r.kind}`)}`,
    { apply: canApply, panels },
    policy,
  );
  const loaded = model.load.kind === 'ready' ? model.load.data.review : undefined;
  // A decided review whose consequences wait: the governance team's tab applies them on opening.
  const autoApplied = useRef<string | undefined>(undefined);
  useEffect(() => {
    if (!loaded || !canApply || !awaitsApplying(loaded) || model.record.kind !== 'idle') return;
    if (autoApplied.current === loaded.key) return;
    autoApplied.current = loaded.key;
    void model.apply();
  }, [loaded, canApply, model]);

  const header = (title: string, subtitle?: React.ReactNode) => (
    <PageHeader id="review-title" title={title} {...(subtitle ? { subtitle } : {})} />
  );
  if (model.load.kind === 'loading')
    return (
      <section aria-labelledby="review-title">
        {header(t('review.page.loadingTitle'))}
        <Loading />
      </section>
    );
  if (model.load.kind === 'error')
    return (
      <section aria-labelledby="review-title">
        {header(t('review.page.loadingTitle'))}
        <ErrorState error={model.load.error} title={t('review.page.loadFailed')} onRetry={model.reload} />
      </section>
    );

  const data = model.load.data;
  const { review, collaboration } = data;
  return (
    <section aria-labelledby="review-title">
      {header(
        reviewName(review),
        <span>
          <RouterLink to={paths.record(collaboration.reference, 'reviews')}>
            {collaboration.reference} {displayTitle(collaboration, app.locale)}
          </RouterLink>
          {' · '}
          {t(`vocab.reviewKind.${review.kind}`)}
          {' · '}
          {t('review.page.due', { date: format.date(review.dueDate) })}
          {' · '}
          <ReviewStateText progress={reviewProgress(review, app.today)} />
        </span>,
      )}
      {model.record.kind === 'recorded' ? (
        <MessageBar intent="success" layout="multiline">
          <MessageBarBody>
            {model.record.applied ? t('review.outcome.recorded') : t('review.outcome.recordedPending')}
          </MessageBarBody>
        </MessageBar>
      ) : null}
      {isFrozen(review) ? (
        <>
          {awaitsApplying(review) && model.record.kind !== 'recorded' ? (
            <MessageBar intent="info" layout="multiline">
              <MessageBarBody>
                {model.record.kind === 'saving'
                  ? t('review.outcome.applying')
                  : t('review.outcome.awaitingApply', { date: format.date(review.heldOn ?? app.today) })}
              </MessageBarBody>
            </MessageBar>
          ) : null}
          {model.record.kind === 'unfinished' ? (
            <MessageBar intent="warning" layout="multiline">
              <MessageBarBody>
                <MessageBarTitle>{t('review.outcome.unfinished')}</MessageBarTitle>
                {t(`tab.repoErrors.${model.record.error.code}`)}
              </MessageBarBody>
              <MessageBarActions>
                <Button onClick={() => void model.finish()}>{t('review.outcome.finish')}</Button>
              </MessageBarActions>
            </MessageBar>
          ) : null}
          <FrozenReview data={data} />
        </>
      ) : may(actor, {
          kind: 'recordOutcome',
          review: { panel: panelKeyOf(review.panel ?? collaboration.panel, panels) },
        }) ? (
        <>
          <DetailsSection data={data} model={model} panels={panels} />
          <ChannelSection data={data} onPost={model.post} panels={panels} />
          <OutcomeSection data={data} model={model} />
        </>
      ) : me.loading ? (
        <Loading />
      ) : (
        <MessageBar intent="info" layout="multiline">
          <MessageBarBody>
            {(review.panel ?? collaboration.panel)
              ? t('review.access.panelOnly', {
                  panel: panelLabel(review.panel ?? collaboration.panel, panels, app.locale),
                })
              : t('review.access.noPanel')}
          </MessageBarBody>
        </MessageBar>
      )}
    </section>
  );
}

type Model = ReturnType<typeof useReview>;

function DetailsSection({
  data,
  model,
  panels,
}: {
  readonly data: ReviewData;
  readonly model: Model;
  readonly panels: readonly Panel[];
}) {
  const app = useApp();
  const styles = useReviewStyles();
  const { t } = useTranslation();
  const format = useFormat();
  const { review } = data;
  const [panel, setPanel] = useState(review.panel ?? '');
  const [attendees, setAttendees] = useState<readonly Person[]>(review.attendees);
  const [assessmentId, setAssessmentId] = useState<number | undefined>(review.assessmentId);
  const [adding, setAdding] = useState<Person | undefined>();
  const [saved, setSaved] = useState(false);

  useEffect(() => {
    setPanel(review.panel ?? '');
    setAttendees(review.attendees);
    setAssessmentId(review.assessmentId);
  }, [review]);

  const assessmentLabel = (id: number | undefined) => {
    const a = data.assessments.find((x) => x.id === id);
    if (!a) return t('review.details.noAssessment');
    return t('review.details.assessmentOption', {
      template: assessmentTitle(a, data.templates, app.locale),
      version: a.templateVersion,
      date: format.date(a.submittedOn),
      rag: a.overallRag ? t(`vocab.rag.${a.overallRag}`) : '–',
    });
  };

  return (
    <section className={styles.section} aria-labelledby="review-details">
      <h2 id="review-details" className={styles.h2}>
        {t('review.details.title')}
      </h2>
      <ChoiceField
        name="panel"
        label={t('review.details.panel')}
        codes={panels.map((p) => p.key)}
        value={panelKeyOf(panel, panels)}
        onChange={setPanel}
        labelOf={(key) => panelLabel(key, panels, app.locale)}
      />
      <div>
        <Text weight="semibold" block id="attendees-label">
          {t('review.details.attendees')}
        </Text>
        {attendees.length === 0 ? (
          <Text as="p" className={styles.muted}>
            {t('review.details.noAttendees')}
          </Text>
        ) : (
          <ul className={styles.people} aria-labelledby="attendees-label">
            {attendees.map((p) => (
              <li key={p.id} className={styles.person}>
                <Text>{p.displayName}</Text>
                <Button
                  appearance="subtle"
                  size="small"
                  aria-label={t('review.details.removeAttendee', { name: p.displayName })}
                  onClick={() => setAttendees((list) => list.filter((x) => x.id !== p.id))}
                >
                  ✕
                </Button>
              </li>
            ))}
          </ul>
        )}
        <div className={styles.row}>
          <PeoplePicker name="attendee" label={t('review.details.addAttendee')} value={adding} onChange={setAdding} />
          <Button
            disabled={!adding}
            onClick={() => {
              if (adding && !attendees.some((a) => a.id === adding.id)) setAttendees((l) => [...l, adding]);
              setAdding(undefined);
            }}
          >
            {t('review.details.add')}
          </Button>
        </div>
      </div>
      <Field label={t('review.details.assessment')}>
        <Dropdown
          name="assessment"
          value={assessmentLabel(assessmentId)}
          selectedOptions={[assessmentId !== undefined ? String(assessmentId) : '']}
          onOptionSelect={(_e, d) => setAssessmentId(d.optionValue ? Number(d.optionValue) : undefined)}
        >
          <Option value="" text={t('review.details.noAssessment')}>
            {t('review.details.noAssessment')}
          </Option>
          {data.assessments.map((a) => (
            <Option key={a.id} value={String(a.id)} text={assessmentLabel(a.id)}>
              {assessmentLabel(a.id)}
            </Option>
          ))}
        </Dropdown>
      </Field>
      <div className={styles.row}>
        <Button
          disabled={model.details.saving}
          onClick={() => {
            setSaved(false);
            void model.saveDetails({ panel, attendees, assessmentId }).then(() => setSaved(true));
          }}
        >
          {t('review.details.save')}
        </Button>
        <span role="status" aria-live="polite">
          {saved && !model.details.error && !model.details.saving ? <Text>{t('review.details.saved')}</Text> : null}
        </span>
      </div>
      {model.details.conflict ? (
        <ReviewConflict
          title={t('review.conflict.title')}
          intro={t('review.conflict.detailsIntro')}
          rows={[
            {
              field: 'panel',
              label: t('review.details.panel'),
              mine: panel,
              theirs: model.details.conflict.panel ?? '',
            },
            {
              field: 'attendees',
              label: t('review.details.attendees'),
              mine: attendees.map((a) => a.displayName).join(', '),
              theirs: model.details.conflict.attendees.map((a) => a.displayName).join(', '),
            },
          ]}
          onKeepMine={() => {
            const theirs = model.details.conflict;
            if (theirs) void model.saveDetailsOn(theirs, { panel, attendees, assessmentId });
          }}
          onKeepTheirs={model.reload}
        />
      ) : null}
      {model.details.error && !model.details.conflict ? <ErrorState error={model.details.error} /> : null}
    </section>
  );
}

function ChannelSection({
  data,
  onPost,
  panels: panelsOfData,
}: {
  readonly data: ReviewData;
  readonly onPost: () => Promise<PanelPostResult | undefined>;
  readonly panels: readonly Panel[];
}) {
  const app = useApp();
  const styles = useReviewStyles();
  const { t } = useTranslation();
  const [posting, setPosting] = useState(false);
  const [result, setResult] = useState<PanelPostResult | undefined>();
  const url = data.review.conversationUrl;
  return (
    <section className={styles.section} aria-labelledby="review-channel">
      <h2 id="review-channel" className={styles.h2}>
        {t('review.channel.title')}
      </h2>
      <Text>
        {t('review.channel.intro', {
          panel: panelLabel(data.review.panel ?? data.collaboration.panel, panelsOfData, app.locale),
        })}
      </Text>
      <div className={styles.row}>
        <Button
          appearance="primary"
          disabled={posting}
          onClick={() => {
            setPosting(true);
            void onPost().then((r) => {
              setPosting(false);
              setResult(r);
            });
          }}
        >
          {t('review.channel.post')}
        </Button>
        {url ? (
          <Link href={url} target="_blank" rel="noopener noreferrer">
            {t('review.channel.open')}
          </Link>
        ) : null}
      </div>
      <div role="status" aria-live="polite">
        {posting ? <Text>{t('review.channel.posting')}</Text> : null}
        {result?.ok ? <Text>{t('review.channel.posted')}</Text> : null}
      </div>
      {result && !result.ok ? (
        <MessageBar intent="error" layout="multiline">
          <MessageBarBody>
            <MessageBarTitle>{t('review.channel.failed')}</MessageBarTitle>
            {t(`review.channel.errors.${result.code}`)}
            {result.messageUrl ? (
              <>
                {' '}
                <Link href={result.messageUrl} target="_blank" rel="noopener noreferrer">
                  {t('review.channel.open')}
                </Link>
              </>
            ) : null}
          </MessageBarBody>
        </MessageBar>
      ) : null}
    </section>
  );
}

function OutcomeSection({ data, model }: { readonly data: ReviewData; readonly model: Model }) {
  const styles = useReviewStyles();
  const { t } = useTranslation();
  const app = useApp();
  const key = data.review.key;
  const [form, setForm] = useState<OutcomeForm>(() => loadOutcomeDraft(key) ?? newForm(app.today));
  const { policy } = usePolicy();
  useEffect(() => {
    const timer = setTimeout(() => saveOutcomeDraft(key, form), 200);
    return () => clearTimeout(timer);
  }, [key, form]);

  const errors = model.record.kind === 'invalid' ? model.record.errors : [];
  const messages = messagesByField(t, errors);
  const set = (patch: Partial<OutcomeForm>) => {
    setForm((f) => ({ ...f, ...patch }));
    if (model.record.kind === 'failed') model.resetRecord();
  };
  const needsActions = outcomeNeedsActions(form.outcome);
  const open = openActions(data.actions, app.today).length;
  const actionErrors = (i: number): Record<string, string> => {
    const out: Record<string, string> = {};
    for (const [field, message] of Object.entries(messages)) {
      const prefix = `actions.${i}.`;
      if (field.startsWith(prefix)) out[field.slice(prefix.length)] ??= message;
    }
    return out;
  };
  const conflict = model.record.kind === 'conflict' ? model.record : undefined;
  const outcomeText = (o: Outcome | undefined) => (o ? t(`vocab.outcome.${o}`) : '–');

  return (
    <section className={styles.section} aria-labelledby="review-outcome">
      <h2 id="review-outcome" className={styles.h2}>
        {t('review.outcome.title')}
      </h2>
      {errors.length > 0 ? (
        <MessageBar intent="error" layout="multiline" role="alert">
          <MessageBarBody>
            <MessageBarTitle>{t('review.nothingSaved')}</MessageBarTitle>
            <ul>
              {[...new Set(Object.values(messages))].map((m) => (
                <li key={m}>{m}</li>
              ))}
            </ul>
          </MessageBarBody>
        </MessageBar>
      ) : null}
      {model.record.kind === 'failed' ? (
        <ErrorState error={model.record.error} title={t('review.nothingSaved')} />
      ) : null}
      <form
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          void model.submit(form).then(() => undefined);
        }}
        aria-labelledby="review-outcome"
        className={styles.section}
        style={{ border: 'none', padding: 0, margin: 0 }}
      >
        <Field
          label={t('review.outcome.outcome')}
          required
          {...(messages['outcome']
            ? { validationMessage: messages['outcome'], validationState: 'error' as const }
            : {})}
        >
          <RadioGroup
            name="outcome"
            value={form.outcome ?? ''}
            onChange={(_e, d) => set({ outcome: d.value as Outcome })}
          >
            {OUTCOMES.map((o) => (
              <Radio key={o} value={o} label={t(`vocab.outcome.${o}`)} />
            ))}
          </RadioGroup>
        </Field>
        <DateField
          name="heldOn"
          label={t('review.outcome.heldOn')}
          required
          notAfter={app.today}
          value={form.heldOn}
          onChange={(v) => set({ heldOn: v ?? '' })}
          {...(messages['heldOn'] ? { error: messages['heldOn'] } : {})}
        />
        <TextField
          name="decisionNote"
          label={t('review.outcome.decisionNote')}
          required
          multiline
          value={form.decisionNote}
          onChange={(decisionNote) => set({ decisionNote })}
          {...(messages['decisionNote'] ? { error: messages['decisionNote'] } : {})}
        />
        <Field label={t('review.outcome.assurance')} hint={t('review.outcome.assuranceHint')}>
          <RadioGroup
            name="assuranceLevel"
            value={form.assuranceLevel ?? ''}
            onChange={(_e, d) =>
              set(d.value === '' ? { assuranceLevel: undefined } : { assuranceLevel: d.value as AssuranceLevel })
            }
          >
            <Radio value="" label={t('review.outcome.assuranceNotGiven')} />
            {ASSURANCE_LEVELS.map((l) => (
              <Radio key={l} value={l} label={t(`vocab.assurance.${l}`)} />
            ))}
          </RadioGroup>
        </Field>
        {form.assuranceLevel ? (
          <TextField
            name="assuranceReason"
            label={t('review.outcome.assuranceReason')}
            required
            multiline
            hint={(() => {
              const months = policy.assuranceCadence[form.assuranceLevel];
              return months === null
                ? t('review.outcome.assuranceCadenceNone')
                : t('review.outcome.assuranceCadence', { count: months });
            })()}
            value={form.assuranceReason ?? ''}
            onChange={(assuranceReason) => set({ assuranceReason })}
            {...(messages['assuranceReason'] ? { error: messages['assuranceReason'] } : {})}
          />
        ) : null}
        {form.outcome === 'withdraw' ? (
          <TextField
            name="exitNote"
            label={t('review.outcome.exitPlan')}
            required
            multiline
            hint={
              data.collaboration.exitNote ? t('review.outcome.exitPlanHintExisting') : t('review.outcome.exitPlanHint')
            }
            value={form.exitNote}
            onChange={(exitNote) => set({ exitNote })}
            {...(messages['exitNote'] ? { error: messages['exitNote'] } : {})}
          />
        ) : null}
        {form.outcome !== 'withdraw' ? (
          <DateField
            name="nextReviewDue"
            label={t('review.outcome.nextReview')}
            hint={t('review.outcome.nextReviewHint')}
            value={form.nextReviewDue}
            onChange={(v) => set(v ? { nextReviewDue: v } : { nextReviewDue: undefined })}
            {...(messages['nextReviewDue'] ? { error: messages['nextReviewDue'] } : {})}
          />
        ) : null}
        {needsActions || form.actions.length > 0 ? (
          <fieldset className={styles.section} style={{ margin: 0 }}>
            <legend className={styles.h3}>{t('review.outcome.actions')}</legend>
            <Text>
              {needsActions ? t('review.outcome.actionsAsked', { count: open }) : t('review.outcome.actionsOptional')}
            </Text>
            {messages['actions'] ? (
              <Text role="alert" style={{ color: tokens.colorPaletteRedForeground1 }}>
                {messages['actions']}
              </Text>
            ) : null}
            {form.actions.map((draft, i) => (
              <div
                key={draft.key}
                className={styles.action}
                role="group"
                aria-label={t('review.outcome.actionN', { n: i + 1 })}
              >
                <Text weight="semibold">{t('review.outcome.actionN', { n: i + 1 })}</Text>
                <ActionFields
                  draft={draft}
                  name={`actions.${i}`}
                  errors={actionErrors(i)}
                  onChange={(d: ActionDraft) => set({ actions: form.actions.map((x, j) => (j === i ? d : x)) })}
                />
                <div>
                  <Button onClick={() => set({ actions: form.actions.filter((_, j) => j !== i) })}>
                    {t('review.outcome.removeAction', { n: i + 1 })}
                  </Button>
                </div>
              </div>
            ))}
            <div>
              <Button onClick={() => set({ actions: [...form.actions, emptyDraft()] })}>
                {t('review.outcome.addAction')}
              </Button>
            </div>
          </fieldset>
        ) : null}
        <div className={styles.row}>
          <Button appearance="primary" type="submit" disabled={model.record.kind === 'saving'}>
            {t('review.outcome.record')}
          </Button>
          <span role="status" aria-live="polite">
            {model.record.kind === 'saving' ? <Text>{t('review.outcome.saving')}</Text> : null}
          </span>
        </div>
      </form>
      {conflict ? (
        <ReviewConflict
          title={t('review.conflict.title')}
          intro={isFrozen(conflict.theirs) ? t('review.conflict.frozenIntro') : t('review.conflict.openIntro')}
          rows={[
            {
              field: 'outcome',
              label: t('review.outcome.outcome'),
              mine: outcomeText(conflict.mine.outcome),
              theirs: outcomeText(conflict.theirs.outcome),
            },
            {
              field: 'decisionNote',
              label: t('review.outcome.decisionNote'),
              mine: conflict.mine.decisionNote ?? '',
              theirs: conflict.theirs.decisionNote ?? '–',
            },
          ]}
          {...(isFrozen(conflict.theirs)
            ? {}
            : {
                onKeepMine: () => {
                  void model.submit(form, conflict.theirs);
                },
              })}
          onKeepTheirs={() => {
            model.resetRecord();
            model.reload();
          }}
        />
      ) : null}
    </section>
  );
}
