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
  request,
} from "@lantoa/client";
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
import { type FormEvent, useRef, useState } from "react";
import { Link } from "wouter";
import { foldedOptionsFilter } from "../fold-vietnamese";
import { useI18n } from "../i18n/i18n";
import { statusColor } from "../model-labels";
import { EmptyNote, QueryStatus } from "../query-status";
import { graphqlEndpoint, useQuery } from "../use-query";
import { commendationStatusColor } from "./commendation-status";
import {
  isIsoDate,
  ModelPicker,
  RefusalAlert,
  registrarRoles,
  today,
  useHoldsRole,
  useSubmit,
  useUnitOptions,
} from "./register-support";

const inspectionStatuses: readonly InspectionStatus[] = ["planned", "visited", "closed"];
const severities: readonly FindingSeverity[] = ["observation", "minor", "major", "critical"];
/** From this severity on, a finding suspends the model or commendation it concerns (the gateway decides). */
const suspending: readonly FindingSeverity[] = ["major", "critical"];
const severityColor: Record<string, string> = { observation: "gray", minor: "blue", major: "orange", critical: "red" };
const officerRoles = ["system-admin", "unit-admin", "unit-officer"];

/** Inspections of a unit's subtree: plan one, record findings (which may suspend), follow corrective actions. */
export default function InspectionsPage() {
  const { t, label, formatDate, formatNumber } = useI18n();
  const mayKeep = useHoldsRole(registrarRoles);
  const { units, options, ownUnit } = useUnitOptions();
  const [chosenUnit, setChosenUnit] = useState<string | null>(null);
  const unitId = chosenUnit ?? ownUnit;
  const [status, setStatus] = useState<string | null>(null);
  const [year, setYear] = useState<number | string>("");
  const [planning, setPlanning] = useState(false);
  const [selected, setSelected] = useState<string | null>(null);
  const list = useQuery(
    InspectionsDocument,
    {
      filter: {
        withinUnitId: unitId,
        status: (status as InspectionStatus | null) ?? null,
        year: typeof year === "number" ? year : null,
      },
      first: 100,
      after: null,
    },
    { skip: !unitId },
  );
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
          onChange={setChosenUnit}
          allowDeselect={false}
          data={options}
          w={{ base: "100%", sm: 320 }}
        />
        <Select
          label={t("inspections.status")}
          clearable
          placeholder={t("registers.all")}
          value={status}
          onChange={setStatus}
          data={inspectionStatuses.map((code) => ({ value: code, label: label("inspectionStatus", code) }))}
          w={{ base: "100%", sm: 200 }}
        />
        <NumberInput
          label={t("inspections.year")}
          placeholder={t("registers.all")}
          value={year}
          onChange={setYear}
          min={1990}
          max={2100}
          thousandSeparator=""
          w={{ base: "100%", sm: 120 }}
        />
      </Group>
      <QueryStatus state={units} reload={units.reload} />
      {unitId && <QueryStatus state={list} reload={list.reload} lines={6} />}
      {list.data && (
        <Text size="sm" c="dimmed">
          {t("inspections.count", { count: formatNumber(list.data.inspections?.totalCount ?? 0) })}
        </Text>
      )}
      {rows && rows.length === 0 && <EmptyNote text={t("inspections.empty")} />}
      {rows && rows.length > 0 && (
        <Table.ScrollContainer minWidth={900}>
          <Table striped highlightOnHover data-testid="inspections-table">
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
                  <Table.Td>{row.unit?.name}</Table.Td>
                  <Table.Td>{row.inspectingUnit?.name}</Table.Td>
                  <Table.Td>{row.plannedOn ? formatDate(row.plannedOn) : "—"}</Table.Td>
                  <Table.Td>
                    {row.periodFrom ? formatDate(row.periodFrom) : "—"} –{" "}
                    {row.periodTo ? formatDate(row.periodTo) : "—"}
                  </Table.Td>
                  <Table.Td>
                    <Badge variant="light">{label("inspectionStatus", row.status)}</Badge>
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
          </Table>
        </Table.ScrollContainer>
      )}
      {selected && <InspectionDetail id={selected} onChanged={list.reload} />}
      <Modal opened={planning} onClose={() => setPlanning(false)} title={t("inspections.plan")} size="lg">
        {planning && (
          <PlanForm
            unitOptions={options}
            defaultInspecting={ownUnit}
            onDone={(id) => {
              setPlanning(false);
              if (id) {
                list.reload();
                setSelected(id);
              }
            }}
          />
        )}
      </Modal>
    </Stack>
  );
}

