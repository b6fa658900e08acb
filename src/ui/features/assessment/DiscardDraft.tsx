import { Button } from '@fluentui/react-components';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ModalDialog } from '../../components/ModalDialog';
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
      <ModalDialog
        open={open}
        title={t('assess.discard.title')}
        busy={busy}
        primaryLabel={t('assess.discard.confirm')}
        onPrimary={() => void discard()}
        cancelLabel={t('assess.discard.cancel')}
        onCancel={() => setOpen(false)}
        failure={
          error ? (error.code === 'conflict' ? t('assess.discard.conflict') : repoErrorMessage(t, error)) : undefined
        }
      >
        <p>{t('assess.discard.body')}</p>
      </ModalDialog>
    </>
  );
}
