/**
 * The confirmation before a policy is published: what it would change ("N records would change
 * tier"), and Publish or Cancel. Nothing is written until the person confirms.
 */
import { Text } from '@fluentui/react-components';
import { useTranslation } from 'react-i18next';
import { ModalDialog } from '../../components/ModalDialog';

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
    <ModalDialog
      modalType="alert"
      title={t('policyEditor.publish.title', { version })}
      busy={publishing}
      primaryLabel={publishing ? t('policyEditor.publish.publishing') : t('policyEditor.publish.confirm')}
      onPrimary={onPublish}
      cancelLabel={t('policyEditor.publish.cancel')}
      onCancel={onCancel}
    >
      <Text as="p" role="status" data-testid="policy-preview">
        {t('policyEditor.publish.preview', { count: changes })}
      </Text>
      <Text as="p">{t('policyEditor.publish.register', { count: records })}</Text>
      <Text as="p">{t('policyEditor.publish.history')}</Text>
    </ModalDialog>
  );
}
