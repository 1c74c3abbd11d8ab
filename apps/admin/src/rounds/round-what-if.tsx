import { CriteriaSetsDocument, RoundWhatIfDocument } from "@lantoa/client";
import { Badge, Button, Group, NativeSelect, Paper, Table, Text, Title } from "@mantine/core";
import { useQuery } from "@tanstack/react-query";
import { useState } from "react";
import { DomainRefusal, graphqlQuery } from "../data/graphql";
import { ProblemAlert } from "../errors/problem-alert";
import { useI18n } from "../i18n/i18n";
import { ListTable } from "../layout/list-table";

/** The finalized round rescored under another published version, side by side; nothing is saved. */
export default function RoundWhatIf({
  roundId,
  setCode,
  version,
  codeOf,
}: {
  roundId: string;
  setCode: string;
  version: number;
  /** A model's code from its id. */
  codeOf(modelId: string): string;
}) {
  const { t, label, formatPoints } = useI18n();
  const sets = useQuery(graphqlQuery(CriteriaSetsDocument, {}));
  const options = (sets.data?.criteriaSets ?? []).flatMap((s) =>
    (s.versions ?? [])
      .filter((v) => v.status === "published" && !(s.code === setCode && v.versionNumber === version))
      .map((v) => ({
        value: `${s.code}@${v.versionNumber}`,
        label: `${s.name} — ${t("criteria.versionN", { n: v.versionNumber })}`,
      })),
  );
  const [choice, setChoice] = useState("");
  const [asked, setAsked] = useState<string | null>(null);
  const chosen = choice || options[0]?.value || "";
  const at = (asked ?? "").lastIndexOf("@");
  // Nothing is saved: the comparison is a query, run when asked and kept while the page lives.
  const whatIf = useQuery({
    ...graphqlQuery(RoundWhatIfDocument, {
      roundId,
      criteriaSetCode: (asked ?? "").slice(0, at),
      criteriaVersion: Number((asked ?? "").slice(at + 1)),
    }),
    enabled: asked !== null && at > 0,
  });
  const answer = whatIf.data?.roundWhatIf;
  const rows = answer?.__typename === "QueryRoundWhatIfSuccess" ? answer.data : null;
  const refusal = answer?.__typename === "DomainError" ? new DomainRefusal(answer) : null;
  const num = (n: number | null | undefined) => (n == null ? "—" : formatPoints(n));

  return (
    <Paper withBorder p="sm" data-testid="round-what-if">
      <Title order={3} size="h4">
        {t("whatIf.title")}
      </Title>
      <Text size="sm" c="dimmed">
        {t("whatIf.intro")}
      </Text>
      {options.length === 0 ? (
        <Text size="sm" mt="xs">
          {t("whatIf.noOther")}
        </Text>
      ) : (
        <Group align="flex-end" my="xs">
          <NativeSelect
            label={t("whatIf.version")}
            value={chosen}
            onChange={(e) => setChoice(e.currentTarget.value)}
            data={options}
          />
          <Button onClick={() => setAsked(chosen)} loading={whatIf.isFetching}>
            {t("whatIf.compare")}
          </Button>
        </Group>
      )}
      <ProblemAlert error={refusal ?? whatIf.error} />
      {rows && (
        <ListTable data-testid="what-if-table" highlightOnHover={false}>
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col">{t("rounds.model")}</Table.Th>
              <Table.Th scope="col" ta="right">
                {t("whatIf.rankBefore")}
              </Table.Th>
              <Table.Th scope="col" ta="right">
                {t("whatIf.rankAfter")}
              </Table.Th>
              <Table.Th scope="col" ta="right">
                {t("whatIf.totalBefore")}
              </Table.Th>
              <Table.Th scope="col" ta="right">
                {t("whatIf.totalAfter")}
              </Table.Th>
              <Table.Th scope="col">{t("whatIf.tierBefore")}</Table.Th>
              <Table.Th scope="col">{t("whatIf.tierAfter")}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {rows.map((r) => (
              <Table.Tr key={r.modelId}>
                <Table.Td>
                  <Text fw={600} inherit>
                    {codeOf(r.modelId ?? "")}
                  </Text>
                </Table.Td>
                <Table.Td ta="right" data-label={t("whatIf.rankBefore")}>
                  {r.rankBefore ?? "—"}
                </Table.Td>
                <Table.Td ta="right" data-label={t("whatIf.rankAfter")}>
                  {r.rankAfter ?? "—"}
                </Table.Td>
                <Table.Td ta="right" data-label={t("whatIf.totalBefore")}>
                  {num(r.totalBefore)}
                </Table.Td>
                <Table.Td ta="right" data-label={t("whatIf.totalAfter")}>
                  {num(r.totalAfter)}
                </Table.Td>
                <Table.Td data-label={t("whatIf.tierBefore")}>{label("tier", r.tierBefore)}</Table.Td>
                <Table.Td data-label={t("whatIf.tierAfter")}>
                  {r.tierChanged ? (
                    <Badge color="orange" variant="light">
                      {label("tier", r.tierAfter)}
                    </Badge>
                  ) : (
                    label("tier", r.tierAfter)
                  )}
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </ListTable>
      )}
    </Paper>
  );
}
