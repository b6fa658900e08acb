/**
 * #/policy: the governance policy (issue 18, "Significance as policy"). Everyone sees the
 * version in force (who published it, when and why), its numbers and the versions published;
 * the governance team edits the numbers and publishes a new version, which works every record's
 * significance tier out again (src/app/publishGovernancePolicy). The Governance Policies list is
 * the governance team's to edit and everyone's to read, as the role policy says.
 */
import { makeStyles, Text, tokens } from '@fluentui/react-components';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { applyGovernancePolicy, type PolicyApplySummary } from '../../../app/publishGovernancePolicy';
import type { GovernancePolicy } from '../../../domain';
import { may } from '../../../domain/policy';
import { useApp, useServices } from '../../app/context';
import { ErrorState } from '../../components/ErrorState';
import { Loading } from '../../components/Loading';
import { PageHeader } from '../../components/PageHeader';
import { usePolicy } from '../../components/usePolicy';
import { useMe } from '../../components/useRoles';
import { PolicyForm } from './PolicyForm';
import { PolicyInForce, PolicyNumbers, VersionList } from './PolicyInForce';
import { PublishOutcome } from './PublishOutcome';

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', rowGap: tokens.spacingVerticalL },
  section: { display: 'flex', flexDirection: 'column', rowGap: tokens.spacingVerticalS },
  h2: { margin: 0 },
});

interface Outcome {
  readonly policy: GovernancePolicy;
  readonly summary: PolicyApplySummary;
  readonly rerun: boolean;
}

export function PolicyPage() {
  const { t } = useTranslation();
  const styles = useStyles();
  const app = useApp();
  const services = useServices();
  const me = useMe();
  const policy = usePolicy();
  const [outcome, setOutcome] = useState<Outcome | undefined>();
  const [retrying, setRetrying] = useState(false);
  const editor = !me.loading && may(me.actor, { kind: 'editGovernancePolicy' });

  const retry = async () => {
    if (!outcome || !me.person) return;
    setRetrying(true);
    const r = await applyGovernancePolicy(services.stores, {
      policy: outcome.policy,
      actor: me.actor,
      by: me.person,
      today: app.today,
    });
    setRetrying(false);
    if (r.ok) setOutcome({ ...outcome, summary: r.value, rerun: true });
  };

  return (
    <div className={styles.root}>
      <PageHeader id="policy-title" title={t('policyEditor.title')} />
      <Text as="p">{t('policyEditor.intro')}</Text>
      {outcome ? (
        <PublishOutcome
          summary={outcome.summary}
          rerun={outcome.rerun}
          retrying={retrying}
          onRetry={() => void retry()}
        />
      ) : null}
      {policy.loading || me.loading ? <Loading label={t('policyEditor.loading')} /> : null}
      {policy.error ? (
        <ErrorState error={policy.error} title={t('policyEditor.loadFailed')} onRetry={policy.reload} />
      ) : null}
      {!policy.loading && !me.loading && !policy.error ? (
        <>
          <section aria-labelledby="policy-in-force" className={styles.section}>
            <h2 id="policy-in-force" className={styles.h2}>
              {t('policyEditor.inForce.title')}
            </h2>
            <PolicyInForce policy={policy.policy} />
          </section>
          {editor ? (
            <section aria-labelledby="policy-edit" className={styles.section}>
              <h2 id="policy-edit" className={styles.h2}>
                {t('policyEditor.form.title')}
              </h2>
              <PolicyForm
                policy={policy.policy}
                actor={me.actor}
                me={me.person}
                onPublished={(summary) => {
                  setOutcome({ policy: summary.policy, summary, rerun: false });
                  policy.reload();
                }}
                onStale={policy.reload}
              />
            </section>
          ) : (
            <section aria-labelledby="policy-numbers" className={styles.section}>
              <h2 id="policy-numbers" className={styles.h2}>
                {t('policyEditor.numbers.title')}
              </h2>
              <Text as="p">{t('policyEditor.readOnly')}</Text>
              <PolicyNumbers policy={policy.policy} />
            </section>
          )}
          <section aria-labelledby="policy-versions" className={styles.section}>
            <h2 id="policy-versions" className={styles.h2}>
              {t('policyEditor.versions.title')}
            </h2>
            <VersionList versions={policy.versions} labelledBy="policy-versions" />
          </section>
        </>
      ) : null}
    </div>
  );
}
