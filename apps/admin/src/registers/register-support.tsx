import { ModelsDocument, UnitTreeDocument } from "@lantoa/client";
import { Select, type SelectProps } from "@mantine/core";
import { useForm } from "@mantine/form";
import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { useMemo, useState } from "react";
import { graphqlQuery } from "../data/graphql";
import { useI18n } from "../i18n/i18n";
import { useSession, viewerRoles } from "../session";
import { unitOptionsOf } from "../unit-options";
import { useDebouncedValue } from "../use-debounced-value";

/**
 * The filters above a register's list, as one form: the unit (none chosen: the viewer's own),
 * a status and a year (`""` for any). Each change reads the list again.
 */
export function useRegisterFilters() {
  return useForm({
    mode: "controlled",
    initialValues: { unit: null as string | null, status: null as string | null, year: "" as number | string },
  });
}

/** Roles that keep a unit's registers (issue, revoke, plan, record findings, verify). */
export const registrarRoles = ["system-admin", "unit-admin"];

/** Whether the signed-in viewer holds one of `roles` somewhere; the gateway checks the unit. */
export function useHoldsRole(roles: readonly string[]): boolean {
  const { session } = useSession();
  return viewerRoles(session).some((role) => roles.includes(role));
}

/** Today as YYYY-MM-DD in the user's time zone, the default of a decision's date. */
export function today(): string {
  const now = new Date();
  const pad = (n: number) => String(n).padStart(2, "0");
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}

/**
 * The unit tree as indented picker options, and the unit a register opens on: the viewer's own
 * unit, or the root for a system administrator.
 */
export function useUnitOptions() {
  const { session } = useSession();
  const units = useQuery(graphqlQuery(UnitTreeDocument, { first: 500, filter: null }));
  const nodes = useMemo(() => (units.data?.units?.edges ?? []).map((e) => e.node), [units.data]);
  const options = useMemo(() => unitOptionsOf(nodes), [nodes]);
  const ownUnit = session?.viewer.roles?.find((r) => r.unitId)?.unitId ?? nodes[0]?.id ?? null;
  return { units, nodes, options, ownUnit };
}

/** A model picker that searches the viewer's models by code or name, without diacritics. */
export function ModelPicker({
  label,
  withinUnitId,
  ...input
}: Omit<SelectProps, "data" | "label"> & { label: string; withinUnitId?: string | null | undefined }) {
  const { t } = useI18n();
  const [search, setSearch] = useState("");
  const term = useDebouncedValue(search.trim(), 300);
  const models = useQuery({
    ...graphqlQuery(ModelsDocument, {
      first: 30,
      after: null,
      filter: { text: term || null, withinUnitId: withinUnitId ?? null, excludeGenerated: true },
    }),
    placeholderData: keepPreviousData,
  });
  const [chosen, setChosen] = useState<{ value: string; label: string } | null>(null);
  const data = useMemo(() => {
    const found = (models.data?.models?.edges ?? []).map((e) => ({
      value: e.node.id,
      label: `${e.node.name ?? ""} (${e.node.code ?? ""}) · ${e.node.ownerUnit?.name ?? ""}`,
    }));
    // Keep the chosen model listed while the search shows others.
    return chosen && !found.some((o) => o.value === chosen.value) ? [chosen, ...found] : found;
  }, [models.data, chosen]);
  return (
    <Select
      {...input}
      label={label}
      withAsterisk
      searchable
      searchValue={search}
      onSearchChange={setSearch}
      filter={({ options }) => options}
      data={data}
      onChange={(id, option) => {
        setChosen(option ?? null);
        input.onChange?.(id, option);
      }}
      nothingFoundMessage={t("registers.noModelFound")}
    />
  );
}
