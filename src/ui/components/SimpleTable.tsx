import { Table, TableBody, TableCell, TableHeader, TableHeaderCell, TableRow } from '@fluentui/react-components';
import type { Key, ReactNode } from 'react';

/** One column: its heading, and what each row shows in it (text, never markup from user data). */
export interface Column<R> {
  readonly heading: ReactNode;
  readonly cell: (row: R) => ReactNode;
  readonly className?: string;
  /** A test id on every cell of the column. */
  readonly testId?: string;
}

export interface SimpleTableProps<R> {
  /** The table's accessible name: a label, or the id of the heading that names it. */
  readonly label?: string;
  readonly labelledBy?: string;
  readonly size?: 'extra-small' | 'small' | 'medium';
  /** Columns left out where a row has nothing for them (`false`, `null`). */
  readonly columns: readonly (Column<R> | false | null | undefined)[];
  readonly rows: readonly R[];
  readonly rowKey: (row: R, index: number) => Key;
  /** Extra attributes of a row (`data-*`, for the print stylesheet and tests). */
  readonly rowProps?: (row: R) => Readonly<Record<`data-${string}`, string>>;
  /** Said in one row across the table when there is no row. */
  readonly empty?: ReactNode;
}

/**
 * A plain, real <table> of rows under column headings: the shape of the version history, the
 * comparison of two assessments, a record's assessments, the template list and the import's column mapping and
 * preview. Tables that page, sort or virtualise keep their own markup.
 */
export function SimpleTable<R>({
  label,
  labelledBy,
  size,
  columns,
  rows,
  rowKey,
  rowProps,
  empty,
}: SimpleTableProps<R>) {
  const shown = columns.filter((c): c is Column<R> => Boolean(c));
  return (
    <Table
      {...(label !== undefined ? { 'aria-label': label } : {})}
      {...(labelledBy !== undefined ? { 'aria-labelledby': labelledBy } : {})}
      {...(size !== undefined ? { size } : {})}
    >
      <TableHeader>
        <TableRow>
          {shown.map((c, i) => (
            <TableHeaderCell key={i}>{c.heading}</TableHeaderCell>
          ))}
        </TableRow>
      </TableHeader>
      <TableBody>
        {rows.length === 0 && empty !== undefined ? (
          <TableRow>
            <TableCell colSpan={shown.length}>{empty}</TableCell>
          </TableRow>
        ) : null}
        {rows.map((row, r) => (
          <TableRow key={rowKey(row, r)} {...(rowProps?.(row) ?? {})}>
            {shown.map((c, i) => (
              <TableCell key={i} className={c.className} {...(c.testId ? { 'data-testid': c.testId } : {})}>
                {c.cell(row)}
              </TableCell>
            ))}
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
}
