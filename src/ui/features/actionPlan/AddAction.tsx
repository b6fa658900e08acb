import { Button, makeStyles, tokens } from '@fluentui/react-components';
import { useState, type ReactNode } from 'react';
import type { ActionScope } from '../../../domain';
import { ActionEditor } from '../../components/ActionFields';

const useStyles = makeStyles({
  add: { marginBottom: tokens.spacingVerticalL },
});

/**
 * Adding an action where a plan is shown (the action plan, a record's actions): the button, and
 * the form it opens until the action is saved (then the plan is read again) or the person cancels.
 */
export function useAddAction(p: {
  readonly scope: ActionScope;
  readonly collaborationId?: number;
  readonly label: string;
  readonly reload: () => void;
}): { readonly button: ReactNode; readonly form: ReactNode } {
  const styles = useStyles();
  const [adding, setAdding] = useState(false);
  const button = (
    <Button appearance="primary" onClick={() => setAdding(true)} disabled={adding}>
      {p.label}
    </Button>
  );
  const form = adding ? (
    <div className={styles.add}>
      <ActionEditor
        scope={p.scope}
        {...(p.collaborationId !== undefined ? { collaborationId: p.collaborationId } : {})}
        onSaved={() => {
          setAdding(false);
          p.reload();
        }}
        onCancel={() => setAdding(false)}
      />
    </div>
  ) : null;
  return { button, form };
}
