import { Table, type TableProps } from "@digdir/designsystemet-react";
import type { ReactNode } from "react";

/** A zebra-striped table in its scrolling wrapper: caption, one header row of columns, then the rows. */
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
  return (
    <div className="table-wrap">
      <Table zebra {...props}>
        <caption className={hiddenCaption ? "visually-hidden" : undefined}>{caption}</caption>
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
