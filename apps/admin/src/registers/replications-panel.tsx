import {
  isDomainError,
  type ModelDetailQuery,
  ModelReplicationsDocument,
  RegisterReplicationDocument,
  type ReplicationFieldsFragment,
  request,
  UnitTreeDocument,
} from "@lantoa/client";
import { Alert, Anchor, Badge, Button, Card, Group, Select, SimpleGrid, Stack, Text, TextInput } from "@mantine/core";
import { useForm } from "@mantine/form";
import { notifications } from "@mantine/notifications";
import { useMemo, useRef, useState } from "react";
import { Link, useLocation } from "wouter";
import { foldedOptionsFilter } from "../fold-vietnamese";
import { useI18n } from "../i18n/i18n";
import { isIsoDate, modelCodePattern } from "../model-form-rules";
import { failureOf, type Refusal, refusalOf } from "../mutation-errors";
import { EmptyNote, QueryStatus } from "../query-status";
import { useSession } from "../session";
import { graphqlEndpoint, useQuery } from "../use-query";

const adopterRoles = ["unit-admin", "unit-officer"];

type ModelNode = Extract<NonNullable<ModelDetailQuery["node"]>, { __typename: "Model" }>;

function ReplicationLine({ item, depth }: { item: ReplicationFieldsFragment; depth: number }) {
  const { t, label, formatDate } = useI18n();
  const name = item.model ? (
    <Anchor component={Link} href={`/models/${encodeURIComponent(item.model.id)}`}>
      {item.name}
    </Anchor>
  ) : (
    <Text span>{item.name}</Text>
  );
  return (
    <Group gap="xs" pl={depth * 24} data-testid="replication-node" data-depth={depth} wrap="nowrap">
      <Text span c="dimmed" aria-hidden>
        {depth > 0 ? "└" : "●"}
      </Text>
      <div>
        {name}
        <Text size="xs" c="dimmed">
          {item.code} · {item.ownerUnit?.name}
          {item.adoptedOn ? ` · ${t("replications.adoptedOn", { date: formatDate(item.adoptedOn) })}` : ""}
          {depth > 0 ? ` · ${t("replications.depth", { depth })}` : ""}
        </Text>
      </div>
      {item.model?.status && (
        <Badge variant="light" size="sm">
          {label("status", item.model.status)}
        </Badge>
      )}
    </Group>
  );
}

/**
 * The model's place in its replication tree: the pilot it adapts above, the copies below it by
 * depth, and on a pilot a form for an adopter unit to register its adapted copy.
 */
export function ReplicationsPanel({ model }: { model: ModelNode }) {
  const { t } = useI18n();
  const query = useQuery(ModelReplicationsDocument, { id: model.id });
  const node = query.data?.node;
  const tree = node?.__typename === "Model" ? node : null;
  if (!tree) return <QueryStatus state={query} reload={query.reload} />;
  const replicas = tree.replications ?? [];
  const self = {
    code: model.code,
    name: model.name,
    depth: 0,
    adoptedOn: null,
    originModelId: null,
    ownerUnit: model.ownerUnit,
    model: null,
  } satisfies ReplicationFieldsFragment;
  return (
    <Stack gap="md" data-testid="replication-tree">
      {tree.origin && (
        <Stack gap={4}>
          <Text size="sm" fw={600}>
            {t("replications.origin")}
          </Text>
          <ReplicationLine item={tree.origin} depth={0} />
        </Stack>
      )}
      <Stack gap={4}>
        <Text size="sm" fw={600}>
          {t("replications.tree")}
        </Text>
        <ReplicationLine item={self} depth={0} />
        {replicas.map((item) => (
          <ReplicationLine key={item.code ?? item.name} item={item} depth={item.depth ?? 1} />
        ))}
        {replicas.length === 0 && <EmptyNote text={t("replications.none")} />}
      </Stack>
      {tree.isPilot && <RegisterReplicationForm model={model} onDone={query.reload} />}
    </Stack>
  );
}

interface ReplicaValues {
  ownerUnitId: string | null;
  code: string;
  name: string;
  startDate: string;
}

