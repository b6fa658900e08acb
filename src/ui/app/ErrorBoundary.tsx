import { Button, MessageBar, MessageBarActions, MessageBarBody, MessageBarTitle } from '@fluentui/react-components';
import { Component, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

function Fallback({ onReset }: { readonly onReset: () => void }) {
  const { t } = useTranslation();
  return (
    <MessageBar intent="error" layout="multiline">
      <MessageBarBody>
        <MessageBarTitle>{t('tab.errors.title')}</MessageBarTitle>
        {t('tab.errors.unexpected')}
      </MessageBarBody>
      <MessageBarActions>
        <Button onClick={onReset}>{t('tab.actions.retry')}</Button>
      </MessageBarActions>
    </MessageBar>
  );
}

/** A programming error in a page shows a message and a retry, never a blank tab. */
export class ErrorBoundary extends Component<{ readonly children: ReactNode }, { readonly failed: boolean }> {
  override state = { failed: false };

  static getDerivedStateFromError(): { failed: boolean } {
    return { failed: true };
  }

  override componentDidCatch(error: unknown): void {
    console.error(error);
  }

  override render(): ReactNode {
    if (this.state.failed) return <Fallback onReset={() => this.setState({ failed: false })} />;
    return this.props.children;
  }
}
