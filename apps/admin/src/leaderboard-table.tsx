import type { LeaderboardQuery } from "@lantoa/client";
import { Badge, Table, Text } from "@mantine/core";
import type { ReactNode } from "react";
import { useI18n } from "./i18n/i18n";
import { ListTable } from "./layout/list-table";
import { tierColor } from "./status-colors";

type Row = NonNullable<LeaderboardQuery["leaderboard"]>[number];

/** The columns of a results table (rank, model, unit, points, tier), then any the caller adds. */
export function LeaderboardHead({ children }: { children?: ReactNode }) {
  const { t } = useI18n();
  return (
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
        {children}
      </Table.Tr>
    </Table.Thead>
  );
}

/** A round's results in rank order, each with its score explanation behind a disclosure. */
export function LeaderboardTable({ rows, explain = true }: { rows: readonly Row[]; explain?: boolean }) {
  const { t, label, formatPoints, locale } = useI18n();
  return (
    <ListTable minWidth={640}>
      <LeaderboardHead />
      <Table.Tbody>
        {rows.map((row) => (
          <Table.Tr key={row.modelCode ?? row.modelName} data-testid="leaderboard-row">
            <Table.Td ta="right" data-label={t("leaderboard.rank")}>
              {row.rank ?? "—"}
            </Table.Td>
            <Table.Td data-title>
              <div>
                <Text fw={600} inherit>
                  {row.modelName}
                </Text>
                {explain && (
                  <details>
                    <summary>
                      <Text span size="sm" c="blue.9">
                        {t("leaderboard.explain")}
                      </Text>
                    </summary>
                    <pre className="explanation">{locale === "vi" ? row.explanationVi : row.explanationEn}</pre>
                  </details>
                )}
              </div>
            </Table.Td>
            <Table.Td data-label={t("leaderboard.unit")}>{row.unitName}</Table.Td>
            <Table.Td ta="right" data-label={t("leaderboard.total")} data-testid="leaderboard-total">
              <span>
                {row.total == null ? "—" : formatPoints(row.total)}
                {row.max != null && (
                  <Text span c="dimmed" size="sm">
                    /{formatPoints(row.max)}
                  </Text>
                )}
              </span>
            </Table.Td>
            <Table.Td data-label={t("leaderboard.tier")}>
              {row.eliminated ? (
                <Badge color="dark" variant="light" maw="none">
                  {t("leaderboard.eliminated")}
                </Badge>
              ) : (
                <Badge color={tierColor[row.tier ?? ""] ?? "gray"} variant="light" maw="none">
                  {label("tier", row.tier)}
                </Badge>
              )}
            </Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </ListTable>
  );
}
