import { type ModelOrder, type ModelStatus, ModelsDocument, UnitTreeDocument } from "@lantoa/client";
import {
  Anchor,
  Badge,
  Button,
  Collapse,
  Group,
  NativeSelect,
  Select,
  SimpleGrid,
  Stack,
  Switch,
  Table,
  Text,
  TextInput,
  Title,
} from "@mantine/core";
import { useForm } from "@mantine/form";
import { useDisclosure, useMediaQuery } from "@mantine/hooks";
import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { useEffect, useState } from "react";
import { Link, useLocation, useSearch } from "wouter";
import { graphqlQuery } from "./data/graphql";
import { ExportButtons } from "./export-buttons";
import { foldedOptionsFilter } from "./fold-vietnamese";
import { useI18n } from "./i18n/i18n";
import { ListTable, phoneQuery } from "./layout/list-table";
import { statusCodes } from "./model-labels";
import { EmptyNote, QueryStatus } from "./query-status";
import { useConfiguration } from "./registers/use-configuration";
import { useSession, viewerRoles } from "./session";
import { statusColor } from "./status-colors";
import { renderUnitOption, unitOptionsOf } from "./unit-options";
import { useDebouncedValue } from "./use-debounced-value";

const pageSize = 20;
const registerRoles = ["system-admin", "unit-admin", "unit-officer"];
/** The filters besides the search box, which a phone keeps folded behind one button. */
const filterParams = ["unit", "level", "field", "status", "theme", "from", "to", "pilots"];
/** The orders a list can take (the address keeps one in `sort`; by code when absent). */
const sortOrders = ["code", "name", "status", "newest"] as const;
type SortOrder = (typeof sortOrders)[number];

/** A year typed in a filter box, or null while it is not one. */
function yearOf(text: string): number | null {
  return /^\d{4}$/.test(text.trim()) ? Number(text.trim()) : null;
}

/**
 * Models in the viewer's scope, or the pilots of every unit (to replicate one): search by code
 * or name without diacritics (the best match first); filter by unit subtree, level, field,
 * status, annual theme and start years; page through.
 */
