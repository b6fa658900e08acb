import { useTranslation } from 'react-i18next';
import { PageHeader } from '../../components/PageHeader';

/** Placeholder: replaced by the feature's page. */
export function CompendiumPage() {
  const { t } = useTranslation();
  return <PageHeader id="transfer-title" title={t('transfer.title')} />;
}
