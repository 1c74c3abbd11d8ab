import {
  AddCorrectiveActionDocument,
  CommendationsDocument,
  CompleteCorrectiveActionDocument,
  type CorrectiveActionFieldsFragment,
  type FindingSeverity,
  InspectionDetailDocument,
  type InspectionFieldsFragment,
  type InspectionStatus,
  InspectionsDocument,
  PlanInspectionDocument,
  RecordInspectionFindingDocument,
} from "@lantoa/client";
import { FindingSeveritySchema, findingImplications, InspectionPlanSchema } from "@lantoa/domain/register";
import {
  Anchor,
  Badge,
  Button,
  Card,
  Group,
  Modal,
  NumberInput,
  SegmentedControl,
  Select,
  SimpleGrid,
  Stack,
  Table,
  Text,
  Textarea,
  TextInput,
  Title,
  VisuallyHidden,
} from "@mantine/core";
import { notifications } from "@mantine/notifications";
import { keepPreviousData, useMutation, useQuery } from "@tanstack/react-query";
import { useState } from "react";
import { Link } from "wouter";
import { z } from "zod";
import { graphqlMutation, graphqlQuery } from "../data/graphql";
import { ProblemAlert } from "../errors/problem-alert";
import { foldedOptionsFilter } from "../fold-vietnamese";
import { DateField } from "../forms/date-field";
import { useMutationForm } from "../forms/use-mutation-form";
import { useI18n } from "../i18n/i18n";
import { ListTable } from "../layout/list-table";
import { EmptyNote, QueryStatus } from "../query-status";
import { commendationStatusColor, inspectionStatusColor, severityColor, statusColor } from "../status-colors";
import { renderUnitOption, type UnitOption } from "../unit-options";
import {
  ModelPicker,
  registrarRoles,
  today,
  useHoldsRole,
  useRegisterFilters,
  useUnitOptions,
} from "./register-support";

const inspectionStatuses: readonly InspectionStatus[] = ["planned", "visited", "closed"];
const officerRoles = ["system-admin", "unit-admin", "unit-officer"];
const plan = InspectionPlanSchema.shape;
const isoDate = plan.period.shape.from;

type Concern = "unit" | "model" | "commendation";

/**
 * Whether a finding of this severity about this kind of record suspends it: the domain's
 * `findingImplications` decides, the same rule the gateway applies when the finding is recorded.
 */
function suspends(severity: FindingSeverity, concern: Concern): boolean {
  const subject =
    concern === "model"
      ? { kind: "model" as const, modelId: "preview" }
      : concern === "commendation"
        ? { kind: "commendation" as const, commendationId: "preview" }
        : { kind: "unit" as const };
  const implied = findingImplications({
    id: "preview",
    severity,
    description: "preview",
    recordedOn: "2000-01-01",
    subject,
    correctiveActions: [],
    reverification: null,
  });
  return implied.some((i) => i.kind === "suspend-model" || i.kind === "suspend-commendation");
}

