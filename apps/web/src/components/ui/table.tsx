import { useId } from 'react';
import type { ReactElement, ReactNode } from 'react';

export interface Column<T> {
  header: string;
  cell: (row: T) => ReactNode;
  /** Row header cell (th scope=row) for the column that names the row. */
  rowHeader?: boolean;
  align?: 'left' | 'right';
  /** Leave this column out on phones (its content must be said elsewhere, e.g. in the caption). */
  hideOnPhone?: boolean;
}

export interface TableProps<T> {
  caption: string;
  /** Visually hide the caption when a heading above already says the same. */
  hideCaption?: boolean;
  columns: Column<T>[];
  rows: T[];
  rowKey: (row: T) => string;
  /** On phones, show each row as a small labelled card (default) rather than a compact table. */
  stackOnPhone?: boolean;
}

// On phones each row becomes a small two-column card with its own labels. Explicit ARIA roles keep the table's
// semantics when CSS changes its display, which some browsers otherwise drop.
export function Table<T>({ caption, hideCaption, columns, rows, rowKey, stackOnPhone = true }: TableProps<T>): ReactElement {
  const captionId = useId();
  const stack = (cls: string): string => (stackOnPhone ? cls : '');
  const hide = (c: Column<T>): string => (c.hideOnPhone ? 'max-sm:hidden' : '');
  return (
    // A scrolling box must be reachable by keyboard, so it is focusable and named by the caption. It is a group, not a
    // region: a landmark here would repeat the name of the card around it (axe: landmark-unique) and clutter the
    // landmark list with one entry per table.
    <div role="group" aria-labelledby={captionId} tabIndex={0} className="-mx-1 overflow-x-auto px-1">
      <table role="table" className={`w-full border-collapse text-left text-sm ${stack('max-sm:block')}`}>
        <caption id={captionId} className={hideCaption ? 'sr-only' : `mb-2 text-left text-sm font-medium text-slate-700 ${stack('max-sm:block')}`}>
          {caption}
        </caption>
        <thead role="rowgroup" className={stack('max-sm:sr-only')}>
          <tr role="row" className="border-b border-slate-300">
            {columns.map((c) => (
              <th key={c.header} role="columnheader" scope="col"
                className={`px-2 py-2 font-semibold text-slate-700 max-sm:px-1.5 ${hide(c)} ${c.align === 'right' ? 'text-right' : ''}`}>
                {c.header}
              </th>
            ))}
          </tr>
        </thead>
        <tbody role="rowgroup" className={stack('max-sm:block')}>
          {rows.map((row) => (
            <tr key={rowKey(row)} role="row"
              className={`border-b border-slate-200 last:border-0 ${stack('max-sm:grid max-sm:grid-cols-2 max-sm:gap-x-3 max-sm:gap-y-2 max-sm:py-3')}`}>
              {columns.map((c) => {
                const cls = `px-2 py-2 align-top ${stack('max-sm:p-0')} max-sm:px-1.5 ${hide(c)} ${c.align === 'right' ? 'sm:text-right' : ''}`;
                return c.rowHeader ? (
                  <th key={c.header} role="rowheader" scope="row" className={`${cls} font-medium text-slate-900 ${stack('max-sm:col-span-2 max-sm:font-semibold')} ${stackOnPhone ? '' : 'whitespace-nowrap'}`}>
                    {c.cell(row)}
                  </th>
                ) : (
                  <td key={c.header} role="cell" className={`${cls} ${stack('max-sm:flex max-sm:flex-col max-sm:items-start')}`}>
                    {stackOnPhone && <span aria-hidden="true" className="text-xs font-medium text-slate-600 sm:hidden">{c.header}</span>}
                    {c.cell(row)}
                  </td>
                );
              })}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
