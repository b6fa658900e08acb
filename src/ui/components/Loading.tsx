import { Spinner } from '@fluentui/react-components';
import { useTranslation } from 'react-i18next';

/** A labelled spinner, announced politely. */
export function Loading({ label }: { readonly label?: string }) {
  const { t } = useTranslation();
  return (
    <div role="status" aria-live="polite">
      <Spinner size="small" labelPosition="after" label={label ?? t('tab.loading')} />
    </div>
  );
}
