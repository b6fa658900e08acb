import { Checkbox, Field, Input, makeStyles, Radio, RadioGroup, Textarea, tokens } from '@fluentui/react-components';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { checkAnswer, type Answer, type Question } from '../../../domain';
import { useApp } from '../../app/context';
import { DateField } from '../../components/form';
import { domainErrorMessage } from '../../components/messages';
import { guidanceText, questionText } from './text';

const useStyles = makeStyles({
  root: {
    padding: tokens.spacingVerticalM,
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    borderRadius: tokens.borderRadiusMedium,
    scrollMarginTop: '80px',
  },
  na: { marginTop: tokens.spacingVerticalXS },
  guidance: { whiteSpace: 'pre-wrap' },
});

const OPTIONS = {
  rag: ['red', 'amber', 'green'],
  yesPartialNo: ['yes', 'partial', 'no'],
  score: ['1', '2', '3', '4', '5'],
} as const;

/** The DOM id of a question's block: the missing-answers list links to it. */
export const questionId = (key: string) => `question-${key}`;

export interface QuestionFieldProps {
  readonly question: Question;
  readonly answer: Answer | undefined;
  readonly onChange: (answer: Answer | undefined) => void;
  /** Shown after a refused submission: "This field is required." and the like. */
  readonly submitError?: string;
}

/**
 * One question: its text and guidance in the person's language, and the
 * control its kind asks for (radio buttons for ratings, a text area, a date,
 * a link), with "not applicable" where the template allows it. An answer
 * outside its kind is refused here with the domain's message.
 */
export function QuestionField({ question: q, answer, onChange, submitError }: QuestionFieldProps) {
  const styles = useStyles();
  const { t } = useTranslation();
  const { locale } = useApp();
  const [touched, setTouched] = useState(false);
  const problem = checkAnswer(q, answer);
  const message = (touched || submitError !== undefined) && problem ? domainErrorMessage(t, problem) : submitError;
  const guidance = guidanceText(q, locale);
  const na = answer?.kind === 'notApplicable';
  const label = questionText(q, locale);
  const hint = [
    guidance,
    q.kind === 'evidence' ? t('assess.answer.evidenceHint') : '',
    q.required ? '' : t('assess.answer.optional'),
  ]
    .filter((s) => s !== '')
    .join(' ');
  const field = {
    label,
    required: q.required,
    ...(hint ? { hint: <span className={styles.guidance}>{hint}</span> } : {}),
    ...(message ? { validationMessage: message, validationState: 'error' as const } : {}),
  };

  let control: React.ReactElement;
  if (q.kind === 'rag' || q.kind === 'yesPartialNo' || q.kind === 'score') {
    const kind = q.kind;
    const value = na ? 'notApplicable' : answer && answer.kind === kind ? String(answer.value) : '';
    control = (
      <RadioGroup
        layout={kind === 'score' ? 'horizontal' : 'vertical'}
        value={value}
        name={q.key}
        onChange={(_e, d) => {
          if (d.value === 'notApplicable') onChange({ kind: 'notApplicable' });
          else if (kind === 'score') onChange({ kind: 'score', value: Number(d.value) });
          else if (kind === 'rag') onChange({ kind: 'rag', value: d.value as 'red' | 'amber' | 'green' });
          else onChange({ kind: 'yesPartialNo', value: d.value as 'yes' | 'partial' | 'no' });
        }}
      >
        {OPTIONS[kind].map((o) => (
          <Radio key={o} value={o} label={kind === 'score' ? o : t(`assess.answer.${kind}.${o}`)} />
        ))}
        {q.allowNotApplicable ? <Radio value="notApplicable" label={t('assess.answer.notApplicable')} /> : null}
      </RadioGroup>
    );
    return (
      <div id={questionId(q.key)} className={styles.root} tabIndex={-1}>
        <Field {...field}>{control}</Field>
      </div>
    );
  }

  const notApplicable = q.allowNotApplicable ? (
    <Checkbox
      className={styles.na}
      checked={na}
      label={t('assess.answer.notApplicable')}
      onChange={(_e, d) => onChange(d.checked ? { kind: 'notApplicable' } : undefined)}
    />
  ) : null;
  const written = answer && answer.kind === q.kind ? answer.value : '';
  const set = (value: string) => onChange(value === '' ? undefined : ({ kind: q.kind, value } as Answer));
  if (q.kind === 'text') {
    control = (
      <Textarea
        name={q.key}
        value={written}
        rows={4}
        resize="vertical"
        disabled={na}
        onBlur={() => setTouched(true)}
        onChange={(_e, d) => set(d.value)}
      />
    );
  } else if (q.kind === 'date') {
    // The tab's own date picker: dd/mm/yyyy in either language, whatever the browser's locale.
    return (
      <div id={questionId(q.key)} className={styles.root} tabIndex={-1}>
        <DateField
          name={q.key}
          label={label}
          value={written || undefined}
          onChange={(value) => set(value ?? '')}
          readOnly={na}
          {...(q.required ? { required: true } : {})}
          {...(field.hint ? { hint: field.hint } : {})}
          {...(message ? { error: message } : {})}
        />
        {notApplicable}
      </div>
    );
  } else {
    control = (
      <Input
        name={q.key}
        type="url"
        value={written}
        disabled={na}
        onBlur={() => setTouched(true)}
        onChange={(_e, d) => set(d.value)}
      />
    );
  }
  return (
    <div id={questionId(q.key)} className={styles.root} tabIndex={-1}>
      <Field {...field}>{control}</Field>
      {notApplicable}
    </div>
  );
}
