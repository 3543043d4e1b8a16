import { Table, type TableProps } from "@digdir/designsystemet-react";
import { type ReactNode, useId, useLayoutEffect, useRef } from "react";

/**
 * Gives every body cell the text of its column's header as `data-label`, which the stacked
 * layout shows before the value. Read from the rendered header so that any row markup works.
 */
function labelCells(table: HTMLTableElement) {
  const headers = [...table.querySelectorAll("thead tr:first-child > th")].map(
    (th) => th.querySelector("abbr")?.title || th.textContent?.trim() || "",
  );
  for (const row of table.querySelectorAll("tbody > tr")) {
    let column = 0;
    for (const cell of row.children) {
      const label = headers[column] ?? "";
      if (cell.getAttribute("data-label") !== label) cell.setAttribute("data-label", label);
      column += (cell as HTMLTableCellElement).colSpan || 1;
    }
  }
}

/**
 * A zebra-striped table in its scrolling wrapper: caption, one header row of columns, then the
 * rows. The wrapper is a named, focusable group so that a table wider than the screen (at 200 %
 * zoom) can be scrolled with the keyboard too. A group, not a region: a region is a landmark, and
 * a table in a section whose heading says what its caption says made two landmarks of one name.
 * With `stackNarrow`, at narrow widths (640 px, i.e. 1280 px at 200 %) each row becomes a block of
 * "label: value" lines instead, so no column is hidden off to the side and fields in cells stay on
 * screen.
 */
export function DataTable({
  caption,
  hiddenCaption,
  stackNarrow = true,
  columns,
  children,
  className,
  ...props
}: Omit<TableProps, "children"> & {
  caption: ReactNode;
  /** Keeps the caption for screen readers only, when a heading already names the table. */
  hiddenCaption?: boolean;
  /** Rows become stacked label–value blocks at narrow widths (on unless turned off). */
  stackNarrow?: boolean;
  columns: ReactNode[];
  children: ReactNode;
}) {
  const captionId = useId();
  const table = useRef<HTMLTableElement>(null);
  useLayoutEffect(() => {
    if (stackNarrow && table.current) labelCells(table.current);
  });
  const wrap = stackNarrow ? "table-wrap table-wrap--stack" : "table-wrap";
  return (
    // biome-ignore lint/a11y/noNoninteractiveTabindex: a scrolling region must be reachable by keyboard
    // biome-ignore lint/a11y/useSemanticElements: a fieldset groups form fields, not a table
    <div role="group" className={wrap} aria-labelledby={captionId} tabIndex={0}>
      <Table zebra {...props} className={className} ref={table}>
        <caption id={captionId} className={hiddenCaption ? "visually-hidden" : undefined}>
          {caption}
        </caption>
        <Table.Head>
          <Table.Row>
            {columns.map((column, i) => (
              // biome-ignore lint/suspicious/noArrayIndexKey: the columns are fixed
              <Table.HeaderCell key={i}>{column}</Table.HeaderCell>
            ))}
          </Table.Row>
        </Table.Head>
        <Table.Body>{children}</Table.Body>
      </Table>
    </div>
  );
}
