import {
  Button,
  Link,
  makeStyles,
  mergeClasses,
  MessageBar,
  MessageBarBody,
  MessageBarTitle,
  ProgressBar,
  Field,
  Text,
  tokens,
  typographyStyles,
} from '@fluentui/react-components';
import { useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { progressOf, sectionsOf, type AssessmentTemplate, type Person } from '../../../domain';
import { useApp, useFormat } from '../../app/context';
import { domainErrorMessage } from '../../components/messages';
import { focusPage } from '../../components/focus';
import { usePageStyles } from '../../components/pageStyles';
import { QuestionField, questionId } from './QuestionField';
import { questionText, sectionTitle } from './text';
import { nowInstant, type AssessmentModel } from './useAssessment';

const useStyles = makeStyles({
  layout: {
    display: 'grid',
    gridTemplateColumns: 'minmax(180px, 240px) 1fr',
    columnGap: tokens.spacingHorizontalXL,
    '@media (max-width: 720px)': { gridTemplateColumns: '1fr' },
  },
  steps: { margin: 0, padding: 0, display: 'flex', flexDirection: 'column', rowGap: tokens.spacingVerticalXS },
  step: { listStyleType: 'none' },
  stepButton: { justifyContent: 'flex-start', textAlign: 'start', width: '100%', height: 'auto' },
  stepStatus: { display: 'block', color: tokens.colorNeutralForeground3 },
  questions: { margin: 0, padding: 0, display: 'flex', flexDirection: 'column', rowGap: tokens.spacingVerticalM },
  question: { listStyleType: 'none' },
  progress: { marginBottom: tokens.spacingVerticalM, display: 'flex', flexDirection: 'column', rowGap: '4px' },
  heading: { ...typographyStyles.title3, marginTop: 0 },
  // With the page's sticky buttons: room between them and the last question.
  actions: { marginTop: tokens.spacingVerticalM },
  missing: { margin: 0, paddingInlineStart: tokens.spacingHorizontalL },
  // WCAG 2.2 target size: at least 24 px high.
  missingLink: { display: 'inline-block', minHeight: '24px', lineHeight: '24px', textAlign: 'start' },
});

export interface RunnerProps {
  readonly model: AssessmentModel;
  readonly template: AssessmentTemplate;
  readonly me: Person | undefined;
}

/**
 * The form runner for a draft: one section at a time with progress, the
 * questions of the template version the assessment was started against,
 * previous and next, and submission with the list of what is missing.
 */
export function Runner({ model, template, me }: RunnerProps) {
  const styles = useStyles();
  const page = usePageStyles();
  const { t } = useTranslation();
  const { locale } = useApp();
  const format = useFormat();
  const sections = useMemo(() => sectionsOf(template), [template]);
  const progress = progressOf(template, model.answers);
  const [index, setIndex] = useState(() => {
    // Open where the person left off: the first section with a required question unanswered.
    const i = progress.sections.findIndex((s) => s.requiredAnswered < s.required);
    return i < 0 ? 0 : i;
  });
  /** The question to focus after moving to its section (from the missing-answers list). */
  const focusTarget = useRef<string | undefined>(undefined);
  const [moves, setMoves] = useState(0);
  const heading = useRef<HTMLHeadingElement>(null);
  const missingBar = useRef<HTMLDivElement>(null);
  const first = useRef(true);
  const section = sections[Math.min(index, sections.length - 1)];

  // A new section: take the person to its heading, or to the question they asked for (not on first render).
  useEffect(() => {
    if (first.current) {
      first.current = false;
      return;
    }
    const target = focusTarget.current;
    focusTarget.current = undefined;
    if (target) {
      const el = document.getElementById(questionId(target));
      const input =
        el?.querySelector<HTMLElement>('input:checked') ??
        el?.querySelector<HTMLElement>('input:not([disabled]), textarea:not([disabled])');
      focusPage(input ?? el);
      return;
    }
    focusPage(heading.current);
  }, [index, moves]);

  useEffect(() => {
    if (model.submit.kind === 'problems') missingBar.current?.focus();
  }, [model.submit]);

  if (!section) return null;
  const submitErrors = new Map<string, string>();
  if (model.submit.kind === 'problems') {
    for (const p of model.submit.problems) submitErrors.set(p.questionKey, domainErrorMessage(t, p.error));
  }
  const sectionProgress = progress.sections[index];
  const byKey = new Map(template.questions.map((q) => [q.key, q]));
  const sectionIndex = new Map(sections.map((s, i) => [s.key, i]));

  return (
    <div>
      {model.submit.kind === 'problems' ? (
        <div ref={missingBar} tabIndex={-1}>
          <MessageBar intent="error" layout="multiline">
            <MessageBarBody>
              <MessageBarTitle>{t('assess.submit.missingTitle')}</MessageBarTitle>
              <Text as="p">{t('assess.submit.missingBody')}</Text>
              <ul className={styles.missing} aria-label={t('assess.submit.missingTitle')}>
                {model.submit.problems.map((p) => {
                  const q = byKey.get(p.questionKey);
                  const s = sections[sectionIndex.get(p.sectionKey) ?? 0];
                  return (
                    <li key={p.questionKey}>
                      <Link
                        as="button"
                        inline
                        className={styles.missingLink}
                        onClick={() => {
                          focusTarget.current = p.questionKey;
                          setIndex(sectionIndex.get(p.sectionKey) ?? 0);
                          setMoves((n) => n + 1);
                        }}
                      >
                        {t('assess.submit.missingItem', {
                          section: s ? sectionTitle(s, locale) : p.sectionKey,
                          question: q ? questionText(q, locale) : p.questionKey,
                          message: domainErrorMessage(t, p.error),
                        })}
                      </Link>
                    </li>
                  );
                })}
              </ul>
            </MessageBarBody>
          </MessageBar>
        </div>
      ) : null}

      <div className={styles.progress}>
        <Field
          label={t('assess.progress.section', { n: format.number(index + 1), m: format.number(sections.length) })}
          hint={t('assess.progress.counts', {
            answered: format.number(progress.answered),
            questions: format.number(progress.questions),
            requiredAnswered: format.number(progress.requiredAnswered),
            required: format.number(progress.required),
          })}
        >
          <ProgressBar
            aria-label={t('assess.progress.label')}
            value={progress.required === 0 ? 1 : progress.requiredAnswered / progress.required}
            max={1}
          />
        </Field>
      </div>

      <div className={styles.layout}>
        <nav aria-label={t('assess.progress.sections')}>
          <ol className={styles.steps}>
            {sections.map((s, i) => {
              const sp = progress.sections[i];
              return (
                <li key={s.key} className={styles.step}>
                  <Button
                    appearance={i === index ? 'secondary' : 'subtle'}
                    className={styles.stepButton}
                    aria-current={i === index ? 'step' : undefined}
                    aria-label={`${t('assess.nav.goTo', { n: format.number(i + 1), title: sectionTitle(s, locale) })}, ${t(
                      'assess.progress.sectionStatus',
                      { answered: format.number(sp?.answered ?? 0), questions: format.number(sp?.questions ?? 0) },
                    )}`}
                    onClick={() => setIndex(i)}
                  >
                    <span>
                      {sectionTitle(s, locale)}
                      <span className={styles.stepStatus}>
                        {t('assess.progress.sectionStatus', {
                          answered: format.number(sp?.answered ?? 0),
                          questions: format.number(sp?.questions ?? 0),
                        })}
                      </span>
                    </span>
                  </Button>
                </li>
              );
            })}
          </ol>
        </nav>

        <div>
          <h2 id="assess-section" ref={heading} tabIndex={-1} className={styles.heading}>
            {sectionTitle(section, locale)}
          </h2>
          {sectionProgress ? (
            <Text as="p">
              {t('assess.progress.sectionStatus', {
                answered: format.number(sectionProgress.answered),
                questions: format.number(sectionProgress.questions),
              })}
            </Text>
          ) : null}
          <ol className={styles.questions} aria-labelledby="assess-section">
            {section.questions.map((q) => {
              const submitError = submitErrors.get(q.key);
              return (
                <li key={q.key} className={styles.question}>
                  <QuestionField
                    question={q}
                    answer={model.answers[q.key]}
                    onChange={(a) => model.setAnswer(q.key, a)}
                    {...(submitError !== undefined ? { submitError } : {})}
                  />
                </li>
              );
            })}
          </ol>
          <div className={mergeClasses(page.stickyActions, styles.actions)}>
            <Button disabled={index === 0} onClick={() => setIndex((i) => Math.max(0, i - 1))}>
              {t('assess.nav.previous')}
            </Button>
            <Button
              disabled={index >= sections.length - 1}
              appearance={index < sections.length - 1 ? 'primary' : 'secondary'}
              onClick={() => setIndex((i) => Math.min(sections.length - 1, i + 1))}
            >
              {t('assess.nav.next')}
            </Button>
            <Button
              appearance={index >= sections.length - 1 ? 'primary' : 'secondary'}
              disabledFocusable={model.submit.kind === 'submitting'}
              onClick={() => void model.submitNow(me, nowInstant())}
            >
              {model.submit.kind === 'submitting' ? t('assess.submit.submitting') : t('assess.submit.button')}
            </Button>
          </div>
        </div>
      </div>
    </div>
  );
}
