import { Link, makeStyles, Text, Title3, tokens } from '@fluentui/react-components';
import { useTranslation } from 'react-i18next';
import { sectionsOf, type Assessment, type AssessmentTemplate } from '../../../domain';
import { useApp, useFormat } from '../../app/context';
import { RagBadge } from '../../components/RagBadge';
import { answerText, guidanceText, questionText, sectionTitle, templateTitle } from './text';

const useStyles = makeStyles({
  summary: {
    display: 'grid',
    gridTemplateColumns: 'max-content 1fr',
    columnGap: tokens.spacingHorizontalL,
    rowGap: tokens.spacingVerticalS,
    margin: `0 0 ${tokens.spacingVerticalL}`,
  },
  term: { fontWeight: tokens.fontWeightSemibold },
  def: { margin: 0 },
  section: { marginBottom: tokens.spacingVerticalL, breakInside: 'avoid-page' },
  answers: { margin: 0, padding: 0 },
  item: {
    listStyleType: 'none',
    padding: `${tokens.spacingVerticalS} 0`,
    borderBottom: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    breakInside: 'avoid',
  },
  question: { margin: 0 },
  answer: { whiteSpace: 'pre-wrap', overflowWrap: 'anywhere', margin: `${tokens.spacingVerticalXS} 0 0` },
  guidance: { color: tokens.colorNeutralForeground3, margin: `${tokens.spacingVerticalXS} 0 0` },
});

/** A submitted assessment, read-only and printable: the summary columns and every answer, with the version's questions. */
export function ReadOnlyView({
  assessment,
  template,
}: {
  readonly assessment: Assessment;
  readonly template: AssessmentTemplate;
}) {
  const styles = useStyles();
  const { t } = useTranslation();
  const { locale } = useApp();
  const format = useFormat();
  return (
    <div>
      <Title3 as="h2">{t('assess.readOnly.summary')}</Title3>
      <dl className={styles.summary}>
        <dt className={styles.term}>{t('assess.readOnly.template')}</dt>
        <dd className={styles.def}>
          {t('assess.readOnly.templateValue', {
            title: templateTitle(template, locale),
            version: format.number(template.version),
          })}
        </dd>
        <dt className={styles.term}>{t('assess.readOnly.rag')}</dt>
        <dd className={styles.def}>
          <RagBadge {...(assessment.overallRag ? { rag: assessment.overallRag } : {})} />
        </dd>
        <dt className={styles.term}>{t('assess.readOnly.score')}</dt>
        <dd className={styles.def} data-testid="assessment-score">
          {assessment.score !== undefined
            ? t('assess.readOnly.scoreValue', { score: format.number(assessment.score) })
            : t('assess.readOnly.noScore')}
        </dd>
        <dt className={styles.term}>{t('assess.readOnly.submittedBy')}</dt>
        <dd className={styles.def}>{assessment.submittedBy?.displayName ?? ''}</dd>
        <dt className={styles.term}>{t('assess.readOnly.submittedOn')}</dt>
        <dd className={styles.def}>{format.dateTime(assessment.submittedOn)}</dd>
      </dl>
      {sectionsOf(template).map((s) => (
        <section key={s.key} className={styles.section} aria-labelledby={`ro-${s.key}`}>
          <Title3 as="h2" id={`ro-${s.key}`}>
            {sectionTitle(s, locale)}
          </Title3>
          <ol className={styles.answers}>
            {s.questions.map((q) => {
              const a = assessment.answers[q.key];
              const guidance = guidanceText(q, locale);
              return (
                <li key={q.key} className={styles.item}>
                  <Text weight="semibold" as="p" block className={styles.question}>
                    {questionText(q, locale)}
                  </Text>
                  {guidance ? (
                    <Text as="p" block size={200} className={styles.guidance}>
                      {t('assess.readOnly.guidance')}: {guidance}
                    </Text>
                  ) : null}
                  <div className={styles.answer} data-testid={`answer-${q.key}`}>
                    {a?.kind === 'rag' ? (
                      <RagBadge rag={a.value} size="small" />
                    ) : a?.kind === 'evidence' ? (
                      <Link href={a.value} target="_blank" rel="noopener noreferrer" inline>
                        {a.value}
                      </Link>
                    ) : (
                      answerText(t, format, a)
                    )}
                  </div>
                </li>
              );
            })}
          </ol>
        </section>
      ))}
    </div>
  );
}
