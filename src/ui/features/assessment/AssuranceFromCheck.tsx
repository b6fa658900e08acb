/**
 * Under a submitted governance-arrangements check: the assurance level it gave (level, reason,
 * by whom, when), or, for the governance team before one is given, the form to give it, with
 * the level the score suggests and the next review the policy's cadence will set. The use case
 * (src/app/giveAssessmentAssurance.ts) writes the check, the record and the history.
 */
import {
  Button,
  Field,
  makeStyles,
  MessageBar,
  MessageBarBody,
  MessageBarTitle,
  Radio,
  RadioGroup,
  Spinner,
  Text,
  Title3,
  tokens,
} from '@fluentui/react-components';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { giveAssessmentAssurance, type GiveAssuranceResult } from '../../../app/giveAssessmentAssurance';
import { ASSURANCE_LEVELS, type Assessment, type AssessmentTemplate, type AssuranceLevel } from '../../../domain';
import { givesAssurance, suggestedAssurance } from '../../../domain/assessmentAssurance';
import { may } from '../../../domain/policy';
import type { Stored } from '../../../domain/ports';
import { useApp, useFormat, useServices } from '../../app/context';
import { TextField } from '../../components/form';
import { Summary } from '../../components/Summary';
import { fieldMessages, repoErrorMessage } from '../../components/messages';
import { usePolicy } from '../../components/usePolicy';
import { useMe } from '../../components/useRoles';

const useStyles = makeStyles({
  panel: { marginBlock: tokens.spacingVerticalL, breakInside: 'avoid-page' },
  summary: { marginTop: tokens.spacingVerticalS },
  form: { display: 'grid', rowGap: tokens.spacingVerticalM, maxWidth: '40rem' },
  para: { margin: 0 },
});

export function AssuranceFromCheck({
  assessment,
  template,
}: {
  readonly assessment: Stored<Assessment>;
  readonly template: AssessmentTemplate;
}) {
  const styles = useStyles();
  const { t } = useTranslation();
  const app = useApp();
  const format = useFormat();
  const { stores } = useServices();
  const me = useMe();
  const { policy } = usePolicy();
  const [level, setLevel] = useState<AssuranceLevel | undefined>();
  const [reason, setReason] = useState('');
  const [busy, setBusy] = useState(false);
  const [result, setResult] = useState<GiveAssuranceResult | undefined>();

  if (!givesAssurance(template.key) || assessment.status !== 'submitted') return null;
  // What the check says now: as given here, or as it was read.
  const shown = result && (result.ok || 'error' in result) && result.assessment ? result.assessment : assessment;

  const give = async () => {
    setBusy(true);
    const r = await giveAssessmentAssurance(stores, {
      assessmentId: assessment.id,
      level,
      reason,
      actor: me.actor,
      by: me.person,
      today: app.today,
    });
    setBusy(false);
    setResult(r);
  };

  const messages = result && !result.ok && 'invalid' in result ? fieldMessages(t, result.invalid) : {};
  const suggestion = suggestedAssurance(shown.score, template.thresholds);
  const levelName = (l: AssuranceLevel) => t(`vocab.assurance.${l}`);

  return (
    <section className={styles.panel} aria-labelledby="assurance-from-check">
      <Title3 as="h2" id="assurance-from-check">
        {t('assess.assurance.title')}
      </Title3>
      {shown.assuranceLevel !== undefined ? (
        <Summary
          className={styles.summary}
          items={[
            { key: 'level', term: t('assess.assurance.level'), value: levelName(shown.assuranceLevel) },
            { key: 'reason', term: t('assess.assurance.reason'), value: shown.assuranceReason ?? '' },
            { key: 'by', term: t('assess.assurance.givenBy'), value: shown.assuranceGivenBy?.displayName ?? '' },
            { key: 'on', term: t('assess.assurance.givenOn'), value: format.date(shown.assuranceGivenOn) },
          ]}
        />
      ) : me.loading || !may(me.actor, { kind: 'giveAssurance' }) ? (
        <Text as="p" block>
          {t('assess.assurance.notYet')}
        </Text>
      ) : (
        <div className={styles.form} data-noprint>
          <Text as="p" block className={styles.para}>
            {t('assess.assurance.intro')}
          </Text>
          <Text as="p" block className={styles.para}>
            {suggestion !== undefined && shown.score !== undefined
              ? t('assess.assurance.suggested', { score: format.number(shown.score), level: levelName(suggestion) })
              : t('assess.assurance.noSuggestion')}
          </Text>
          <Field
            label={t('assess.assurance.level')}
            required
            {...(messages['assuranceLevel']
              ? { validationMessage: messages['assuranceLevel'], validationState: 'error' as const }
              : {})}
          >
            <RadioGroup
              name="assuranceLevel"
              value={level ?? ''}
              onChange={(_e, d) => setLevel(d.value as AssuranceLevel)}
            >
              {ASSURANCE_LEVELS.map((l) => (
                <Radio key={l} value={l} label={levelName(l)} />
              ))}
            </RadioGroup>
          </Field>
          <TextField
            name="assuranceReason"
            label={t('assess.assurance.reason')}
            required
            multiline
            {...(level
              ? {
                  hint:
                    policy.assuranceCadence[level] === null
                      ? t('assess.assurance.cadenceNone')
                      : t('assess.assurance.cadence', { count: policy.assuranceCadence[level] ?? 0 }),
                }
              : {})}
            value={reason}
            onChange={setReason}
            {...(messages['assuranceReason'] ? { error: messages['assuranceReason'] } : {})}
          />
          <div>
            <Button appearance="primary" disabled={busy} onClick={() => void give()}>
              {t('assess.assurance.give')}
            </Button>
            {busy ? <Spinner size="tiny" label={t('assess.assurance.giving')} /> : null}
          </div>
        </div>
      )}
      <Outcome result={result} onRetry={() => void give()} />
    </section>
  );
}

