import { UnitTreeDocument } from "@lantoa/client";
import { ActionIcon, Button, Group, Menu, Modal, Stack, Table, Text, TextInput, Title } from "@mantine/core";
import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { lazy, Suspense, useMemo, useState } from "react";
import { graphqlQuery } from "./data/graphql";
import { useI18n } from "./i18n/i18n";
import { ListTable } from "./layout/list-table";
import { EmptyNote, LoadingBlock, QueryStatus } from "./query-status";
import { useSession } from "./session";
import { administers, type UnitRow } from "./unit-labels";
import { useDebouncedValue } from "./use-debounced-value";

// Only admins open these forms (and their rules): they load when first opened.
const UnitForms = lazy(() => import("./unit-forms"));

type Dialog = { kind: "add" | "rename" | "move"; unit: UnitRow } | null;

function Chevron({ open }: { open: boolean }) {
  return (
    <svg
      width="14"
      height="14"
      viewBox="0 0 24 24"
      aria-hidden="true"
      style={{ transform: open ? "rotate(90deg)" : undefined }}
    >
      <path d="M9 6l6 6-6 6" fill="none" stroke="currentColor" strokeWidth="2.5" />
    </svg>
  );
}

/**
 * The organization tree, public: expand and collapse branches, search without diacritics.
 * A unit admin also gets add, rename and move for the units of their subtree.
 */
