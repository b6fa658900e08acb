import { makeStyles, MessageBar, MessageBarBody, Text, Title3, tokens } from '@fluentui/react-components';
import { useTranslation } from 'react-i18next';
import {
  compareAssessments,
  roundScore,
  scoreAssessment,
  type Assessment,
  type AssessmentTemplate,
  type Rag,
} from '../../../domain';
import { useApp, useFormat } from '../../app/context';
import { SimpleTable } from '../../components/SimpleTable';
import { answerText, questionText, sectionTitle } from './text';

const useStyles = makeStyles({
  overall: { display: 'flex', flexWrap: 'wrap', alignItems: 'center', columnGap: tokens.spacingHorizontalL },
  pair: { display: 'inline-flex', alignItems: 'center', columnGap: tokens.spacingHorizontalXS },
  cell: { whiteSpace: 'pre-wrap', overflowWrap: 'anywhere', verticalAlign: 'top' },
});

export interface CompareViewProps {
  readonly before: Assessment;
  /** This assessment (a draft compares with its current answers). */
  readonly after: Assessment;
  /** The template version `after` is answered against; its questions name the rows. */
  readonly template: AssessmentTemplate;
}

/** What changed between a previous submitted assessment and this one, question by question, with the RAG and score. */
export function CompareView({ before, after, template }: CompareViewProps) {
  const styles = useStyles();
  const { t } = useTranslation();
  const { locale } = useApp();
  const format = useFormat();
  const comparison = compareAssessments(before, after, template);
  const afterScore =
    after.status === 'submitted'
      ? { score: after.score, rag: after.overallRag }
      : scoreAssessment(template, after.answers).overall;
  const afterRag: Rag | undefined = afterScore.rag;
  const afterValue = afterScore.score !== undefined ? roundScore(afterScore.score) : undefined;
  const pct = (v: number | undefined) =>
    v === undefined ? '–' : t('assess.readOnly.scoreValue', { score: format.number(v) });
  const byKey = new Map(template.questions.map((q) => [q.key, q]));
  const sections = new Map(template.sections.map((s) => [s.key, s]));
  const points = (n: number | undefined) =>
    n === undefined
      ? ''
      : n > 0
        ? t('assess.compare.up', { points: format.number(Math.round(n)) })
        : n < 0
          ? t('assess.compare.down', { points: format.number(Math.round(-n)) })
          : t('assess.compare.same');

  return (
    <section aria-labelledby="compare-title">
      <Title3 as="h2" id="compare-title">
        {t('assess.compare.title')}
      </Title3>
      <Text as="p">
        {t(after.status === 'submitted' ? 'assess.compare.intro' : 'assess.compare.introDraft', {
          before: format.dateTime(before.submittedOn),
        })}
      </Text>
      <div className={styles.overall} data-testid="compare-overall">
        <Text weight="semibold">{t('assess.compare.overall')}</Text>
        <span className={styles.pair}>
          {t('assess.compare.scoreChange', { before: pct(before.score), after: pct(afterValue) })}
        </span>
        <span className={styles.pair}>
          {t('assess.compare.ragChange', {
            before: before.overallRag ? t(`vocab.rag.${before.overallRag}`) : t('assess.rag.none'),
            after: afterRag ? t(`vocab.rag.${afterRag}`) : t('assess.rag.none'),
          })}
        </span>
      </div>
      {comparison.changes.length === 0 ? (
        <MessageBar intent="info">
          <MessageBarBody>{t('assess.compare.none')}</MessageBarBody>
        </MessageBar>
      ) : (
        <SimpleTable
          label={t('assess.compare.tableLabel')}
          rows={comparison.changes}
          rowKey={(c) => c.questionKey}
          rowProps={(c) => ({ 'data-question': c.questionKey })}
          columns={[
            {
              heading: t('assess.compare.section'),
              cell: (c) => {
                const s = sections.get(c.sectionKey);
                return s ? sectionTitle(s, locale) : c.sectionKey;
              },
              className: styles.cell,
            },
            {
              heading: t('assess.compare.question'),
              cell: (c) => {
                const q = byKey.get(c.questionKey);
                return q ? questionText(q, locale) : c.questionKey;
              },
              className: styles.cell,
            },
            {
              heading: t('assess.compare.before'),
              cell: (c) => answerText(t, format, c.before),
              className: styles.cell,
            },
            { heading: t('assess.compare.after'), cell: (c) => answerText(t, format, c.after), className: styles.cell },
            { heading: t('assess.compare.change'), cell: (c) => points(c.scoreChange), className: styles.cell },
          ]}
        />
      )}
    </section>
  );
}
