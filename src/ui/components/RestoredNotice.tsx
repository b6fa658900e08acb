import { Button, MessageBar, MessageBarActions, MessageBarBody, MessageBarTitle } from '@fluentui/react-components';
import type { ReactNode } from 'react';

/**
 * Said when a form comes back with what was typed on this device and not yet saved (a record, an
 * assessment, a template): what was kept, and a button that throws it away for the stored version.
 */
export function RestoredNotice(p: {
  readonly title?: string;
  readonly children: ReactNode;
  readonly discardLabel: string;
  readonly onDiscard: () => void;
}) {
  return (
    <MessageBar intent="info">
      <MessageBarBody>
        {p.title ? <MessageBarTitle>{p.title}</MessageBarTitle> : null}
        {p.children}
      </MessageBarBody>
      <MessageBarActions>
        <Button onClick={p.onDiscard}>{p.discardLabel}</Button>
      </MessageBarActions>
    </MessageBar>
  );
}