function RegisterReplicationForm({ model, onDone }: { model: ModelNode; onDone(): void }) {
  const i18n = useI18n();
  const { t } = i18n;
  const { session } = useSession();
  const [, navigate] = useLocation();
  const [refusal, setRefusal] = useState<Refusal | null>(null);
  const attempt = useRef<{ values: string; key: string } | null>(null);
  const units = useQuery(UnitTreeDocument, { first: 500, filter: null }, { skip: !session });
  const unitOptions = useMemo(() => {
    const nodes = (units.data?.units?.edges ?? []).map((e) => e.node);
    const roles = session?.viewer.roles ?? [];
    // A copy is drafted by its own unit's officer or admin (the lifecycle's "owner-unit" authority).
    return nodes
      .filter((u) => u.id !== model.ownerUnit?.id)
      .filter((u) => roles.some((r) => r.unitId === u.id && adopterRoles.includes(r.role ?? "")))
      .map((u) => ({ value: u.id, label: u.name ?? u.code ?? u.id }));
  }, [units.data, session, model.ownerUnit?.id]);
  const form = useForm<ReplicaValues>({
    mode: "controlled",
    initialValues: { ownerUnitId: null, code: "", name: model.name ?? "", startDate: "" },
    validateInputOnBlur: true,
    validate: {
      ownerUnitId: (v) => (v ? null : t("create.ownerRequired")),
      code: (v) => (modelCodePattern.test(v.trim()) ? null : t("create.codeInvalid")),
      name: (v) => (v.trim().length >= 1 && v.trim().length <= 500 ? null : t("create.nameRequired")),
      startDate: (v) => (isIsoDate(v) ? null : t("create.startDateInvalid")),
    },
  });

  const submit = form.onSubmit(async (values) => {
    if (!values.ownerUnitId) return;
    setRefusal(null);
    const input = {
      ownerUnitId: values.ownerUnitId,
      code: values.code.trim(),
      name: values.name.trim(),
      startDate: values.startDate,
      fields: [...(model.fields ?? [])],
      problem: model.problem ?? "",
      solution: model.solution ?? "",
      annualTheme: model.annualTheme ?? null,
    };
    const serialized = JSON.stringify(input);
    if (attempt.current?.values !== serialized) attempt.current = { values: serialized, key: crypto.randomUUID() };
    try {
      const { registerReplication } = await request(
        graphqlEndpoint,
        RegisterReplicationDocument,
        { originModelId: model.id, input, idempotencyKey: attempt.current.key },
        { token: session?.token },
      );
      if (isDomainError(registerReplication)) return setRefusal(refusalOf(registerReplication, i18n));
      const created = registerReplication?.data.model;
      notifications.show({ color: "green", message: t("replications.registered", { name: input.name }) });
      onDone();
      if (created) navigate(`/models/${encodeURIComponent(created.id)}`);
    } catch (cause) {
      setRefusal(failureOf(cause, i18n));
    }
  });

  if (!session || (units.data && unitOptions.length === 0)) return null;
  return (
    <Card withBorder component="form" onSubmit={submit} noValidate aria-label={t("replications.register")}>
      <Stack gap="sm">
        <Text fw={600}>{t("replications.register")}</Text>
        <Text size="sm" c="dimmed">
          {t("replications.registerHint")}
        </Text>
        <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
          <Select
            label={t("replications.adopter")}
            withAsterisk
            searchable
            filter={foldedOptionsFilter}
            data={unitOptions}
            {...form.getInputProps("ownerUnitId")}
          />
          <TextInput
            label={t("create.code")}
            description={t("create.codeHint")}
            withAsterisk
            {...form.getInputProps("code")}
          />
          <TextInput label={t("create.name")} withAsterisk {...form.getInputProps("name")} />
          <TextInput type="date" label={t("create.startDate")} withAsterisk {...form.getInputProps("startDate")} />
        </SimpleGrid>
        {refusal && (
          <Alert color="red" variant="light" role="alert">
            {refusal.text}
            {refusal.code && (
              <Text span c="dimmed" size="xs">
                {" "}
                ({refusal.code})
              </Text>
            )}
          </Alert>
        )}
        <Group justify="flex-end">
          <Button type="submit" loading={form.submitting}>
            {t("replications.register")}
          </Button>
        </Group>
      </Stack>
    </Card>
  );
}
