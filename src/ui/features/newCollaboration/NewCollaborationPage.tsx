import {
  Badge,
  Button,
  Field,
  makeStyles,
  MessageBar,
  MessageBarBody,
  MessageBarTitle,
  Radio,
  RadioGroup,
  Text,
  tokens,
} from '@fluentui/react-components';
import { useEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import {
  BASES,
  FOOTPRINTS,
  KINDS,
  MODELS,
  REASONS,
  REVIEW_FREQUENCIES,
  RISK_LEVELS,
  scopeOf,
  type Collaboration,
  type DomainError,
  type RepoError,
} from '../../../domain';
import { registerCollaboration } from '../../../app/registerCollaboration';
import { translate } from '../../../i18n';
import { useApp, useFormat } from '../../app/context';
import { navigate, paths } from '../../app/router';
import { ErrorState } from '../../components/ErrorState';
import { CheckField, ChoiceField, DateField, MultiChoiceField, SuggestField, TextField } from '../../components/form';
import { candidateOf, type FormState } from '../../components/formState';
import { fieldMessages } from '../../components/messages';
import { PageHeader } from '../../components/PageHeader';
import { PartnerPicker } from '../../components/PartnerPicker';
import { PeoplePicker } from '../../components/PeoplePicker';
import { useLookup } from '../../components/useLookups';

const COUNCIL_NAME = translate('en-GB', 'app.council');
const DRAFT_KEY = 'collaboration-register:new-draft';
/** A well-formed reference for checking the form; the store gives the real one when it is created. */
const PLACEHOLDER_REFERENCE = 'COL-0001';

const useStyles = makeStyles({
  form: { display: 'flex', flexDirection: 'column', rowGap: tokens.spacingVerticalL, maxWidth: '960px' },
  step: {
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
  guide: { color: tokens.colorNeutralForeground2, display: 'block', marginBottom: tokens.spacingVerticalM },
  grid: {
    display: 'grid',
    gridTemplateColumns: 'repeat(auto-fill, minmax(260px, 1fr))',
    columnGap: tokens.spacingHorizontalL,
    rowGap: tokens.spacingVerticalM,
  },
  wide: { gridColumn: '1 / -1' },
  model: { display: 'flex', alignItems: 'center', columnGap: tokens.spacingHorizontalS },
  actions: { display: 'flex', columnGap: tokens.spacingHorizontalS },
});

function emptyForm(): FormState {
  const draft = {
    reference: PLACEHOLDER_REFERENCE,
    title: '',
    kind: 'collaboration',
    purpose: '',
    reasons: [],
    leadOrganisation: '',
    councilLeads: false,
    partnerIds: [],
    directorate: '',
    status: 'proposed',
    reviewFrequency: 'annual',
    serviceRisk: 'medium',
    footprint: 'local',
  } as unknown as Collaboration; // model and basis are the person's to choose: the domain says so if they do not
  return { draft, money: { annualCost: '', councilContribution: '' } };
}

function loadNewDraft(): FormState | undefined {
  try {
    const raw = localStorage.getItem(DRAFT_KEY);
    const parsed = raw ? (JSON.parse(raw) as FormState) : undefined;
    return parsed?.draft ? parsed : undefined;
  } catch {
    return undefined;
  }
}

function Step({
  n,
  legend,
  guide,
  children,
}: {
  readonly n: number;
  readonly legend: string;
  readonly guide: string;
  readonly children: ReactNode;
}) {
  const styles = useStyles();
  const { t } = useTranslation();
  return (
    <fieldset className={styles.step}>
      <legend className={styles.legend}>{t('tab.new.step', { n, title: legend })}</legend>
      <Text className={styles.guide}>{guide}</Text>
      <div className={styles.grid}>{children}</div>
    </fieldset>
  );
}

/**
 * A short guided form: purpose, model (with whether the protocol covers it),
 * partners, lead, basis and review. The record is created with the next
 * reference; a reference someone else took meanwhile is asked for again.
 */
export function NewCollaborationPage() {
  const styles = useStyles();
  const { t } = useTranslation();
  const app = useApp();
  const format = useFormat();
  const partners = useLookup('partners');
  const mappings = useLookup('channelMappings');
  const [form, setForm] = useState<FormState>(() => loadNewDraft() ?? emptyForm());
  const [errors, setErrors] = useState<readonly DomainError[]>([]);
  const [failure, setFailure] = useState<RepoError | undefined>();
  const [creating, setCreating] = useState(false);
  const summary = useRef<HTMLDivElement>(null);
  const messages = useMemo(() => fieldMessages(t, errors), [t, errors]);
  const [focusFirstError, setFocusFirstError] = useState(0);

  // After a refused create, take the person to the first field, in the page's order, with a message.
  useEffect(() => {
    if (focusFirstError === 0) return;
    const el = document.querySelector<HTMLElement>('form [aria-invalid="true"]');
    (el ?? summary.current)?.focus();
  }, [focusFirstError]);

  useEffect(() => {
    try {
      localStorage.setItem(DRAFT_KEY, JSON.stringify(form));
    } catch {
      // kept for this visit only
    }
  }, [form]);

  const d = form.draft;
  const set =
    <K extends keyof Collaboration>(field: K) =>
    (value: Collaboration[K] | undefined) =>
      setForm((f) => {
        const draft = { ...f.draft };
        if (value === undefined) delete draft[field];
        else draft[field] = value;
        return { ...f, draft };
      });
  const err = (field: string) => (messages[field] ? { error: messages[field] } : {});
  const vocab = (s: string) => (code: string) => t(`vocab.${s}.${code}`);
  const directorates = (mappings.value ?? []).filter((m) => m.kind === 'directorate').map((m) => m.name);

  const create = async () => {
    setFailure(undefined);
    const checked = candidateOf(
      { ...form, draft: { ...form.draft, reference: PLACEHOLDER_REFERENCE } },
      {
        today: app.today,
        councilName: COUNCIL_NAME,
      },
    );
    setErrors(checked.errors);
    if (!checked.record) {
      setFocusFirstError((n) => n + 1);
      return;
    }
    setCreating(true);
    try {
      const created = await registerCollaboration(app.services.stores.collaborations, checked.record);
      if (!created.ok) return setFailure(created.error);
      localStorage.removeItem(DRAFT_KEY);
      navigate(`${paths.record(created.value.reference)}?created=1`);
    } finally {
      setCreating(false);
    }
  };

  const scope = d.model ? scopeOf(d.model) : undefined;

  return (
    <section aria-labelledby="new-title">
      <PageHeader id="new-title" title={t('tab.new.title')} subtitle={t('tab.new.subtitle')} />
      <div ref={summary} tabIndex={-1}>
        {errors.length > 0 ? (
          <MessageBar intent="error" layout="multiline">
            <MessageBarBody>
              <MessageBarTitle>{t('tab.new.invalidTitle')}</MessageBarTitle>
              {t('tab.record.invalid', { formatted: format.number(Object.keys(messages).length) })}
            </MessageBarBody>
          </MessageBar>
        ) : null}
        {failure ? <ErrorState error={failure} title={t('tab.new.failed')} onRetry={() => void create()} /> : null}
      </div>
      <form
        className={styles.form}
        noValidate
        aria-labelledby="new-title"
        onSubmit={(e) => {
          e.preventDefault();
          void create();
        }}
      >
        <Step n={1} legend={t('tab.new.steps.purpose')} guide={t('tab.new.guide.purpose')}>
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
        </Step>

        <Step n={2} legend={t('tab.new.steps.model')} guide={t('tab.new.guide.model')}>
          <Field
            label={t('fields.model')}
            required
            className={styles.wide}
            {...(messages.model ? { validationMessage: messages.model, validationState: 'error' as const } : {})}
            {...(scope ? { hint: t(`scope.${scope.reason}`) } : {})}
          >
            <RadioGroup
              name="model"
              value={d.model ?? ''}
              onChange={(_e, data) => set('model')(data.value as Collaboration['model'])}
            >
              {MODELS.map((m) => (
                <Radio
                  key={m}
                  value={m}
                  label={
                    <span className={styles.model}>
                      {t(`vocab.model.${m}`)}
                      <Badge appearance="outline" size="small" color={scopeOf(m).inScope ? 'brand' : 'informative'}>
                        {t(`tab.scope.${scopeOf(m).inScope ? 'in' : 'out'}`)}
                      </Badge>
                    </span>
                  }
                />
              ))}
            </RadioGroup>
          </Field>
        </Step>

        <Step n={3} legend={t('tab.new.steps.partners')} guide={t('tab.new.guide.partners')}>
          <PartnerPicker
            name="partnerIds"
            label={t('fields.partnerIds')}
            className={styles.wide}
            partners={partners.value ?? []}
            value={d.partnerIds}
            locale={app.locale}
            onChange={set('partnerIds')}
            {...err('partnerIds')}
          />
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
              setForm((f) => ({
                ...f,
                draft: { ...f.draft, councilLeads: v, ...(v ? { leadOrganisation: COUNCIL_NAME } : {}) },
              }))
            }
            {...err('councilLeads')}
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
        </Step>

        <Step n={4} legend={t('tab.new.steps.lead')} guide={t('tab.new.guide.lead')}>
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
        </Step>

        <Step n={5} legend={t('tab.new.steps.basis')} guide={t('tab.new.guide.basis')}>
          <ChoiceField
            name="basis"
            label={t('fields.basis')}
            required
            codes={BASES}
            value={d.basis}
            labelOf={vocab('basis')}
            placeholder={t('tab.new.choose')}
            onChange={set('basis')}
            {...err('basis')}
          />
          <MultiChoiceField
            name="reasons"
            label={t('fields.reasons')}
            codes={REASONS}
            value={d.reasons}
            labelOf={vocab('reason')}
            onChange={set('reasons')}
            {...err('reasons')}
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
          <DateField
            name="startDate"
            label={t('fields.startDate')}
            value={d.startDate}
            onChange={set('startDate')}
            {...err('startDate')}
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
          {d.reviewFrequency === 'fixedDate' ? (
            <DateField
              name="nextReviewDue"
              label={t('fields.nextReviewDue')}
              value={d.nextReviewDue}
              onChange={set('nextReviewDue')}
              {...err('nextReviewDue')}
            />
          ) : null}
        </Step>

        <div className={styles.actions}>
          <Button appearance="primary" type="submit" disabledFocusable={creating}>
            {creating ? t('tab.new.creating') : t('tab.new.create')}
          </Button>
          <Button
            onClick={() => {
              setForm(emptyForm());
              setErrors([]);
              setFailure(undefined);
            }}
          >
            {t('tab.new.clear')}
          </Button>
        </div>
      </form>
    </section>
  );
}
