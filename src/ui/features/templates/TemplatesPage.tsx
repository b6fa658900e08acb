import { useTranslation } from 'react-i18next';
import { PageHeader } from '../../components/PageHeader';

/** Placeholder: replaced by the feature's page. */
export function TemplatesPage(_props: { readonly templateKey?: string }) {
  const { t } = useTranslation();
  return <PageHeader id="templates-title" title={t('templates.title')} />;
}
