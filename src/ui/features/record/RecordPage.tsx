import {
  Badge,
  Button,
  makeStyles,
  MessageBar,
  MessageBarActions,
  MessageBarBody,
  MessageBarTitle,
  Tab,
  TabList,
  Text,
  tokens,
} from '@fluentui/react-components';
import { useEffect, useMemo, useRef, useState, type ComponentType } from 'react';
import { useTranslation } from 'react-i18next';
import type { Collaboration, Stored } from '../../../domain';
import { translate } from '../../../i18n';
import { useApp, useFormat } from '../../app/context';
import { paths, useRoute } from '../../app/router';
import { ErrorState } from '../../components/ErrorState';
import { Loading } from '../../components/Loading';
import { fieldMessages, repoErrorMessage } from '../../components/messages';
import { PageHeader } from '../../components/PageHeader';
import { usePageStyles } from '../../components/pageStyles';
import { displayTitle } from '../../components/recordText';
import { RestoredNotice } from '../../components/RestoredNotice';
import { ReviewBadge } from '../../components/ReviewBadge';
import { RouterLink } from '../../components/RouterLink';
import { useLookup } from '../../components/useLookups';
import { ConflictDialog } from './ConflictDialog';
import { RecordForm } from './RecordForm';
import { useRecord } from './useRecord';
import { useFieldText } from '../../components/useFieldText';
import { RecordChanges } from './RecordChanges';
import { VersionHistory } from './VersionHistory';
import { AssuranceSummary } from './AssuranceSummary';
import { may } from '../../../domain/policy';
import { usePolicy } from '../../components/usePolicy';
import { useMe } from '../../components/useRoles';

const RECORD_TABS = ['record', 'assessments', 'reviews', 'actions', 'history'] as const;
type RecordTab = (typeof RECORD_TABS)[number];
const isRecordTab = (v: string | null): v is RecordTab => RECORD_TABS.includes(v as RecordTab);
const TAB_LABELS: Record<RecordTab, string> = {
  record: 'tab.record.tabRecord',
  assessments: 'tab.record.tabAssessments',
  reviews: 'tab.record.tabReviews',
  actions: 'tab.record.tabActions',
  history: 'tab.record.tabHistory',
};
const tabId = (v: RecordTab) => `record-tab-${v}`;
const panelId = (v: RecordTab) => `record-panel-${v}`;

const useStyles = makeStyles({
  fieldset: { border: 'none', margin: 0, padding: 0, minWidth: 0 },
  // The tabs keep one row; where they do not fit (Teams on a phone) that row scrolls sideways
  // inside its own box, and the tab chosen by keyboard scrolls into view. A little padding keeps
  // the focus outline inside the box.
  tabs: {
    overflowX: 'auto',
    overflowY: 'hidden',
    padding: tokens.spacingVerticalXXS,
    marginBottom: tokens.spacingVerticalM,
  },
  actions: {
    position: 'sticky',
    bottom: 0,
    display: 'flex',
    columnGap: tokens.spacingHorizontalS,
    padding: `${tokens.spacingVerticalM} 0`,
    backgroundColor: tokens.colorNeutralBackground2,
    marginTop: tokens.spacingVerticalM,
  },
});

/** The councils' name as the register stores it (the lead organisation when the council leads). */
const COUNCIL_NAME = translate('en-GB', 'app.council');

/** A tab of the record that another feature draws (assessments, reviews, actions). */
export type RecordPanel = ComponentType<{ readonly collaboration: Stored<Collaboration> }>;

/**
 * The record's tabs that belong to other features. The record feature does not import them
 * (features never import each other): the composition layer (src/ui/app/RecordRoute.tsx) passes them in.
 */
export interface RecordPanels {
  readonly assessments: RecordPanel;
  readonly reviews: RecordPanel;
  readonly actions: RecordPanel;
}

