import {
  Button,
  Dialog,
  DialogActions,
  DialogBody,
  DialogContent,
  DialogSurface,
  DialogTitle,
  makeStyles,
  Text,
} from '@fluentui/react-components';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import type { AssessmentTemplate, Question } from '../../../domain';
import { SimpleTable } from '../../components/SimpleTable';

const useStyles = makeStyles({
  surface: { maxWidth: '900px', width: '95vw' },
  value: { whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' },
  scroll: { maxHeight: '50vh', overflowY: 'auto' },
});

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
  const styles = useStyles();
  const { t } = useTranslation();
  const differences = templateDifferences(t, mine, theirs);
  const published = theirs.status !== 'draft';
  return (
    <Dialog open modalType="alert" onOpenChange={(_e, d) => !d.open && onCancel()}>
      <DialogSurface className={styles.surface}>
        <DialogBody>
          <DialogTitle>{t('templates.conflict.title')}</DialogTitle>
          <DialogContent>
            <Text as="p">
              {published
                ? t('templates.conflict.introPublished', { version: theirs.version, next: theirs.version + 1 })
                : t('templates.conflict.intro')}
            </Text>
            <div className={styles.scroll}>
              <SimpleTable
                label={t('templates.conflict.title')}
                size="small"
                rows={differences}
                rowKey={(d, i) => `${d.what}-${i}`}
                columns={[
                  { heading: t('templates.conflict.what'), cell: (d) => d.what },
                  {
                    heading: t('templates.conflict.mine'),
                    cell: (d) => d.mine,
                    className: styles.value,
                    testId: 'conflict-mine',
                  },
                  {
                    heading: t('templates.conflict.theirs'),
                    cell: (d) => d.theirs,
                    className: styles.value,
                    testId: 'conflict-theirs',
                  },
                ]}
              />
            </div>
          </DialogContent>
          <DialogActions>
            <Button appearance="primary" onClick={onKeepMine}>
              {t('templates.conflict.keepMine')}
            </Button>
            <Button onClick={onTakeTheirs}>{t('templates.conflict.takeTheirs')}</Button>
            <Button onClick={onCancel}>{t('templates.conflict.cancel')}</Button>
          </DialogActions>
        </DialogBody>
      </DialogSurface>
    </Dialog>
  );
}
