import type { LeaderboardQuery } from "@lantoa/client";
import { Badge, Table, Text } from "@mantine/core";
import { useI18n } from "./i18n/i18n";

type Row = NonNullable<LeaderboardQuery["leaderboard"]>[number];

const tierColor: Record<string, string> = { excellent: "red", good: "orange", pass: "blue", fail: "gray" };

/** A round's results in rank order, each with its score explanation behind a disclosure. */
export function LeaderboardTable({ rows, explain = true }: { rows: readonly Row[]; explain?: boolean }) {
  const { t, label, formatNumber, locale } = useI18n();
  return (
    <Table.ScrollContainer minWidth={640}>
      <Table striped highlightOnHover>
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col" ta="right">
              {t("leaderboard.rank")}
            </Table.Th>
            <Table.Th scope="col">{t("leaderboard.model")}</Table.Th>
            <Table.Th scope="col">{t("leaderboard.unit")}</Table.Th>
            <Table.Th scope="col" ta="right">
              {t("leaderboard.total")}
            </Table.Th>
            <Table.Th scope="col">{t("leaderboard.tier")}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {rows.map((row) => (
            <Table.Tr key={row.modelCode ?? row.modelName} data-testid="leaderboard-row">
              <Table.Td ta="right">{row.rank ?? "—"}</Table.Td>
              <Table.Td>
                {row.modelName}
                {explain && (
                  <details>
                    <summary>
                      <Text span size="sm" c="blue.8">
                        {t("leaderboard.explain")}
                      </Text>
                    </summary>
                    <pre className="explanation">{locale === "vi" ? row.explanationVi : row.explanationEn}</pre>
                  </details>
                )}
              </Table.Td>
              <Table.Td>{row.unitName}</Table.Td>
              <Table.Td ta="right">
                {row.total == null ? "—" : formatNumber(row.total, { maximumFractionDigits: 3 })}
                {row.max != null && (
                  <Text span c="dimmed" size="sm">
                    /{formatNumber(row.max)}
                  </Text>
                )}
              </Table.Td>
              <Table.Td>
                {row.eliminated ? (
                  <Badge color="dark" variant="light">
                    {t("leaderboard.eliminated")}
                  </Badge>
                ) : (
                  <Badge color={tierColor[row.tier ?? ""] ?? "gray"} variant="light">
                    {label("tier", row.tier)}
                  </Badge>
                )}
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