export function RecordPage({ reference, panels }: { readonly reference: string; readonly panels: RecordPanels }) {
  const styles = useStyles();
  const page = usePageStyles();
  const { t } = useTranslation();
  const app = useApp();
  const format = useFormat();
  const store = app.services.stores.collaborations;
  const me = useMe();
  const { policy } = usePolicy();
  const model = useRecord(store, reference, {
    today: app.today,
    councilName: COUNCIL_NAME,
    history: app.services.stores.history,
    by: me.person,
    significance: policy.significance,
  });
  const partners = useLookup('partners');
  const mappings = useLookup('channelMappings');
  const valueText = useFieldText(partners.value);
  const route = useRoute();
  const asked = route.query.get('tab');
  const [tab, setTab] = useState<RecordTab>(isRecordTab(asked) ? asked : 'record');
  const errorBar = useRef<HTMLDivElement>(null);
  const storedRecord = model.stored;
  // While the person's roles are read, the form stays as it was; a role read wrongly hides a Save, never grants a write.
  const mayEdit =
    me.loading ||
    !storedRecord ||
    may(me.actor, {
      kind: 'editRecord',
      record: storedRecord,
    });
  const messages = useMemo(() => fieldMessages(t, model.errors), [t, model.errors]);
  const justCreated = route.query.get('created') === '1';

  // After a refused save, take the person to the first field that needs them.
  useEffect(() => {
    if (model.save.kind !== 'invalid') return;
    // The first field, in the page's order, that carries a message.
    const el = document.querySelector<HTMLElement>('form [aria-invalid="true"]');
    (el ?? errorBar.current)?.focus();
  }, [model.save, model.errors]);

  if (model.status === 'loading') return <Loading label={t('tab.record.loading')} />;
  if (model.status === 'error' && (!model.stored || !model.form)) {
    return (
      <section aria-labelledby="record-title">
        <PageHeader id="record-title" title={reference} />
        <ErrorState
          error={model.loadError ?? { code: 'unexpected' }}
          title={t('tab.record.loadFailed')}
          {...(model.loadError?.code !== 'notFound' ? { onRetry: model.reload } : {})}
        />
        <RouterLink to={paths.register()}>{t('tab.record.backToRegister')}</RouterLink>
      </section>
    );
  }
  const stored = model.stored;
  const form = model.form;
  if (!stored || !form) return null;
  // From the overview to every change: the history tab, with the focus on it (the button that asked is gone).
  const showHistory = () => {
    setTab('history');
    setTimeout(() => document.getElementById(tabId('history'))?.focus(), 0);
  };
  const title = displayTitle(form.draft, app.locale) || reference;
  const errorCount = Object.keys(messages).length;

  return (
    <section aria-labelledby="record-title">
      <PageHeader
        id="record-title"
        back={{ to: paths.register(), label: t('tab.record.backToRegister') }}
        title={title}
        subtitle={
          <span className={page.meta}>
            <span>{stored.reference}</span>
            <Badge appearance="outline">{t(`vocab.status.${stored.status}`)}</Badge>
            <ReviewBadge
              today={app.today}
              status={stored.status}
              {...(stored.nextReviewDue ? { due: stored.nextReviewDue } : {})}
            />
            {stored.modified ? (
              <span>{t('tab.record.lastSaved', { when: format.dateTime(stored.modified) })}</span>
            ) : null}
          </span>
        }
      />
      <div className={page.bars} ref={errorBar} tabIndex={-1}>
        {model.status === 'error' && model.loadError ? (
          <ErrorState error={model.loadError} title={t('tab.record.offlineDraft')} onRetry={model.reload} />
        ) : null}
        {model.restoredAt ? (
          <RestoredNotice
            title={t('tab.record.draftRestoredTitle')}
            discardLabel={t('tab.record.discard')}
            onDiscard={model.discard}
          >
            {t('tab.record.draftRestored', { when: format.dateTime(model.restoredAt) })}
          </RestoredNotice>
        ) : null}
        {justCreated && model.save.kind === 'idle' && !model.dirty ? (
          <MessageBar intent="success">
            <MessageBarBody>{t('tab.record.created', { reference: stored.reference })}</MessageBarBody>
          </MessageBar>
        ) : null}
        {model.save.kind === 'saved' ? (
          <MessageBar intent="success">
            <MessageBarBody>{t('tab.record.saved')}</MessageBarBody>
          </MessageBar>
        ) : null}
        {model.save.kind === 'invalid' ? (
          <MessageBar intent="error" layout="multiline">
            <MessageBarBody>
              <MessageBarTitle>{t('tab.record.invalidTitle')}</MessageBarTitle>
              {t('tab.record.invalid', { count: errorCount, formatted: format.number(errorCount) })}
            </MessageBarBody>
          </MessageBar>
        ) : null}
        {model.save.kind === 'failed' ? (
          <MessageBar intent={model.save.error.code === 'throttled' ? 'warning' : 'error'} layout="multiline">
            <MessageBarBody>
              <MessageBarTitle>{t('tab.record.saveFailed')}</MessageBarTitle>
              {repoErrorMessage(t, model.save.error)} {t('tab.record.keptTyping')}
            </MessageBarBody>
            <MessageBarActions>
              <Button onClick={() => void model.submit()}>{t('tab.actions.retry')}</Button>
            </MessageBarActions>
          </MessageBar>
        ) : null}
      </div>

      <div className={styles.tabs}>
        <TabList
          selectedValue={tab}
          onTabSelect={(_e, d) => setTab(d.value as RecordTab)}
          aria-label={t('tab.record.tabsLabel')}
        >
          {RECORD_TABS.map((v) => (
            <Tab key={v} value={v} id={tabId(v)} {...(v === tab ? { 'aria-controls': panelId(v) } : {})}>
              {t(TAB_LABELS[v])}
            </Tab>
          ))}
        </TabList>
      </div>

      {/* The one panel shown, labelled by its tab (the others are not drawn until chosen). */}
      <div role="tabpanel" id={panelId(tab)} aria-labelledby={tabId(tab)}>
        {tab === 'assessments' ? <panels.assessments collaboration={stored} /> : null}
        {tab === 'reviews' ? <panels.reviews collaboration={stored} /> : null}
        {tab === 'actions' ? <panels.actions collaboration={stored} /> : null}

        {tab === 'record' ? (
          <>
            <AssuranceSummary record={stored} refreshKey={model.savedCount} onShowHistory={showHistory} />
            <form
              aria-labelledby="record-title"
              noValidate
              onSubmit={(e) => {
                e.preventDefault();
                void model.submit();
              }}
            >
              {mayEdit ? null : (
                <MessageBar intent="info" layout="multiline">
                  <MessageBarBody>{t('tab.record.readOnly')}</MessageBarBody>
                </MessageBar>
              )}
              {/* A record the person may only read: every field read-only, and no Save that would fail. */}
              <fieldset className={styles.fieldset} disabled={!mayEdit}>
                <RecordForm
                  form={form}
                  storedStatus={stored.status}
                  onChange={model.setForm}
                  errors={messages}
                  partners={partners.value ?? []}
                  mappings={mappings.value ?? []}
                  councilName={COUNCIL_NAME}
                />
              </fieldset>
              {mayEdit ? (
                <div className={styles.actions}>
                  <Button appearance="primary" type="submit" disabledFocusable={model.save.kind === 'saving'}>
                    {model.save.kind === 'saving' ? t('tab.record.saving') : t('tab.record.save')}
                  </Button>
                  <Button onClick={model.discard} disabled={!model.dirty && !model.restoredAt}>
                    {t('tab.record.discard')}
                  </Button>
                  {model.dirty ? <Text role="status">{t('tab.record.unsaved')}</Text> : null}
                </div>
              ) : null}
            </form>
          </>
        ) : tab === 'history' ? (
          <>
            <RecordChanges collaborationId={stored.id} refreshKey={model.savedCount} />
            <h2>{t('tab.record.tabHistory')}</h2>
            <VersionHistory store={store} id={stored.id} refreshKey={model.savedCount} valueText={valueText} />
          </>
        ) : null}
      </div>

      {model.save.kind === 'conflict' ? (
        <ConflictDialog
          mine={model.save.mine}
          theirs={model.save.theirs}
          base={model.save.base}
          valueText={valueText}
          onMerge={(choices) => void model.merge(choices)}
          onCancel={model.cancelConflict}
        />
      ) : null}
    </section>
  );
}
