/**
 * The governance team's editor of the policy: the tier thresholds, the bands, the points, the
 * assurance cadence and a change note. "Check and publish" runs the use case's checks and, when
 * they pass, the preview (how many records would change tier); the confirmation publishes.
 * A wrong value is named at its field and nothing is written; what the person typed is kept
 * through a failure or someone else's version published meanwhile.
 */
import {
  Button,
  Field,
  Input,
  makeStyles,
  mergeClasses,
  MessageBar,
  MessageBarBody,
  Text,
  Textarea,
  tokens,
} from '@fluentui/react-components';
import { useRef, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import {
  previewGovernancePolicy,
  publishGovernancePolicy,
  type PublishPolicySummary,
} from '../../../app/publishGovernancePolicy';
import {
  ASSURANCE_LEVELS,
  POLICY_NOTE_MAX_LENGTH,
  type DomainError,
  type GovernancePolicy,
  type Person,
} from '../../../domain';
import type { Actor } from '../../../domain/policy';
import { useApp, useServices } from '../../app/context';
import { useFieldsetStyles } from '../../components/FieldGroup';
import { repoErrorMessage } from '../../components/messages';
import { PublishPolicyDialog } from './PublishPolicyDialog';
import {
  draftOf,
  fieldName,
  MAX_BANDS,
  POINT_CODES,
  POINT_VOCAB,
  policyMessages,
  textOf,
  type BandSet,
  type BandText,
  type PointSet,
  type PolicyText,
} from './policyDraft';

const useStyles = makeStyles({
  form: { display: 'flex', flexDirection: 'column', rowGap: tokens.spacingVerticalL },
  // The same box as a record's group of fields, its fields one under another.
  fieldset: { display: 'flex', flexDirection: 'column', rowGap: tokens.spacingVerticalM },
  guide: { color: tokens.colorNeutralForeground2 },
  grid: {
    display: 'grid',
    gridTemplateColumns: 'repeat(auto-fill, minmax(220px, 1fr))',
    columnGap: tokens.spacingHorizontalL,
    rowGap: tokens.spacingVerticalM,
  },
  band: {
    display: 'flex',
    flexWrap: 'wrap',
    alignItems: 'flex-end',
    columnGap: tokens.spacingHorizontalM,
    rowGap: tokens.spacingVerticalS,
  },
  groupError: { color: tokens.colorPaletteRedForeground1 },
  buttons: { display: 'flex', flexWrap: 'wrap', columnGap: tokens.spacingHorizontalS, rowGap: tokens.spacingVerticalS },
});

export interface PolicyFormProps {
  /** The policy in force: the form starts from its numbers. */
  readonly policy: GovernancePolicy;
  readonly actor: Actor;
  readonly me: Person | undefined;
  readonly onPublished: (summary: PublishPolicySummary) => void;
  /** Someone else published meanwhile: the page reads the versions again (the form keeps what was typed). */
  readonly onStale: () => void;
}

type Preview = { readonly changes: number; readonly records: number; readonly version: number };

export function PolicyForm({ policy, actor, me, onPublished, onStale }: PolicyFormProps) {
  const { t } = useTranslation();
  const styles = useStyles();
  const box = useFieldsetStyles();
  const app = useApp();
  const services = useServices();
  const formRef = useRef<HTMLFormElement>(null);
  const [form, setForm] = useState<PolicyText>(() => textOf(policy));
  /** The version the form's numbers were read from: publishing over a newer one is refused. */
  const [basedOn, setBasedOn] = useState(policy.version);
  const [errors, setErrors] = useState<readonly DomainError[]>([]);
  const [failure, setFailure] = useState<string | undefined>();
  const [busy, setBusy] = useState(false);
  const [preview, setPreview] = useState<Preview | undefined>();

  const messages = policyMessages(t, errors);
  const set = (change: (f: PolicyText) => PolicyText) => setForm((f) => change(f));

  const showErrors = (found: readonly DomainError[]) => {
    setErrors(found);
    // Focus the first wrong value, so a keyboard or screen reader user lands on it.
    requestAnimationFrame(() => {
      const first = found
        .map((e) => formRef.current?.querySelector<HTMLElement>(`[name="${e.field}"]`))
        .find((el) => el);
      first?.focus();
    });
  };

  const check = async () => {
    setFailure(undefined);
    setBusy(true);
    const r = await previewGovernancePolicy(services.stores, draftOf(form), form.note);
    setBusy(false);
    if (!r.ok) {
      if (r.error.code === 'invalid') return showErrors(r.error.errors);
      setErrors([]);
      return setFailure(t('policyEditor.form.previewFailed', { reason: repoErrorMessage(t, r.error.error) }));
    }
    setErrors([]);
    setPreview({ changes: r.value.changes.length, records: r.value.records, version: basedOn + 1 });
  };

  const publish = async () => {
    if (!me) return setFailure(t('policyEditor.form.signedOut'));
    setBusy(true);
    const r = await publishGovernancePolicy(services.stores, {
      draft: draftOf(form),
      note: form.note,
      actor,
      by: me,
      today: app.today,
      basedOn,
    });
    setBusy(false);
    setPreview(undefined);
    if (r.ok) {
      setForm(textOf(r.value.policy));
      setBasedOn(r.value.version);
      return onPublished(r.value);
    }
    switch (r.error.code) {
      case 'invalid':
        return showErrors(r.error.errors);
      case 'forbidden':
        return setFailure(t('policyEditor.form.forbidden'));
      case 'conflict':
        setBasedOn(r.error.theirs.version);
        onStale();
        return setFailure(
          t('policyEditor.form.conflict', {
            version: r.error.theirs.version,
            name: r.error.theirs.publishedBy?.displayName ?? t('policyEditor.inForce.unknownPerson'),
          }),
        );
      case 'failed':
        return setFailure(t('policyEditor.form.publishFailed', { reason: repoErrorMessage(t, r.error.error) }));
    }
  };

  const numberField = (name: string, label: string, value: string, onChange: (v: string) => void, hint?: string) => (
    <Field
      key={name}
      label={label}
      {...(hint ? { hint } : {})}
      {...(messages[name] ? { validationState: 'error' as const, validationMessage: messages[name] } : {})}
    >
      <Input name={name} value={value} inputMode="decimal" onChange={(_e, d) => onChange(d.value)} />
    </Field>
  );

  const group = (legend: string, guide: string | undefined, children: ReactNode, error?: string) => (
    <fieldset className={mergeClasses(box.fieldset, styles.fieldset)}>
      <legend className={box.legend}>{legend}</legend>
      {guide ? <Text className={styles.guide}>{guide}</Text> : null}
      {children}
      {error ? (
        <Text role="alert" className={styles.groupError}>
          {error}
        </Text>
      ) : null}
    </fieldset>
  );

  const bandSet = (which: BandSet) => {
    const rows = form[which];
    const setRow = (i: number, part: keyof BandText, v: string) =>
      set((f) => ({ ...f, [which]: f[which].map((b, j) => (j === i ? { ...b, [part]: v } : b)) }));
    return group(
      t(`policyEditor.form.${which}.legend`),
      t(`policyEditor.form.${which}.guide`),
      <>
        {rows.map((b, i) => (
          <div key={i} className={styles.band}>
            {numberField(
              fieldName.band(which, i, 'from'),
              t(`policyEditor.form.${which}.from`, { n: i + 1 }),
              b.from,
              (v) => setRow(i, 'from', v),
            )}
            {numberField(
              fieldName.band(which, i, 'points'),
              t(`policyEditor.form.${which}.points`, { n: i + 1 }),
              b.points,
              (v) => setRow(i, 'points', v),
            )}
            <Button
              onClick={() => set((f) => ({ ...f, [which]: f[which].filter((_b, j) => j !== i) }))}
              aria-label={t(`policyEditor.form.${which}.remove`, { n: i + 1 })}
            >
              {t('policyEditor.form.removeBand')}
            </Button>
          </div>
        ))}
        <div className={styles.buttons}>
          <Button
            disabled={rows.length >= MAX_BANDS}
            onClick={() => set((f) => ({ ...f, [which]: [...f[which], { from: '', points: '' }] }))}
          >
            {t(`policyEditor.form.${which}.add`)}
          </Button>
        </div>
      </>,
      messages[fieldName.bands(which)],
    );
  };

  const pointSet = (which: PointSet) =>
    group(
      t(`policyEditor.form.${which}.legend`),
      undefined,
      <div className={styles.grid}>
        {POINT_CODES[which].map((code) =>
          numberField(
            fieldName.points(which, code),
            t(`vocab.${POINT_VOCAB[which]}.${code}`),
            (form[which] as Readonly<Record<string, string>>)[code] ?? '',
            (v) => set((f) => ({ ...f, [which]: { ...f[which], [code]: v } })),
          ),
        )}
      </div>,
    );

  return (
    <>
      <form
        ref={formRef}
        noValidate
        className={styles.form}
        aria-labelledby="policy-edit"
        onSubmit={(e) => {
          e.preventDefault();
          void check();
        }}
      >
        <Text as="p">{t('policyEditor.form.intro', { version: basedOn + 1 })}</Text>
        {errors.length > 0 ? (
          <MessageBar intent="error">
            <MessageBarBody>{t('policyEditor.form.invalid')}</MessageBarBody>
          </MessageBar>
        ) : null}
        {group(
          t('policyEditor.form.tiers.legend'),
          t('policyEditor.form.tiers.guide'),
          <div className={styles.grid}>
            {(['medium', 'high'] as const).map((tier) =>
              numberField(fieldName.tier(tier), t(`policyEditor.form.tiers.${tier}`), form.tiers[tier], (v) =>
                set((f) => ({ ...f, tiers: { ...f.tiers, [tier]: v } })),
              ),
            )}
          </div>,
        )}
        {bandSet('annualCost')}
        {bandSet('partners')}
        {pointSet('basis')}
        {pointSet('footprint')}
        {pointSet('serviceRisk')}
        {group(
          t('policyEditor.form.cadence.legend'),
          t('policyEditor.form.cadence.guide'),
          <div className={styles.grid}>
            {ASSURANCE_LEVELS.map((level) =>
              numberField(
                fieldName.cadence(level),
                t('policyEditor.form.cadence.months', { level: t(`vocab.assurance.${level}`) }),
                form.cadence[level],
                (v) => set((f) => ({ ...f, cadence: { ...f.cadence, [level]: v } })),
                t('policyEditor.form.cadence.blank'),
              ),
            )}
          </div>,
        )}
        <Field
          label={t('policyEditor.form.note')}
          hint={t('policyEditor.form.noteHint', { max: POLICY_NOTE_MAX_LENGTH })}
          required
          {...(messages.note ? { validationState: 'error' as const, validationMessage: messages.note } : {})}
        >
          <Textarea
            name={fieldName.note}
            value={form.note}
            resize="vertical"
            rows={4}
            onChange={(_e, d) => setForm((f) => ({ ...f, note: d.value }))}
          />
        </Field>
        {failure ? (
          <MessageBar intent="error" layout="multiline">
            <MessageBarBody>{failure}</MessageBarBody>
          </MessageBar>
        ) : null}
        <div className={styles.buttons}>
          <Button appearance="primary" type="submit" disabled={busy}>
            {busy && !preview ? t('policyEditor.form.checking') : t('policyEditor.form.check')}
          </Button>
          <Button
            disabled={busy}
            onClick={() => {
              setForm(textOf(policy));
              setBasedOn(policy.version);
              setErrors([]);
              setFailure(undefined);
            }}
          >
            {t('policyEditor.form.reset')}
          </Button>
        </div>
      </form>
      {/* Outside the form: the dialog's buttons never submit it. */}
      {preview ? (
        <PublishPolicyDialog
          version={preview.version}
          changes={preview.changes}
          records={preview.records}
          publishing={busy}
          onPublish={() => void publish()}
          onCancel={() => setPreview(undefined)}
        />
      ) : null}
    </>
  );
}
