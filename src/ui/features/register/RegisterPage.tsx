import {
  Button,
  createTableColumn,
  DataGrid,
  DataGridCell,
  DataGridHeader,
  DataGridHeaderCell,
  DataGridRow,
  makeStyles,
  mergeClasses,
  Spinner,
  Text,
  tokens,
  type DataGridProps,
  type TableColumnDefinition,
} from '@fluentui/react-components';
import { useCallback, useMemo, useState, type CSSProperties } from 'react';
import { useTranslation } from 'react-i18next';
import { isInScope, type Collaboration, type RepoError, type Stored } from '../../../domain';
import { useApp, useFormat } from '../../app/context';
import { navigate, paths, useRoute } from '../../app/router';
import { ErrorState } from '../../components/ErrorState';
import { Loading } from '../../components/Loading';
import { PageHeader } from '../../components/PageHeader';
import { displayTitle, panelLabel } from '../../components/recordText';
import { ReviewBadge } from '../../components/ReviewBadge';
import { RouterLink } from '../../components/RouterLink';
import { mappingsOfKind, useDirectorateLabel, useLookup } from '../../components/useLookups';
import { VirtualDataGridBody } from '../../components/VirtualDataGridBody';
import { RagBadge } from '../../components/RagBadge';
import { download } from '../../components/download';
import { exportTable, toCsv, toXlsx } from './exportView';
import { RegisterFilters } from './RegisterFilters';
import { useRegisterRows } from './useRegisterRows';
import { panelsOf, resolvePanel } from '../../../domain/panels';
import { queryFor, viewFromParams, viewToParams, type RegisterView, type SortField } from './view';

/** First page small (first rows fast); the store pages on with the same size. */
export const PAGE_SIZE = 100;
/** Three lines of text a row (a long name wraps rather than being cut), and a little room. */
const LINES = 3;
/** Four in the narrow layout, where a column holds two values, one under the other. */
const LINES_NARROW = 4;
const LINE_HEIGHT = 20;
const rowHeight = (lines: number) => lines * LINE_HEIGHT + 4;

type Row = Stored<Collaboration>;
const rowId = (r: Row) => r.id;

/**
 * Every column but the name has a width (padding included) that holds its heading's longest
 * word, in English and Welsh, with the sort arrow where it sorts, and its values in at most three
 * lines; the name takes what is left, and never less than `NAME_MIN`. Their sum fits a 1366 px
 * window with room to spare.
 */
const WIDTH = {
  reference: 104,
  model: 134,
  status: 100,
  directorate: 122,
  leadOfficer: 80,
  nextReviewDue: 152,
  significance: 100,
  scope: 92,
  lastAssessment: 96,
  assurance: 86,
} as const;
const NAME_MIN = 224;
/**
 * Where the whole grid does not fit (a narrow Teams window, 1024 px), four pairs of columns share
 * a column, the second value under the first, rather than the grid scrolling sideways: the
 * protocol scope under the reference, the significance under the status, the lead officer under
 * the directorate, the assurance level under the last assessment. Each shared column sorts by its
 * first value, as before; a cell may hold four lines. Below that width (a phone) the grid scrolls sideways inside its own box, never the page.
 */
const FOLDED = {
  reference: 'scope',
  status: 'significance',
  directorate: 'leadOfficer',
  lastAssessment: 'assurance',
} as const;
const FOLDED_AWAY: ReadonlySet<string> = new Set(Object.values(FOLDED));
const NAME_MIN_NARROW = 200;
/** A classic (not overlay) scrollbar: the rows' scrolling box keeps room for one (scrollbar-gutter). */
const SCROLLBAR = 16;
/** Every column's width, the room for the rows' scrollbar, and the grid's border either side. */
const GRID_MIN = Object.values(WIDTH).reduce((a, b) => a + b, NAME_MIN) + SCROLLBAR + 2;
const GRID_MIN_NARROW =
  Object.entries(WIDTH)
    .filter(([id]) => !FOLDED_AWAY.has(id))
    .reduce((a, [, w]) => a + w, NAME_MIN_NARROW) +
  SCROLLBAR +
  2;
