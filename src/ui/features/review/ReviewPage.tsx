import { useTranslation } from 'react-i18next';
import { PageHeader } from '../../components/PageHeader';

/** Placeholder: replaced by the feature's page. */
export function ReviewPage(_props: { readonly reviewKey: string }) {
  const { t } = useTranslation();
  return <PageHeader id="review-title" title={t('review.title')} />;
}
