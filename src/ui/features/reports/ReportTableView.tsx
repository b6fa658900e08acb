import {
  makeStyles,
  mergeClasses,
  Table,
  TableBody,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
  Text,
  tokens,
} from '@fluentui/react-components';
import { useTranslation } from 'react-i18next';
import { useFormat } from '../../app/context';
import { RouterLink } from '../../components/RouterLink';
import { StatusMark } from './StatusMark';
import type { ReportCell, ReportTable } from './workbook';

const useStyles = makeStyles({
  section: { marginBottom: tokens.spacingVerticalXXL },
  h2: { marginTop: 0, marginBottom: tokens.spacingVerticalS },
  scroll: { overflowX: 'auto' },
  table: {
    backgroundColor: tokens.colorNeutralBackground1,
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
  },
  heading: { backgroundColor: tokens.colorNeutralBackground3, verticalAlign: 'bottom' },
  headingText: { whiteSpace: 'normal', overflowWrap: 'anywhere', fontWeight: tokens.fontWeightSemibold },
  number: { textAlign: 'right', fontVariantNumeric: 'tabular-nums' },
  cell: { verticalAlign: 'top', whiteSpace: 'normal', overflowWrap: 'anywhere' },
});

/**
 * Text with each hyphenated word (Glan-yr-Afon, Prifddinas-Ranbarth) marked to
 * be kept whole: on paper the tables wrap at spaces only (printStyles), and a
 * browser would otherwise break a line after any hyphen. A run longer than
 * KEEP_WHOLE_MAX still breaks at its hyphens rather than run off the page.
 */
const KEEP_WHOLE_MAX = 30;

function WholeWords({ text }: { readonly text: string }) {
  const parts = text.split(/(\S*[-‐]\S*)/);
  if (parts.length === 1) return <>{text}</>;
  return (
    <>
      {parts.map((part, i) =>
        i % 2 === 1 && [...part].length <= KEEP_WHOLE_MAX ? (
          <span key={i} data-keep-whole="">
            {part}
          </span>
        ) : (
          part
        ),
      )}
    </>
  );
}

function CellContent({ cell }: { readonly cell: ReportCell }) {
  const format = useFormat();
  switch (cell.kind) {
    case 'text':
      return cell.link ? (
        <RouterLink to={cell.link}>
          <WholeWords text={cell.value} />
        </RouterLink>
      ) : (
        <WholeWords text={cell.value} />
      );
    case 'date':
      return <>{format.date(cell.value)}</>;
    case 'number':
      return <>{cell.money ? format.currency(cell.value) : format.number(cell.value)}</>;
    case 'mark':
      return <StatusMark tone={cell.tone}>{cell.value}</StatusMark>;
    default:
      return null;
  }
}

/** One table of a report under its own heading: a real <table>, named by the heading, numbers right-aligned. */
export function ReportTableView({ table }: { readonly table: ReportTable }) {
  const styles = useStyles();
  const { t } = useTranslation();
  const headingId = `report-${table.id}`;
  const numeric = table.headings.map((_h, i) => {
    const kinds = table.rows.map((r) => r[i]?.kind).filter((k) => k !== 'empty');
    return kinds.length > 0 && kinds.every((k) => k === 'number');
  });
  return (
    <section className={styles.section} aria-labelledby={headingId} data-report-section={table.id}>
      <Text as="h2" size={500} weight="semibold" id={headingId} className={styles.h2} block>
        {table.title}
      </Text>
      {table.rows.length === 0 ? (
        <Text as="p">{t('report.empty')}</Text>
      ) : (
        // On paper the table fits the page (printStyles), so nothing scrolls out of sight.
        <div className={styles.scroll} data-report-scroll>
          <Table aria-labelledby={headingId} className={styles.table} size="small" data-report-table={table.id}>
            <TableHeader>
              <TableRow>
                {table.headings.map((h, i) => (
                  <TableHeaderCell key={i} className={styles.heading} scope="col">
                    <span className={mergeClasses(styles.headingText, numeric[i] && styles.number)}>
                      <WholeWords text={h} />
                    </span>
                  </TableHeaderCell>
                ))}
              </TableRow>
            </TableHeader>
            <TableBody>
              {table.rows.map((row, r) => (
                <TableRow key={r}>
                  {row.map((cell, c) => (
                    <TableCell key={c} className={mergeClasses(styles.cell, numeric[c] && styles.number)}>
                      <CellContent cell={cell} />
                    </TableCell>
                  ))}
                </TableRow>
              ))}
            </TableBody>
          </Table>
        </div>
      )}
    </section>
  );
}
