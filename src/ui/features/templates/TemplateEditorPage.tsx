import {
  Badge,
  Button,
  Field,
  Input,
  makeStyles,
  MessageBar,
  MessageBarActions,
  MessageBarBody,
  MessageBarTitle,
  Text,
  Textarea,
  tokens,
} from '@fluentui/react-components';
import { useCallback, useEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { canRemoveQuestion, type DomainError, type Question, type Section } from '../../../domain';
import { useApp, useFormat } from '../../app/context';
import { paths } from '../../app/router';
import { ErrorState } from '../../components/ErrorState';
import { Loading } from '../../components/Loading';
import { domainErrorMessage, repoErrorMessage } from '../../components/messages';
import { PageHeader } from '../../components/PageHeader';
import { usePageStyles } from '../../components/pageStyles';
import { RestoredNotice } from '../../components/RestoredNotice';
import { QuestionEditor } from './QuestionEditor';
import { TemplateConflictDialog } from './TemplateConflictDialog';
import { TemplateView } from './TemplateView';
import { useTemplateEditor } from './useTemplateEditor';

const useStyles = makeStyles({
  form: { display: 'flex', flexDirection: 'column', rowGap: tokens.spacingVerticalL },
  group: {
    border: 'none',
    margin: 0,
    padding: 0,
    display: 'flex',
    flexDirection: 'column',
    rowGap: tokens.spacingVerticalM,
  },
  groupLegend: { fontSize: tokens.fontSizeBase500, fontWeight: tokens.fontWeightSemibold, padding: 0 },
  section: {
    border: `${tokens.strokeWidthThick} solid ${tokens.colorNeutralStroke1}`,
    borderRadius: tokens.borderRadiusLarge,
    padding: tokens.spacingVerticalM,
    margin: 0,
    display: 'flex',
    flexDirection: 'column',
    rowGap: tokens.spacingVerticalM,
  },
  sectionLegend: { fontSize: tokens.fontSizeBase400, fontWeight: tokens.fontWeightSemibold },
  pair: {
    display: 'grid',
    gridTemplateColumns: 'repeat(auto-fit, minmax(18rem, 1fr))',
    columnGap: tokens.spacingHorizontalM,
    rowGap: tokens.spacingVerticalS,
  },
  row: { display: 'flex', flexWrap: 'wrap', columnGap: tokens.spacingHorizontalS, rowGap: tokens.spacingVerticalS },
  problems: { margin: 0, paddingLeft: tokens.spacingHorizontalL },
});

const NO_MESSAGES: Readonly<Record<string, string>> = {};

/** A key not yet used among `taken`: prefix1, prefix2... */
function freshKey(prefix: string, taken: readonly string[]): string {
  for (let i = taken.length + 1; ; i += 1) {
    const key = `${prefix}${i}`;
    if (!taken.includes(key)) return key;
  }
}

/** One template: its latest published version read only, and the draft of its next version. */
export function TemplateEditorPage({ templateKey }: { readonly templateKey: string }) {
  const styles = useStyles();
  const page = usePageStyles();
  const { t } = useTranslation();
  const app = useApp();
  const format = useFormat();
  const editor = useTemplateEditor(app.services.stores.templates, templateKey);
  const bar = useRef<HTMLDivElement>(null);
  const form = useRef<HTMLFormElement>(null);
  /** Where focus goes after the next render, when the control that had it is gone. */
  const focusNext = useRef<string | undefined>(undefined);
  const [announce, setAnnounce] = useState('');
  const cy = app.locale === 'cy-GB';

  // A refusal, a conflict or a failure moves focus to the message that explains it.
  useEffect(() => {
    if (editor.refused || editor.saveError || editor.notice === 'published') bar.current?.focus();
  }, [editor.refused, editor.saveError, editor.errors, editor.notice]);

  // The button that had focus is gone (the draft started, a question was removed): focus moves on, not to the page's top.
  useEffect(() => {
    const selector = focusNext.current;
    if (!selector || !form.current) return;
    focusNext.current = undefined;
    form.current.querySelector<HTMLElement>(selector)?.focus();
  });

  const working = editor.working;
  const shown = working ?? editor.latest;
  const numberOf = useMemo(() => new Map((shown?.questions ?? []).map((q, i) => [q.key, i + 1])), [shown]);
  const sectionNumber = useMemo(() => new Map((shown?.sections ?? []).map((s, i) => [s.key, i + 1])), [shown]);

  const numbers = useRef(numberOf);
  const workingRef = useRef(editor.working);
  workingRef.current = editor.working;
  numbers.current = numberOf;
  const update = editor.update;
  const editorRemove = editor.removeQuestion;
  const sectionTitle = useCallback((s: Section) => (cy ? s.titleCy || s.titleEn : s.titleEn || s.titleCy), [cy]);
  const setQuestion = useCallback(
    (q: Question) => update((d) => ({ ...d, questions: d.questions.map((x) => (x.key === q.key ? q : x)) })),
    [update],
  );
  const moveQuestion = useCallback(
    (key: string, direction: -1 | 1) =>
      update((d) => {
        const q = d.questions.find((x) => x.key === key);
        if (!q) return d;
        const same = d.questions.filter((x) => x.sectionKey === q.sectionKey);
        const other = same[same.indexOf(q) + direction];
        if (!other) return d;
        return { ...d, questions: d.questions.map((x) => (x.key === q.key ? other : x.key === other.key ? q : x)) };
      }),
    [update],
  );
  const removeQuestion = useCallback(
    (key: string) => {
      const n = numbers.current.get(key) ?? 0;
      const sectionKey = workingRef.current?.questions.find((q) => q.key === key)?.sectionKey;
      focusNext.current = sectionKey === undefined ? undefined : `[data-add-question="${sectionKey}"]`;
      editorRemove(key);
      setAnnounce(t('templates.question.removed', { n }));
    },
    [editorRemove, t],
  );
  /** Field messages of each question, by question key (one empty object for those without). */
  const questionMessages = useMemo(() => {
    const out = new Map<string, Record<string, string>>();
    for (const e of editor.errors) {
      const [head, key, field] = e.field.split('.');
      if (head !== 'questions' || key === undefined || field === undefined) continue;
      const mine = out.get(key) ?? {};
      mine[field] ??= domainErrorMessage(t, e);
      out.set(key, mine);
    }
    return out;
  }, [editor.errors, t]);

  if (editor.loading) return <Loading label={t('templates.loading')} />;
  if (editor.loadError || editor.notFound || !shown) {
    return (
      <section aria-labelledby="templates-title">
        <PageHeader
          id="templates-title"
          back={{ to: paths.templates(), label: t('templates.back') }}
          title={t('templates.title')}
        />
        {editor.loadError ? (
          <ErrorState error={editor.loadError} title={t('templates.loadFailed')} onRetry={editor.reload} />
        ) : (
          <MessageBar intent="warning">
            <MessageBarBody>{t('templates.notFound', { key: templateKey })}</MessageBarBody>
          </MessageBar>
        )}
      </section>
    );
  }

  const title = (cy ? shown.titleCy : shown.titleEn) || shown.titleEn || templateKey;

  /** Where a domain problem is, in words: "Question 3 (Welsh)", "Name (English)". */
  const where = (e: DomainError): string | undefined => {
    const parts = e.field.split('.');
    if (parts[0] === 'questions' && parts[1] !== undefined) {
      const n = numberOf.get(parts[1]) ?? parts[1];
      const f = parts[2];
      if (f === 'textEn' || f === 'textCy' || f === 'weight') return t(`templates.question.${f}`, { n });
      if (f === 'sectionKey') return t('templates.question.section', { n });
      return t('templates.question.legend', { n });
    }
    if (parts[0] === 'sections' && parts[1] !== undefined)
      return t('templates.section.legend', { n: sectionNumber.get(parts[1]) ?? parts[1] });
    if (parts[0] === 'titleEn' || parts[0] === 'titleCy') return t(`templates.${parts[0]}`);
    if (parts[0] === 'thresholds')
      return t(parts[1] === 'green' ? 'templates.thresholdGreen' : 'templates.thresholdAmber');
    return undefined;
  };
  const messageAt = (field: string): string | undefined => {
    const e = editor.errors.find((x) => x.field === field);
    return e ? domainErrorMessage(t, e) : undefined;
  };
  const addQuestion = (sectionKey: string) =>
    editor.update((d) => {
      const key = freshKey(
        'q',
        d.questions.map((q) => q.key),
      );
      const question: Question = {
        key,
        sectionKey,
        order: d.questions.length + 1,
        textEn: '',
        textCy: '',
        kind: 'rag',
        required: true,
        allowNotApplicable: false,
        weight: 1,
      };
      return { ...d, questions: [...d.questions, question] };
    });
  const setSection = (s: Section) =>
    editor.update((d) => ({ ...d, sections: d.sections.map((x) => (x.key === s.key ? s : x)) }));
  const addSection = () =>
    editor.update((d) => ({
      ...d,
      sections: [
        ...d.sections,
        {
          key: freshKey(
            'section',
            d.sections.map((s) => s.key),
          ),
          titleEn: '',
          titleCy: '',
        },
      ],
    }));
  const removeSection = (key: string) =>
    editor.update((d) => ({ ...d, sections: d.sections.filter((s) => s.key !== key) }));
  const setText = (field: 'titleEn' | 'titleCy' | 'descriptionEn' | 'descriptionCy', value: string) =>
    editor.update((d) => ({ ...d, [field]: value }));
  const setThreshold = (which: 'green' | 'amber', value: string) => {
    const v = Number(value);
    if (value.trim() === '' || !Number.isFinite(v)) return;
    editor.update((d) => ({ ...d, thresholds: { ...d.thresholds, [which]: v } }));
  };

  const invalid = (field: string) => {
    const m = messageAt(field);
    return m ? { validationMessage: m, validationState: 'error' as const } : {};
  };

  const statusWord = t(`templates.status.${shown.status}`);
  const problems: ReactNode = (
    <ul className={styles.problems}>
      {editor.errors.map((e, i) => {
        const at = where(e);
        const message = domainErrorMessage(t, e);
        return <li key={`${e.field}-${e.code}-${i}`}>{at ? `${at}: ${message}` : message}</li>;
      })}
    </ul>
  );

  return (
    <section aria-labelledby="templates-title">
      <PageHeader
        id="templates-title"
        back={{ to: paths.templates(), label: t('templates.back') }}
        title={title}
        subtitle={
          <span className={page.meta}>
            <span>{t('templates.subtitle', { version: format.number(shown.version), status: statusWord })}</span>
            <Badge appearance="outline" color={shown.status === 'draft' ? 'warning' : 'success'}>
              {statusWord}
            </Badge>
            {shown.source ? <span>{t('templates.source', { source: shown.source })}</span> : null}
          </span>
        }
      />
      <div className={page.bars} ref={bar} tabIndex={-1}>
        <div role="status" aria-live="polite">
          {announce}
        </div>
        {editor.notice === 'restored' ? (
          <RestoredNotice discardLabel={t('templates.discard')} onDiscard={editor.discard}>
            {t('templates.restored')}
          </RestoredNotice>
        ) : null}
        {editor.notice === 'saved' ? (
          <MessageBar intent="success">
            <MessageBarBody>{t('templates.saved')}</MessageBarBody>
          </MessageBar>
        ) : null}
        {editor.notice === 'published' && editor.publishedVersion !== undefined ? (
          <MessageBar intent="success" layout="multiline">
            <MessageBarBody>
              {t('templates.published', { version: format.number(editor.publishedVersion) })}
            </MessageBarBody>
          </MessageBar>
        ) : null}
        {editor.refused ? (
          <MessageBar intent="error" layout="multiline">
            <MessageBarBody>
              <MessageBarTitle>
                {t(editor.refused === 'publish' ? 'templates.refused' : 'templates.notSaved')}
              </MessageBarTitle>
              {editor.refused === 'save' ? <Text as="p">{t('templates.needsText')}</Text> : null}
              {problems}
            </MessageBarBody>
          </MessageBar>
        ) : null}
        {editor.saveError ? (
          <MessageBar intent={editor.saveError.code === 'throttled' ? 'warning' : 'error'} layout="multiline">
            <MessageBarBody>
              <MessageBarTitle>{t('templates.saveFailed')}</MessageBarTitle>
              {repoErrorMessage(t, editor.saveError)} {t('templates.keptTyping')}
            </MessageBarBody>
            <MessageBarActions>
              <Button disabled={editor.busy} onClick={() => void editor.retry()}>
                {t('tab.actions.retry')}
              </Button>
            </MessageBarActions>
          </MessageBar>
        ) : null}
        {working ? (
          <MessageBar intent="info" layout="multiline">
            <MessageBarBody>{t('templates.editingDraft', { version: format.number(working.version) })}</MessageBarBody>
          </MessageBar>
        ) : (
          <MessageBar intent="info" layout="multiline">
            <MessageBarBody>{t('templates.readOnly')}</MessageBarBody>
            <MessageBarActions>
              <Button
                appearance="primary"
                onClick={() => {
                  focusNext.current = 'input';
                  editor.startDraft();
                }}
              >
                {t('templates.editNew')}
              </Button>
            </MessageBarActions>
          </MessageBar>
        )}
      </div>

      {!working ? (
        <TemplateView template={shown} />
      ) : (
        <form
          ref={form}
          className={styles.form}
          aria-labelledby="templates-title"
          noValidate
          onSubmit={(e) => {
            e.preventDefault();
            void editor.save();
          }}
        >
          <fieldset className={styles.group}>
            <legend className={styles.groupLegend}>{t('templates.details')}</legend>
            <div className={styles.pair}>
              <Field label={t('templates.titleEn')} required {...invalid('titleEn')}>
                <Input lang="en-GB" value={working.titleEn} onChange={(_e, d) => setText('titleEn', d.value)} />
              </Field>
              <Field label={t('templates.titleCy')} required {...invalid('titleCy')}>
                <Input lang="cy-GB" value={working.titleCy} onChange={(_e, d) => setText('titleCy', d.value)} />
              </Field>
              <Field label={t('templates.descriptionEn')}>
                <Textarea
                  lang="en-GB"
                  resize="vertical"
                  value={working.descriptionEn ?? ''}
                  onChange={(_e, d) => setText('descriptionEn', d.value)}
                />
              </Field>
              <Field label={t('templates.descriptionCy')}>
                <Textarea
                  lang="cy-GB"
                  resize="vertical"
                  value={working.descriptionCy ?? ''}
                  onChange={(_e, d) => setText('descriptionCy', d.value)}
                />
              </Field>
              <Field label={t('templates.thresholdGreen')} {...invalid('thresholds.green')}>
                <Input
                  type="number"
                  min={0}
                  max={100}
                  value={String(working.thresholds.green)}
                  onChange={(_e, d) => setThreshold('green', d.value)}
                />
              </Field>
              <Field label={t('templates.thresholdAmber')} {...invalid('thresholds.amber')}>
                <Input
                  type="number"
                  min={0}
                  max={100}
                  value={String(working.thresholds.amber)}
                  onChange={(_e, d) => setThreshold('amber', d.value)}
                />
              </Field>
            </div>
          </fieldset>

          <fieldset className={styles.group}>
            <legend className={styles.groupLegend}>{t('templates.sections')}</legend>
            {working.sections.map((s, si) => {
              const n = si + 1;
              const questions = working.questions.filter((q) => q.sectionKey === s.key);
              return (
                <fieldset key={s.key} className={styles.section}>
                  <legend className={styles.sectionLegend}>
                    {t('templates.section.legend', { n })}
                    {sectionTitle(s) ? `: ${sectionTitle(s)}` : ''}
                  </legend>
                  <div className={styles.pair}>
                    <Field label={t('templates.section.titleEn', { n })}>
                      <Input
                        lang="en-GB"
                        value={s.titleEn}
                        onChange={(_e, d) => setSection({ ...s, titleEn: d.value })}
                      />
                    </Field>
                    <Field label={t('templates.section.titleCy', { n })}>
                      <Input
                        lang="cy-GB"
                        value={s.titleCy}
                        onChange={(_e, d) => setSection({ ...s, titleCy: d.value })}
                      />
                    </Field>
                  </div>
                  {questions.map((q, qi) => (
                    <QuestionEditor
                      key={q.key}
                      question={q}
                      n={numberOf.get(q.key) ?? 0}
                      sections={working.sections}
                      sectionTitle={sectionTitle}
                      messages={questionMessages.get(q.key) ?? NO_MESSAGES}
                      canMoveUp={qi > 0}
                      canMoveDown={qi < questions.length - 1}
                      canRemove={canRemoveQuestion(working)}
                      onChange={setQuestion}
                      onMove={moveQuestion}
                      onRemove={removeQuestion}
                    />
                  ))}
                  <div className={styles.row}>
                    <Button data-add-question={s.key} onClick={() => addQuestion(s.key)}>
                      {t('templates.question.add', { n })}
                    </Button>
                    {questions.length === 0 ? (
                      <Button onClick={() => removeSection(s.key)}>{t('templates.section.remove', { n })}</Button>
                    ) : null}
                  </div>
                </fieldset>
              );
            })}
            <div className={styles.row}>
              <Button onClick={addSection}>{t('templates.section.add')}</Button>
            </div>
          </fieldset>

          <div className={page.stickyActions}>
            <Button type="submit" appearance="primary" disabled={editor.busy}>
              {editor.busy ? t('templates.saving') : t('templates.saveDraft')}
            </Button>
            <Button disabled={editor.busy} onClick={() => void editor.publish()}>
              {t('templates.publish', { version: format.number(working.version) })}
            </Button>
            {editor.dirty ? (
              <>
                <Button disabled={editor.busy} onClick={editor.discard}>
                  {t('templates.discard')}
                </Button>
                <Text>{t('templates.unsaved')}</Text>
              </>
            ) : null}
          </div>
        </form>
      )}
      {editor.conflict ? (
        <TemplateConflictDialog
          mine={editor.conflict.working}
          theirs={editor.conflict.theirs}
          onKeepMine={() => void editor.keepMine()}
          onTakeTheirs={editor.takeTheirs}
          onCancel={editor.closeConflict}
        />
      ) : null}
    </section>
  );
}
