import { CriteriaSetsDocument, DiffCriteriaVersionsDocument } from "@lantoa/client";
import { Anchor, Badge, Group, NativeSelect, Paper, Stack, Table, Text, Title } from "@mantine/core";
import { useQuery } from "@tanstack/react-query";
import { useState } from "react";
import { Link, useSearch } from "wouter";
import { graphqlQuery } from "../data/graphql";
import { useI18n } from "../i18n/i18n";
import type { MessageKey } from "../i18n/messages-vi";
import { QueryStatus } from "../query-status";

/** Two versions of a set side by side as a list of readable changes (the domain's diff). */
export default function CriteriaComparePage() {
  const { t, locale } = useI18n();
  const params = new URLSearchParams(useSearch());
  const sets = useQuery(graphqlQuery(CriteriaSetsDocument, {}));
  const all = sets.data?.criteriaSets ?? [];
  const set = all.find((s) => s.code === params.get("set")) ?? all[0];
  const versions = set?.versions ?? [];
  const [to, setTo] = useState<string | null>(params.get("to"));
  const [from, setFrom] = useState<string | null>(null);
  const toId = to && versions.some((v) => v.id === to) ? to : (versions[0]?.id ?? null);
  const toIndex = versions.findIndex((v) => v.id === toId);
  const fromId = from && versions.some((v) => v.id === from) ? from : (versions[toIndex + 1]?.id ?? null);
  const diff = useQuery({
    ...graphqlQuery(DiffCriteriaVersionsDocument, { from: fromId ?? "", to: toId ?? "" }),
    enabled: !!fromId && !!toId,
  });
  const changes =
    diff.data?.diffCriteriaVersions?.__typename === "QueryDiffCriteriaVersionsSuccess"
      ? diff.data.diffCriteriaVersions.data
      : null;
  const options = versions.map((v) => ({
    value: v.id,
    label: `${t("criteria.versionN", { n: v.versionNumber })} (${t(
      v.status === "draft" ? "criteria.status.draft" : "criteria.status.published",
    )})`,
  }));

  return (
    <Stack gap="md" component="section" aria-labelledby="compare-heading">
      <Text size="sm">
        <Anchor component={Link} href="/criteria">
          {t("criteria.backToList")}
        </Anchor>
      </Text>
      <Title order={2} id="compare-heading">
        {t("criteria.compare.title", { name: set?.name ?? "" })}
      </Title>
      <QueryStatus query={sets} />
      <QueryStatus query={diff} />
      {set && (
        <Group gap="sm" align="flex-end">
          <NativeSelect
            label={t("criteria.compare.from")}
            value={fromId ?? ""}
            data={options}
            onChange={(e) => setFrom(e.currentTarget.value)}
          />
          <NativeSelect
            label={t("criteria.compare.to")}
            value={toId ?? ""}
            data={options}
            onChange={(e) => setTo(e.currentTarget.value)}
          />
        </Group>
      )}
      {set && versions.length < 2 && <Text c="dimmed">{t("criteria.compare.needTwo")}</Text>}
      {changes && changes.length === 0 && <Text data-testid="diff-empty">{t("criteria.compare.same")}</Text>}
      {changes && changes.length > 0 && (
        <Paper withBorder p="sm">
          <div className="table-wrap">
            <Table withTableBorder data-testid="diff-table">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th scope="col">{t("criteria.compare.change")}</Table.Th>
                  <Table.Th scope="col">{t("criteria.compare.what")}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {changes.map((c) => (
                  <Table.Tr key={`${c.entity}-${c.itemId}-${c.field ?? ""}-${c.change}`} data-testid="diff-row">
                    <Table.Td>
                      <Badge
                        variant="light"
                        color={c.change === "added" ? "green" : c.change === "removed" ? "red" : "blue"}
                      >
                        {t(`criteria.change.${c.change}` as MessageKey)}
                      </Badge>
                    </Table.Td>
                    <Table.Td>{locale === "vi" ? c.messageVi : c.message}</Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </div>
        </Paper>
      )}
    </Stack>
  );
}
