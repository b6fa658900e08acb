import {
  Button,
  Dialog,
  DialogActions,
  DialogBody,
  DialogContent,
  DialogSurface,
  DialogTitle,
  Radio,
  RadioGroup,
  Text,
} from '@fluentui/react-components';
import type { ReactNode } from 'react';
import { useConflictStyles } from './conflictStyles';

export type Side = 'mine' | 'theirs';

/** One changed thing: both versions as the person reads them (plain text, never markup). */
export interface ConflictItem {
  /** Also names the test ids `mine-<key>` and `theirs-<key>`. */
  readonly key: string;
  readonly label: string;
  readonly mine: string;
  readonly theirs: string;
}

export interface ConflictAction {
  readonly label: string;
  readonly onClick: () => void;
  readonly primary?: boolean;
}

export interface ConflictDialogProps {
  /** Kept mounted and opened or closed where the dialog must give the page back (default open). */
  readonly open?: boolean;
  readonly title: string;
  readonly intro: ReactNode;
  readonly items: readonly ConflictItem[];
  /** Said when there is no item. */
  readonly empty?: string;
  /** Words above each side. */
  readonly mineLabel: string;
  readonly theirsLabel: string;
  /** Which version is shown first, on the left. */
  readonly first?: Side;
  /** With a choice, each item is a radio group "keep mine / keep theirs"; without, both are shown. */
  readonly choice?: {
    readonly value: Readonly<Record<string, Side>>;
    readonly onChange: (key: string, side: Side) => void;
  };
  readonly actions: readonly ConflictAction[];
  /** Escape or closing the dialog. */
  readonly onDismiss: () => void;
}

/**
 * The one "someone else saved this meanwhile" dialog (the record, an assessment's answers, a
 * review's outcome): an item per changed thing with both versions side by side, and the
 * person's choice of each where the merge is theirs to make. Nothing the person typed is thrown
 * away by the dialog; the caller decides what each action saves.
 */
export function ConflictDialog(p: ConflictDialogProps) {
  const styles = useConflictStyles();
  const order: readonly Side[] = p.first === 'theirs' ? ['theirs', 'mine'] : ['mine', 'theirs'];
  const side = (item: ConflictItem, s: Side) => (
    <div key={s}>
      {p.choice ? (
        <Radio value={s} label={s === 'mine' ? p.mineLabel : p.theirsLabel} />
      ) : (
        <Text size={200}>{s === 'mine' ? p.mineLabel : p.theirsLabel}</Text>
      )}
      <Text as="p" className={styles.value} data-testid={`${s}-${item.key}`}>
        {item[s]}
      </Text>
    </div>
  );
  return (
    <Dialog open={p.open ?? true} modalType="alert" onOpenChange={(_e, d) => !d.open && p.onDismiss()}>
      <DialogSurface className={styles.surface}>
        <DialogBody>
          <DialogTitle>{p.title}</DialogTitle>
          <DialogContent>
            <Text as="p">{p.intro}</Text>
            {p.items.length === 0 && p.empty ? <Text as="p">{p.empty}</Text> : null}
            <ul className={styles.list}>
              {p.items.map((item) => {
                const label = <Text weight="semibold">{item.label}</Text>;
                const values = <div className={styles.values}>{order.map((s) => side(item, s))}</div>;
                const choice = p.choice;
                return (
                  <li key={item.key} className={styles.item}>
                    {choice ? (
                      <RadioGroup
                        aria-label={item.label}
                        value={choice.value[item.key] ?? ''}
                        onChange={(_e, d) => choice.onChange(item.key, d.value as Side)}
                      >
                        {label}
                        {values}
                      </RadioGroup>
                    ) : (
                      <>
                        {label}
                        {values}
                      </>
                    )}
                  </li>
                );
              })}
            </ul>
          </DialogContent>
          <DialogActions>
            {p.actions.map((a) => (
              <Button key={a.label} appearance={a.primary ? 'primary' : 'secondary'} onClick={a.onClick}>
                {a.label}
              </Button>
            ))}
          </DialogActions>
        </DialogBody>
      </DialogSurface>
    </Dialog>
  );
}
