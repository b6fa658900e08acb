import {
  dataGridBodyClassNames,
  makeStyles,
  mergeClasses,
  TableRowIdContextProvider,
  tokens,
  type TableRowId,
} from '@fluentui/react-components';
import {
  memo,
  useCallback,
  useEffect,
  useLayoutEffect,
  useRef,
  useState,
  type CSSProperties,
  type ReactNode,
} from 'react';

export interface VirtualDataGridBodyProps<TItem> {
  /** The grid's items, in the order the server gave them (the same array the DataGrid has). */
  readonly items: readonly TItem[];
  readonly getRowId: (item: TItem) => TableRowId;
  /** Every row is this many pixels high (fixed, so the window is computed, never measured). */
  readonly rowHeight: number;
  /** Height of the scrolling area, any CSS length. */
  readonly height: string;
  /** Rows rendered above and below the visible ones. */
  readonly overscan?: number;
  /** Called when the last rendered row comes within `overscan` rows of the end (load the next page). */
  readonly onNearEnd?: () => void;
  /**
   * Renders one row (a DataGridRow). `style` positions it and must be passed on. It should be
   * stable (useCallback): rows already on screen are not rendered again while scrolling.
   */
  readonly renderRow: (item: TItem, style: CSSProperties, index: number) => ReactNode;
  readonly 'aria-label'?: string;
}

const useStyles = makeStyles({
  body: {
    display: 'block',
    overflowY: 'auto',
    overflowX: 'hidden',
    scrollbarGutter: 'stable',
    position: 'relative',
    backgroundColor: tokens.colorNeutralBackground1,
    // Rows never affect anything outside the scrolling area: the browser repaints only inside it.
    contain: 'strict',
  },
});

interface RowProps {
  readonly item: unknown;
  readonly rowId: TableRowId;
  readonly index: number;
  readonly rowHeight: number;
  readonly render: (item: never, style: CSSProperties, index: number) => ReactNode;
}

/** One positioned row; rendered again only when its item, place or renderer changes. */
const VirtualRow = memo(function VirtualRow({ item, rowId, index, rowHeight, render }: RowProps) {
  const style: CSSProperties = { position: 'absolute', top: index * rowHeight, left: 0, right: 0, height: rowHeight };
  return <TableRowIdContextProvider value={rowId}>{render(item as never, style, index)}</TableRowIdContextProvider>;
});

/**
 * A DataGrid body that renders only the rows in view (plus a few either side),
 * so a register of thousands of rows scrolls smoothly: the rows already on
 * screen are memoised, so a scroll step renders only the few rows it reveals.
 * It sits inside Fluent's DataGrid (header, sorting, keyboard navigation and
 * cell context come from there), as the documented react-window recipe does,
 * without another dependency. Rows carry `aria-rowindex` (set by the caller)
 * so assistive technology knows where it is in the whole list.
 */
export function VirtualDataGridBody<TItem>(props: VirtualDataGridBodyProps<TItem>) {
  const { items, getRowId, rowHeight, height, overscan = 10, onNearEnd, renderRow } = props;
  const styles = useStyles();
  const scroller = useRef<HTMLDivElement>(null);
  const [range, setRange] = useState({ start: 0, end: 24 });
  const count = items.length;

  const measure = useCallback(() => {
    const el = scroller.current;
    if (!el) return;
    const viewport = el.clientHeight || rowHeight * 20;
    const first = Math.floor(el.scrollTop / rowHeight);
    const start = Math.max(0, first - overscan);
    const end = Math.min(count, first + Math.ceil(viewport / rowHeight) + overscan);
    setRange((r) => (r.start === start && r.end === end ? r : { start, end }));
  }, [rowHeight, overscan, count]);

  useLayoutEffect(measure, [measure]);
  useEffect(() => {
    const el = scroller.current;
    if (!el) return;
    let frame = 0;
    const onScroll = () => {
      if (frame) return;
      frame = requestAnimationFrame(() => {
        frame = 0;
        measure();
      });
    };
    el.addEventListener('scroll', onScroll, { passive: true });
    const resize = typeof ResizeObserver === 'function' ? new ResizeObserver(measure) : undefined;
    resize?.observe(el);
    return () => {
      el.removeEventListener('scroll', onScroll);
      resize?.disconnect();
      if (frame) cancelAnimationFrame(frame);
    };
  }, [measure]);

  useEffect(() => {
    if (onNearEnd && count > 0 && range.end >= count - overscan) onNearEnd();
  }, [range.end, count, overscan, onNearEnd]);

  const visible: ReactNode[] = [];
  for (let i = range.start; i < Math.min(range.end, count); i += 1) {
    const item = items[i] as TItem;
    const rowId = getRowId(item);
    visible.push(
      <VirtualRow
        key={rowId}
        item={item}
        rowId={rowId}
        index={i}
        rowHeight={rowHeight}
        render={renderRow as RowProps['render']}
      />,
    );
  }

  // The rowgroup holds a sizer as tall as every row, and only the rows in view.
  return (
    <div
      role="rowgroup"
      data-virtual-body=""
      ref={scroller}
      className={mergeClasses(dataGridBodyClassNames.root, styles.body)}
      style={{ height }}
      aria-label={props['aria-label']}
    >
      <div role="presentation" style={{ height: count * rowHeight, position: 'relative' }}>
        {visible}
      </div>
    </div>
  );
}
