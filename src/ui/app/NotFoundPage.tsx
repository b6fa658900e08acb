import { Text } from '@fluentui/react-components';
import { useTranslation } from 'react-i18next';
import { RouterLink } from '../components/RouterLink';
import { usePageTitle } from '../components/usePageTitle';
import { paths } from './router';

export function NotFoundPage() {
  const { t } = useTranslation();
  usePageTitle(t('tab.notFound.title'));
  return (
    <section aria-labelledby="not-found-title">
      <h1 id="not-found-title">{t('tab.notFound.title')}</h1>
      <Text as="p">{t('tab.notFound.body')}</Text>
      <RouterLink to={paths.home()}>{t('tab.nav.home')}</RouterLink>
    </section>
  );
}
