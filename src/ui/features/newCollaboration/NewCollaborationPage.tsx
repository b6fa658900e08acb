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
  tokens,
} from '@fluentui/react-components';
import { useEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import {
  fieldsOfSection,
  MODELS,
  scopeOf,
  type Collaboration,
  type CollaborationField,
  type DomainError,
  type RepoError,
} from '../../../domain';
import { registerCollaboration } from '../../../app/registerCollaboration';
import { translate } from '../../../i18n';
import { useApp, useFormat } from '../../app/context';
import { navigate, paths } from '../../app/router';
import { ErrorState } from '../../components/ErrorState';
import { candidateOf, type FormState } from '../../components/formState';
import { fieldMessages } from '../../components/messages';
import { PageHeader } from '../../components/PageHeader';
import { FieldGroup } from '../../components/FieldGroup';
import { RecordField, setField, type RecordFieldContext } from '../../components/RecordField';
import { useLookup } from '../../components/useLookups';
import { usePolicy } from '../../components/usePolicy';
import { useMe } from '../../components/useRoles';
import { may } from '../../../domain/policy';

const COUNCIL_NAME = translate('en-GB', 'app.council');
const DRAFT_KEY = 'collaboration-register:new-draft';
/** A well-formed reference for checking the form; the store gives the real one when it is created. */
const PLACEHOLDER_REFERENCE = 'COL-0001';

const useStyles = makeStyles({
  form: { display: 'flex', flexDirection: 'column', rowGap: tokens.spacingVerticalL, maxWidth: '960px' },
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

/**
 * The steps, each a few of the catalogue's fields (step 4 is the whole "people" section, so a new
 * person field, such as the lead member, is asked for here too).
 */
const STEPS: readonly { readonly key: string; readonly fields: readonly CollaborationField[] }[] = [
  { key: 'purpose', fields: ['title', 'titleCy', 'kind', 'purpose', 'outcomes'] },
  { key: 'model', fields: ['model'] },
  { key: 'partners', fields: ['partnerIds', 'leadOrganisation', 'councilLeads', 'footprint'] },
  { key: 'lead', fields: fieldsOfSection('people') },
  { key: 'basis', fields: ['basis', 'reasons', 'serviceRisk', 'startDate', 'reviewFrequency', 'nextReviewDue'] },
];

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
  const { t } = useTranslation();
  return (
    <FieldGroup legend={t('tab.new.step', { n, title: legend })} guide={guide}>
      {children}
    </FieldGroup>
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
  const me = useMe();
  const { policy } = usePolicy();
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
  const ctx: RecordFieldContext = {
    form,
    onChange: setForm,
    errors: messages,
    partners: partners.value ?? [],
    mappings: mappings.value ?? [],
    councilName: COUNCIL_NAME,
    locale: app.locale,
    choosePlaceholder: t('tab.new.choose'),
  };

  const create = async () => {
    setFailure(undefined);
    const checked = candidateOf(
      { ...form, draft: { ...form.draft, reference: PLACEHOLDER_REFERENCE } },
      {
        today: app.today,
        councilName: COUNCIL_NAME,
        significance: policy.significance,
      },
    );
    setErrors(checked.errors);
    if (!checked.record) {
      setFocusFirstError((n) => n + 1);
      return;
    }
    setCreating(true);
    try {
      const created = await registerCollaboration(app.services.stores.collaborations, checked.record, {
        history: app.services.stores.history,
        today: app.today,
        by: me.person,
      });
      if (!created.ok) return setFailure(created.error);
      localStorage.removeItem(DRAFT_KEY);
      navigate(`${paths.record(created.value.reference)}?created=1`);
    } finally {
      setCreating(false);
    }
  };

  const scope = d.model ? scopeOf(d.model) : undefined;
  const modelChoice = (
    <Field
      key="model"
      label={t('fields.model')}
      required
      className={styles.wide}
      {...(messages.model ? { validationMessage: messages.model, validationState: 'error' as const } : {})}
      {...(scope ? { hint: t(`scope.${scope.reason}`) } : {})}
    >
      <RadioGroup
        name="model"
        value={d.model ?? ''}
        onChange={(_e, data) => setField(setForm, 'model')(data.value as Collaboration['model'])}
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
  );

  // A panel member who is not an officer reads the register but does not add to it (as the list's permissions say).
  if (!me.loading && !may(me.actor, { kind: 'register' }))
    return (
      <section aria-labelledby="new-title">
        <PageHeader id="new-title" title={t('tab.new.title')} />
        <MessageBar intent="info">
          <MessageBarBody>{t('tab.new.notAllowed')}</MessageBarBody>
        </MessageBar>
      </section>
    );

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
        {STEPS.map((step, i) => (
          <Step key={step.key} n={i + 1} legend={t(`tab.new.steps.${step.key}`)} guide={t(`tab.new.guide.${step.key}`)}>
            {step.fields.map((field) => {
              if (field === 'model') return modelChoice;
              // The next review follows from the frequency unless it is a fixed date.
              if (field === 'nextReviewDue' && d.reviewFrequency !== 'fixedDate') return null;
              return <RecordField key={field} field={field} ctx={ctx} />;
            })}
          </Step>
        ))}

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