const fixed = (px: number) => ({ flexGrow: 0, flexShrink: 0, flexBasis: `${px}px` });

/** Whether the box is narrower than the whole grid: measured, and again whenever the box changes width. */
function useNarrow(minWidth: number): [(el: HTMLDivElement | null) => void, boolean] {
  const [narrow, setNarrow] = useState(false);
  const ref = useCallback(
    (el: HTMLDivElement | null) => {
      if (!el || typeof ResizeObserver !== 'function') return;
      const measure = () => setNarrow(el.clientWidth > 0 && el.clientWidth < minWidth);
      measure();
      const observer = new ResizeObserver(measure);
      observer.observe(el);
      return () => observer.disconnect();
    },
    [minWidth],
  );
  return [ref, narrow];
}

const useStyles = makeStyles({
  toolbar: {
    display: 'flex',
    flexWrap: 'wrap',
    alignItems: 'center',
    justifyContent: 'space-between',
    columnGap: tokens.spacingHorizontalM,
    rowGap: tokens.spacingVerticalS,
    marginBottom: tokens.spacingVerticalS,
  },
  count: { color: tokens.colorNeutralForeground2 },
  grid: {
    minWidth: `${GRID_MIN}px`,
    backgroundColor: tokens.colorNeutralBackground1,
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    borderRadius: tokens.borderRadiusMedium,
  },
  gridNarrow: { minWidth: `${GRID_MIN_NARROW}px` },
  scroll: { overflowX: 'auto' },
  header: { scrollbarGutter: 'stable', overflowY: 'hidden', backgroundColor: tokens.colorNeutralBackground3 },
  // Six pixels either side (not Fluent's eight): eleven columns fit a laptop's width.
  cell: {
    minWidth: 0,
    // As high as the row: a value of three lines has the row's whole height.
    alignSelf: 'stretch',
    boxSizing: 'border-box',
    overflow: 'hidden',
    paddingLeft: tokens.spacingHorizontalSNudge,
    paddingRight: tokens.spacingHorizontalSNudge,
  },
  // Headings wrap between words, never inside one: every column is wide enough for its longest word.
  headerCell: {
    minWidth: 0,
    boxSizing: 'border-box',
    paddingLeft: tokens.spacingHorizontalSNudge,
    paddingRight: tokens.spacingHorizontalSNudge,
    whiteSpace: 'normal',
    overflowWrap: 'normal',
    wordBreak: 'normal',
    hyphens: 'manual',
    lineHeight: tokens.lineHeightBase200,
  },
  // A value wraps between words to at most three lines (the row's height).
  lines: {
    display: '-webkit-box',
    WebkitBoxOrient: 'vertical',
    WebkitLineClamp: LINES,
    overflow: 'hidden',
    whiteSpace: 'normal',
    overflowWrap: 'normal',
    lineHeight: `${LINE_HEIGHT}px`,
  },
  linesNarrow: { WebkitLineClamp: LINES_NARROW },
  // The second value of a shared column, on a line of its own.
  second: { display: 'block', whiteSpace: 'normal', color: tokens.colorNeutralForeground2 },
  // A shared column's two headings, one under the other (the sort button lays its content in a row).
  headerPair: { display: 'flex', flexDirection: 'column' },
  reference: { ...fixed(WIDTH.reference), whiteSpace: 'nowrap' },
  // The name takes what the others leave.
  title: { flexGrow: 1, flexShrink: 1, flexBasis: `${NAME_MIN}px` },
  titleNarrow: { flexBasis: `${NAME_MIN_NARROW}px` },
  model: fixed(WIDTH.model),
  status: fixed(WIDTH.status),
  directorate: fixed(WIDTH.directorate),
  leadOfficer: fixed(WIDTH.leadOfficer),
  nextReviewDue: fixed(WIDTH.nextReviewDue),
  significance: fixed(WIDTH.significance),
  scope: fixed(WIDTH.scope),
  lastAssessment: fixed(WIDTH.lastAssessment),
  assurance: fixed(WIDTH.assurance),
  // A date or score with its badge, laid out by `withBadge` rather than as lines of text.
  stack: { display: 'block', lineHeight: `${LINE_HEIGHT}px` },
  // A badge keeps its words on one line (its height is fixed; the column is wide enough for it),
  // and goes under its date or score when the two do not fit side by side.
  withBadge: {
    whiteSpace: 'nowrap',
    display: 'inline-flex',
    flexWrap: 'wrap',
    alignItems: 'center',
    columnGap: tokens.spacingHorizontalXS,
    rowGap: tokens.spacingVerticalXXS,
  },
  more: { padding: tokens.spacingVerticalS },
});

