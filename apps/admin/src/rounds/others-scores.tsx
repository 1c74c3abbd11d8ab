import type { ScorecardsQuery } from "@lantoa/client";
import { Paper, Table, Text, Title } from "@mantine/core";
import { useI18n } from "../i18n/i18n";
import { ListTable } from "../layout/list-table";
import type { RatedCriterion } from "./round-criteria";

type OtherCard = NonNullable<NonNullable<ScorecardsQuery["scorecards"]>["others"]>[number];

/**
 * The other scorecards of a model, criterion by criterion (the self-assessment and the other
 * reviewers'), or how many stay hidden until the reviewer submits their own.
 */
export function OthersScores({
  others,
  othersHidden,
  criteria,
}: {
  others: readonly OtherCard[];
  othersHidden: number;
  criteria: readonly RatedCriterion[];
}) {
  const { t, formatNumber } = useI18n();
  return (
    <Paper withBorder p="sm">
      <Title order={3} size="h5">
        {t("scorecard.others")}
      </Title>
      {othersHidden > 0 && (
        <Text size="sm" data-testid="others-hidden">
          {t("scorecard.othersHidden", { n: othersHidden })}
        </Text>
      )}
      {others.length > 0 && (
        <ListTable data-testid="others-table" highlightOnHover={false}>
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col">{t("scorecard.criterion")}</Table.Th>
              {others.map((o, n) => (
                // biome-ignore lint/suspicious/noArrayIndexKey: scorecards have no id; their order is stable.
                <Table.Th scope="col" key={n}>
                  {o.kind === "self" ? t("scorecard.selfColumn") : (o.reviewerName ?? "—")}
                </Table.Th>
              ))}
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {criteria.map((c) => (
              <Table.Tr key={c.id}>
                <Table.Td>
                  <Text fw={600} inherit>
                    {c.label}
                  </Text>
                </Table.Td>
                {others.map((o, n) => {
                  const r = o.ratings?.find((x) => x.criterionId === c.id);
                  const who = o.kind === "self" ? t("scorecard.selfColumn") : (o.reviewerName ?? "—");
                  return (
                    // biome-ignore lint/suspicious/noArrayIndexKey: as above.
                    <Table.Td key={n} data-label={who} title={r?.comment ?? ""}>
                      {typeof r?.value === "number" ? formatNumber(r.value) : "—"}
                    </Table.Td>
                  );
                })}
              </Table.Tr>
            ))}
          </Table.Tbody>
        </ListTable>
      )}
    </Paper>
  );
}