function Outcome({
  result,
  onRetry,
}: {
  readonly result: GiveAssuranceResult | undefined;
  readonly onRetry: () => void;
}) {
  const { t } = useTranslation();
  const format = useFormat();
  if (!result) return null;
  if (result.ok) {
    const { record, laterLevelKept } = result;
    const level = record.assuranceLevel ? t(`vocab.assurance.${record.assuranceLevel}`) : '';
    return (
      <MessageBar intent="success" role="status">
        <MessageBarBody>
          {laterLevelKept
            ? t('assess.assurance.laterKept', { level, date: format.date(record.assuranceDate) })
            : record.nextReviewDue
              ? t('assess.assurance.done', { level, due: format.date(record.nextReviewDue) })
              : t('assess.assurance.doneNoDue', { level })}
        </MessageBarBody>
      </MessageBar>
    );
  }
  if ('forbidden' in result)
    return (
      <MessageBar intent="error" role="alert">
        <MessageBarBody>{t('assess.assurance.forbidden')}</MessageBarBody>
      </MessageBar>
    );
  if ('invalid' in result) {
    const general = result.invalid.filter((e) => e.field !== 'assuranceLevel' && e.field !== 'assuranceReason');
    return (
      <MessageBar intent="error" role="alert">
        <MessageBarBody>
          {t('assess.assurance.invalid')} {general.map((e) => Object.values(fieldMessages(t, [e]))[0]).join(' ')}
        </MessageBarBody>
      </MessageBar>
    );
  }
  return (
    <MessageBar intent="error" role="alert">
      <MessageBarBody>
        <MessageBarTitle>
          {result.assessment ? t('assess.assurance.recordNotUpdated') : t('assess.assurance.failed')}
        </MessageBarTitle>
        {repoErrorMessage(t, result.error)}{' '}
        <Button size="small" onClick={onRetry}>
          {t('tab.actions.retry')}
        </Button>
      </MessageBarBody>
    </MessageBar>
  );
}
