/**
 * The governance team's own words in the annual report: an introduction, key messages and
 * recommendations, in English and Welsh, kept with the year's report (the Report Narratives
 * list). The governance team writes them here; everyone else reads them in their language.
 * Saving goes through the use case (length limits, create or update with the ETag read);
 * when someone else saved first, the conflict dialog shows both versions of each changed
 * part and the person chooses; what they typed stays in the form until they do.
 */
import {
  Button,
  Field,
  makeStyles,
  MessageBar,
  MessageBarBody,
  Spinner,
  Text,
  Textarea,
  tokens,
} from '@fluentui/react-components';
import { useCallback, useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { saveReportNarrative } from '../../../app/saveReportNarrative';
import {
  annualNarrativeKey,
  NARRATIVE_FIELDS,
  NARRATIVE_MAX_LENGTH,
  NARRATIVE_PARTS,
  narrativeChanges,
  narrativeField,
  type NarrativeField,
  type RepoError,
  type ReportNarrative,
  type Stored,
} from '../../../domain';
import { may } from '../../../domain/policy';
import { useFormat, useServices } from '../../app/context';
import { ConflictDialog, type Side } from '../../components/ConflictDialog';
import { domainErrorMessage, repoErrorMessage } from '../../components/messages';
import { useMe } from '../../components/useRoles';
import { clearNarrativeDraft, loadNarrativeDraft, saveNarrativeDraft } from './narrativeDraft';
import { narrativeText } from './wordDocument';

const useStyles = makeStyles({
  section: { marginBottom: tokens.spacingVerticalXXL },
  part: { marginBottom: tokens.spacingVerticalL },
  text: { whiteSpace: 'pre-wrap', overflowWrap: 'normal', marginTop: 0 },
  note: { fontStyle: 'italic', color: tokens.colorNeutralForeground2 },
  pair: {
    display: 'grid',
    gridTemplateColumns: 'repeat(auto-fit, minmax(18rem, 1fr))',
    columnGap: tokens.spacingHorizontalL,
    rowGap: tokens.spacingVerticalS,
    marginBottom: tokens.spacingVerticalL,
  },
  bar: { display: 'flex', alignItems: 'center', columnGap: tokens.spacingHorizontalS },
});

type Draft = Readonly<Record<NarrativeField, string>>;

const draftOf = (n: ReportNarrative | undefined): Draft =>
  Object.fromEntries(NARRATIVE_FIELDS.map((f) => [f, n?.[f] ?? ''])) as Draft;

export interface NarrativeState {
  readonly loading: boolean;
  readonly error?: RepoError;
  readonly stored?: Stored<ReportNarrative>;
  readonly reload: () => void;
  /** After a save: the version now stored. */
  readonly saved: (n: Stored<ReportNarrative>) => void;
}

/** The year's narrative from the Report Narratives list (undefined until the governance team writes one). */
export function useNarrative(year: number): NarrativeState {
  const services = useServices();
  const key = annualNarrativeKey(year);
  const [attempt, setAttempt] = useState(0);
  const [state, setState] = useState<{ loading: boolean; error?: RepoError; stored?: Stored<ReportNarrative> }>({
    loading: true,
  });
  useEffect(() => {
    let live = true;
    setState({ loading: true });
    void services.stores.reportNarratives.find(key).then((r) => {
      if (!live) return;
      setState(r.ok ? { loading: false, ...(r.value ? { stored: r.value } : {}) } : { loading: false, error: r.error });
    });
    return () => {
      live = false;
    };
  }, [services, key, attempt]);
  const reload = useCallback(() => setAttempt((n) => n + 1), []);
  const saved = useCallback((stored: Stored<ReportNarrative>) => setState({ loading: false, stored }), []);
  return { ...state, reload, saved };
}

/** The narrative as the committee reads it: each part in the person's language (also the printed view). */
export function NarrativeView({ narrative }: { readonly narrative?: ReportNarrative }) {
  const styles = useStyles();
  const { t } = useTranslation();
  const { locale } = useFormat();
  return (
    <>
      {NARRATIVE_PARTS.map((part) => {
        const { text, otherLanguage } = narrativeText(narrative, part, locale);
        return (
          <div key={part} className={styles.part} data-narrative-part={part}>
            <Text as="h3" size={400} weight="semibold" block>
              {t(`report.narrative.parts.${part}`)}
            </Text>
            {text ? (
              <>
                {otherLanguage ? (
                  <Text as="p" className={styles.note} block>
                    {t('report.narrative.onlyOtherLanguage')}
                  </Text>
                ) : null}
                <Text as="p" className={styles.text} block>
                  {text}
                </Text>
              </>
            ) : (
              <Text as="p" className={styles.note} block>
                {t('report.narrative.notWritten')}
              </Text>
            )}
          </div>
        );
      })}
    </>
  );
}

type Notice = { readonly intent: 'success' | 'error' | 'info'; readonly text: string };

/** The narrative section of the annual report page: written by the governance team, read by everyone. */
export function AnnualNarrative({ year, state }: { readonly year: number; readonly state: NarrativeState }) {
  const styles = useStyles();
  const { t } = useTranslation();
  const me = useMe();
  const writer = !me.loading && may(me.actor, { kind: 'writeReportNarrative' });

  return (
    <section className={styles.section} aria-labelledby="report-narrative" data-annual-narrative>
      <Text as="h2" size={500} weight="semibold" id="report-narrative" block>
        {t('report.narrative.title')}
      </Text>
      {state.loading ? (
        <Spinner size="tiny" label={t('report.loading')} />
      ) : state.error ? (
        <MessageBar intent="error">
          <MessageBarBody>
            {t('report.narrative.loadFailed')} {repoErrorMessage(t, state.error)}{' '}
            <Button size="small" onClick={state.reload}>
              {t('report.narrative.retry')}
            </Button>
          </MessageBarBody>
        </MessageBar>
      ) : writer ? (
        <>
          <div data-print="hide">
            <NarrativeEditor key={`${year}`} year={year} state={state} />
          </div>
          <div data-annual-print="only">
            <NarrativeView {...(state.stored ? { narrative: state.stored } : {})} />
          </div>
        </>
      ) : (
        <>
          <Text as="p" className={styles.note} block data-print="hide">
            {t('report.narrative.readOnly')}
          </Text>
          <NarrativeView {...(state.stored ? { narrative: state.stored } : {})} />
        </>
      )}
    </section>
  );
}

function NarrativeEditor({ year, state }: { readonly year: number; readonly state: NarrativeState }) {
  const styles = useStyles();
  const { t } = useTranslation();
  const services = useServices();
  const format = useFormat();
  const me = useMe();
  const key = annualNarrativeKey(year);
  // A draft kept in this browser comes back, over the version it was written on (its ETag), so a
  // save after someone else's meets theirs in the conflict dialog.
  const [local] = useState(() => {
    const kept = loadNarrativeDraft(key);
    if (kept && narrativeChanges(kept.texts, draftOf(state.stored)).length > 0) return kept;
    // Nothing in it that is not stored: it is spent.
    if (kept) clearNarrativeDraft(key);
    return undefined;
  });
  const [base, setBase] = useState<Stored<ReportNarrative> | undefined>(() =>
    local ? (local.etag && state.stored ? { ...state.stored, etag: local.etag } : undefined) : state.stored,
  );
  const [draft, setDraftState] = useState<Draft>(() => local?.texts ?? draftOf(state.stored));
  const setDraft = (next: Draft | ((prev: Draft) => Draft)) =>
    setDraftState((prev) => {
      const value = typeof next === 'function' ? next(prev) : next;
      saveNarrativeDraft(key, { texts: value, ...(base ? { etag: base.etag } : {}) });
      return value;
    });
  const [errors, setErrors] = useState<Partial<Record<NarrativeField, string>>>({});
  const [notice, setNotice] = useState<Notice | undefined>(() =>
    local ? { intent: 'info', text: t('report.narrative.restored') } : undefined,
  );
  const [saving, setSaving] = useState(false);
  const [conflict, setConflict] = useState<
    { mine: ReportNarrative; theirs: Stored<ReportNarrative>; choice: Record<string, Side> } | undefined
  >();

  const dirty = useMemo(() => narrativeChanges(draftOf(base), draft).length > 0, [base, draft]);

  const save = async (narrative: ReportNarrative, against: Stored<ReportNarrative> | undefined) => {
    setSaving(true);
    setNotice(undefined);
    const r = await saveReportNarrative(services.stores.reportNarratives, {
      narrative,
      ...(against ? { base: against } : {}),
      actor: me.actor,
    });
    setSaving(false);
    if (r.ok) {
      setErrors({});
      setConflict(undefined);
      setBase(r.value);
      setDraftState(draftOf(r.value));
      clearNarrativeDraft(key);
      state.saved(r.value);
      setNotice({ intent: 'success', text: t('report.narrative.saved') });
    } else if ('invalid' in r) {
      const out: Partial<Record<NarrativeField, string>> = {};
      for (const e of r.invalid) out[e.field as NarrativeField] ??= domainErrorMessage(t, e);
      setErrors(out);
      setNotice({ intent: 'error', text: t('report.narrative.invalid') });
    } else if ('forbidden' in r) {
      setNotice({ intent: 'error', text: t('report.narrative.forbidden') });
    } else if ('conflict' in r && r.conflict.theirs) {
      const theirs = r.conflict.theirs;
      const choice: Record<string, Side> = {};
      for (const f of narrativeChanges(r.conflict.mine, theirs)) choice[f] = 'mine';
      setConflict({ mine: r.conflict.mine, theirs, choice });
    } else {
      setNotice({ intent: 'error', text: t('report.narrative.failed') });
    }
  };

  const onSave = () => void save({ key, ...draft }, base);

  const keepChoices = () => {
    if (!conflict) return;
    const merged: Record<string, string> = { key };
    for (const f of NARRATIVE_FIELDS) {
      const side = conflict.choice[f] ?? 'mine';
      merged[f] = (side === 'mine' ? conflict.mine[f] : conflict.theirs[f]) ?? '';
    }
    setDraft(merged as unknown as Draft);
    void save(merged as ReportNarrative, conflict.theirs);
  };

  const length = (s: string) => [...s].length;

  return (
    <>
      {NARRATIVE_PARTS.map((part) => (
        <div key={part} className={styles.pair} role="group" aria-label={t(`report.narrative.parts.${part}`)}>
          {[false, true].map((welsh) => {
            const field = narrativeField(part, welsh);
            const label = t(welsh ? 'report.narrative.inWelsh' : 'report.narrative.inEnglish', {
              part: t(`report.narrative.parts.${part}`),
            });
            const error = errors[field];
            return (
              <Field
                key={field}
                label={label}
                {...(error ? { validationMessage: error, validationState: 'error' as const } : {})}
                hint={t('report.narrative.count', {
                  count: format.number(length(draft[field])),
                  max: format.number(NARRATIVE_MAX_LENGTH),
                })}
              >
                <Textarea
                  resize="vertical"
                  rows={5}
                  value={draft[field]}
                  lang={welsh ? 'cy' : 'en'}
                  onChange={(_e, d) => setDraft((prev) => ({ ...prev, [field]: d.value }))}
                />
              </Field>
            );
          })}
        </div>
      ))}
      <div className={styles.bar}>
        <Button appearance="primary" onClick={onSave} disabled={saving}>
          {saving ? <Spinner size="tiny" aria-hidden /> : null}
          {t('report.narrative.save')}
        </Button>
        {dirty && !saving ? <Text className={styles.note}>{t('report.narrative.unsaved')}</Text> : null}
      </div>
      <div role="status" aria-live="polite">
        {saving ? t('report.narrative.saving') : notice?.intent === 'success' ? notice.text : null}
      </div>
      {notice?.intent === 'info' ? (
        <MessageBar intent="info">
          <MessageBarBody>{notice.text}</MessageBarBody>
        </MessageBar>
      ) : null}
      {notice?.intent === 'error' ? (
        <MessageBar intent="error">
          <MessageBarBody>{notice.text}</MessageBarBody>
        </MessageBar>
      ) : null}
      {conflict ? (
        <ConflictDialog
          title={t('report.narrative.conflict.title')}
          intro={t('report.narrative.conflict.intro')}
          empty={t('report.narrative.conflict.empty')}
          mineLabel={t('report.narrative.conflict.mine')}
          theirsLabel={t('report.narrative.conflict.theirs')}
          items={narrativeChanges(conflict.mine, conflict.theirs).map((f) => {
            const part = NARRATIVE_PARTS.find((p) => f.startsWith(p)) ?? 'introduction';
            return {
              key: f,
              label: t(f.endsWith('Cy') ? 'report.narrative.inWelsh' : 'report.narrative.inEnglish', {
                part: t(`report.narrative.parts.${part}`),
              }),
              mine: conflict.mine[f] || t('report.narrative.conflict.blank'),
              theirs: conflict.theirs[f] || t('report.narrative.conflict.blank'),
            };
          })}
          choice={{
            value: conflict.choice,
            onChange: (key, side) => setConflict((c) => (c ? { ...c, choice: { ...c.choice, [key]: side } } : c)),
          }}
          actions={[
            { label: t('report.narrative.conflict.keep'), onClick: keepChoices, primary: true },
            {
              label: t('report.narrative.conflict.cancel'),
              onClick: () => {
                // Back to the form with what they typed; the next save meets their version again.
                setConflict(undefined);
              },
            },
          ]}
          onDismiss={() => setConflict(undefined)}
        />
      ) : null}
    </>
  );
}
