import {
  ModelReplicationsDocument,
  RegisterReplicationDocument,
  type ReplicationFieldsFragment,
  UnitTreeDocument,
} from "@lantoa/client";
import { Anchor, Badge, Button, Card, Group, Select, SimpleGrid, Stack, Text, TextInput } from "@mantine/core";
import { notifications } from "@mantine/notifications";
import { useMutation, useQuery } from "@tanstack/react-query";
import { useMemo } from "react";
import { Link, useLocation } from "wouter";
import { graphqlMutation, graphqlQuery } from "../data/graphql";
import { ProblemAlert } from "../errors/problem-alert";
import { foldedOptionsFilter } from "../fold-vietnamese";
import { DateField } from "../forms/date-field";
import { useMutationForm } from "../forms/use-mutation-form";
import { useI18n } from "../i18n/i18n";
import type { ModelNode } from "../model-detail-page";
import { modelFormMessages, modelFormSchema } from "../model-form-rules";
import { EmptyNote, QueryStatus } from "../query-status";
import { useSession } from "../session";
import { statusColor } from "../status-colors";

const adopterRoles = ["unit-admin", "unit-officer"];

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
        <Badge variant="light" size="sm" color={statusColor[item.model.status] ?? "gray"}>
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
  const query = useQuery(graphqlQuery(ModelReplicationsDocument, { id: model.id }));
  const node = query.data?.node;
  const tree = node?.__typename === "Model" ? node : null;
  if (!tree) return <QueryStatus query={query} />;
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
      {tree.isPilot && <RegisterReplicationForm model={model} />}
    </Stack>
  );
}

const replicaSchema = modelFormSchema.pick({ ownerUnitId: true, code: true, name: true, startDate: true });

function RegisterReplicationForm({ model }: { model: ModelNode }) {
  const { t } = useI18n();
  const { session } = useSession();
  const [, navigate] = useLocation();
  const units = useQuery({ ...graphqlQuery(UnitTreeDocument, { first: 500, filter: null }), enabled: !!session });
  const register = useMutation(graphqlMutation(RegisterReplicationDocument));
  const unitOptions = useMemo(() => {
    const nodes = (units.data?.units?.edges ?? []).map((e) => e.node);
    const roles = session?.viewer.roles ?? [];
    // A copy is drafted by its own unit's officer or admin (the lifecycle's "owner-unit" authority).
    return nodes
      .filter((u) => u.id !== model.ownerUnit?.id)
      .filter((u) => roles.some((r) => r.unitId === u.id && adopterRoles.includes(r.role ?? "")))
      .map((u) => ({ value: u.id, label: u.name ?? u.code ?? u.id }));
  }, [units.data, session, model.ownerUnit?.id]);
  const { form, onSubmit, problem } = useMutationForm({
    initialValues: { ownerUnitId: null as string | null, code: "", name: model.name ?? "", startDate: "" },
    schema: replicaSchema,
    messages: modelFormMessages,
    submit: (values, { idempotencyKey }) =>
      register.mutateAsync({
        originModelId: model.id,
        idempotencyKey,
        input: {
          ownerUnitId: values.ownerUnitId ?? "",
          code: values.code.trim(),
          name: values.name.trim(),
          startDate: values.startDate,
          fields: [...(model.fields ?? [])],
          problem: model.problem ?? "",
          solution: model.solution ?? "",
          annualTheme: model.annualTheme ?? null,
        },
      }),
    fieldOf: { "MODEL.DUPLICATE_CODE": "code", "REPLICATION.ADOPTED_BEFORE_ORIGIN_START": "startDate" },
    onSuccess: ({ data }, values) => {
      notifications.show({ color: "green", message: t("replications.registered", { name: values.name.trim() }) });
      if (data.model) navigate(`/models/${encodeURIComponent(data.model.id)}`);
    },
  });

  if (!session || (units.data && unitOptions.length === 0)) return null;
  return (
    <Card withBorder component="form" onSubmit={onSubmit} noValidate aria-label={t("replications.register")}>
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
          <DateField label={t("create.startDate")} withAsterisk {...form.getInputProps("startDate")} />
        </SimpleGrid>
        <ProblemAlert problem={problem} />
        <Group justify="flex-end">
          <Button type="submit" loading={form.submitting}>
            {t("replications.register")}
          </Button>
        </Group>
      </Stack>
    </Card>
  );
}
