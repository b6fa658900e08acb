import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';

/** The document's title: "<page> – Collaboration Register", in the person's language. */
export function usePageTitle(page: string): void {
  const { t } = useTranslation();
  useEffect(() => {
    document.title = `${page} – ${t('app.name')}`;
  }, [page, t]);
}
