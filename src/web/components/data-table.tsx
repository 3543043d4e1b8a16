import { Table, type TableProps } from "@digdir/designsystemet-react";
import { type ReactNode, useId } from "react";

/**
 * A zebra-striped table in its scrolling wrapper: caption, one header row of columns, then the
 * rows. The wrapper is a named, focusable region so that a table wider than the screen (at 200 %
 * zoom) can be scrolled with the keyboard too.
 */
export function DataTable({
  caption,
  hiddenCaption,
  columns,
  children,
  ...props
}: Omit<TableProps, "children"> & {
  caption: ReactNode;
  /** Keeps the caption for screen readers only, when a heading already names the table. */
  hiddenCaption?: boolean;
  columns: ReactNode[];
  children: ReactNode;
}) {
  const captionId = useId();
  return (
    // biome-ignore lint/a11y/noNoninteractiveTabindex: a scrolling region must be reachable by keyboard
    <section className="table-wrap" aria-labelledby={captionId} tabIndex={0}>
      <Table zebra {...props}>
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
    </section>
  );
}