type ColumnId =
  | 'reference'
  | 'title'
  | 'model'
  | 'status'
  | 'directorate'
  | 'leadOfficer'
  | 'nextReviewDue'
  | 'significance'
  | 'scope'
  | 'lastAssessment'
  | 'assurance';

/** Columns whose value is text and a badge, laid out by the cell rather than as lines of text. */
const STACKED: ReadonlySet<ColumnId> = new Set<ColumnId>(['nextReviewDue', 'lastAssessment']);

/** Columns the server can sort on (indexed or small enough); the others cannot be clicked to sort. */
const SORTABLE: Partial<Record<ColumnId, SortField>> = {
  reference: 'reference',
  title: 'title',
  status: 'status',
  nextReviewDue: 'nextReviewDue',
};

export function RegisterPage() {
  const styles = useStyles();
  const { t } = useTranslation();
  const app = useApp();
  const directorateLabel = useDirectorateLabel();
  const format = useFormat();
  const route = useRoute();
  const view = useMemo(() => viewFromParams(route.query), [route.query]);
  const viewKey = viewToParams(view).toString();
  const mappings = useLookup('channelMappings');
  const panelNames = useMemo(() => {
    const p = resolvePanel(view.panel, panelsOf(mappings.value ?? []));
    return p ? [p.name, ...(p.nameCy ? [p.nameCy] : [])] : [];
  }, [view.panel, mappings.value]);
  const query = useMemo(() => queryFor(view, app.today, PAGE_SIZE, panelNames), [view, app.today, panelNames]);
  const store = app.services.stores.collaborations;
  const data = useRegisterRows(store, query, viewKey);
  const [exporting, setExporting] = useState<'csv' | 'xlsx' | undefined>();
  const [exportError, setExportError] = useState<RepoError | undefined>();

  const setView = useCallback((next: RegisterView) => {
    navigate(paths.register(viewToParams(next)), { replace: true });
  }, []);

  const [measure, narrow] = useNarrow(GRID_MIN);
  /** A column's width: its own, or the narrow layout's where that differs. */
  const columnClasses = (id: ColumnId): string[] => [
    styles[id],
    ...(narrow && id === 'title' ? [styles.titleNarrow] : []),
  ];

  const columns = useMemo((): TableColumnDefinition<Row>[] => {
    const sortable = (id: ColumnId) => (SORTABLE[id] !== undefined ? (_a: Row, _b: Row) => 0 : () => 0); // order comes from the server
    const headers: Record<ColumnId, string> = {
      reference: t('fields.reference'),
      title: t('fields.title'),
      model: t('fields.model'),
      status: t('fields.status'),
      directorate: t('fields.directorate'),
      leadOfficer: t('fields.leadOfficer'),
      nextReviewDue: t('fields.nextReviewDue'),
      significance: t('fields.significance'),
      scope: t('tab.register.columns.scope'),
      lastAssessment: t('tab.record.lastAssessment'),
      assurance: t('fields.assuranceLevel'),
    };
    const cells: Record<ColumnId, (r: Row) => React.ReactNode> = {
      reference: (r) => r.reference,
      title: (r) => (
        <RouterLink to={paths.record(r.reference)} title={displayTitle(r, app.locale)}>
          {displayTitle(r, app.locale)}
        </RouterLink>
      ),
      model: (r) => t(`vocab.model.${r.model}`),
      status: (r) => t(`vocab.status.${r.status}`),
      directorate: (r) => directorateLabel(r.directorate),
      leadOfficer: (r) => r.leadOfficer?.displayName ?? '',
      nextReviewDue: (r) => (
        <span className={styles.withBadge}>
          <span>{format.date(r.nextReviewDue)}</span>
          <ReviewBadge today={app.today} status={r.status} {...(r.nextReviewDue ? { due: r.nextReviewDue } : {})} />
        </span>
      ),
      significance: (r) => (r.significance ? t(`vocab.significance.${r.significance}`) : ''),
      scope: (r) => t(`tab.scope.${isInScope(r.model) ? 'in' : 'out'}`),
      // The latest submitted assessment's RAG (shape and word, not colour alone) and score.
      lastAssessment: (r) =>
        r.lastAssessmentRag || r.lastAssessmentScore !== undefined ? (
          <span className={styles.withBadge}>
            {r.lastAssessmentRag ? <RagBadge rag={r.lastAssessmentRag} size="small" /> : null}
            {r.lastAssessmentScore !== undefined ? <span>{format.number(r.lastAssessmentScore)}</span> : null}
          </span>
        ) : (
          ''
        ),
      // The level in words; a record no panel has assured yet says so.
      assurance: (r) => (r.assuranceLevel ? t(`vocab.assurance.${r.assuranceLevel}`) : t('assuranceView.notGiven')),
    };
    const ids = (Object.keys(headers) as ColumnId[]).filter((id) => !(narrow && FOLDED_AWAY.has(id)));
    return ids.map((id) => {
      const second = narrow ? (FOLDED as Partial<Record<ColumnId, ColumnId>>)[id] : undefined;
      return createTableColumn<Row>({
        columnId: id,
        compare: sortable(id),
        renderHeaderCell: () =>
          second ? (
            <span className={styles.headerPair}>
              <span>{headers[id]}</span>
              <span className={styles.second}>{headers[second]}</span>
            </span>
          ) : (
            headers[id]
          ),
        renderCell: second
          ? (r) => (
              <>
                {cells[id](r)}
                <span className={styles.second}>{cells[second](r)}</span>
              </>
            )
          : cells[id],
      });
    });
  }, [t, app.locale, app.today, format, styles, directorateLabel, narrow]);

  const renderRow = useCallback(
    (item: Row, style: CSSProperties, index: number) => (
      <DataGridRow<Row> style={style} aria-rowindex={index + 2} data-reference={item.reference}>
        {({ renderCell, columnId }) => (
          <DataGridCell
            className={mergeClasses(styles.cell, ...columnClasses(columnId as ColumnId))}
            // The name cell holds the record's link: the link itself takes focus (no cell around it).
            focusMode={columnId === 'title' ? 'none' : 'cell'}
          >
            <span
              className={
                STACKED.has(columnId as ColumnId)
                  ? styles.stack
                  : mergeClasses(styles.lines, narrow && styles.linesNarrow)
              }
            >
              {renderCell(item)}
            </span>
          </DataGridCell>
        )}
      </DataGridRow>
    ),
    [styles, narrow],
  );

  const sortColumn = (Object.keys(SORTABLE) as ColumnId[]).find((id) => SORTABLE[id] === view.sort.field);
  const sortState: DataGridProps['sortState'] = {
    sortColumn,
    sortDirection: view.sort.direction === 'asc' ? 'ascending' : 'descending',
  };
  const onSortChange: DataGridProps['onSortChange'] = (_e, next) => {
    const field = SORTABLE[next.sortColumn as ColumnId];
    if (!field) return;
    setView({ ...view, sort: { field, direction: next.sortDirection === 'ascending' ? 'asc' : 'desc' } });
  };

  const runExport = async (kind: 'csv' | 'xlsx') => {
    setExporting(kind);
    setExportError(undefined);
    try {
      const all = await store.all(queryFor(view, app.today, 5000, panelNames));
      if (!all.ok) {
        setExportError(all.error);
        return;
      }
      const table = exportTable(all.value, t, app.today);
      const name = `${t('tab.register.export.fileName')}-${app.today}`;
      if (kind === 'csv') download(toCsv(table), `${name}.csv`, 'text/csv;charset=utf-8');
      else
        download(
          await toXlsx(table, t('tab.register.export.sheet')),
          `${name}.xlsx`,
          'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
        );
    } finally {
      setExporting(undefined);
    }
  };

  const directorates = mappingsOfKind(mappings.value, 'directorate');
  const panels = mappingsOfKind(mappings.value, 'panel');
  const panelName = view.panel ? panelLabel(view.panel, panelsOf(panels), app.locale) : undefined;
  const subtitle = panelName
    ? t('tab.register.subtitlePanel', { panel: panelName })
    : view.directorate
      ? t('tab.register.subtitleDirectorate', { directorate: directorateLabel(view.directorate) })
      : t('tab.register.subtitle');

  const countText = data.loading
    ? t('tab.register.loading')
    : data.complete
      ? t('tab.register.countAll', { count: data.rows.length, formatted: format.number(data.rows.length) })
      : t('tab.register.countSome', { count: data.rows.length, formatted: format.number(data.rows.length) });

  return (
    <section aria-labelledby="register-title">
      <PageHeader
        id="register-title"
        title={t('tab.register.title')}
        subtitle={subtitle}
        actions={
          <>
            <Button onClick={() => void runExport('csv')} disabled={exporting !== undefined}>
              {exporting === 'csv' ? <Spinner size="tiny" aria-hidden /> : null}
              {t('tab.register.export.csv')}
            </Button>
            <Button onClick={() => void runExport('xlsx')} disabled={exporting !== undefined}>
              {exporting === 'xlsx' ? <Spinner size="tiny" aria-hidden /> : null}
              {t('tab.register.export.xlsx')}
            </Button>
          </>
        }
      />
      <RegisterFilters view={view} onChange={setView} directorates={directorates} panels={panels} />
      {exportError ? <ErrorState error={exportError} title={t('tab.register.export.failed')} /> : null}
      <div className={styles.toolbar}>
        <Text className={styles.count} role="status" aria-live="polite">
          {countText}
        </Text>
      </div>
      {data.error && data.rows.length === 0 ? (
        <ErrorState error={data.error} title={t('tab.register.loadFailed')} onRetry={data.retry} />
      ) : data.loading ? (
        <Loading label={t('tab.register.loading')} />
      ) : data.rows.length === 0 ? (
        <Text as="p">{t('tab.register.empty')}</Text>
      ) : (
        <div className={styles.scroll} ref={measure}>
          <DataGrid
            className={mergeClasses(styles.grid, narrow && styles.gridNarrow)}
            items={data.rows as Row[]}
            columns={columns}
            getRowId={rowId}
            sortable
            sortState={sortState}
            onSortChange={onSortChange}
            aria-label={t('tab.register.gridLabel')}
            aria-rowcount={data.complete ? data.rows.length + 1 : -1}
            data-testid="register-grid"
          >
            <DataGridHeader className={styles.header}>
              <DataGridRow aria-rowindex={1}>
                {({ renderHeaderCell, columnId }) => (
                  <DataGridHeaderCell
                    className={mergeClasses(styles.headerCell, ...columnClasses(columnId as ColumnId))}
                  >
                    {renderHeaderCell()}
                  </DataGridHeaderCell>
                )}
              </DataGridRow>
            </DataGridHeader>
            <VirtualDataGridBody<Row>
              items={data.rows}
              getRowId={rowId}
              rowHeight={rowHeight(narrow ? LINES_NARROW : LINES)}
              height="max(320px, calc(100vh - 420px))"
              onNearEnd={data.loadMore}
              renderRow={renderRow}
            />
          </DataGrid>
          {data.loadingMore ? (
            <div className={styles.more}>
              <Loading label={t('tab.register.loadingMore')} />
            </div>
          ) : null}
          {data.error ? (
            <ErrorState error={data.error} title={t('tab.register.loadFailed')} onRetry={data.retry} />
          ) : null}
        </div>
      )}
    </section>
  );
}
