import { type ModelStatus, ModelsDocument, UnitTreeDocument } from "@lantoa/client";
import {
  Anchor,
  Badge,
  Button,
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
import { useEffect, useState } from "react";
import { Link, useLocation, useSearch } from "wouter";
import { ExportButtons } from "./export-buttons";
import { foldedOptionsFilter } from "./fold-vietnamese";
import { useI18n } from "./i18n/i18n";
import { statusCodes, statusColor } from "./model-labels";
import { EmptyNote, QueryStatus } from "./query-status";
import { useConfiguration } from "./registers/use-configuration";
import { useSession, viewerRoles } from "./session";
import { useDebouncedValue } from "./use-debounced-value";
import { useQuery } from "./use-query";

const pageSize = 20;
const registerRoles = ["system-admin", "unit-admin", "unit-officer"];

/** A year typed in a filter box, or null while it is not one. */
function yearOf(text: string): number | null {
  return /^\d{4}$/.test(text.trim()) ? Number(text.trim()) : null;
}

/**
 * Models in the viewer's scope, or the pilots of every unit (to replicate one): search
 * without diacritics; filter by unit subtree, level, field, status, annual theme and start
 * years; page through.
 */
export default function ModelsPage() {
  const { t, label, formatNumber, formatDate } = useI18n();
  const configuration = useConfiguration();
  const { session } = useSession();
  const [location, navigate] = useLocation();
  const params = new URLSearchParams(useSearch());
  const field = params.get("field") ?? "";
  const status = (params.get("status") ?? "") as ModelStatus | "";
  const level = params.get("level") ?? "";
  const unit = params.get("unit") ?? "";
  // Pilots of every unit, open to all for replication, rather than the viewer's own scope.
  const pilots = params.get("pilots") === "1";
  const [text, setText] = useState(params.get("q") ?? "");
  const [theme, setTheme] = useState(params.get("theme") ?? "");
  const [fromYear, setFromYear] = useState(params.get("from") ?? "");
  const [toYear, setToYear] = useState(params.get("to") ?? "");
  const term = useDebouncedValue(text.trim(), 300);
  const themeTerm = useDebouncedValue(theme.trim(), 300);
  const from = yearOf(useDebouncedValue(fromYear, 300));
  const to = yearOf(useDebouncedValue(toYear, 300));
  // Relay paging goes forward by cursor: keep the cursors of the pages behind us to go back.
  const [cursors, setCursors] = useState<(string | null)[]>([null]);
  const after = cursors[cursors.length - 1] ?? null;
  const units = useQuery(UnitTreeDocument, { first: 500, filter: null });

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

  const filterKey = `${term}|${field}|${status}|${level}|${unit}|${themeTerm}|${from}|${to}|${pilots}`;
  const [lastFilterKey, setLastFilterKey] = useState(filterKey);
  if (filterKey !== lastFilterKey) {
    setLastFilterKey(filterKey);
    setCursors([null]);
  }

  const query = useQuery(ModelsDocument, {
    first: pageSize,
    after,
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
  });
  const models = query.data?.models;
  const any = { value: "", label: t("models.any") };
  const canRegister = viewerRoles(session).some((role) => registerRoles.includes(role));

  return (
    <Stack component="section" aria-labelledby="models-heading" gap="sm">
      <Group justify="space-between">
        <Title order={2} id="models-heading">
          {t("models.title")}
        </Title>
        <ExportButtons report="MODELS" filter={{ field: field || null }} />
        {canRegister && (
          <Button component={Link} href="/models/new">
            {t("models.create")}
          </Button>
        )}
      </Group>
      <SimpleGrid cols={{ base: 1, xs: 2, md: 4 }} spacing="sm">
        <TextInput
          type="search"
          label={t("models.search")}
          description={t("models.searchHint")}
          value={text}
          onChange={(e) => setText(e.currentTarget.value)}
          placeholder={t("models.searchPlaceholder")}
        />
        <Select
          label={t("models.unit")}
          searchable
          filter={foldedOptionsFilter}
          clearable
          value={unit || null}
          onChange={(value) => setParams({ unit: value ?? "" })}
          data={(units.data?.units?.edges ?? []).map(({ node }) => ({
            value: node.id,
            label: `${"· ".repeat(node.depth ?? 0)}${node.name ?? node.code}`,
          }))}
          placeholder={t("models.any")}
          inputWrapperOrder={["label", "input", "description", "error"]}
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
        <TextInput label={t("models.theme")} value={theme} onChange={(e) => setTheme(e.currentTarget.value)} />
        <TextInput
          label={t("models.fromYear")}
          inputMode="numeric"
          maxLength={4}
          value={fromYear}
          onChange={(e) => setFromYear(e.currentTarget.value)}
        />
        <TextInput
          label={t("models.toYear")}
          inputMode="numeric"
          maxLength={4}
          value={toYear}
          onChange={(e) => setToYear(e.currentTarget.value)}
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
            setText("");
            setTheme("");
            setFromYear("");
            setToYear("");
            navigate(location, { replace: true });
          }}
        >
          {t("models.clearFilters")}
        </Button>
      </Group>
      <QueryStatus state={query} reload={query.reload} lines={8} />
      {models && (
        <Stack gap="xs" aria-busy={query.status === "loading"}>
          <Text data-testid="models-total" size="sm">
            {t("models.total", { count: formatNumber(models.totalCount) })}
          </Text>
          {models.edges.length === 0 ? (
            <EmptyNote text={t("models.empty")} />
          ) : (
            <Table.ScrollContainer minWidth={720}>
              <Table striped highlightOnHover>
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
                        <Anchor component={Link} href={`/models/${encodeURIComponent(node.id)}`}>
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
                      </Table.Td>
                      <Table.Td>{node.ownerUnit?.name}</Table.Td>
                      <Table.Td>
                        {(node.fields ?? []).map((code) => configuration.fieldLabel(code)).join("; ")}
                      </Table.Td>
                      <Table.Td style={{ whiteSpace: "nowrap" }}>
                        <Badge variant="light" color={statusColor[node.status ?? ""] ?? "gray"}>
                          {label("status", node.status)}
                        </Badge>
                      </Table.Td>
                      <Table.Td style={{ whiteSpace: "nowrap" }}>
                        {node.startDate ? formatDate(node.startDate) : "—"}
                      </Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            </Table.ScrollContainer>
          )}
          <Group component="nav" aria-label={t("models.pagination")} gap="sm">
            <Button
              variant="default"
              disabled={cursors.length <= 1}
              onClick={() => setCursors((stack) => stack.slice(0, -1))}
            >
              {t("models.previous")}
            </Button>
            <Text size="sm">{t("models.page", { page: formatNumber(cursors.length) })}</Text>
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
