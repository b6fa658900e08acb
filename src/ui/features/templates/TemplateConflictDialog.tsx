import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import type { AssessmentTemplate, Question } from '../../../domain';
import { ConflictDialog } from '../../components/ConflictDialog';

interface Difference {
  readonly what: string;
  readonly mine: string;
  readonly theirs: string;
}

const QUESTION_FIELDS = [
  'textEn',
  'textCy',
  'guidanceEn',
  'guidanceCy',
  'kind',
  'required',
  'allowNotApplicable',
  'weight',
  'sectionKey',
] as const;

function questionValue(t: TFunction, q: Question | undefined, field: (typeof QUESTION_FIELDS)[number]): string {
  if (!q) return t('templates.conflict.added');
  const v = q[field];
  if (field === 'kind') return t(`templates.kind.${String(v)}`);
  if (typeof v === 'boolean') return v ? '✓' : '✗';
  return v === undefined || v === '' ? t('templates.conflict.none') : String(v);
}

/** What differs between two versions of a template, in the person's words. */
export function templateDifferences(t: TFunction, mine: AssessmentTemplate, theirs: AssessmentTemplate): Difference[] {
  const out: Difference[] = [];
  const text = (v: string | undefined) => (v === undefined || v === '' ? t('templates.conflict.none') : v);
  for (const f of ['titleEn', 'titleCy', 'descriptionEn', 'descriptionCy'] as const) {
    if ((mine[f] ?? '') !== (theirs[f] ?? ''))
      out.push({ what: t(`templates.${f}`), mine: text(mine[f]), theirs: text(theirs[f]) });
  }
  if (mine.thresholds.green !== theirs.thresholds.green)
    out.push({
      what: t('templates.thresholdGreen'),
      mine: String(mine.thresholds.green),
      theirs: String(theirs.thresholds.green),
    });
  if (mine.thresholds.amber !== theirs.thresholds.amber)
    out.push({
      what: t('templates.thresholdAmber'),
      mine: String(mine.thresholds.amber),
      theirs: String(theirs.thresholds.amber),
    });
  const sectionKeys = [...new Set([...mine.sections, ...theirs.sections].map((s) => s.key))];
  sectionKeys.forEach((key, i) => {
    const a = mine.sections.find((s) => s.key === key);
    const b = theirs.sections.find((s) => s.key === key);
    for (const f of ['titleEn', 'titleCy'] as const) {
      if (a?.[f] !== b?.[f])
        out.push({
          what: t(`templates.section.${f}`, { n: i + 1 }),
          mine: a ? text(a[f]) : t('templates.conflict.added'),
          theirs: b ? text(b[f]) : t('templates.conflict.added'),
        });
    }
  });
  const questionKeys = [...new Set([...mine.questions, ...theirs.questions].map((q) => q.key))];
  questionKeys.forEach((key, i) => {
    const a = mine.questions.find((q) => q.key === key);
    const b = theirs.questions.find((q) => q.key === key);
    const n = a?.order ?? b?.order ?? i + 1;
    for (const f of QUESTION_FIELDS) {
      const left = questionValue(t, a, f);
      const right = questionValue(t, b, f);
      if (left === right) continue;
      const what =
        f === 'textEn' || f === 'textCy' || f === 'guidanceEn' || f === 'guidanceCy' || f === 'weight'
          ? t(`templates.question.${f}`, { n })
          : f === 'kind'
            ? t('templates.question.kind', { n })
            : f === 'sectionKey'
              ? t('templates.question.section', { n })
              : `${t('templates.question.legend', { n })}: ${t(`templates.question.${f}`)}`;
      out.push({ what, mine: left, theirs: right });
      if (!a || !b) break;
    }
  });
  return out;
}

export interface TemplateConflictDialogProps {
  readonly mine: AssessmentTemplate;
  readonly theirs: AssessmentTemplate;
  readonly onKeepMine: () => void;
  readonly onTakeTheirs: () => void;
  readonly onCancel: () => void;
}

/**
 * Someone else saved or published this version while the person was editing.
 * Both versions are shown side by side; the person keeps theirs or takes the
 * other's. Closing the dialog keeps everything the person typed.
 */
export function TemplateConflictDialog({
  mine,
  theirs,
  onKeepMine,
  onTakeTheirs,
  onCancel,
}: TemplateConflictDialogProps) {
  const { t } = useTranslation();
  const published = theirs.status !== 'draft';
  return (
    <ConflictDialog
      title={t('templates.conflict.title')}
      intro={
        published
          ? t('templates.conflict.introPublished', { version: theirs.version, next: theirs.version + 1 })
          : t('templates.conflict.intro')
      }
      items={templateDifferences(t, mine, theirs).map((d, i) => ({
        key: String(i),
        label: d.what,
        mine: d.mine,
        theirs: d.theirs,
      }))}
      mineLabel={t('templates.conflict.mine')}
      theirsLabel={t('templates.conflict.theirs')}
      actions={[
        { label: t('templates.conflict.keepMine'), onClick: onKeepMine, primary: true },
        { label: t('templates.conflict.takeTheirs'), onClick: onTakeTheirs },
        { label: t('templates.conflict.cancel'), onClick: onCancel },
      ]}
      onDismiss={onCancel}
    />
  );
}
