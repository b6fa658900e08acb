import { RecordActions } from '../features/actionPlan/RecordActions';
import { RecordAssessments } from '../features/assessment/RecordAssessments';
import { RecordPage, type RecordPanels } from '../features/record/RecordPage';
import { RecordReviews } from '../features/review/RecordReviews';

/** The record's tabs drawn by other features: composed here, so no feature imports another. */
const PANELS: RecordPanels = { assessments: RecordAssessments, reviews: RecordReviews, actions: RecordActions };

/** The record page with its assessments, reviews and actions tabs (loaded as one chunk by the Shell). */
export function RecordRoute({ reference }: { readonly reference: string }) {
  return <RecordPage reference={reference} panels={PANELS} />;
}
