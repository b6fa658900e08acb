import { Button, MessageBar, MessageBarActions, MessageBarBody, MessageBarTitle } from '@fluentui/react-components';
import { useTranslation } from 'react-i18next';
import type { RepoError } from '../../domain';
import { repoErrorMessage } from './messages';

export interface ErrorStateProps {
  /** The coded failure to explain. */
  readonly error: Pick<RepoError, 'code'>;
  /** What could not be done, e.g. "The register could not be loaded". */
  readonly title?: string;
  /** Offers "Try again" when given. */
  readonly onRetry?: () => void;
}

/** A failure said plainly with a way to try again: never a blank page. */
export function ErrorState({ error, title, onRetry }: ErrorStateProps) {
  const { t } = useTranslation();
  return (
    <MessageBar
      intent={error.code === 'throttled' || error.code === 'threshold' ? 'warning' : 'error'}
      layout="multiline"
    >
      <MessageBarBody>
        <MessageBarTitle>{title ?? t('tab.errors.title')}</MessageBarTitle>
        {repoErrorMessage(t, error)}
      </MessageBarBody>
      {onRetry ? (
        <MessageBarActions>
          <Button onClick={onRetry}>{t('tab.actions.retry')}</Button>
        </MessageBarActions>
      ) : null}
    </MessageBar>
  );
}