function PlanForm({
  unitOptions,
  defaultInspecting,
  onDone,
}: {
  unitOptions: { value: string; label: string }[];
  defaultInspecting: string | null;
  onDone(id: string | null): void;
}) {
  const { t } = useI18n();
  const { refusal, busy, send } = useSubmit();
  const attempt = useRef<{ values: string; key: string } | null>(null);
  const [inspected, setInspected] = useState<string | null>(null);
  const [inspecting, setInspecting] = useState<string | null>(defaultInspecting);
  const [periodFrom, setPeriodFrom] = useState("");
  const [periodTo, setPeriodTo] = useState("");
  const [plannedOn, setPlannedOn] = useState(today());
  const [notes, setNotes] = useState("");
  const [errors, setErrors] = useState<Record<string, string>>({});

  function onSubmit(event: FormEvent) {
    event.preventDefault();
    const found: Record<string, string> = {};
    if (!inspected) found.inspected = t("inspections.unitRequired");
    if (!inspecting) found.inspecting = t("inspections.unitRequired");
    if (inspected && inspected === inspecting) found.inspected = t("inspections.notSelf");
    if (!isIsoDate(periodFrom)) found.periodFrom = t("registers.dateInvalid");
    if (!isIsoDate(periodTo)) found.periodTo = t("registers.dateInvalid");
    else if (isIsoDate(periodFrom) && periodTo < periodFrom) found.periodTo = t("inspections.periodReversed");
    if (!isIsoDate(plannedOn)) found.plannedOn = t("registers.dateInvalid");
    setErrors(found);
    if (Object.keys(found).length > 0 || !inspected || !inspecting) return;
    const input = {
      inspectedUnitId: inspected,
      inspectingUnitId: inspecting,
      periodFrom,
      periodTo,
      plannedOn,
      notes: notes.trim() || null,
    };
    const serialized = JSON.stringify(input);
    if (attempt.current?.values !== serialized) attempt.current = { values: serialized, key: crypto.randomUUID() };
    const key = attempt.current.key;
    void send(
      (token) =>
        request(graphqlEndpoint, PlanInspectionDocument, { input, idempotencyKey: key }, { token }).then(
          (r) => r.planInspection,
        ),
      (payload) => {
        notifications.show({ color: "green", message: t("inspections.planned") });
        onDone(payload.data.inspection?.id ?? null);
      },
    );
  }

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
            value={inspected}
            onChange={setInspected}
            error={errors.inspected}
          />
          <Select
            label={t("inspections.inspecting")}
            withAsterisk
            searchable
            filter={foldedOptionsFilter}
            data={unitOptions}
            value={inspecting}
            onChange={setInspecting}
            error={errors.inspecting}
          />
          <TextInput
            type="date"
            label={t("inspections.periodFrom")}
            withAsterisk
            value={periodFrom}
            onChange={(e) => setPeriodFrom(e.currentTarget.value)}
            error={errors.periodFrom}
          />
          <TextInput
            type="date"
            label={t("inspections.periodTo")}
            withAsterisk
            value={periodTo}
            onChange={(e) => setPeriodTo(e.currentTarget.value)}
            error={errors.periodTo}
          />
          <TextInput
            type="date"
            label={t("inspections.plannedOn")}
            withAsterisk
            value={plannedOn}
            onChange={(e) => setPlannedOn(e.currentTarget.value)}
            error={errors.plannedOn}
          />
        </SimpleGrid>
        <Textarea
          label={t("inspections.notes")}
          autosize
          minRows={2}
          value={notes}
          onChange={(e) => setNotes(e.currentTarget.value)}
        />
        <RefusalAlert refusal={refusal} testId="plan-refusal" />
        <Group justify="flex-end">
          <Button variant="default" onClick={() => onDone(null)}>
            {t("registers.cancel")}
          </Button>
          <Button type="submit" loading={busy}>
            {t("inspections.plan")}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

/** One inspection: its findings with what they suspended, their corrective actions, and the finding form. */
function InspectionDetail({ id, onChanged }: { id: string; onChanged(): void }) {
  const { t, label, formatDate } = useI18n();
  const mayKeep = useHoldsRole(registrarRoles);
  const query = useQuery(InspectionDetailDocument, { id });
  const node = query.data?.node;
  const inspection = node?.__typename === "Inspection" ? node : null;
  if (!inspection) return <QueryStatus state={query} reload={query.reload} />;
  const findings = inspection.findings ?? [];
  const changed = () => {
    query.reload();
    onChanged();
  };

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
          })}
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
                <Text size="sm" c="orange.9" fw={600} data-testid="finding-effect">
                  {label("findingEffect", finding.effect)}
                </Text>
              )}
              <CorrectiveActions
                findingId={finding.id ?? ""}
                actions={finding.correctiveActions ?? []}
                mayAdd={mayKeep}
                onChanged={changed}
              />
            </Stack>
          </Card>
        ))}
        {mayKeep && inspection.status !== "closed" && <FindingForm inspection={inspection} onDone={changed} />}
      </Stack>
    </Card>
  );
}

