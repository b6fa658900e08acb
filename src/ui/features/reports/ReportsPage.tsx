import { useTranslation } from 'react-i18next';
import { PageHeader } from '../../components/PageHeader';

/** Placeholder: replaced by the feature's page. */
export function ReportsPage(_props: { readonly kind?: string }) {
  const { t } = useTranslation();
  return <PageHeader id="report-title" title={t('report.title')} />;
}
