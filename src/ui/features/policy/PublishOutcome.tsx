/**
 * What a publication did: the version, how many records changed tier, and, named by reference,
 * any record it could not save or whose history it could not write, with a way to run the
 * tiers again. Nothing is left unsaid.
 */
import {
  Button,
  MessageBar,
  MessageBarActions,
  MessageBarBody,
  MessageBarTitle,
  makeStyles,
  tokens,
} from '@fluentui/react-components';
import { useTranslation } from 'react-i18next';
import type { PolicyApplySummary } from '../../../app/publishGovernancePolicy';
import { repoErrorMessage } from '../../components/messages';

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', rowGap: tokens.spacingVerticalS },
});

export interface PublishOutcomeProps {
  readonly summary: PolicyApplySummary;
  /** Whether this is a re-run of the tiers rather than the publication itself. */
  readonly rerun?: boolean;
  readonly retrying: boolean;
  readonly onRetry: () => void;
}

export function PublishOutcome({ summary, rerun, retrying, onRetry }: PublishOutcomeProps) {
  const { t } = useTranslation();
  const styles = useStyles();
  const retry = (
    <MessageBarActions>
      <Button disabled={retrying} onClick={onRetry}>
        {retrying ? t('policyEditor.outcome.retrying') : t('policyEditor.outcome.retry')}
      </Button>
    </MessageBarActions>
  );
  return (
    <div className={styles.root}>
      <MessageBar intent="success" role="status" layout="multiline">
        <MessageBarBody>
          <MessageBarTitle>
            {rerun
              ? t('policyEditor.outcome.rerun', { version: summary.version })
              : t('policyEditor.outcome.published', { version: summary.version })}
          </MessageBarTitle>
          {summary.registerError ? null : t('policyEditor.outcome.changed', { count: summary.changed.length })}
        </MessageBarBody>
      </MessageBar>
      {summary.registerError ? (
        <MessageBar intent="warning" layout="multiline">
          <MessageBarBody>
            <MessageBarTitle>{t('policyEditor.outcome.registerUnread')}</MessageBarTitle>
            {repoErrorMessage(t, summary.registerError)}
          </MessageBarBody>
          {retry}
        </MessageBar>
      ) : null}
      {summary.unsaved.length > 0 ? (
        <MessageBar intent="warning" layout="multiline">
          <MessageBarBody>
            <MessageBarTitle>{t('policyEditor.outcome.unsaved', { count: summary.unsaved.length })}</MessageBarTitle>
            {summary.unsaved.map((u) => u.reference).join(', ')}
          </MessageBarBody>
          {retry}
        </MessageBar>
      ) : null}
      {summary.historyUnwritten.length > 0 ? (
        <MessageBar intent="warning" layout="multiline">
          <MessageBarBody>
            <MessageBarTitle>
              {t('policyEditor.outcome.historyUnwritten', { count: summary.historyUnwritten.length })}
            </MessageBarTitle>
            {summary.historyUnwritten.join(', ')}
          </MessageBarBody>
        </MessageBar>
      ) : null}
    </div>
  );
}