type Concern = "unit" | "model" | "commendation";

function FindingForm({ inspection, onDone }: { inspection: InspectionFieldsFragment; onDone(): void }) {
  const { t, label } = useI18n();
  const { refusal, busy, send } = useSubmit();
  const [severity, setSeverity] = useState<FindingSeverity>("minor");
  const [description, setDescription] = useState("");
  const [recordedOn, setRecordedOn] = useState(today());
  const [concern, setConcern] = useState<Concern>("unit");
  const [modelId, setModelId] = useState<string | null>(null);
  const [commendationId, setCommendationId] = useState<string | null>(null);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const commendations = useQuery(
    CommendationsDocument,
    { filter: { withinUnitId: inspection.unit?.id ?? null, status: null, year: null }, first: 100, after: null },
    { skip: concern !== "commendation" || !inspection.unit?.id },
  );
  const commendationOptions = (commendations.data?.commendations?.edges ?? [])
    .map((e) => e.node)
    .filter((c) => c.status !== "REVOKED" && c.id)
    .map((c) => ({
      value: c.id ?? "",
      label: `${c.decisionNumber ?? ""} · ${c.model?.name ?? c.recipientPersonName ?? ""} (${label("commendationStatus", c.status)})`,
    }));
  const suspends = suspending.includes(severity) && concern !== "unit";

  function onSubmit(event: FormEvent) {
    event.preventDefault();
    const found: Record<string, string> = {};
    if (!description.trim()) found.description = t("inspections.descriptionRequired");
    if (!isIsoDate(recordedOn)) found.recordedOn = t("registers.dateInvalid");
    if (concern === "model" && !modelId) found.model = t("commendations.modelRequired");
    if (concern === "commendation" && !commendationId) found.commendation = t("inspections.commendationRequired");
    setErrors(found);
    if (Object.keys(found).length > 0 || inspection.version == null) return;
    const input = {
      inspectionId: inspection.id,
      severity,
      description: description.trim(),
      recordedOn,
      modelId: concern === "model" ? modelId : null,
      commendationId: concern === "commendation" ? commendationId : null,
    };
    void send(
      (token) =>
        request(
          graphqlEndpoint,
          RecordInspectionFindingDocument,
          { input, expectedVersion: inspection.version ?? 0 },
          { token },
        ).then((r) => r.recordInspectionFinding),
      () => {
        notifications.show({ color: "green", message: t("inspections.findingRecorded") });
        setDescription("");
        // The finding may have suspended one of them: show their standing now.
        commendations.reload();
        onDone();
      },
    );
  }

  return (
    <Card withBorder component="form" onSubmit={onSubmit} noValidate aria-label={t("inspections.recordFinding")}>
      <Stack gap="sm">
        <Text fw={600}>{t("inspections.recordFinding")}</Text>
        <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
          <Select
            label={t("inspections.severity")}
            withAsterisk
            allowDeselect={false}
            data={severities.map((code) => ({ value: code, label: label("severity", code) }))}
            value={severity}
            onChange={(v) => v && setSeverity(v as FindingSeverity)}
          />
          <TextInput
            type="date"
            label={t("inspections.recordedOn")}
            withAsterisk
            value={recordedOn}
            onChange={(e) => setRecordedOn(e.currentTarget.value)}
            error={errors.recordedOn}
          />
        </SimpleGrid>
        <div>
          <Text size="sm" fw={500} id="finding-concern">
            {t("inspections.concerns")}
          </Text>
          <SegmentedControl
            aria-labelledby="finding-concern"
            value={concern}
            onChange={(v) => setConcern(v as Concern)}
            data={[
              { value: "unit", label: t("inspections.concernUnit") },
              { value: "model", label: t("inspections.concernModel") },
              { value: "commendation", label: t("inspections.concernCommendation") },
            ]}
          />
        </div>
        {concern === "model" && (
          <ModelPicker
            label={t("commendations.model")}
            value={modelId}
            onChange={setModelId}
            error={errors.model}
            withinUnitId={inspection.unit?.id}
          />
        )}
        {concern === "commendation" && (
          <Select
            label={t("inspections.commendation")}
            withAsterisk
            searchable
            data={commendationOptions}
            value={commendationId}
            onChange={setCommendationId}
            error={errors.commendation}
            nothingFoundMessage={t("commendations.empty")}
          />
        )}
        <Textarea
          label={t("inspections.description")}
          withAsterisk
          autosize
          minRows={2}
          value={description}
          onChange={(e) => setDescription(e.currentTarget.value)}
          error={errors.description}
        />
        <Text size="sm" c={suspends ? "orange.9" : "dimmed"} data-testid="finding-consequence">
          {suspends
            ? t(concern === "model" ? "inspections.willSuspendModel" : "inspections.willSuspendCommendation")
            : t("inspections.willNotSuspend")}
        </Text>
        <RefusalAlert refusal={refusal} testId="finding-refusal" />
        <Group justify="flex-end">
          <Button type="submit" loading={busy} color={suspends ? "orange" : undefined}>
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
  onChanged,
}: {
  findingId: string;
  actions: readonly CorrectiveActionFieldsFragment[];
  mayAdd: boolean;
  onChanged(): void;
}) {
  const { t, label, formatDate } = useI18n();
  const mayComplete = useHoldsRole(officerRoles);
  const add = useSubmit();
  const complete = useSubmit();
  const attempt = useRef<{ values: string; key: string } | null>(null);
  const [description, setDescription] = useState("");
  const [dueOn, setDueOn] = useState("");
  const [errors, setErrors] = useState<Record<string, string>>({});

  function onAdd(event: FormEvent) {
    event.preventDefault();
    const found: Record<string, string> = {};
    if (!description.trim()) found.description = t("inspections.descriptionRequired");
    if (!isIsoDate(dueOn)) found.dueOn = t("registers.dateInvalid");
    setErrors(found);
    if (Object.keys(found).length > 0) return;
    const variables = { findingId, description: description.trim(), dueOn };
    const serialized = JSON.stringify(variables);
    if (attempt.current?.values !== serialized) attempt.current = { values: serialized, key: crypto.randomUUID() };
    const key = attempt.current.key;
    void add.send(
      (token) =>
        request(graphqlEndpoint, AddCorrectiveActionDocument, { ...variables, idempotencyKey: key }, { token }).then(
          (r) => r.addCorrectiveAction,
        ),
      () => {
        setDescription("");
        setDueOn("");
        onChanged();
      },
    );
  }

  function onComplete(action: CorrectiveActionFieldsFragment) {
    void complete.send(
      (token) =>
        request(
          graphqlEndpoint,
          CompleteCorrectiveActionDocument,
          { id: action.id ?? "", completedOn: today(), expectedVersion: action.version ?? 0 },
          { token },
        ).then((r) => r.completeCorrectiveAction),
      () => {
        notifications.show({ color: "green", message: t("inspections.actionCompleted") });
        onChanged();
      },
    );
  }

  return (
    <Stack gap={4} pl="sm" style={{ borderLeft: "2px solid var(--mantine-color-gray-3)" }}>
      <Text size="sm" fw={600}>
        {t("inspections.correctiveActions")}
      </Text>
      {actions.length === 0 && (
        <Text size="sm" c="dimmed">
          {t("inspections.noActions")}
        </Text>
      )}
      {actions.map((action) => (
        <Group key={action.id} gap="xs" data-testid="corrective-action" wrap="nowrap">
          <Text size="sm" style={{ flex: 1 }}>
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
            <Button size="xs" variant="default" loading={complete.busy} onClick={() => onComplete(action)}>
              {t("inspections.complete")}
            </Button>
          )}
        </Group>
      ))}
      <RefusalAlert refusal={complete.refusal} />
      {mayAdd && (
        <form onSubmit={onAdd} noValidate aria-label={t("inspections.addAction")}>
          <Group align="flex-start" gap="xs">
            <TextInput
              size="xs"
              label={t("inspections.actionDescription")}
              value={description}
              onChange={(e) => setDescription(e.currentTarget.value)}
              error={errors.description}
              style={{ flex: 1 }}
            />
            <TextInput
              size="xs"
              type="date"
              label={t("inspections.dueOnLabel")}
              value={dueOn}
              onChange={(e) => setDueOn(e.currentTarget.value)}
              error={errors.dueOn}
            />
            <Button size="xs" type="submit" mt={22} loading={add.busy}>
              {t("inspections.addAction")}
            </Button>
          </Group>
          <RefusalAlert refusal={add.refusal} />
        </form>
      )}
    </Stack>
  );
}
