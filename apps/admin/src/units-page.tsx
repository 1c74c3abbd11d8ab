import {
  CreateUnitDocument,
  isDomainError,
  MoveUnitDocument,
  RenameUnitDocument,
  request,
  UnitTreeDocument,
} from "@lantoa/client";
import {
  ActionIcon,
  Alert,
  Button,
  Group,
  Menu,
  Modal,
  NativeSelect,
  Select,
  Stack,
  Table,
  Text,
  TextInput,
  Title,
} from "@mantine/core";
import { useForm } from "@mantine/form";
import { notifications } from "@mantine/notifications";
import { useMemo, useState } from "react";
import { foldedOptionsFilter } from "./fold-vietnamese";
import { useI18n } from "./i18n/i18n";
import { failureOf, type Refusal, refusalOf } from "./mutation-errors";
import { EmptyNote, QueryStatus } from "./query-status";
import { useConfiguration } from "./registers/use-configuration";
import { useSession } from "./session";
import { administers, unitCodePattern } from "./unit-labels";
import { useDebouncedValue } from "./use-debounced-value";
import { graphqlEndpoint, useQuery } from "./use-query";

type UnitRow = {
  id: string;
  code: string | null;
  name: string | null;
  level: string | null;
  kind: string | null;
  depth: number | null;
  version: number | null;
  parent: { id: string } | null;
};

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
  const { t, label, formatNumber } = useI18n();
  const { session } = useSession();
  const [search, setSearch] = useState("");
  const term = useDebouncedValue(search.trim(), 250);
  const query = useQuery(UnitTreeDocument, { first: 500, filter: term ? { search: term } : null });
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
      <QueryStatus state={query} reload={query.reload} errorKey="units.error" lines={8} />
      {units && (
        <>
          <Text data-testid="units-total" size="sm">
            {t("units.total", { count: formatNumber(units.totalCount) })}
          </Text>
          {visible.length === 0 ? (
            <EmptyNote text={t("units.empty")} />
          ) : (
            <Table.ScrollContainer minWidth={480}>
              <Table striped highlightOnHover verticalSpacing={4}>
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
                        <Table.Td style={{ paddingLeft: `${(unit.depth ?? 0) * 1.25 + 0.5}rem` }}>
                          <Group gap={4} wrap="nowrap">
                            {branch ? (
                              <ActionIcon
                                variant="subtle"
                                color="gray"
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
                        <Table.Td>{label("level", unit.level)}</Table.Td>
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
                                  <Menu.Item onClick={() => setDialog({ kind: "add", unit })}>
                                    {t("units.add")}
                                  </Menu.Item>
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
              </Table>
            </Table.ScrollContainer>
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
        {dialog?.kind === "add" && (
          <AddUnitForm
            parent={dialog.unit}
            onDone={() => {
              setDialog(null);
              query.reload();
            }}
          />
        )}
        {dialog?.kind === "rename" && (
          <RenameUnitForm
            unit={dialog.unit}
            onDone={() => {
              setDialog(null);
              query.reload();
            }}
          />
        )}
        {dialog?.kind === "move" && (
          <MoveUnitForm
            unit={dialog.unit}
            targets={rows.filter(
              (u) => canAdmin(u.id) && !isWithin(u.id, dialog.unit.id, parentOf) && u.id !== dialog.unit.parent?.id,
            )}
            onDone={() => {
              setDialog(null);
              query.reload();
            }}
          />
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

function RefusalAlert({ refusal }: { refusal: Refusal | null }) {
  if (!refusal) return null;
  return (
    <Alert color="red" variant="light" data-testid="form-refusal">
      {refusal.text}
      {refusal.code && (
        <Text span c="dimmed" size="xs">
          {" "}
          ({refusal.code})
        </Text>
      )}
    </Alert>
  );
}

function AddUnitForm({ parent, onDone }: { parent: UnitRow; onDone(): void }) {
  const i18n = useI18n();
  const { t } = i18n;
  const configuration = useConfiguration();
  const { session } = useSession();
  const [refusal, setRefusal] = useState<Refusal | null>(null);
  const form = useForm({
    mode: "controlled",
    initialValues: { code: "", name: "", level: parent.level ?? "", kind: "" },
    validate: {
      code: (v) => (unitCodePattern.test(v.trim()) ? null : t("units.codeInvalid")),
      name: (v) => (v.trim().length >= 1 && v.trim().length <= 300 ? null : t("units.nameRequired")),
      level: (v) => (v ? null : t("units.levelRequired")),
      kind: (v) => (v ? null : t("units.kindRequired")),
    },
  });
  const submit = form.onSubmit(async (values) => {
    setRefusal(null);
    try {
      const { createUnit } = await request(
        graphqlEndpoint,
        CreateUnitDocument,
        {
          parentId: parent.id,
          code: values.code.trim(),
          name: values.name.trim(),
          level: values.level,
          kind: values.kind,
        },
        { token: session?.token },
      );
      if (isDomainError(createUnit)) return setRefusal(refusalOf(createUnit, i18n));
      notifications.show({ color: "green", message: t("units.created", { name: values.name.trim() }) });
      onDone();
    } catch (cause) {
      setRefusal(failureOf(cause, i18n));
    }
  });
  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="sm">
        <TextInput
          label={t("units.code")}
          description={t("units.codeHint")}
          {...form.getInputProps("code")}
          data-autofocus
        />
        <TextInput label={t("units.name")} {...form.getInputProps("name")} />
        <NativeSelect
          label={t("units.level")}
          data={[{ value: "", label: "—" }, ...configuration.levelOptions]}
          {...form.getInputProps("level")}
        />
        <NativeSelect
          label={t("units.kind")}
          data={[{ value: "", label: "—" }, ...configuration.unitKindOptions]}
          {...form.getInputProps("kind")}
        />
        <RefusalAlert refusal={refusal} />
        <Group justify="flex-end">
          <Button type="submit" loading={form.submitting}>
            {t("units.add")}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

function RenameUnitForm({ unit, onDone }: { unit: UnitRow; onDone(): void }) {
  const i18n = useI18n();
  const { t } = i18n;
  const { session } = useSession();
  const [refusal, setRefusal] = useState<Refusal | null>(null);
  const form = useForm({
    mode: "controlled",
    initialValues: { name: unit.name ?? "" },
    validate: { name: (v) => (v.trim().length >= 1 && v.trim().length <= 300 ? null : t("units.nameRequired")) },
  });
  const submit = form.onSubmit(async ({ name }) => {
    setRefusal(null);
    try {
      const { renameUnit } = await request(
        graphqlEndpoint,
        RenameUnitDocument,
        { id: unit.id, name: name.trim(), expectedVersion: unit.version ?? 0 },
        { token: session?.token },
      );
      if (isDomainError(renameUnit)) return setRefusal(refusalOf(renameUnit, i18n));
      notifications.show({ color: "green", message: t("units.renamed", { name: name.trim() }) });
      onDone();
    } catch (cause) {
      setRefusal(failureOf(cause, i18n));
    }
  });
  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="sm">
        <TextInput label={t("units.newName")} {...form.getInputProps("name")} data-autofocus />
        <RefusalAlert refusal={refusal} />
        <Group justify="flex-end">
          <Button type="submit" loading={form.submitting}>
            {t("form.save")}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

function MoveUnitForm({ unit, targets, onDone }: { unit: UnitRow; targets: UnitRow[]; onDone(): void }) {
  const i18n = useI18n();
  const { t } = i18n;
  const { session } = useSession();
  const [refusal, setRefusal] = useState<Refusal | null>(null);
  const form = useForm({
    mode: "controlled",
    initialValues: { parentId: "" as string | null },
    validate: { parentId: (v) => (v ? null : t("units.newParentRequired")) },
  });
  const submit = form.onSubmit(async ({ parentId }) => {
    if (!parentId) return;
    setRefusal(null);
    try {
      const { moveUnit } = await request(
        graphqlEndpoint,
        MoveUnitDocument,
        { id: unit.id, newParentId: parentId, expectedVersion: unit.version ?? 0 },
        { token: session?.token },
      );
      if (isDomainError(moveUnit)) return setRefusal(refusalOf(moveUnit, i18n));
      notifications.show({ color: "green", message: t("units.moved", { name: unit.name ?? "" }) });
      onDone();
    } catch (cause) {
      setRefusal(failureOf(cause, i18n));
    }
  });
  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="sm">
        <Select
          label={t("units.newParent")}
          searchable
          filter={foldedOptionsFilter}
          data={targets.map((u) => ({ value: u.id, label: u.name ?? u.code ?? u.id }))}
          {...form.getInputProps("parentId")}
          comboboxProps={{ withinPortal: true }}
        />
        <RefusalAlert refusal={refusal} />
        <Group justify="flex-end">
          <Button type="submit" loading={form.submitting}>
            {t("units.move")}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
