import { makeStyles, Text, tokens } from '@fluentui/react-components';
import { useTranslation } from 'react-i18next';
import {
  allowedTransitions,
  fieldsOfSection,
  MODELS,
  scopeOf,
  type ChannelMapping,
  type CollaborationField,
  type FormSection,
  type Partner,
  type Status,
  type Stored,
} from '../../../domain';
import { useApp, useFormat } from '../../app/context';
import { ChoiceField, DateField, ReadOnlyField } from '../../components/form';
import type { FormState } from '../../components/formState';
import { FieldGroup } from '../../components/FieldGroup';
import { RecordField, setField, type RecordFieldContext } from '../../components/RecordField';

const useStyles = makeStyles({
  form: { display: 'flex', flexDirection: 'column', rowGap: tokens.spacingVerticalL },
  scope: { color: tokens.colorNeutralForeground2 },
});

export interface RecordFormProps {
  readonly form: FormState;
  /** The status as stored: the status control offers the transitions the life cycle allows from it. */
  readonly storedStatus: Status;
  readonly onChange: (update: (form: FormState) => FormState) => void;
  /** Messages by field (from the domain, in the person's language). */
  readonly errors: Readonly<Record<string, string>>;
  readonly partners: readonly Stored<Partner>[];
  readonly mappings: readonly ChannelMapping[];
  readonly councilName: string;
}

const SECTIONS: readonly FormSection[] = ['what', 'partners', 'people', 'lifecycle', 'money', 'governance'];

/** Every field of a collaboration, editable, grouped as the protocol groups them (the catalogue's sections). */
export function RecordForm({ form, storedStatus, onChange, errors, partners, mappings, councilName }: RecordFormProps) {
  const styles = useStyles();
  const { t } = useTranslation();
  const app = useApp();
  const format = useFormat();
  const d = form.draft;
  const ctx: RecordFieldContext = { form, onChange, errors, partners, mappings, councilName, locale: app.locale };
  const err = (field: string) => (errors[field] ? { error: errors[field] } : {});
  const statuses: Status[] = [storedStatus, ...allowedTransitions(storedStatus)];
  const target = form.targetStatus ?? storedStatus;

  /** The fields whose control on this form is more than the catalogue's. */
  const control = (field: CollaborationField) => {
    switch (field) {
      case 'model':
        return (
          <ChoiceField
            key={field}
            name="model"
            label={t('fields.model')}
            codes={MODELS}
            value={d.model}
            labelOf={(code) => t(`vocab.model.${code}`)}
            onChange={setField(onChange, 'model')}
            hint={t(`scope.${scopeOf(d.model).reason}`)}
            {...err('model')}
          />
        );
      case 'status':
        return (
          <ChoiceField
            key={field}
            name="status"
            label={t('fields.status')}
            codes={statuses}
            value={target}
            labelOf={(s) =>
              s === storedStatus
                ? t('tab.record.currentStatus', { status: t(`vocab.status.${s}`) })
                : t(`vocab.status.${s}`)
            }
            onChange={(s) =>
              onChange((f) => (s === storedStatus ? { draft: f.draft, money: f.money } : { ...f, targetStatus: s }))
            }
            hint={statuses.length > 1 ? t('tab.record.statusHint') : t('tab.record.statusFinal')}
            {...err('status')}
          />
        );
      case 'nextReviewDue':
        return d.reviewFrequency === 'fixedDate' ? (
          <DateField
            key={field}
            name="nextReviewDue"
            label={t('fields.nextReviewDue')}
            dueDate
            value={d.nextReviewDue}
            onChange={setField(onChange, 'nextReviewDue')}
            {...err('nextReviewDue')}
          />
        ) : (
          <ReadOnlyField
            key={field}
            name="nextReviewDue"
            label={t('fields.nextReviewDue')}
            value={format.date(d.nextReviewDue)}
            hint={t('tab.record.nextReviewHint')}
          />
        );
      default:
        return <RecordField key={field} field={field} ctx={ctx} />;
    }
  };

  return (
    <div className={styles.form}>
      {SECTIONS.map((section) => (
        <FieldGroup key={section} legend={t(`tab.record.sections.${section}`)}>
          {fieldsOfSection(section).map(control)}
          {section === 'governance' ? (
            <ReadOnlyField
              name="lastAssessment"
              label={t('tab.record.lastAssessment')}
              value={
                d.lastAssessmentRag
                  ? t('tab.record.lastAssessmentValue', {
                      rag: t(`vocab.rag.${d.lastAssessmentRag}`),
                      score: d.lastAssessmentScore !== undefined ? format.number(d.lastAssessmentScore) : '–',
                    })
                  : t('tab.common.none')
              }
            />
          ) : null}
        </FieldGroup>
      ))}
      <Text className={styles.scope}>{t('tab.record.requiredNote')}</Text>
    </div>
  );
}
