import { Badge } from '@fluentui/react-components';
import { useTranslation } from 'react-i18next';
import { reviewState, type IsoDate, type Status } from '../../domain';

/** Where a record stands against its next review (the domain's reviewState), as a badge. */
export function ReviewBadge({
  due,
  today,
  status,
}: {
  readonly due?: IsoDate;
  readonly today: IsoDate;
  readonly status: Status;
}) {
  const { t } = useTranslation();
  const { state } = reviewState(due, today, { status });
  if (state === 'notScheduled' || state === 'onTrack') return null;
  const color = state === 'overdue' ? 'danger' : state === 'dueToday' ? 'important' : 'warning';
  return (
    <Badge appearance="tint" color={color} size="small">
      {t(`tab.reviewState.${state}`)}
    </Badge>
  );
}