export function UnitsPage() {
  const { t, label, formatCount } = useI18n();
  const { session } = useSession();
  const [search, setSearch] = useState("");
  const term = useDebouncedValue(search.trim(), 250);
  const query = useQuery({
    ...graphqlQuery(UnitTreeDocument, { first: 500, filter: term ? { search: term } : null }),
    placeholderData: keepPreviousData,
  });
  const units = query.data?.units ?? null;
  const [collapsed, setCollapsed] = useState<ReadonlySet<string>>(new Set());
  const [dialog, setDialog] = useState<Dialog>(null);

  const rows: UnitRow[] = useMemo(() => (units?.edges ?? []).map((e) => e.node), [units]);
  const parentOf = useMemo(() => new Map(rows.map((u) => [u.id, u.parent?.id ?? null])), [rows]);
  const withChildren = useMemo(() => new Set(rows.flatMap((u) => (u.parent ? [u.parent.id] : []))), [rows]);
  const roles = session?.viewer.roles ?? [];
  const canAdmin = (unitId: string) => session !== null && administers(unitId, roles, parentOf);
  const anyAdmin = rows.some((u) => canAdmin(u.id));

  // A unit shows when no ancestor is collapsed; a search shows every match flat.
  const visible = term
    ? rows
    : rows.filter((u) => {
        for (let id = parentOf.get(u.id); id; id = parentOf.get(id)) if (collapsed.has(id)) return false;
        return true;
      });

  function toggle(id: string) {
    setCollapsed((previous) => {
      const next = new Set(previous);
      if (next.has(id)) next.delete(id);
      else next.add(id);
      return next;
    });
  }

  return (
    <Stack component="section" aria-labelledby="units-heading" gap="sm">
      <Title order={2} id="units-heading">
        {t("units.title")}
      </Title>
      <Text c="dimmed" size="sm">
        {t("units.intro")}
      </Text>
      <Group align="flex-end" gap="sm">
        <TextInput
          type="search"
          label={t("units.search")}
          value={search}
          onChange={(e) => setSearch(e.currentTarget.value)}
          placeholder={t("units.searchPlaceholder")}
          w={{ base: "100%", sm: 320 }}
        />
        {!term && (
          <Group gap="xs">
            <Button variant="default" size="sm" onClick={() => setCollapsed(new Set())}>
              {t("units.expandAll")}
            </Button>
            <Button variant="default" size="sm" onClick={() => setCollapsed(new Set(withChildren))}>
              {t("units.collapseAll")}
            </Button>
          </Group>
        )}
      </Group>
      <QueryStatus query={query} lines={8} />
      {units && (
        <>
          <Text data-testid="units-total" size="sm">
            {t("units.total", { count: formatCount(units.totalCount) })}
          </Text>
          {visible.length === 0 ? (
            <EmptyNote text={t("units.empty")} />
          ) : (
            <ListTable minWidth={480} verticalSpacing={4}>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th scope="col">{t("units.name")}</Table.Th>
                  <Table.Th scope="col">{t("units.level")}</Table.Th>
                  {anyAdmin && <Table.Th scope="col">{t("units.actions")}</Table.Th>}
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {visible.map((unit) => {
                  const open = !collapsed.has(unit.id);
                  const branch = !term && withChildren.has(unit.id);
                  return (
                    <Table.Tr key={unit.id} data-testid="unit-row">
                      <Table.Td>
                        <Group gap={4} wrap="nowrap" ml={`${(unit.depth ?? 0) * 1.25}rem`}>
                          {branch ? (
                            <ActionIcon
                              variant="subtle"
                              color="dark"
                              size="sm"
                              aria-expanded={open}
                              aria-label={t(open ? "units.collapse" : "units.expand", { name: unit.name ?? "" })}
                              onClick={() => toggle(unit.id)}
                            >
                              <Chevron open={open} />
                            </ActionIcon>
                          ) : (
                            !term && <span style={{ width: 22, flex: "none" }} />
                          )}
                          <span>{unit.name}</span>
                        </Group>
                      </Table.Td>
                      <Table.Td data-label={t("units.level")}>{label("level", unit.level)}</Table.Td>
                      {anyAdmin && (
                        <Table.Td>
                          {canAdmin(unit.id) && (
                            <Menu position="bottom-end">
                              <Menu.Target>
                                <Button
                                  size="compact-xs"
                                  variant="default"
                                  aria-label={t("units.actionsFor", { name: unit.name ?? "" })}
                                >
                                  {t("units.actions")}
                                </Button>
                              </Menu.Target>
                              <Menu.Dropdown>
                                <Menu.Item onClick={() => setDialog({ kind: "add", unit })}>{t("units.add")}</Menu.Item>
                                <Menu.Item onClick={() => setDialog({ kind: "rename", unit })}>
                                  {t("units.rename")}
                                </Menu.Item>
                                {unit.parent && (
                                  <Menu.Item onClick={() => setDialog({ kind: "move", unit })}>
                                    {t("units.move")}
                                  </Menu.Item>
                                )}
                              </Menu.Dropdown>
                            </Menu>
                          )}
                        </Table.Td>
                      )}
                    </Table.Tr>
                  );
                })}
              </Table.Tbody>
            </ListTable>
          )}
        </>
      )}
      <Modal
        opened={dialog !== null}
        onClose={() => setDialog(null)}
        title={
          dialog &&
          t(
            dialog.kind === "add"
              ? "units.addTitle"
              : dialog.kind === "rename"
                ? "units.renameTitle"
                : "units.moveTitle",
            { name: dialog.unit.name ?? "" },
          )
        }
      >
        {dialog && (
          <Suspense fallback={<LoadingBlock lines={3} />}>
            <UnitForms
              kind={dialog.kind}
              unit={dialog.unit}
              targets={rows.filter(
                (u) => canAdmin(u.id) && !isWithin(u.id, dialog.unit.id, parentOf) && u.id !== dialog.unit.parent?.id,
              )}
              onDone={() => setDialog(null)}
            />
          </Suspense>
        )}
      </Modal>
    </Stack>
  );
}

/** Whether `id` is `ancestorId` or below it: a unit cannot move under itself. */
function isWithin(id: string, ancestorId: string, parentOf: ReadonlyMap<string, string | null>): boolean {
  for (let at: string | null | undefined = id; at; at = parentOf.get(at)) if (at === ancestorId) return true;
  return false;
}
