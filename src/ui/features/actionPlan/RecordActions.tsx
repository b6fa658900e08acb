import { Text } from '@fluentui/react-components';
import { useTranslation } from 'react-i18next';
import type { Collaboration, Stored } from '../../../domain';

/** Placeholder: replaced by the feature's panel on the record page. */
export function RecordActions(_props: { readonly collaboration: Stored<Collaboration> }) {
  const { t } = useTranslation();
  return <Text>{t('review.title')}</Text>;
}
