import { Table, type TableProps } from "@mantine/core";
import { useMediaQuery } from "@mantine/hooks";

/** The width under which lists turn into cards (Mantine's `sm` breakpoint). */
export const phoneQuery = "(max-width: 47.99em)";

/**
 * A list as a table on a wide screen (scrolling sideways below `minWidth`) and as one card
 * per row on a phone: each cell then shows its column's name from its `data-label`, so
 * nothing is cut off or pushed out of the screen (styles.css, `.stack-on-phone`).
 *
 * @example
 * <ListTable minWidth={640}><Table.Tbody><Table.Tr><Table.Td data-label={t("units.level")}>…
 */
export function ListTable({ minWidth, children, ...props }: TableProps & { minWidth?: number }) {
  const phone = useMediaQuery(phoneQuery);
  const table = (
    <Table className="stack-on-phone" striped highlightOnHover {...props}>
      {children}
    </Table>
  );
  return phone || !minWidth ? table : <Table.ScrollContainer minWidth={minWidth}>{table}</Table.ScrollContainer>;
}
