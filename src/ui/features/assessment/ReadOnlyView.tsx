import { Link, makeStyles, Text, Title3, tokens } from '@fluentui/react-components';
import { useTranslation } from 'react-i18next';
import { sectionsOf, type Assessment, type AssessmentTemplate } from '../../../domain';
import { useApp, useFormat } from '../../app/context';
import { RagBadge } from '../../components/RagBadge';
import { Summary } from '../../components/Summary';
import { answerText, guidanceText, questionText, sectionTitle, templateTitle } from './text';

const useStyles = makeStyles({
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
      <Summary
        items={[
          {
            key: 'template',
            term: t('assess.readOnly.template'),
            value: t('assess.readOnly.templateValue', {
              title: templateTitle(template, locale),
              version: format.number(template.version),
            }),
          },
          {
            key: 'rag',
            term: t('assess.readOnly.rag'),
            value: <RagBadge {...(assessment.overallRag ? { rag: assessment.overallRag } : {})} />,
          },
          {
            key: 'score',
            term: t('assess.readOnly.score'),
            value:
              assessment.score !== undefined
                ? t('assess.readOnly.scoreValue', { score: format.number(assessment.score) })
                : t('assess.readOnly.noScore'),
            data: { 'data-testid': 'assessment-score' },
          },
          { key: 'by', term: t('assess.readOnly.submittedBy'), value: assessment.submittedBy?.displayName ?? '' },
          { key: 'on', term: t('assess.readOnly.submittedOn'), value: format.dateTime(assessment.submittedOn) },
        ]}
      />
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
