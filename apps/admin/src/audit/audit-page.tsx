import { type AuditFilter, AuditLogDocument, AuditLogExportDocument, UnitTreeDocument } from "@lantoa/client";
import {
  Anchor,
  Button,
  Code,
  Group,
  NativeSelect,
  Select,
  SimpleGrid,
  Stack,
  Table,
  Text,
  TextInput,
  Title,
} from "@mantine/core";
import { useForm } from "@mantine/form";
import { keepPreviousData, useInfiniteQuery, useQuery, useQueryClient } from "@tanstack/react-query";
import { useMemo } from "react";
import { Link } from "wouter";
import { graphqlQuery } from "../data/graphql";
import { DownloadButtons } from "../export-buttons";
import { foldedOptionsFilter } from "../fold-vietnamese";
import { DateField } from "../forms/date-field";
import { useI18n } from "../i18n/i18n";
import { ListTable } from "../layout/list-table";
import { EmptyNote, QueryStatus } from "../query-status";
import { useSession } from "../session";
import { holdsRoleOver } from "../unit-labels";
import { renderUnitOption, type UnitOption, unitOptionsOf } from "../unit-options";
import { useDebouncedValue } from "../use-debounced-value";
import { auditActionFamilies, auditActions, auditActionWords } from "./audit-actions";

const entities = [
  "unit",
  "model",
  "commendation",
  "golden_book_entry",
  "inspection",
  "corrective_action",
  "round",
  "scorecard",
  "criteria_set",
  "criteria_set_version",
  "spreadsheet",
  "unit_kind",
  "field",
] as const;
const pageSize = 50;

/** Where a record of the log can be opened, when it has a page of its own. */
function recordHref(entity: string, id: string): string | null {
  if (entity === "model") return `/models/${encodeURIComponent(btoa(`Model:${id}`))}`;
  if (entity === "round") return `/rounds/${encodeURIComponent(btoa(`Round:${id}`))}`;
  return null;
}

/** The fields that differ between before and after, each as before → after. */
function changesOf(before: string | null | undefined, after: string | null | undefined) {
  const parse = (text: string | null | undefined): Record<string, unknown> => {
    if (!text) return {};
    try {
      const value: unknown = JSON.parse(text);
      return value && typeof value === "object" && !Array.isArray(value)
        ? (value as Record<string, unknown>)
        : { value };
    } catch {
      return { value: text };
    }
  };
  const [b, a] = [parse(before), parse(after)];
  const show = (v: unknown) => (v === undefined ? "—" : typeof v === "string" ? v : JSON.stringify(v));
  return [...new Set([...Object.keys(b), ...Object.keys(a)])]
    .filter((key) => JSON.stringify(b[key]) !== JSON.stringify(a[key]))
    .map((key) => ({ key, before: show(b[key]), after: show(a[key]) }));
}

/**
 * The audit log for system admins (everything) and unit admins (the records of their units):
 * who did what and when, to which record, with what changed; filtered by unit, person,
 * action, kind of record and days, and downloadable as a spreadsheet with the same filters.
 */
