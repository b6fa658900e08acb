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
} from '@fluentui/react-components';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Assessment, RepoError, Stored } from '../../../domain';
import { useServices } from '../../app/context';
import { navigate, paths } from '../../app/router';
import { repoErrorMessage } from '../../components/messages';
import { clearLocal } from './drafts';

/** Discard a draft: asks first, deletes it (If-Match its ETag), forgets its answers on this device, and goes back to the record. */
export function DiscardDraft({ draft, reference }: { readonly draft: Stored<Assessment>; readonly reference: string }) {
  const { t } = useTranslation();
  const { stores } = useServices();
  const [open, setOpen] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<RepoError | undefined>();

  const discard = async () => {
    setBusy(true);
    setError(undefined);
    const deleted = await stores.assessments.delete(draft.id, draft.etag);
    setBusy(false);
    if (!deleted.ok) return setError(deleted.error);
    clearLocal(draft.key);
    setOpen(false);
    navigate(paths.record(reference, 'assessments'), { replace: true });
  };

  return (
    <>
      <Button data-noprint onClick={() => setOpen(true)}>
        {t('assess.discard.button')}
      </Button>
      <Dialog open={open} onOpenChange={(_e, d) => !busy && setOpen(d.open)}>
        <DialogSurface>
          <DialogBody>
            <DialogTitle>{t('assess.discard.title')}</DialogTitle>
            <DialogContent>
              <p>{t('assess.discard.body')}</p>
              {error ? (
                <MessageBar intent="error">
                  <MessageBarBody>
                    {error.code === 'conflict' ? t('assess.discard.conflict') : repoErrorMessage(t, error)}
                  </MessageBarBody>
                </MessageBar>
              ) : null}
            </DialogContent>
            <DialogActions>
              <Button appearance="primary" disabled={busy} onClick={() => void discard()}>
                {t('assess.discard.confirm')}
              </Button>
              <Button disabled={busy} onClick={() => setOpen(false)}>
                {t('assess.discard.cancel')}
              </Button>
            </DialogActions>
          </DialogBody>
        </DialogSurface>
      </Dialog>
    </>
  );
}
