import {
  Button,
  Checkbox,
  Dropdown,
  Field,
  Input,
  makeStyles,
  Option,
  Textarea,
  tokens,
} from '@fluentui/react-components';
import { memo } from 'react';
import { useTranslation } from 'react-i18next';
import { ANSWER_KINDS, type AnswerKind, type Question, type Section } from '../../../domain';

const useStyles = makeStyles({
  fieldset: {
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    borderRadius: tokens.borderRadiusMedium,
    padding: tokens.spacingVerticalM,
    margin: 0,
    display: 'flex',
    flexDirection: 'column',
    rowGap: tokens.spacingVerticalS,
  },
  legend: { fontWeight: tokens.fontWeightSemibold, padding: `0 ${tokens.spacingHorizontalXS}` },
  pair: {
    display: 'grid',
    gridTemplateColumns: 'repeat(auto-fit, minmax(18rem, 1fr))',
    columnGap: tokens.spacingHorizontalM,
    rowGap: tokens.spacingVerticalS,
  },
  settings: {
    display: 'flex',
    flexWrap: 'wrap',
    alignItems: 'flex-end',
    columnGap: tokens.spacingHorizontalM,
    rowGap: tokens.spacingVerticalS,
  },
  weight: { maxWidth: '12rem' },
  buttons: { display: 'flex', flexWrap: 'wrap', columnGap: tokens.spacingHorizontalS },
});

export interface QuestionEditorProps {
  readonly question: Question;
  /** The question's number in the template (1-based). */
  readonly n: number;
  readonly sections: readonly Section[];
  readonly sectionTitle: (s: Section) => string;
  /** Field messages by question field (textEn, textCy, weight, sectionKey). */
  readonly messages: Readonly<Record<string, string>>;
  readonly canMoveUp: boolean;
  readonly canMoveDown: boolean;
  readonly canRemove: boolean;
  readonly onChange: (q: Question) => void;
  readonly onMove: (key: string, direction: -1 | 1) => void;
  readonly onRemove: (key: string) => void;
}

/** One question of a draft: wording and guidance in both languages, kind, section, required, N/A, weight. */
export const QuestionEditor = memo(function QuestionEditor(p: QuestionEditorProps) {
  const styles = useStyles();
  const { t } = useTranslation();
  const { question: q, n } = p;
  const set = <K extends keyof Question>(k: K, v: Question[K]) => p.onChange({ ...q, [k]: v });
  const invalid = (field: string) =>
    p.messages[field] ? { validationMessage: p.messages[field], validationState: 'error' as const } : {};
  const kindLabel = (k: AnswerKind) => t(`templates.kind.${k}`);
  const section = p.sections.find((s) => s.key === q.sectionKey);

  return (
    <fieldset className={styles.fieldset} data-question={q.key}>
      <legend className={styles.legend}>{t('templates.question.legend', { n })}</legend>
      <div className={styles.pair}>
        <Field label={t('templates.question.textEn', { n })} required {...invalid('textEn')}>
          <Textarea
            name={`questions.${q.key}.textEn`}
            value={q.textEn}
            resize="vertical"
            rows={2}
            lang="en-GB"
            onChange={(_e, d) => set('textEn', d.value)}
          />
        </Field>
        <Field label={t('templates.question.textCy', { n })} required {...invalid('textCy')}>
          <Textarea
            name={`questions.${q.key}.textCy`}
            value={q.textCy}
            resize="vertical"
            rows={2}
            lang="cy-GB"
            onChange={(_e, d) => set('textCy', d.value)}
          />
        </Field>
        <Field label={t('templates.question.guidanceEn', { n })}>
          <Textarea
            name={`questions.${q.key}.guidanceEn`}
            value={q.guidanceEn ?? ''}
            resize="vertical"
            rows={2}
            lang="en-GB"
            onChange={(_e, d) => set('guidanceEn', d.value)}
          />
        </Field>
        <Field label={t('templates.question.guidanceCy', { n })}>
          <Textarea
            name={`questions.${q.key}.guidanceCy`}
            value={q.guidanceCy ?? ''}
            resize="vertical"
            rows={2}
            lang="cy-GB"
            onChange={(_e, d) => set('guidanceCy', d.value)}
          />
        </Field>
      </div>
      <div className={styles.settings}>
        <Field label={t('templates.question.kind', { n })}>
          <Dropdown
            value={kindLabel(q.kind)}
            selectedOptions={[q.kind]}
            onOptionSelect={(_e, d) => d.optionValue && set('kind', d.optionValue as AnswerKind)}
          >
            {ANSWER_KINDS.map((k) => (
              <Option key={k} value={k}>
                {kindLabel(k)}
              </Option>
            ))}
          </Dropdown>
        </Field>
        <Field label={t('templates.question.section', { n })} {...invalid('sectionKey')}>
          <Dropdown
            value={section ? p.sectionTitle(section) : q.sectionKey}
            selectedOptions={[q.sectionKey]}
            onOptionSelect={(_e, d) => d.optionValue && set('sectionKey', d.optionValue)}
          >
            {p.sections.map((s) => (
              <Option key={s.key} value={s.key}>
                {p.sectionTitle(s) || s.key}
              </Option>
            ))}
          </Dropdown>
        </Field>
        <Field
          className={styles.weight}
          label={t('templates.question.weight', { n })}
          hint={t('templates.question.weightHint')}
          {...invalid('weight')}
        >
          <Input
            type="number"
            min={0}
            step={1}
            name={`questions.${q.key}.weight`}
            value={String(q.weight)}
            onChange={(_e, d) => {
              const v = Number(d.value);
              if (d.value.trim() !== '' && Number.isFinite(v)) set('weight', v);
            }}
          />
        </Field>
        <Checkbox
          label={t('templates.question.required')}
          checked={q.required}
          onChange={(_e, d) => set('required', d.checked === true)}
        />
        <Checkbox
          label={t('templates.question.allowNotApplicable')}
          checked={q.allowNotApplicable}
          onChange={(_e, d) => set('allowNotApplicable', d.checked === true)}
        />
      </div>
      <div className={styles.buttons}>
        <Button disabled={!p.canMoveUp} onClick={() => p.onMove(q.key, -1)}>
          {t('templates.question.moveUp', { n })}
        </Button>
        <Button disabled={!p.canMoveDown} onClick={() => p.onMove(q.key, 1)}>
          {t('templates.question.moveDown', { n })}
        </Button>
        {p.canRemove ? (
          <Button onClick={() => p.onRemove(q.key)}>{t('templates.question.remove', { n })}</Button>
        ) : null}
      </div>
    </fieldset>
  );
});
