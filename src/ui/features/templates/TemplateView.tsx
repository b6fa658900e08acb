import { Badge, makeStyles, Text, tokens } from '@fluentui/react-components';
import { useTranslation } from 'react-i18next';
import type { AssessmentTemplate } from '../../../domain';
import { useApp, useFormat } from '../../app/context';

const useStyles = makeStyles({
  description: { display: 'block', marginBottom: tokens.spacingVerticalM, maxWidth: '75ch' },
  section: { marginBottom: tokens.spacingVerticalL },
  h2: {
    fontSize: tokens.fontSizeBase500,
    fontWeight: tokens.fontWeightSemibold,
    margin: `0 0 ${tokens.spacingVerticalS}`,
  },
  list: {
    margin: 0,
    paddingLeft: tokens.spacingHorizontalXXL,
    display: 'flex',
    flexDirection: 'column',
    rowGap: tokens.spacingVerticalM,
  },
  text: { display: 'block', fontWeight: tokens.fontWeightSemibold, whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' },
  guidance: {
    display: 'block',
    color: tokens.colorNeutralForeground2,
    whiteSpace: 'pre-wrap',
    overflowWrap: 'anywhere',
  },
  badges: {
    display: 'flex',
    flexWrap: 'wrap',
    columnGap: tokens.spacingHorizontalXS,
    rowGap: tokens.spacingVerticalXS,
    marginTop: tokens.spacingVerticalXS,
  },
});

/** A template version read only, in the person's language: sections, questions, kinds and guidance. */
export function TemplateView({ template }: { readonly template: AssessmentTemplate }) {
  const styles = useStyles();
  const { t } = useTranslation();
  const { locale } = useApp();
  const format = useFormat();
  const cy = locale === 'cy-GB';
  const lang = cy ? 'cy-GB' : 'en-GB';
  const pick = (en: string | undefined, welsh: string | undefined) => (cy ? welsh || en : en || welsh) ?? '';
  const description = pick(template.descriptionEn, template.descriptionCy);

  return (
    <div>
      {description ? (
        <Text as="p" className={styles.description} lang={lang}>
          {description}
        </Text>
      ) : null}
      {template.sections.map((s) => {
        const questions = template.questions.filter((q) => q.sectionKey === s.key);
        return (
          <section key={s.key} className={styles.section} aria-labelledby={`template-section-${s.key}`}>
            <h2 id={`template-section-${s.key}`} className={styles.h2} lang={lang}>
              {pick(s.titleEn, s.titleCy)}
            </h2>
            <ol className={styles.list} start={questions[0] ? template.questions.indexOf(questions[0]) + 1 : 1}>
              {questions.map((q) => {
                const guidance = pick(q.guidanceEn, q.guidanceCy);
                return (
                  <li key={q.key}>
                    <Text className={styles.text} lang={lang}>
                      {pick(q.textEn, q.textCy)}
                    </Text>
                    {guidance ? (
                      <Text className={styles.guidance} lang={lang}>
                        {guidance}
                      </Text>
                    ) : null}
                    <span className={styles.badges}>
                      <Badge appearance="outline">{t(`templates.kind.${q.kind}`)}</Badge>
                      <Badge appearance="outline">
                        {q.required ? t('templates.question.isRequired') : t('templates.question.isOptional')}
                      </Badge>
                      {q.allowNotApplicable ? (
                        <Badge appearance="outline">{t('templates.question.notApplicable')}</Badge>
                      ) : null}
                      <Badge appearance="outline">
                        {t('templates.question.weightValue', { weight: format.number(q.weight) })}
                      </Badge>
                    </span>
                  </li>
                );
              })}
            </ol>
          </section>
        );
      })}
    </div>
  );
}
