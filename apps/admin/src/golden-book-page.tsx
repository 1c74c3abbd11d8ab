import { GoldenBookDocument, UnitTreeDocument } from "@lantoa/client";
import { Badge, Button, Group, Modal, Select, Stack, Table, Text, TextInput, Title } from "@mantine/core";
import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { useState } from "react";
import { graphqlQuery } from "./data/graphql";
import { foldedOptionsFilter } from "./fold-vietnamese";
import { useI18n } from "./i18n/i18n";
import { ListTable } from "./layout/list-table";
import { EmptyNote, QueryStatus } from "./query-status";
import { DecideButtons, NominateForm } from "./registers/golden-book-forms";
import { registrarRoles, useHoldsRole } from "./registers/register-support";
import { useConfiguration } from "./registers/use-configuration";
import { useSession } from "./session";
import { goldenBookStatusColor } from "./status-colors";
import { renderUnitOption, unitOptionsOf } from "./unit-options";
import { useDebouncedValue } from "./use-debounced-value";

const nominatorRoles = ["system-admin", "unit-admin", "unit-officer"];

/**
 * The golden book of good people and good deeds for a unit's subtree, newest first, searchable
 * without diacritics. Officers and admins nominate entries; an admin other than the nominator
 * verifies or rejects them (the gateway refuses the nominator, and the page shows why).
 */
export default function GoldenBookPage() {
  const { t, label, formatDate } = useI18n();
  const configuration = useConfiguration();
  const { session } = useSession();
  const units = useQuery(graphqlQuery(UnitTreeDocument, { first: 500, filter: null }));
  const nodes = (units.data?.units?.edges ?? []).map((e) => e.node);
  // The viewer's own unit first; a system admin (no unit) starts at the root.
  const ownUnit = session?.viewer.roles?.find((r) => r.unitId)?.unitId ?? nodes[0]?.id ?? null;
  const [chosen, setChosen] = useState<string | null>(null);
  const unitId = chosen ?? ownUnit;
  const [search, setSearch] = useState("");
  const term = useDebouncedValue(search.trim(), 300);
  const entries = useQuery({
    ...graphqlQuery(GoldenBookDocument, { withinUnitId: unitId ?? "", search: term || null, limit: 100 }),
    enabled: !!unitId,
    placeholderData: keepPreviousData,
  });
  const rows = entries.data?.goldenBook ?? null;
  const mayNominate = useHoldsRole(nominatorRoles);
  const mayDecide = useHoldsRole(registrarRoles);
  const [nominating, setNominating] = useState(false);
  const unitOptions = unitOptionsOf(nodes);

  return (
    <Stack component="section" aria-labelledby="golden-book-heading" gap="sm">
      <Group justify="space-between" align="flex-end">
        <Title order={2} id="golden-book-heading">
          {t("goldenBook.title")}
        </Title>
        {mayNominate && <Button onClick={() => setNominating(true)}>{t("goldenBook.nominate")}</Button>}
      </Group>
      <Modal opened={nominating} onClose={() => setNominating(false)} title={t("goldenBook.nominate")} size="lg">
        {nominating && (
          <NominateForm unitOptions={unitOptions} defaultUnit={unitId} onDone={() => setNominating(false)} />
        )}
      </Modal>
      <Text c="dimmed">{t("goldenBook.intro")}</Text>
      <Group align="flex-end" gap="sm">
        <Select
          label={t("goldenBook.unit")}
          searchable
          filter={foldedOptionsFilter}
          value={unitId}
          onChange={setChosen}
          allowDeselect={false}
          data={unitOptions}
          renderOption={renderUnitOption}
          w={{ base: "100%", sm: 320 }}
        />
        <TextInput
          type="search"
          label={t("goldenBook.search")}
          placeholder={t("goldenBook.searchPlaceholder")}
          value={search}
          onChange={(e) => setSearch(e.currentTarget.value)}
          w={{ base: "100%", sm: 320 }}
        />
      </Group>
      <QueryStatus query={units} />
      {units.isSuccess && !unitId && <EmptyNote text={t("goldenBook.noUnit")} />}
      {unitId && <QueryStatus query={entries} lines={8} />}
      {rows && rows.length === 0 && <EmptyNote text={t("goldenBook.empty")} />}
      {rows && rows.length > 0 && (
        <ListTable minWidth={720} data-testid="golden-book">
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col">{t("goldenBook.subject")}</Table.Th>
              <Table.Th scope="col">{t("goldenBook.deed")}</Table.Th>
              <Table.Th scope="col">{t("goldenBook.unit")}</Table.Th>
              <Table.Th scope="col">{t("goldenBook.date")}</Table.Th>
              <Table.Th scope="col">{t("goldenBook.status")}</Table.Th>
              {mayDecide && <Table.Th scope="col">{t("registers.actions")}</Table.Th>}
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {rows.map((row, index) => (
              <Table.Tr key={row.id ?? `${row.subjectName}-${row.deedDate}-${index}`} data-testid="golden-book-row">
                <Table.Td>
                  <div>
                    <Text fw={600} inherit>
                      {row.subjectName}
                    </Text>
                    <Text size="xs" c="dimmed">
                      {label("subjectKind", row.subjectKind)}
                      {row.field ? ` · ${configuration.fieldLabel(row.field)}` : ""}
                    </Text>
                  </div>
                </Table.Td>
                <Table.Td data-label={t("goldenBook.deed")}>{row.deed}</Table.Td>
                <Table.Td data-label={t("goldenBook.unit")}>{row.unit?.name}</Table.Td>
                <Table.Td data-label={t("goldenBook.date")}>{row.deedDate ? formatDate(row.deedDate) : "—"}</Table.Td>
                <Table.Td data-label={t("goldenBook.status")}>
                  <div>
                    <Badge
                      variant="light"
                      color={goldenBookStatusColor[row.status ?? ""] ?? "gray"}
                      data-testid="golden-book-status"
                    >
                      {label("goldenBookStatus", row.status)}
                    </Badge>
                    {row.nominatedBy && (
                      <Text size="xs" c="dimmed">
                        {t("goldenBook.nominatedBy", { name: row.nominatedBy })}
                      </Text>
                    )}
                    {row.verifiedBy && (
                      <Text size="xs" c="dimmed">
                        {t("goldenBook.decidedBy", { name: row.verifiedBy })}
                      </Text>
                    )}
                    {row.decisionReason && (
                      <Text size="xs" c="dimmed">
                        {row.decisionReason}
                      </Text>
                    )}
                  </div>
                </Table.Td>
                {mayDecide && <Table.Td>{row.status === "nominated" && <DecideButtons entry={row} />}</Table.Td>}
              </Table.Tr>
            ))}
          </Table.Tbody>
        </ListTable>
      )}
    </Stack>
  );
}
