import { CriteriaSetsDocument, RoundWhatIfDocument, type RoundWhatIfQuery, request } from "@lantoa/client";
import { Alert, Badge, Button, Group, NativeSelect, Paper, Table, Text, Title } from "@mantine/core";
import { useState } from "react";
import { useI18n } from "../i18n/i18n";
import { failureOf, type Refusal, refusalOf } from "../mutation-errors";
import { useSession } from "../session";
import { graphqlEndpoint, useQuery } from "../use-query";

type Row = Extract<
  NonNullable<RoundWhatIfQuery["roundWhatIf"]>,
  { __typename: "QueryRoundWhatIfSuccess" }
>["data"][number];

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
  const i18n = useI18n();
  const { t, label, formatNumber } = i18n;
  const { session } = useSession();
  const sets = useQuery(CriteriaSetsDocument, {});
  const options = (sets.data?.criteriaSets ?? []).flatMap((s) =>
    (s.versions ?? [])
      .filter((v) => v.status === "published" && !(s.code === setCode && v.versionNumber === version))
      .map((v) => ({
        value: `${s.code}@${v.versionNumber}`,
        label: `${s.name} — ${t("criteria.versionN", { n: v.versionNumber })}`,
      })),
  );
  const [choice, setChoice] = useState("");
  const [rows, setRows] = useState<Row[] | null>(null);
  const [problem, setProblem] = useState<Refusal | null>(null);
  const [busy, setBusy] = useState(false);
  const chosen = choice || options[0]?.value || "";

  const compare = async () => {
    const at = chosen.lastIndexOf("@");
    if (at < 0) return;
    setBusy(true);
    setProblem(null);
    try {
      const { roundWhatIf: r } = await request(
        graphqlEndpoint,
        RoundWhatIfDocument,
        { roundId, criteriaSetCode: chosen.slice(0, at), criteriaVersion: Number(chosen.slice(at + 1)) },
        { token: session?.token ?? null },
      );
      if (r?.__typename === "QueryRoundWhatIfSuccess") {
        setRows(r.data);
      } else if (r && "code" in r) setProblem(refusalOf(r, i18n));
    } catch (error) {
      setProblem(failureOf(error, i18n));
    } finally {
      setBusy(false);
    }
  };
  const num = (n: number | null | undefined) => (n == null ? "—" : formatNumber(n, { maximumFractionDigits: 2 }));

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
          <Button onClick={compare} loading={busy}>
            {t("whatIf.compare")}
          </Button>
        </Group>
      )}
      {problem && (
        <Alert color="red" role="alert">
          {problem.text}
        </Alert>
      )}
      {rows && (
        <Table data-testid="what-if-table">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t("rounds.model")}</Table.Th>
              <Table.Th ta="right">{t("whatIf.rankBefore")}</Table.Th>
              <Table.Th ta="right">{t("whatIf.rankAfter")}</Table.Th>
              <Table.Th ta="right">{t("whatIf.totalBefore")}</Table.Th>
              <Table.Th ta="right">{t("whatIf.totalAfter")}</Table.Th>
              <Table.Th>{t("whatIf.tierBefore")}</Table.Th>
              <Table.Th>{t("whatIf.tierAfter")}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {rows.map((r) => (
              <Table.Tr key={r.modelId}>
                <Table.Td>{codeOf(r.modelId ?? "")}</Table.Td>
                <Table.Td ta="right">{r.rankBefore ?? "—"}</Table.Td>
                <Table.Td ta="right">{r.rankAfter ?? "—"}</Table.Td>
                <Table.Td ta="right">{num(r.totalBefore)}</Table.Td>
                <Table.Td ta="right">{num(r.totalAfter)}</Table.Td>
                <Table.Td>{label("tier", r.tierBefore)}</Table.Td>
                <Table.Td>
                  {r.tierChanged ? (
                    <Badge color="orange">{label("tier", r.tierAfter)}</Badge>
                  ) : (
                    label("tier", r.tierAfter)
                  )}
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
    </Paper>
  );
}
