import { makeStyles, Text, tokens } from '@fluentui/react-components';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import {
  allowedTransitions,
  BASES,
  FOOTPRINTS,
  KINDS,
  MODELS,
  REASONS,
  REVIEW_FREQUENCIES,
  RISK_LEVELS,
  scopeOf,
  type ChannelMapping,
  type Collaboration,
  type Partner,
  type Status,
  type Stored,
} from '../../../domain';
import { useApp, useFormat } from '../../app/context';
import {
  CheckField,
  ChoiceField,
  DateField,
  MoneyField,
  MultiChoiceField,
  ReadOnlyField,
  SuggestField,
  TextField,
} from '../../components/form';
import { PartnerPicker } from '../../components/PartnerPicker';
import { PeoplePicker } from '../../components/PeoplePicker';
import type { FormState } from '../../components/formState';

const useStyles = makeStyles({
  form: { display: 'flex', flexDirection: 'column', rowGap: tokens.spacingVerticalL },
  fieldset: {
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    borderRadius: tokens.borderRadiusMedium,
    padding: `${tokens.spacingVerticalM} ${tokens.spacingHorizontalL}`,
    backgroundColor: tokens.colorNeutralBackground1,
    margin: 0,
    minWidth: 0,
  },
  legend: {
    fontWeight: tokens.fontWeightSemibold,
    fontSize: tokens.fontSizeBase400,
    padding: `0 ${tokens.spacingHorizontalXS}`,
  },
  grid: {
    display: 'grid',
    gridTemplateColumns: 'repeat(auto-fill, minmax(260px, 1fr))',
    columnGap: tokens.spacingHorizontalL,
    rowGap: tokens.spacingVerticalM,
  },
  wide: { gridColumn: '1 / -1' },
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

function Section({ legend, children }: { readonly legend: string; readonly children: ReactNode }) {
  const styles = useStyles();
  return (
    <fieldset className={styles.fieldset}>
      <legend className={styles.legend}>{legend}</legend>
      <div className={styles.grid}>{children}</div>
    </fieldset>
  );
}

/** Every field of a collaboration, editable, grouped as the protocol groups them. */
export function RecordForm({ form, storedStatus, onChange, errors, partners, mappings, councilName }: RecordFormProps) {
  const styles = useStyles();
  const { t } = useTranslation();
  const app = useApp();
  const format = useFormat();
  const d = form.draft;
  const set =
    <K extends keyof Collaboration>(field: K) =>
    (value: Collaboration[K] | undefined) =>
      onChange((f) => {
        const draft = { ...f.draft };
        if (value === undefined) delete draft[field];
        else draft[field] = value;
        return { ...f, draft };
      });
  const err = (field: string) => (errors[field] ? { error: errors[field] } : {});
  const vocab = (set: string) => (code: string) => t(`vocab.${set}.${code}`);
  const scope = scopeOf(d.model);
  const directorates = mappings.filter((m) => m.kind === 'directorate').map((m) => m.name);
  const panels = mappings.filter((m) => m.kind === 'panel');
  const statuses: Status[] = [storedStatus, ...allowedTransitions(storedStatus)];
  const target = form.targetStatus ?? storedStatus;

  return (
    <div className={styles.form}>
      <Section legend={t('tab.record.sections.what')}>
        <ReadOnlyField name="reference" label={t('fields.reference')} value={d.reference} />
        <TextField
          name="title"
          label={t('fields.title')}
          required
          value={d.title}
          onChange={set('title')}
          {...err('title')}
        />
        <TextField
          name="titleCy"
          label={t('fields.titleCy')}
          lang="cy"
          value={d.titleCy}
          onChange={set('titleCy')}
          {...err('titleCy')}
        />
        <ChoiceField
          name="kind"
          label={t('fields.kind')}
          codes={KINDS}
          value={d.kind}
          labelOf={vocab('kind')}
          onChange={set('kind')}
          {...err('kind')}
        />
        <ChoiceField
          name="model"
          label={t('fields.model')}
          codes={MODELS}
          value={d.model}
          labelOf={vocab('model')}
          onChange={set('model')}
          hint={t(`scope.${scope.reason}`)}
          {...err('model')}
        />
        <TextField
          name="purpose"
          label={t('fields.purpose')}
          required
          multiline
          className={styles.wide}
          value={d.purpose}
          onChange={set('purpose')}
          {...err('purpose')}
        />
        <TextField
          name="outcomes"
          label={t('fields.outcomes')}
          multiline
          className={styles.wide}
          value={d.outcomes}
          onChange={set('outcomes')}
          {...err('outcomes')}
        />
        <MultiChoiceField
          name="reasons"
          label={t('fields.reasons')}
          className={styles.wide}
          codes={REASONS}
          value={d.reasons}
          labelOf={vocab('reason')}
          onChange={set('reasons')}
          {...err('reasons')}
        />
      </Section>

      <Section legend={t('tab.record.sections.partners')}>
        <TextField
          name="leadOrganisation"
          label={t('fields.leadOrganisation')}
          required
          value={d.leadOrganisation}
          onChange={set('leadOrganisation')}
          {...err('leadOrganisation')}
        />
        <CheckField
          name="councilLeads"
          label={t('fields.councilLeads')}
          value={d.councilLeads}
          onChange={(v) =>
            onChange((f) => ({
              ...f,
              draft: { ...f.draft, councilLeads: v, ...(v ? { leadOrganisation: councilName } : {}) },
            }))
          }
          {...err('councilLeads')}
        />
        <PartnerPicker
          name="partnerIds"
          label={t('fields.partnerIds')}
          className={styles.wide}
          partners={partners}
          value={d.partnerIds}
          locale={app.locale}
          onChange={set('partnerIds')}
          {...err('partnerIds')}
        />
        <ChoiceField
          name="basis"
          label={t('fields.basis')}
          codes={BASES}
          value={d.basis}
          labelOf={vocab('basis')}
          onChange={set('basis')}
          {...err('basis')}
        />
        <ChoiceField
          name="footprint"
          label={t('fields.footprint')}
          codes={FOOTPRINTS}
          value={d.footprint}
          labelOf={vocab('footprint')}
          onChange={set('footprint')}
          {...err('footprint')}
        />
      </Section>

      <Section legend={t('tab.record.sections.people')}>
        <SuggestField
          name="directorate"
          label={t('fields.directorate')}
          required
          value={d.directorate}
          suggestions={directorates}
          onChange={set('directorate')}
          {...err('directorate')}
        />
        <TextField
          name="serviceArea"
          label={t('fields.serviceArea')}
          value={d.serviceArea}
          onChange={set('serviceArea')}
          {...err('serviceArea')}
        />
        <PeoplePicker
          name="leadOfficer"
          label={t('fields.leadOfficer')}
          value={d.leadOfficer}
          onChange={set('leadOfficer')}
          {...err('leadOfficer')}
        />
        <PeoplePicker
          name="headOfService"
          label={t('fields.headOfService')}
          value={d.headOfService}
          onChange={set('headOfService')}
          {...err('headOfService')}
        />
        <ChoiceField
          name="panel"
          label={t('fields.panel')}
          codes={['', ...panels.map((p) => p.key)]}
          value={d.panel ?? ''}
          labelOf={(k) => (k === '' ? t('tab.common.none') : (panels.find((p) => p.key === k)?.name ?? k))}
          onChange={(k) => set('panel')(k === '' ? undefined : k)}
          {...err('panel')}
        />
      </Section>

      <Section legend={t('tab.record.sections.lifecycle')}>
        <ChoiceField
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
        <DateField
          name="startDate"
          label={t('fields.startDate')}
          value={d.startDate}
          onChange={set('startDate')}
          {...err('startDate')}
        />
        <DateField
          name="endDate"
          label={t('fields.endDate')}
          value={d.endDate}
          onChange={set('endDate')}
          {...err('endDate')}
        />
        <ChoiceField
          name="reviewFrequency"
          label={t('fields.reviewFrequency')}
          codes={REVIEW_FREQUENCIES}
          value={d.reviewFrequency}
          labelOf={vocab('reviewFrequency')}
          onChange={set('reviewFrequency')}
          {...err('reviewFrequency')}
        />
        <DateField
          name="lastReviewDate"
          label={t('fields.lastReviewDate')}
          value={d.lastReviewDate}
          onChange={set('lastReviewDate')}
          {...err('lastReviewDate')}
        />
        {d.reviewFrequency === 'fixedDate' ? (
          <DateField
            name="nextReviewDue"
            label={t('fields.nextReviewDue')}
            value={d.nextReviewDue}
            onChange={set('nextReviewDue')}
            {...err('nextReviewDue')}
          />
        ) : (
          <ReadOnlyField
            name="nextReviewDue"
            label={t('fields.nextReviewDue')}
            value={format.date(d.nextReviewDue)}
            hint={t('tab.record.nextReviewHint')}
          />
        )}
        <TextField
          name="exitNote"
          label={t('fields.exitNote')}
          multiline
          className={styles.wide}
          value={d.exitNote}
          onChange={set('exitNote')}
          {...err('exitNote')}
        />
      </Section>

      <Section legend={t('tab.record.sections.money')}>
        <MoneyField
          name="annualCost"
          label={t('fields.annualCost')}
          value={form.money.annualCost}
          onChange={(v) => onChange((f) => ({ ...f, money: { ...f.money, annualCost: v } }))}
          {...err('annualCost')}
        />
        <MoneyField
          name="councilContribution"
          label={t('fields.councilContribution')}
          value={form.money.councilContribution}
          onChange={(v) => onChange((f) => ({ ...f, money: { ...f.money, councilContribution: v } }))}
          {...err('councilContribution')}
        />
        <ChoiceField
          name="serviceRisk"
          label={t('fields.serviceRisk')}
          codes={RISK_LEVELS}
          value={d.serviceRisk}
          labelOf={vocab('risk')}
          onChange={set('serviceRisk')}
          {...err('serviceRisk')}
        />
        <ReadOnlyField
          name="significance"
          label={t('fields.significance')}
          value={d.significance ? t(`vocab.significance.${d.significance}`) : t('tab.common.none')}
          hint={t('tab.record.significanceHint')}
        />
      </Section>

      <Section legend={t('tab.record.sections.governance')}>
        <TextField
          name="scrutiny"
          label={t('fields.scrutiny')}
          multiline
          value={d.scrutiny}
          onChange={set('scrutiny')}
          {...err('scrutiny')}
        />
        <TextField
          name="disputeResolution"
          label={t('fields.disputeResolution')}
          multiline
          value={d.disputeResolution}
          onChange={set('disputeResolution')}
          {...err('disputeResolution')}
        />
        <TextField
          name="exitStrategy"
          label={t('fields.exitStrategy')}
          multiline
          value={d.exitStrategy}
          onChange={set('exitStrategy')}
          {...err('exitStrategy')}
        />
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
      </Section>
      <Text className={styles.scope}>{t('tab.record.requiredNote')}</Text>
    </div>
  );
}
