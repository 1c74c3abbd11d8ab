import { GoldenBookDocument, UnitTreeDocument } from "@lantoa/client";
import { Badge, Button, Group, Modal, Select, Stack, Table, Text, TextInput, Title } from "@mantine/core";
import { useState } from "react";
import { foldedOptionsFilter } from "./fold-vietnamese";
import { useI18n } from "./i18n/i18n";
import { EmptyNote, QueryStatus } from "./query-status";
import { DecideButtons, NominateForm } from "./registers/golden-book-forms";
import { registrarRoles, useHoldsRole } from "./registers/register-support";
import { useSession } from "./session";
import { useDebouncedValue } from "./use-debounced-value";
import { useQuery } from "./use-query";

const statusColors: Record<string, string> = { nominated: "blue", verified: "green", rejected: "gray" };
const nominatorRoles = ["system-admin", "unit-admin", "unit-officer"];

/**
 * The golden book of good people and good deeds for a unit's subtree, newest first, searchable
 * without diacritics. Officers and admins nominate entries; an admin other than the nominator
 * verifies or rejects them (the gateway refuses the nominator, and the page shows why).
 */
export default function GoldenBookPage() {
  const { t, label, formatDate } = useI18n();
  const { session } = useSession();
  const units = useQuery(UnitTreeDocument, { first: 500, filter: null });
  const nodes = (units.data?.units?.edges ?? []).map((e) => e.node);
  // The viewer's own unit first; a system admin (no unit) starts at the root.
  const ownUnit = session?.viewer.roles?.find((r) => r.unitId)?.unitId ?? nodes[0]?.id ?? null;
  const [chosen, setChosen] = useState<string | null>(null);
  const unitId = chosen ?? ownUnit;
  const [search, setSearch] = useState("");
  const term = useDebouncedValue(search.trim(), 300);
  const entries = useQuery(
    GoldenBookDocument,
    { withinUnitId: unitId ?? "", search: term || null, limit: 100 },
    { skip: !unitId },
  );
  const rows = entries.data?.goldenBook ?? null;
  const mayNominate = useHoldsRole(nominatorRoles);
  const mayDecide = useHoldsRole(registrarRoles);
  const [nominating, setNominating] = useState(false);
  const unitOptions = nodes.map((n) => ({ value: n.id, label: `${"· ".repeat(n.depth ?? 0)}${n.name ?? n.code}` }));

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
          <NominateForm
            unitOptions={unitOptions}
            defaultUnit={unitId}
            onDone={(changed) => {
              setNominating(false);
              if (changed) entries.reload();
            }}
          />
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
          data={nodes.map((n) => ({ value: n.id, label: `${"· ".repeat(n.depth ?? 0)}${n.name ?? n.code}` }))}
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
      <QueryStatus state={units} reload={units.reload} />
      {units.status === "ready" && !unitId && <EmptyNote text={t("goldenBook.noUnit")} />}
      {unitId && <QueryStatus state={entries} reload={entries.reload} lines={8} />}
      {rows && rows.length === 0 && <EmptyNote text={t("goldenBook.empty")} />}
      {rows && rows.length > 0 && (
        <Table.ScrollContainer minWidth={720}>
          <Table striped highlightOnHover data-testid="golden-book">
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
                    {row.subjectName}
                    <Text size="xs" c="dimmed">
                      {label("subjectKind", row.subjectKind)}
                      {row.field ? ` · ${label("field", row.field)}` : ""}
                    </Text>
                  </Table.Td>
                  <Table.Td>{row.deed}</Table.Td>
                  <Table.Td>{row.unit?.name}</Table.Td>
                  <Table.Td>{row.deedDate ? formatDate(row.deedDate) : "—"}</Table.Td>
                  <Table.Td>
                    <Badge
                      variant="light"
                      color={statusColors[row.status ?? ""] ?? "gray"}
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
                  </Table.Td>
                  {mayDecide && (
                    <Table.Td>
                      {row.status === "nominated" && <DecideButtons entry={row} onDone={entries.reload} />}
                    </Table.Td>
                  )}
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
    </Stack>
  );
}
