import { isDomainError, ModelsDocument, UnitTreeDocument } from "@lantoa/client";
import { Alert, Select, Text } from "@mantine/core";
import { useMemo, useState } from "react";
import { useI18n } from "../i18n/i18n";
import { failureOf, type Refusal, refusalOf } from "../mutation-errors";
import { useSession, viewerRoles } from "../session";
import { useDebouncedValue } from "../use-debounced-value";
import { useQuery } from "../use-query";

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

/** Whether `text` is a calendar date written YYYY-MM-DD. */
export { isIsoDate } from "../model-form-rules";

/**
 * The unit tree as indented picker options, and the unit a register opens on: the viewer's own
 * unit, or the root for a system administrator.
 */
export function useUnitOptions() {
  const { session } = useSession();
  const units = useQuery(UnitTreeDocument, { first: 500, filter: null });
  const nodes = useMemo(() => (units.data?.units?.edges ?? []).map((e) => e.node), [units.data]);
  const options = useMemo(
    () => nodes.map((n) => ({ value: n.id, label: `${"· ".repeat(n.depth ?? 0)}${n.name ?? n.code}` })),
    [nodes],
  );
  const ownUnit = session?.viewer.roles?.find((r) => r.unitId)?.unitId ?? nodes[0]?.id ?? null;
  return { units, nodes, options, ownUnit };
}

/** A refusal from the gateway in the user's language, with its code for support. */
export function RefusalAlert({ refusal, testId }: { refusal: Refusal | null; testId?: string }) {
  if (!refusal) return null;
  return (
    <Alert color="red" variant="light" role="alert" data-testid={testId}>
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

/** A model picker that searches the viewer's models by name or code, without diacritics. */
export function ModelPicker({
  value,
  onChange,
  error,
  label,
  withinUnitId,
}: {
  value: string | null;
  onChange(id: string | null): void;
  error?: string | undefined;
  label: string;
  withinUnitId?: string | null | undefined;
}) {
  const { t } = useI18n();
  const [search, setSearch] = useState("");
  const term = useDebouncedValue(search.trim(), 300);
  const models = useQuery(ModelsDocument, {
    first: 30,
    after: null,
    filter: { text: term || null, withinUnitId: withinUnitId ?? null, excludeGenerated: true },
  });
  const [chosen, setChosen] = useState<{ value: string; label: string } | null>(null);
  const data = useMemo(() => {
    const found = (models.data?.models?.edges ?? []).map((e) => ({
      value: e.node.id,
      label: `${e.node.name ?? ""} (${e.node.code ?? ""})`,
    }));
    // Keep the chosen model listed while the search shows others.
    return chosen && !found.some((o) => o.value === chosen.value) ? [chosen, ...found] : found;
  }, [models.data, chosen]);
  return (
    <Select
      label={label}
      withAsterisk
      searchable
      searchValue={search}
      onSearchChange={setSearch}
      filter={({ options }) => options}
      data={data}
      value={value}
      onChange={(id, option) => {
        setChosen(option ?? null);
        onChange(id);
      }}
      nothingFoundMessage={t("registers.noModelFound")}
      error={error}
    />
  );
}

type ErrorPayload = {
  __typename: "DomainError";
  code?: string | null;
  message?: string | null;
  messageVi?: string | null;
};

/**
 * Sends a mutation with the session's token: a `DomainError` answer (or a failed request)
 * becomes `refusal`, in the user's words; anything else goes to `onSuccess`.
 */
export function useSubmit() {
  const i18n = useI18n();
  const { session } = useSession();
  const [refusal, setRefusal] = useState<Refusal | null>(null);
  const [busy, setBusy] = useState(false);
  async function send<P extends { __typename: string }>(
    call: (token: string | undefined) => Promise<P | null | undefined>,
    onSuccess: (payload: Exclude<P, { __typename: "DomainError" }>) => void,
  ): Promise<void> {
    setBusy(true);
    setRefusal(null);
    try {
      const payload = await call(session?.token);
      if (!payload) return setRefusal(failureOf(null, i18n));
      if (isDomainError(payload)) return setRefusal(refusalOf(payload as ErrorPayload, i18n));
      onSuccess(payload as Exclude<P, { __typename: "DomainError" }>);
    } catch (cause) {
      setRefusal(failureOf(cause, i18n));
    } finally {
      setBusy(false);
    }
  }
  return { refusal, busy, send, setRefusal };
}