export default function AuditPage() {
  const { t, label, locale, formatCount, formatDate } = useI18n();
  const { session } = useSession();
  const client = useQueryClient();
  const roles = session?.viewer.roles ?? [];
  const units = useQuery(graphqlQuery(UnitTreeDocument, { first: 500, filter: null }));
  const unitOptions = useMemo(() => {
    const nodes = (units.data?.units?.edges ?? []).map((e) => e.node);
    const parentOf = new Map(nodes.map((n) => [n.id, n.parent?.id ?? null]));
    return nodes
      .filter((n) => holdsRoleOver(n.id, roles, parentOf, ["unit-admin"]))
      .map((n) => unitOptionsOf([n])[0] as UnitOption);
  }, [units.data, roles]);
  // The filters, as one form: each change reads the log again (the person typed, after a pause).
  const filters = useForm({
    mode: "controlled",
    initialValues: {
      unitId: null as string | null,
      actor: "",
      action: null as string | null,
      entity: "",
      fromDate: "",
      toDate: "",
    },
  });
  const { unitId, action, entity, fromDate, toDate } = filters.values;
  const typedActor = useDebouncedValue(filters.values.actor.trim(), 300);
  const filter: AuditFilter = {
    withinUnitId: unitId,
    actor: typedActor || null,
    action,
    entity: entity || null,
    fromDate: /^\d{4}-\d{2}-\d{2}$/.test(fromDate) ? fromDate : null,
    toDate: /^\d{4}-\d{2}-\d{2}$/.test(toDate) ? toDate : null,
  };
  // Pages of the log, each read through the data layer; "show more" follows the cursor.
  const log = useInfiniteQuery({
    queryKey: ["AuditLog", "pages", filter],
    initialPageParam: null as string | null,
    queryFn: ({ pageParam }) =>
      client.fetchQuery(graphqlQuery(AuditLogDocument, { filter, first: pageSize, after: pageParam })),
    getNextPageParam: (page) =>
      page.auditLog?.pageInfo.hasNextPage ? (page.auditLog.pageInfo.endCursor ?? null) : null,
    placeholderData: keepPreviousData,
  });
  const rows = log.data?.pages.flatMap((page) => page.auditLog?.edges.map((e) => e.node) ?? []) ?? null;
  const total = log.data?.pages[0]?.auditLog?.totalCount ?? null;
  const entityLabel = (code: string | null | undefined) => label("audit.entity", code);
  const actionOptions = useMemo(
    () =>
      [
        ...Object.entries(auditActionFamilies).map(([prefix, family]) => ({
          value: prefix.slice(0, -1),
          label: t("audit.everyStep", { family: family[locale] }),
        })),
        ...Object.entries(auditActions).map(([code, words]) => ({ value: code, label: words[locale] })),
      ].sort((a, b) => a.label.localeCompare(b.label, locale)),
    [t, locale],
  );

  return (
    <Stack component="section" aria-labelledby="audit-heading" gap="sm">
      <Group justify="space-between" align="flex-end">
        <div>
          <Title order={2} id="audit-heading">
            {t("audit.title")}
          </Title>
          <Text c="dimmed">{t("audit.intro")}</Text>
        </div>
        <DownloadButtons document={AuditLogExportDocument} variables={{ filter }} testId="export-AUDIT" />
      </Group>
      <SimpleGrid cols={{ base: 1, xs: 2, md: 3 }} spacing="sm">
        <Select
          label={t("audit.unit")}
          searchable
          clearable
          clearButtonProps={{ "aria-label": t("form.clearChoice") }}
          filter={foldedOptionsFilter}
          placeholder={t("audit.allUnits")}
          data={unitOptions}
          renderOption={renderUnitOption}
          {...filters.getInputProps("unitId")}
        />
        <TextInput label={t("audit.actor")} {...filters.getInputProps("actor")} />
        <Select
          label={t("audit.action")}
          searchable
          clearable
          clearButtonProps={{ "aria-label": t("form.clearChoice") }}
          filter={foldedOptionsFilter}
          placeholder={t("audit.anyAction")}
          data={actionOptions}
          {...filters.getInputProps("action")}
        />
        <NativeSelect
          label={t("audit.entity")}
          {...filters.getInputProps("entity")}
          data={[
            { value: "", label: t("audit.anyEntity") },
            ...entities.map((code) => ({ value: code, label: entityLabel(code) })),
          ]}
        />
        <DateField label={t("audit.from")} {...filters.getInputProps("fromDate")} />
        <DateField label={t("audit.to")} {...filters.getInputProps("toDate")} />
      </SimpleGrid>
      <QueryStatus query={log} lines={8} />
      {total !== null && (
        <Text size="sm" data-testid="audit-total">
          {t("audit.count", { count: formatCount(total) })}
        </Text>
      )}
      {rows && rows.length === 0 && <EmptyNote text={t("audit.empty")} />}
      {rows && rows.length > 0 && (
        <ListTable minWidth={820} data-testid="audit-table">
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col">{t("audit.what")}</Table.Th>
              <Table.Th scope="col">{t("audit.at")}</Table.Th>
              <Table.Th scope="col">{t("audit.who")}</Table.Th>
              <Table.Th scope="col">{t("audit.record")}</Table.Th>
              <Table.Th scope="col">{t("audit.changes")}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {rows.map((row) => {
              const changes = changesOf(row.before, row.after);
              const href = recordHref(row.entity ?? "", row.entityId ?? "");
              return (
                <Table.Tr key={row.id} data-testid="audit-row">
                  <Table.Td data-title>
                    <Text fw={600} size="sm" inherit>
                      {auditActionWords(row.action ?? "", locale, label) ?? t("audit.unknownAction")}
                    </Text>
                    <Code fz="xs">{row.action}</Code>
                  </Table.Td>
                  <Table.Td data-label={t("audit.at")} style={{ whiteSpace: "nowrap" }}>
                    {row.at ? formatDate(row.at, true) : "—"}
                  </Table.Td>
                  <Table.Td data-label={t("audit.who")}>
                    {row.actorName ? (
                      <span>
                        {row.actorName}{" "}
                        <Text span size="xs" c="dimmed">
                          ({row.actorUsername})
                        </Text>
                      </span>
                    ) : (
                      t("audit.system")
                    )}
                  </Table.Td>
                  <Table.Td data-label={t("audit.record")}>
                    <div>
                      {href ? (
                        <Anchor component={Link} href={href}>
                          {entityLabel(row.entity)}
                        </Anchor>
                      ) : (
                        entityLabel(row.entity)
                      )}
                      {row.unit?.name && (
                        <Text size="xs" c="dimmed">
                          {row.unit.name}
                        </Text>
                      )}
                    </div>
                  </Table.Td>
                  <Table.Td data-label={t("audit.changes")}>
                    {changes.length > 0 && (
                      <details>
                        <summary>
                          <Text span size="sm" c="blue.9">
                            {t("audit.showChanges")} ({formatCount(changes.length)})
                          </Text>
                        </summary>
                        <Table withRowBorders={false} fz="xs">
                          <Table.Thead>
                            <Table.Tr>
                              <Table.Th scope="col">{t("audit.changes")}</Table.Th>
                              <Table.Th scope="col">{t("audit.before")}</Table.Th>
                              <Table.Th scope="col">{t("audit.after")}</Table.Th>
                            </Table.Tr>
                          </Table.Thead>
                          <Table.Tbody>
                            {changes.map((c) => (
                              <Table.Tr key={c.key}>
                                <Table.Td>{c.key}</Table.Td>
                                <Table.Td className="long-code">{c.before}</Table.Td>
                                <Table.Td className="long-code">{c.after}</Table.Td>
                              </Table.Tr>
                            ))}
                          </Table.Tbody>
                        </Table>
                      </details>
                    )}
                  </Table.Td>
                </Table.Tr>
              );
            })}
          </Table.Tbody>
        </ListTable>
      )}
      {log.hasNextPage && (
        <Button
          variant="default"
          loading={log.isFetchingNextPage}
          onClick={() => void log.fetchNextPage()}
          style={{ alignSelf: "flex-start" }}
        >
          {t("audit.more")}
        </Button>
      )}
    </Stack>
  );
}
