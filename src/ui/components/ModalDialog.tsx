/**
 * The tab's modal dialog, as every confirmation and small form uses it: a title, the content, a
 * failure said at its foot, and two buttons, the primary one first. While `busy`, neither button
 * can be pressed and the dialog does not close (Escape, a click outside), so a write in flight
 * is never left without its answer. With `onSubmit` it is a form: Enter submits, and the
 * tab's own messages replace the browser's validation.
 */
import {
  Button,
  Dialog,
  DialogActions,
  DialogBody,
  DialogContent,
  DialogSurface,
  DialogTitle,
  MessageBar,
  MessageBarBody,
  MessageBarTitle,
} from '@fluentui/react-components';
import type { ReactNode } from 'react';

export interface ModalDialogProps {
  readonly open?: boolean;
  readonly title: ReactNode;
  /** `alert` for a confirmation the person must answer (no closing by a click outside). */
  readonly modalType?: 'modal' | 'alert';
  readonly busy?: boolean;
  /** The primary action; as a form's submit when `onSubmit` is given. */
  readonly primaryLabel: string;
  readonly primaryDisabled?: boolean;
  readonly onPrimary?: () => void;
  readonly onSubmit?: () => void;
  readonly cancelLabel: string;
  readonly onCancel: () => void;
  readonly contentClassName?: string;
  /** What went wrong, at the foot of the content, as an alert. */
  readonly failure?: ReactNode;
  readonly failureTitle?: string;
  readonly children: ReactNode;
}

export function ModalDialog(p: ModalDialogProps) {
  const busy = p.busy ?? false;
  const body = (
    <DialogBody>
      <DialogTitle>{p.title}</DialogTitle>
      <DialogContent className={p.contentClassName}>
        {p.children}
        {p.failure ? (
          <MessageBar intent="error" role="alert">
            <MessageBarBody>
              {p.failureTitle ? <MessageBarTitle>{p.failureTitle}</MessageBarTitle> : null}
              {p.failure}
            </MessageBarBody>
          </MessageBar>
        ) : null}
      </DialogContent>
      <DialogActions>
        <Button
          appearance="primary"
          type={p.onSubmit ? 'submit' : 'button'}
          disabled={busy || (p.primaryDisabled ?? false)}
          onClick={p.onSubmit ? undefined : p.onPrimary}
        >
          {p.primaryLabel}
        </Button>
        <Button disabled={busy} onClick={p.onCancel}>
          {p.cancelLabel}
        </Button>
      </DialogActions>
    </DialogBody>
  );
  return (
    <Dialog
      open={p.open ?? true}
      modalType={p.modalType ?? 'modal'}
      onOpenChange={(_e, d) => {
        if (!d.open && !busy) p.onCancel();
      }}
    >
      <DialogSurface>
        {p.onSubmit ? (
          <form
            noValidate
            onSubmit={(e) => {
              e.preventDefault();
              p.onSubmit?.();
            }}
          >
            {body}
          </form>
        ) : (
          body
        )}
      </DialogSurface>
    </Dialog>
  );
}