export default function ModelsPage() {
  const { t, label, formatCount, formatDate } = useI18n();
  const configuration = useConfiguration();
  const { session } = useSession();
  const [location, navigate] = useLocation();
  const params = new URLSearchParams(useSearch());
  const field = params.get("field") ?? "";
  const status = (params.get("status") ?? "") as ModelStatus | "";
  const level = params.get("level") ?? "";
  const unit = params.get("unit") ?? "";
  const sort: SortOrder = sortOrders.find((order) => order === params.get("sort")) ?? "code";
  // Pilots of every unit, open to all for replication, rather than the viewer's own scope.
  const pilots = params.get("pilots") === "1";
  // What is typed (search, theme, years) as one form; once the typing pauses it goes to the address.
  const typing = useForm({
    mode: "controlled",
    initialValues: {
      text: params.get("q") ?? "",
      theme: params.get("theme") ?? "",
      fromYear: params.get("from") ?? "",
      toYear: params.get("to") ?? "",
    },
  });
  const term = useDebouncedValue(typing.values.text.trim(), 300);
  const themeTerm = useDebouncedValue(typing.values.theme.trim(), 300);
  const from = yearOf(useDebouncedValue(typing.values.fromYear, 300));
  const to = yearOf(useDebouncedValue(typing.values.toYear, 300));
  const phone = useMediaQuery(phoneQuery);
  const activeFilters = filterParams.filter((name) => params.get(name)).length;
  const [filtersOpen, filters] = useDisclosure(false);
  // Relay paging goes forward by cursor: keep the cursors of the pages behind us to go back.
  const [cursors, setCursors] = useState<(string | null)[]>([null]);
  const after = cursors[cursors.length - 1] ?? null;
  const units = useQuery(graphqlQuery(UnitTreeDocument, { first: 500, filter: null }));

  // The filters live in the address, so Back from a model returns to the same list.
  function setParams(changes: Record<string, string>) {
    const next = new URLSearchParams(params);
    for (const [name, value] of Object.entries(changes)) {
      if (value) next.set(name, value);
      else next.delete(name);
    }
    const search = next.toString();
    navigate(search ? `${location}?${search}` : location, { replace: true });
  }

  // biome-ignore lint/correctness/useExhaustiveDependencies: setParams changes every render; the typed values are the trigger.
  useEffect(() => {
    const typed = { q: term, theme: themeTerm, from: from ? String(from) : "", to: to ? String(to) : "" };
    if (Object.entries(typed).some(([name, value]) => (params.get(name) ?? "") !== value)) setParams(typed);
  }, [term, themeTerm, from, to]);

  const filterKey = `${term}|${field}|${status}|${level}|${unit}|${themeTerm}|${from}|${to}|${pilots}|${sort}`;
  const [lastFilterKey, setLastFilterKey] = useState(filterKey);
  if (filterKey !== lastFilterKey) {
    setLastFilterKey(filterKey);
    setCursors([null]);
  }

  const query = useQuery({
    ...graphqlQuery(ModelsDocument, {
      first: pageSize,
      after,
      orderBy: sort.toUpperCase() as ModelOrder,
      filter: {
        text: term || null,
        field: field || null,
        status: status || null,
        level: level || null,
        withinUnitId: unit || null,
        annualTheme: themeTerm || null,
        fromYear: from,
        toYear: to,
        pilots: pilots || null,
      },
    }),
    placeholderData: keepPreviousData,
  });
  const models = query.data?.models;
  const any = { value: "", label: t("models.any") };
  const canRegister = viewerRoles(session).some((role) => registerRoles.includes(role));

  const moreFilters = (
    <Stack gap="sm">
      <SimpleGrid cols={{ base: 1, xs: 2, md: 4 }} spacing="sm">
        <Select
          label={t("models.unit")}
          searchable
          filter={foldedOptionsFilter}
          clearable
          clearButtonProps={{ "aria-label": t("form.clearChoice") }}
          value={unit || null}
          onChange={(value) => setParams({ unit: value ?? "" })}
          data={unitOptionsOf((units.data?.units?.edges ?? []).map((e) => e.node))}
          renderOption={renderUnitOption}
          placeholder={t("models.any")}
        />
        <NativeSelect
          label={t("models.level")}
          value={level}
          onChange={(e) => setParams({ level: e.currentTarget.value })}
          data={[any, ...configuration.levelOptions]}
        />
        <NativeSelect
          label={t("models.field")}
          value={field}
          onChange={(e) => setParams({ field: e.currentTarget.value })}
          data={[any, ...configuration.fieldOptions]}
        />
        <NativeSelect
          label={t("models.status")}
          value={status}
          onChange={(e) => setParams({ status: e.currentTarget.value })}
          data={[any, ...statusCodes.map((code) => ({ value: code, label: label("status", code) }))]}
        />
        <TextInput label={t("models.theme")} {...typing.getInputProps("theme")} />
        <TextInput
          label={t("models.fromYear")}
          inputMode="numeric"
          maxLength={4}
          {...typing.getInputProps("fromYear")}
        />
        <TextInput label={t("models.toYear")} inputMode="numeric" maxLength={4} {...typing.getInputProps("toYear")} />
        <NativeSelect
          label={t("models.sortBy")}
          description={term ? t("models.sortBySearch") : undefined}
          disabled={Boolean(term)}
          value={sort}
          onChange={(e) => setParams({ sort: e.currentTarget.value === "code" ? "" : e.currentTarget.value })}
          data={sortOrders.map((order) => ({ value: order, label: t(`models.sort.${order}`) }))}
        />
      </SimpleGrid>
      <Group>
        <Switch
          label={t("models.pilots")}
          description={t("models.pilotsHint")}
          checked={pilots}
          onChange={(e) => setParams({ pilots: e.currentTarget.checked ? "1" : "" })}
        />
        <Button
          variant="subtle"
          size="xs"
          onClick={() => {
            typing.setValues({ text: "", theme: "", fromYear: "", toYear: "" });
            navigate(location, { replace: true });
          }}
        >
          {t("models.clearFilters")}
        </Button>
      </Group>
    </Stack>
  );

  return (
    <Stack component="section" aria-labelledby="models-heading" gap="sm">
      <Group justify="space-between">
        <Title order={2} id="models-heading">
          {t("models.title")}
        </Title>
        <Group gap="xs">
          <ExportButtons report="MODELS" filter={{ field: field || null }} />
          {canRegister && (
            <Button component={Link} href="/models/new">
              {t("models.create")}
            </Button>
          )}
        </Group>
      </Group>
      <Group align="flex-end" gap="sm">
        <TextInput
          type="search"
          label={t("models.search")}
          description={t("models.searchHint")}
          {...typing.getInputProps("text")}
          placeholder={t("models.searchPlaceholder")}
          w={{ base: "100%", sm: 360 }}
          inputWrapperOrder={["label", "input", "description", "error"]}
        />
        {phone && (
          <Button variant="default" onClick={filters.toggle} aria-expanded={filtersOpen} aria-controls="model-filters">
            {activeFilters > 0 ? t("models.filtersCount", { count: activeFilters }) : t("models.filters")}
          </Button>
        )}
      </Group>
      {phone ? (
        <Collapse expanded={filtersOpen} id="model-filters">
          {moreFilters}
        </Collapse>
      ) : (
        moreFilters
      )}
      <QueryStatus query={query} lines={8} />
      {models && (
        <Stack gap="xs" aria-busy={query.isFetching}>
          <Text data-testid="models-total" size="sm">
            {t(term ? "models.totalFound" : "models.total", { count: formatCount(models.totalCount) })}
          </Text>
          {models.edges.length === 0 ? (
            <EmptyNote text={t("models.empty")} />
          ) : (
            <ListTable minWidth={720}>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th scope="col">{t("models.name")}</Table.Th>
                  <Table.Th scope="col">{t("models.owner")}</Table.Th>
                  <Table.Th scope="col">{t("models.field")}</Table.Th>
                  <Table.Th scope="col">{t("models.status")}</Table.Th>
                  <Table.Th scope="col">{t("models.startDate")}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {models.edges.map(({ node }) => (
                  <Table.Tr key={node.id} data-testid="model-row">
                    <Table.Td>
                      <div>
                        <Anchor component={Link} href={`/models/${encodeURIComponent(node.id)}`} fw={600}>
                          {node.name}
                        </Anchor>
                        {node.isPilot && (
                          <Badge ml="xs" size="sm" variant="light" color="grape">
                            {t("models.pilot")}
                          </Badge>
                        )}
                        <Text size="xs" c="dimmed">
                          {node.code}
                        </Text>
                      </div>
                    </Table.Td>
                    <Table.Td data-label={t("models.owner")}>{node.ownerUnit?.name}</Table.Td>
                    <Table.Td data-label={t("models.field")}>
                      {(node.fields ?? []).map((code) => configuration.fieldLabel(code)).join("; ")}
                    </Table.Td>
                    <Table.Td data-label={t("models.status")}>
                      <Badge variant="light" color={statusColor[node.status ?? ""] ?? "gray"}>
                        {label("status", node.status)}
                      </Badge>
                    </Table.Td>
                    <Table.Td data-label={t("models.startDate")} style={{ whiteSpace: "nowrap" }}>
                      {node.startDate ? formatDate(node.startDate) : "—"}
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </ListTable>
          )}
          <Group component="nav" aria-label={t("models.pagination")} gap="sm">
            <Button
              variant="default"
              disabled={cursors.length <= 1}
              onClick={() => setCursors((stack) => stack.slice(0, -1))}
            >
              {t("models.previous")}
            </Button>
            <Text size="sm">{t("models.page", { page: formatCount(cursors.length) })}</Text>
            <Button
              variant="default"
              disabled={!models.pageInfo.hasNextPage}
              onClick={() => setCursors((stack) => [...stack, models.pageInfo.endCursor])}
            >
              {t("models.next")}
            </Button>
          </Group>
        </Stack>
      )}
    </Stack>
  );
}
