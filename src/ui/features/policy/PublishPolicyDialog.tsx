/**
 * The confirmation before a policy is published: what it would change ("N records would change
 * tier"), and Publish or Cancel. Nothing is written until the person confirms.
 */
import {
  Button,
  Dialog,
  DialogActions,
  DialogBody,
  DialogContent,
  DialogSurface,
  DialogTitle,
  Text,
} from '@fluentui/react-components';
import { useTranslation } from 'react-i18next';

export interface PublishPolicyDialogProps {
  /** The version it would be published as. */
  readonly version: number;
  /** How many records would change tier. */
  readonly changes: number;
  /** How many records the register holds. */
  readonly records: number;
  readonly publishing: boolean;
  readonly onPublish: () => void;
  readonly onCancel: () => void;
}

export function PublishPolicyDialog({
  version,
  changes,
  records,
  publishing,
  onPublish,
  onCancel,
}: PublishPolicyDialogProps) {
  const { t } = useTranslation();
  return (
    <Dialog open modalType="alert" onOpenChange={(_e, d) => !d.open && !publishing && onCancel()}>
      <DialogSurface>
        <DialogBody>
          <DialogTitle>{t('policyEditor.publish.title', { version })}</DialogTitle>
          <DialogContent>
            <Text as="p" role="status" data-testid="policy-preview">
              {t('policyEditor.publish.preview', { count: changes })}
            </Text>
            <Text as="p">{t('policyEditor.publish.register', { count: records })}</Text>
            <Text as="p">{t('policyEditor.publish.history')}</Text>
          </DialogContent>
          <DialogActions>
            <Button appearance="primary" disabled={publishing} onClick={onPublish}>
              {publishing ? t('policyEditor.publish.publishing') : t('policyEditor.publish.confirm')}
            </Button>
            <Button disabled={publishing} onClick={onCancel}>
              {t('policyEditor.publish.cancel')}
            </Button>
          </DialogActions>
        </DialogBody>
      </DialogSurface>
    </Dialog>
  );
}