/** Inspections of a unit's subtree: plan one, record findings (which may suspend), follow corrective actions. */
export default function InspectionsPage() {
  const { t, label, formatDate, formatDateRange, formatCount } = useI18n();
  const mayKeep = useHoldsRole(registrarRoles);
  const { units, options, ownUnit } = useUnitOptions();
  const filters = useRegisterFilters();
  const { status, year } = filters.values;
  const unitId = filters.values.unit ?? ownUnit;
  const [planning, setPlanning] = useState(false);
  const [selected, setSelected] = useState<string | null>(null);
  const list = useQuery({
    ...graphqlQuery(InspectionsDocument, {
      filter: {
        withinUnitId: unitId,
        status: (status as InspectionStatus | null) ?? null,
        year: typeof year === "number" ? year : null,
      },
      first: 100,
      after: null,
    }),
    enabled: !!unitId,
    placeholderData: keepPreviousData,
  });
  const rows = list.data?.inspections?.edges?.map((e) => e.node) ?? null;

  return (
    <Stack component="section" aria-labelledby="inspections-heading" gap="sm">
      <Group justify="space-between" align="flex-end">
        <div>
          <Title order={2} id="inspections-heading">
            {t("inspections.title")}
          </Title>
          <Text c="dimmed">{t("inspections.intro")}</Text>
        </div>
        {mayKeep && <Button onClick={() => setPlanning(true)}>{t("inspections.plan")}</Button>}
      </Group>
      <Group align="flex-end" gap="sm">
        <Select
          label={t("registers.unit")}
          searchable
          filter={foldedOptionsFilter}
          value={unitId}
          onChange={(unit) => filters.setFieldValue("unit", unit)}
          allowDeselect={false}
          data={options}
          renderOption={renderUnitOption}
          w={{ base: "100%", sm: 320 }}
        />
        <Select
          label={t("inspections.status")}
          clearable
          clearButtonProps={{ "aria-label": t("form.clearChoice") }}
          placeholder={t("registers.all")}
          {...filters.getInputProps("status")}
          data={inspectionStatuses.map((code) => ({ value: code, label: label("inspectionStatus", code) }))}
          w={{ base: "100%", sm: 200 }}
        />
        <NumberInput
          label={t("inspections.year")}
          placeholder={t("registers.all")}
          {...filters.getInputProps("year")}
          min={1990}
          max={2100}
          thousandSeparator=""
          w={{ base: "100%", sm: 160 }}
        />
      </Group>
      <QueryStatus query={units} />
      {unitId && <QueryStatus query={list} lines={6} />}
      {list.data && (
        <Text size="sm" c="dimmed">
          {t("inspections.count", { count: formatCount(list.data.inspections?.totalCount ?? 0) })}
        </Text>
      )}
      {rows && rows.length === 0 && <EmptyNote text={t("inspections.empty")} />}
      {rows && rows.length > 0 && (
        <ListTable minWidth={900} data-testid="inspections-table">
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col">{t("inspections.inspected")}</Table.Th>
              <Table.Th scope="col">{t("inspections.inspecting")}</Table.Th>
              <Table.Th scope="col">{t("inspections.plannedOn")}</Table.Th>
              <Table.Th scope="col">{t("inspections.period")}</Table.Th>
              <Table.Th scope="col">{t("inspections.status")}</Table.Th>
              <Table.Th scope="col">
                <VisuallyHidden>{t("registers.actions")}</VisuallyHidden>
              </Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {rows.map((row) => (
              <Table.Tr key={row.id} data-testid="inspection-row" bg={row.id === selected ? "blue.0" : undefined}>
                <Table.Td>
                  <Text fw={600} inherit>
                    {row.unit?.name}
                  </Text>
                </Table.Td>
                <Table.Td data-label={t("inspections.inspecting")}>{row.inspectingUnit?.name}</Table.Td>
                <Table.Td data-label={t("inspections.plannedOn")}>
                  {row.plannedOn ? formatDate(row.plannedOn) : "—"}
                </Table.Td>
                <Table.Td data-label={t("inspections.period")}>
                  {formatDateRange(row.periodFrom, row.periodTo)}
                </Table.Td>
                <Table.Td data-label={t("inspections.status")}>
                  <Badge variant="light" color={inspectionStatusColor[row.status ?? ""] ?? "gray"}>
                    {label("inspectionStatus", row.status)}
                  </Badge>
                </Table.Td>
                <Table.Td>
                  <Button
                    size="xs"
                    variant={row.id === selected ? "filled" : "default"}
                    onClick={() => setSelected(row.id)}
                    aria-label={t("inspections.openOf", { unit: row.unit?.name ?? "" })}
                  >
                    {t("inspections.open")}
                  </Button>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </ListTable>
      )}
      {selected && <InspectionDetail id={selected} />}
      <Modal opened={planning} onClose={() => setPlanning(false)} title={t("inspections.plan")} size="lg">
        {planning && (
          <PlanForm
            unitOptions={options}
            defaultInspecting={ownUnit}
            onDone={(id) => {
              setPlanning(false);
              if (id) setSelected(id);
            }}
          />
        )}
      </Modal>
    </Stack>
  );
}

const planSchema = z.object({
  inspected: plan.inspectedUnitId,
  inspecting: plan.inspectingUnitId,
  periodFrom: isoDate,
  periodTo: isoDate,
  plannedOn: isoDate,
  notes: z.string().max(2000),
});

function PlanForm({
  unitOptions,
  defaultInspecting,
  onDone,
}: {
  unitOptions: UnitOption[];
  defaultInspecting: string | null;
  onDone(id: string | null): void;
}) {
  const { t } = useI18n();
  const planInspection = useMutation(graphqlMutation(PlanInspectionDocument));
  const { form, onSubmit, problem } = useMutationForm({
    initialValues: {
      inspected: null as string | null,
      inspecting: defaultInspecting,
      periodFrom: "",
      periodTo: "",
      plannedOn: today(),
      notes: "",
    },
    schema: planSchema,
    messages: {
      inspected: "inspections.unitRequired",
      inspecting: "inspections.unitRequired",
      periodFrom: "registers.dateInvalid",
      periodTo: "registers.dateInvalid",
      plannedOn: "registers.dateInvalid",
    },
    // The domain's plan refuses a unit inspecting itself and a period ending before it starts.
    check: (v) => ({
      inspected: v.inspected && v.inspected === v.inspecting ? "inspections.notSelf" : null,
      periodTo: v.periodFrom && v.periodTo && v.periodTo < v.periodFrom ? "inspections.periodReversed" : null,
    }),
    submit: (v, { idempotencyKey }) =>
      planInspection.mutateAsync({
        idempotencyKey,
        input: {
          inspectedUnitId: v.inspected ?? "",
          inspectingUnitId: v.inspecting ?? "",
          periodFrom: v.periodFrom,
          periodTo: v.periodTo,
          plannedOn: v.plannedOn,
          notes: v.notes.trim() || null,
        },
      }),
    onSuccess: ({ data }) => {
      notifications.show({ color: "green", message: t("inspections.planned") });
      onDone(data.inspection?.id ?? null);
    },
  });

  return (
    <form onSubmit={onSubmit} noValidate>
      <Stack gap="sm">
        <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
          <Select
            label={t("inspections.inspected")}
            withAsterisk
            searchable
            filter={foldedOptionsFilter}
            data={unitOptions}
            renderOption={renderUnitOption}
            {...form.getInputProps("inspected")}
          />
          <Select
            label={t("inspections.inspecting")}
            withAsterisk
            searchable
            filter={foldedOptionsFilter}
            data={unitOptions}
            renderOption={renderUnitOption}
            {...form.getInputProps("inspecting")}
          />
          <DateField label={t("inspections.periodFrom")} withAsterisk {...form.getInputProps("periodFrom")} />
          <DateField label={t("inspections.periodTo")} withAsterisk {...form.getInputProps("periodTo")} />
          <DateField label={t("inspections.plannedOn")} withAsterisk {...form.getInputProps("plannedOn")} />
        </SimpleGrid>
        <Textarea label={t("inspections.notes")} autosize minRows={2} {...form.getInputProps("notes")} />
        <ProblemAlert problem={problem} testId="plan-refusal" />
        <Group justify="flex-end">
          <Button variant="default" onClick={() => onDone(null)}>
            {t("registers.cancel")}
          </Button>
          <Button type="submit" loading={form.submitting}>
            {t("inspections.plan")}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

/** One inspection: its findings with what they suspended, their corrective actions, and the finding form. */
function InspectionDetail({ id }: { id: string }) {
  const { t, label, formatDate, formatDateRange } = useI18n();
  const mayKeep = useHoldsRole(registrarRoles);
  const query = useQuery(graphqlQuery(InspectionDetailDocument, { id }));
  const node = query.data?.node;
  const inspection = node?.__typename === "Inspection" ? node : null;
  if (!inspection) return <QueryStatus query={query} />;
  const findings = inspection.findings ?? [];

  return (
    <Card withBorder component="section" aria-labelledby="inspection-heading" data-testid="inspection-detail">
      <Stack gap="sm">
        <Title order={3} size="h4" id="inspection-heading">
          {t("inspections.detailTitle", { unit: inspection.unit?.name ?? "" })}
        </Title>
        <Text size="sm" c="dimmed">
          {t("inspections.detailLine", {
            inspecting: inspection.inspectingUnit?.name ?? "",
            planned: inspection.plannedOn ? formatDate(inspection.plannedOn) : "—",
            status: label("inspectionStatus", inspection.status),
          })}{" "}
          · {t("inspections.period")}: {formatDateRange(inspection.periodFrom, inspection.periodTo)}
        </Text>
        {inspection.notes && <Text size="sm">{inspection.notes}</Text>}
        <Title order={4} size="h5">
          {t("inspections.findings")}
        </Title>
        {findings.length === 0 && <EmptyNote text={t("inspections.noFindings")} />}
        {findings.map((finding) => (
          <Card key={finding.id} withBorder padding="sm" data-testid="finding">
            <Stack gap={6}>
              <Group gap="xs">
                <Badge color={severityColor[finding.severity ?? ""] ?? "gray"}>
                  {label("severity", finding.severity)}
                </Badge>
                <Text size="sm" c="dimmed">
                  {finding.recordedOn ? formatDate(finding.recordedOn) : ""}
                </Text>
              </Group>
              <Text>{finding.description}</Text>
              {finding.model && (
                <Text size="sm">
                  {t("inspections.aboutModel")}{" "}
                  <Anchor component={Link} href={`/models/${encodeURIComponent(finding.model.id)}`}>
                    {finding.model.name}
                  </Anchor>{" "}
                  <Badge size="sm" variant="light" color={statusColor[finding.model.status ?? ""] ?? "gray"}>
                    {label("status", finding.model.status)}
                  </Badge>
                </Text>
              )}
              {finding.commendation && (
                <Text size="sm">
                  {t("inspections.aboutCommendation", { decision: finding.commendation.decisionNumber ?? "" })}{" "}
                  <Badge
                    size="sm"
                    variant="light"
                    color={commendationStatusColor[finding.commendation.status ?? ""] ?? "gray"}
                    data-testid="finding-commendation-status"
                  >
                    {label("commendationStatus", finding.commendation.status)}
                  </Badge>
                </Text>
              )}
              {finding.effect && finding.effect !== "none" && (
                <Text size="sm" c="red.9" fw={600} data-testid="finding-effect">
                  {label("findingEffect", finding.effect)}
                </Text>
              )}
              <CorrectiveActions
                findingId={finding.id ?? ""}
                actions={finding.correctiveActions ?? []}
                mayAdd={mayKeep}
              />
            </Stack>
          </Card>
        ))}
        {mayKeep && inspection.status !== "closed" && <FindingForm inspection={inspection} />}
      </Stack>
    </Card>
  );
}

function FindingForm({ inspection }: { inspection: InspectionFieldsFragment }) {
  const { t, label } = useI18n();
  const record = useMutation(graphqlMutation(RecordInspectionFindingDocument));
  const { form, onSubmit, problem } = useMutationForm({
    initialValues: {
      severity: "minor" as FindingSeverity,
      description: "",
      recordedOn: today(),
      concern: "unit" as Concern,
      modelId: null as string | null,
      commendationId: null as string | null,
    },
    schema: z.object({ description: z.string().trim().min(1).max(4000), recordedOn: isoDate }),
    messages: { description: "inspections.descriptionRequired", recordedOn: "registers.dateInvalid" },
    check: (v) => ({
      modelId: v.concern === "model" && !v.modelId ? "commendations.modelRequired" : null,
      commendationId: v.concern === "commendation" && !v.commendationId ? "inspections.commendationRequired" : null,
    }),
    submit: (v) =>
      record.mutateAsync({
        expectedVersion: inspection.version ?? 0,
        input: {
          inspectionId: inspection.id,
          severity: v.severity,
          description: v.description.trim(),
          recordedOn: v.recordedOn,
          modelId: v.concern === "model" ? v.modelId : null,
          commendationId: v.concern === "commendation" ? v.commendationId : null,
        },
      }),
    fieldOf: { "INSPECTION.SUBJECT_OUTSIDE_UNIT": "concern" },
    onSuccess: () => {
      notifications.show({ color: "green", message: t("inspections.findingRecorded") });
      form.setFieldValue("description", "");
    },
  });
  const { concern, severity } = form.values;
  const commendations = useQuery({
    ...graphqlQuery(CommendationsDocument, {
      filter: { withinUnitId: inspection.unit?.id ?? null, status: null, year: null },
      first: 100,
      after: null,
    }),
    enabled: concern === "commendation" && !!inspection.unit?.id,
  });
  const commendationOptions = (commendations.data?.commendations?.edges ?? [])
    .map((e) => e.node)
    .filter((c) => c.status !== "REVOKED" && c.id)
    .map((c) => ({
      value: c.id ?? "",
      label: `${c.decisionNumber ?? ""} · ${c.model?.name ?? c.recipientPersonName ?? ""} (${label("commendationStatus", c.status)})`,
    }));
  const willSuspend = suspends(severity, concern);

  return (
    <Card withBorder component="form" onSubmit={onSubmit} noValidate aria-label={t("inspections.recordFinding")}>
      <Stack gap="sm">
        <Text fw={600}>{t("inspections.recordFinding")}</Text>
        <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
          <Select
            label={t("inspections.severity")}
            withAsterisk
            allowDeselect={false}
            data={FindingSeveritySchema.options.map((code) => ({ value: code, label: label("severity", code) }))}
            {...form.getInputProps("severity")}
          />
          <DateField label={t("inspections.recordedOn")} withAsterisk {...form.getInputProps("recordedOn")} />
        </SimpleGrid>
        <div>
          <Text size="sm" fw={500} id="finding-concern">
            {t("inspections.concerns")}
          </Text>
          <SegmentedControl
            aria-labelledby="finding-concern"
            data={[
              { value: "unit", label: t("inspections.concernUnit") },
              { value: "model", label: t("inspections.concernModel") },
              { value: "commendation", label: t("inspections.concernCommendation") },
            ]}
            {...form.getInputProps("concern")}
          />
        </div>
        {concern === "model" && (
          <ModelPicker
            label={t("commendations.model")}
            withinUnitId={inspection.unit?.id}
            {...form.getInputProps("modelId")}
          />
        )}
        {concern === "commendation" && (
          <Select
            label={t("inspections.commendation")}
            withAsterisk
            searchable
            data={commendationOptions}
            nothingFoundMessage={t("commendations.empty")}
            {...form.getInputProps("commendationId")}
          />
        )}
        <Textarea
          label={t("inspections.description")}
          withAsterisk
          autosize
          minRows={2}
          {...form.getInputProps("description")}
        />
        <Text
          size="sm"
          c={willSuspend ? "red.9" : "dimmed"}
          fw={willSuspend ? 600 : undefined}
          data-testid="finding-consequence"
        >
          {willSuspend
            ? t(concern === "model" ? "inspections.willSuspendModel" : "inspections.willSuspendCommendation")
            : t("inspections.willNotSuspend")}
        </Text>
        <ProblemAlert problem={problem} testId="finding-refusal" />
        <Group justify="flex-end">
          <Button type="submit" loading={form.submitting} color={willSuspend ? "orange" : undefined}>
            {t("inspections.recordFinding")}
          </Button>
        </Group>
      </Stack>
    </Card>
  );
}

function CorrectiveActions({
  findingId,
  actions,
  mayAdd,
}: {
  findingId: string;
  actions: readonly CorrectiveActionFieldsFragment[];
  mayAdd: boolean;
}) {
  const { t, label, formatDate } = useI18n();
  const mayComplete = useHoldsRole(officerRoles);
  const add = useMutation(graphqlMutation(AddCorrectiveActionDocument));
  const complete = useMutation(graphqlMutation(CompleteCorrectiveActionDocument));
  const { form, onSubmit, problem } = useMutationForm({
    initialValues: { description: "", dueOn: "" },
    schema: z.object({ description: z.string().trim().min(1).max(2000), dueOn: isoDate }),
    messages: { description: "inspections.descriptionRequired", dueOn: "registers.dateInvalid" },
    submit: (v, { idempotencyKey }) =>
      add.mutateAsync({ findingId, description: v.description.trim(), dueOn: v.dueOn, idempotencyKey }),
    onSuccess: () => form.reset(),
  });

  return (
    <Stack gap={4} pl="sm" style={{ borderLeft: "2px solid var(--mantine-color-gray-4)" }}>
      <Text size="sm" fw={600}>
        {t("inspections.correctiveActions")}
      </Text>
      {actions.length === 0 && (
        <Text size="sm" c="dimmed">
          {t("inspections.noActions")}
        </Text>
      )}
      {actions.map((action) => (
        <Group key={action.id} gap="xs" data-testid="corrective-action">
          <Text size="sm" style={{ flex: 1, minWidth: "12rem" }}>
            {action.description}{" "}
            <Text span size="xs" c="dimmed">
              {t("inspections.dueOn", { date: action.dueOn ? formatDate(action.dueOn) : "—" })}
              {action.completedOn ? ` · ${t("inspections.completedOn", { date: formatDate(action.completedOn) })}` : ""}
            </Text>
          </Text>
          <Badge size="sm" variant="light">
            {label("actionStatus", action.status)}
          </Badge>
          {mayComplete && !action.completedOn && (
            <Button
              size="xs"
              variant="default"
              loading={complete.isPending && complete.variables?.id === action.id}
              onClick={() =>
                complete.mutate(
                  { id: action.id ?? "", completedOn: today(), expectedVersion: action.version ?? 0 },
                  {
                    onSuccess: () => notifications.show({ color: "green", message: t("inspections.actionCompleted") }),
                  },
                )
              }
            >
              {t("inspections.complete")}
            </Button>
          )}
        </Group>
      ))}
      <ProblemAlert error={complete.error} />
      {mayAdd && (
        <form onSubmit={onSubmit} noValidate aria-label={t("inspections.addAction")}>
          <Group align="flex-start" gap="xs">
            <TextInput
              size="xs"
              label={t("inspections.actionDescription")}
              {...form.getInputProps("description")}
              style={{ flex: 1, minWidth: "12rem" }}
            />
            <DateField size="xs" label={t("inspections.dueOnLabel")} {...form.getInputProps("dueOn")} />
            <Button size="xs" type="submit" mt={22} loading={form.submitting}>
              {t("inspections.addAction")}
            </Button>
          </Group>
          <ProblemAlert problem={problem} />
        </form>
      )}
    </Stack>
  );
}
