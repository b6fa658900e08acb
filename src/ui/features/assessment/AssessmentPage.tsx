import { useTranslation } from 'react-i18next';
import { PageHeader } from '../../components/PageHeader';

/** Placeholder: replaced by the feature's page. */
export function AssessmentPage(_props: { readonly assessmentKey: string }) {
  const { t } = useTranslation();
  return <PageHeader id="assess-title" title={t('assess.title')} />;
}
