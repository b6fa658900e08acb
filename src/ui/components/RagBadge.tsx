import { Badge } from '@fluentui/react-components';
import { useTranslation } from 'react-i18next';
import type { Rag } from '../../domain';

/** A shape for each rating, so the RAG never rests on colour alone. */
const SHAPE: Readonly<Record<Rag, string>> = { red: '✖', amber: '▲', green: '✔' };
const COLOR = { red: 'danger', amber: 'warning', green: 'success' } as const;

/** A RAG rating as a badge: a shape, the word, and a colour. */
export function RagBadge({ rag, size = 'medium' }: { readonly rag?: Rag; readonly size?: 'small' | 'medium' }) {
  const { t } = useTranslation();
  if (!rag) return <span>{t('assess.rag.none')}</span>;
  return (
    <Badge appearance="tint" color={COLOR[rag]} size={size} data-rag={rag}>
      <span aria-hidden="true">{SHAPE[rag]}&nbsp;</span>
      {t(`vocab.rag.${rag}`)}
    </Badge>
  );
}
