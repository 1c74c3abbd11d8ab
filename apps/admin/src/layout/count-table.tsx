import { Table } from "@mantine/core";
import { useI18n } from "../i18n/i18n";

/** One group of a count: its key, its name as shown, and how many. */
export interface CountRow {
  key: string;
  label: string;
  count: number;
}

/**
 * A two-column table of counts by group (a chart's figures, a report's groups), the counts
 * right-aligned and formatted for the language.
 */
export function CountTable({
  rows,
  groupHeader,
  countHeader,
  mt,
}: {
  rows: readonly CountRow[];
  groupHeader: string;
  countHeader: string;
  mt?: string;
}) {
  const { formatCount } = useI18n();
  return (
    <Table striped mt={mt}>
      <Table.Thead>
        <Table.Tr>
          <Table.Th scope="col">{groupHeader}</Table.Th>
          <Table.Th scope="col" ta="right">
            {countHeader}
          </Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {rows.map((row) => (
          <Table.Tr key={row.key}>
            <Table.Td>{row.label}</Table.Td>
            <Table.Td ta="right">{formatCount(row.count)}</Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}
