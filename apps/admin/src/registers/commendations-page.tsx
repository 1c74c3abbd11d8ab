import {
  type CommendationFieldsFragment,
  type CommendationStatus,
  CommendationsDocument,
  IssueCommendationDocument,
  LiftCommendationSuspensionDocument,
  RevokeCommendationDocument,
  request,
} from "@lantoa/client";
import {
  Anchor,
  Badge,
  Button,
  Group,
  Modal,
  NumberInput,
  Select,
  SimpleGrid,
  Stack,
  Table,
  Text,
  Textarea,
  TextInput,
  Title,
} from "@mantine/core";
import { notifications } from "@mantine/notifications";
import { type FormEvent, useRef, useState } from "react";
import { Link } from "wouter";
import { foldedOptionsFilter } from "../fold-vietnamese";
import { useI18n } from "../i18n/i18n";
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
import { useConfiguration } from "./use-configuration";

const statuses: readonly CommendationStatus[] = ["IN_FORCE", "SUSPENDED", "REVOKED", "EXPIRED", "NOT_YET_EFFECTIVE"];

type Dialog =
  | { kind: "issue" }
  | { kind: "revoke"; row: CommendationFieldsFragment }
  | { kind: "lift"; row: CommendationFieldsFragment };

/** The commendation register of a unit's subtree: filters, status badges, issue, revoke and lift a suspension. */
export default function CommendationsPage() {
  const { t, label, formatDate, formatNumber } = useI18n();
  const configuration = useConfiguration();
  const mayKeep = useHoldsRole(registrarRoles);
  const { units, options, ownUnit } = useUnitOptions();
  const [chosenUnit, setChosenUnit] = useState<string | null>(null);
  const unitId = chosenUnit ?? ownUnit;
  const [status, setStatus] = useState<string | null>(null);
  const [year, setYear] = useState<number | string>("");
  const [dialog, setDialog] = useState<Dialog | null>(null);
  const list = useQuery(
    CommendationsDocument,
    {
      filter: {
        withinUnitId: unitId,
        status: (status as CommendationStatus | null) ?? null,
        year: typeof year === "number" ? year : null,
      },
      first: 100,
      after: null,
    },
    { skip: !unitId },
  );
  const rows = list.data?.commendations?.edges?.map((e) => e.node) ?? null;
  const close = (changed: boolean) => {
    setDialog(null);
    if (changed) list.reload();
  };

  return (
    <Stack component="section" aria-labelledby="commendations-heading" gap="sm">
      <Group justify="space-between" align="flex-end">
        <div>
          <Title order={2} id="commendations-heading">
            {t("commendations.title")}
          </Title>
          <Text c="dimmed">{t("commendations.intro")}</Text>
        </div>
        {mayKeep && <Button onClick={() => setDialog({ kind: "issue" })}>{t("commendations.issue")}</Button>}
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
          label={t("commendations.status")}
          clearable
          placeholder={t("registers.all")}
          value={status}
          onChange={setStatus}
          data={statuses.map((code) => ({ value: code, label: label("commendationStatus", code) }))}
          w={{ base: "100%", sm: 200 }}
        />
        <NumberInput
          label={t("commendations.year")}
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
        <Text size="sm" c="dimmed" data-testid="commendations-count">
          {t("commendations.count", { count: formatNumber(list.data.commendations?.totalCount ?? 0) })}
        </Text>
      )}
      {rows && rows.length === 0 && <EmptyNote text={t("commendations.empty")} />}
      {rows && rows.length > 0 && (
        <Table.ScrollContainer minWidth={860}>
          <Table striped highlightOnHover data-testid="commendations-table">
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">{t("commendations.decision")}</Table.Th>
                <Table.Th scope="col">{t("commendations.model")}</Table.Th>
                <Table.Th scope="col">{t("commendations.form")}</Table.Th>
                <Table.Th scope="col">{t("commendations.level")}</Table.Th>
                <Table.Th scope="col">{t("commendations.issuer")}</Table.Th>
                <Table.Th scope="col">{t("commendations.status")}</Table.Th>
                {mayKeep && <Table.Th scope="col">{t("registers.actions")}</Table.Th>}
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {rows.map((row) => (
                <Table.Tr key={row.id ?? row.decisionNumber} data-testid="commendation-row">
                  <Table.Td>
                    {row.decisionNumber}
                    <Text size="xs" c="dimmed">
                      {row.decisionDate ? formatDate(row.decisionDate) : "—"}
                    </Text>
                  </Table.Td>
                  <Table.Td>
                    {row.model ? (
                      <Anchor component={Link} href={`/models/${encodeURIComponent(row.model.id)}`}>
                        {row.model.name}
                      </Anchor>
                    ) : (
                      (row.recipientPersonName ?? "—")
                    )}
                  </Table.Td>
                  <Table.Td>{configuration.formLabel(row.form)}</Table.Td>
                  <Table.Td>{configuration.levelLabel(row.level)}</Table.Td>
                  <Table.Td>{row.issuer}</Table.Td>
                  <Table.Td>
                    <Badge
                      variant="light"
                      color={commendationStatusColor[row.status ?? ""] ?? "gray"}
                      data-testid="commendation-status"
                    >
                      {label("commendationStatus", row.status)}
                    </Badge>
                    {row.revokedReason && (
                      <Text size="xs" c="dimmed">
                        {t("commendations.revokedLine", {
                          date: row.revokedOn ? formatDate(row.revokedOn) : "—",
                          reason: row.revokedReason,
                        })}
                      </Text>
                    )}
                    {row.status === "SUSPENDED" &&
                      (row.suspensions ?? [])
                        .filter((s) => !s.until)
                        .map((s) => (
                          <Text size="xs" c="dimmed" key={s.from}>
                            {t("commendations.suspendedLine", {
                              date: s.from ? formatDate(s.from) : "—",
                              reason: s.reason ?? "",
                            })}
                          </Text>
                        ))}
                  </Table.Td>
                  {mayKeep && (
                    <Table.Td>
                      <Group gap={4} wrap="nowrap">
                        {row.status !== "REVOKED" && (
                          <Button
                            size="xs"
                            variant="default"
                            onClick={() => setDialog({ kind: "revoke", row })}
                            aria-label={t("commendations.revokeOf", { decision: row.decisionNumber ?? "" })}
                          >
                            {t("commendations.revoke")}
                          </Button>
                        )}
                        {row.status === "SUSPENDED" && (
                          <Button
                            size="xs"
                            variant="light"
                            onClick={() => setDialog({ kind: "lift", row })}
                            aria-label={t("commendations.liftOf", { decision: row.decisionNumber ?? "" })}
                          >
                            {t("commendations.lift")}
                          </Button>
                        )}
                      </Group>
                    </Table.Td>
                  )}
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
      <Modal
        opened={dialog !== null}
        onClose={() => close(false)}
        size="lg"
        title={
          dialog?.kind === "issue"
            ? t("commendations.issue")
            : dialog?.kind === "revoke"
              ? t("commendations.revokeTitle", { decision: dialog.row.decisionNumber ?? "" })
              : dialog?.kind === "lift"
                ? t("commendations.liftTitle", { decision: dialog.row.decisionNumber ?? "" })
                : ""
        }
      >
        {dialog?.kind === "issue" && <IssueForm withinUnitId={unitId} onDone={close} />}
        {dialog?.kind === "revoke" && <RevokeForm row={dialog.row} onDone={close} />}
        {dialog?.kind === "lift" && <LiftForm row={dialog.row} onDone={close} />}
      </Modal>
    </Stack>
  );
}

function IssueForm({ withinUnitId, onDone }: { withinUnitId: string | null; onDone(changed: boolean): void }) {
  const { t } = useI18n();
  const configuration = useConfiguration();
  const { refusal, busy, send } = useSubmit();
  const attempt = useRef<{ values: string; key: string } | null>(null);
  const [modelId, setModelId] = useState<string | null>(null);
  const [decisionNumber, setDecisionNumber] = useState("");
  const [decisionDate, setDecisionDate] = useState(today());
  const [issuer, setIssuer] = useState("");
  const [level, setLevel] = useState<string | null>(null);
  const [form, setForm] = useState<string | null>(null);
  const [errors, setErrors] = useState<Record<string, string>>({});

  function onSubmit(event: FormEvent) {
    event.preventDefault();
    const found: Record<string, string> = {};
    if (!modelId) found.model = t("commendations.modelRequired");
    if (!decisionNumber.trim()) found.decisionNumber = t("commendations.decisionRequired");
    if (!isIsoDate(decisionDate)) found.decisionDate = t("registers.dateInvalid");
    if (!issuer.trim()) found.issuer = t("commendations.issuerRequired");
    if (!level) found.level = t("commendations.levelRequired");
    if (!form) found.form = t("commendations.formRequired");
    setErrors(found);
    if (Object.keys(found).length > 0 || !modelId || !level || !form) return;
    const input = {
      modelId,
      decisionNumber: decisionNumber.trim(),
      decisionDate,
      issuer: issuer.trim(),
      level,
      form,
      validUntil: null,
    };
    const serialized = JSON.stringify(input);
    if (attempt.current?.values !== serialized) attempt.current = { values: serialized, key: crypto.randomUUID() };
    const key = attempt.current.key;
    void send(
      (token) =>
        request(graphqlEndpoint, IssueCommendationDocument, { input, idempotencyKey: key }, { token }).then(
          (r) => r.issueCommendation,
        ),
      () => {
        notifications.show({ color: "green", message: t("commendations.issued", { decision: input.decisionNumber }) });
        onDone(true);
      },
    );
  }

  return (
    <form onSubmit={onSubmit} noValidate>
      <Stack gap="sm">
        <ModelPicker
          label={t("commendations.model")}
          value={modelId}
          onChange={setModelId}
          error={errors.model}
          withinUnitId={withinUnitId}
        />
        <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
          <TextInput
            label={t("commendations.decisionNumber")}
            withAsterisk
            value={decisionNumber}
            onChange={(e) => setDecisionNumber(e.currentTarget.value)}
            error={errors.decisionNumber}
          />
          <TextInput
            type="date"
            label={t("commendations.decisionDate")}
            withAsterisk
            value={decisionDate}
            onChange={(e) => setDecisionDate(e.currentTarget.value)}
            error={errors.decisionDate}
          />
        </SimpleGrid>
        <TextInput
          label={t("commendations.issuer")}
          description={t("commendations.issuerHint")}
          withAsterisk
          value={issuer}
          onChange={(e) => setIssuer(e.currentTarget.value)}
          error={errors.issuer}
        />
        <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
          <Select
            label={t("commendations.level")}
            withAsterisk
            data={configuration.levelOptions}
            value={level}
            onChange={setLevel}
            error={errors.level}
          />
          <Select
            label={t("commendations.form")}
            withAsterisk
            data={configuration.formOptions}
            value={form}
            onChange={setForm}
            error={errors.form}
          />
        </SimpleGrid>
        <RefusalAlert refusal={refusal} testId="issue-refusal" />
        <Group justify="flex-end">
          <Button variant="default" onClick={() => onDone(false)}>
            {t("registers.cancel")}
          </Button>
          <Button type="submit" loading={busy}>
            {t("commendations.issue")}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

function RevokeForm({ row, onDone }: { row: CommendationFieldsFragment; onDone(changed: boolean): void }) {
  const { t } = useI18n();
  const { refusal, busy, send } = useSubmit();
  const [revokedOn, setRevokedOn] = useState(today());
  const [reason, setReason] = useState("");
  const [decisionNumber, setDecisionNumber] = useState("");
  const [errors, setErrors] = useState<Record<string, string>>({});

  function onSubmit(event: FormEvent) {
    event.preventDefault();
    const found: Record<string, string> = {};
    if (!isIsoDate(revokedOn)) found.revokedOn = t("registers.dateInvalid");
    if (!reason.trim()) found.reason = t("registers.reasonRequired");
    setErrors(found);
    if (Object.keys(found).length > 0 || !row.id || row.version == null) return;
    const variables = {
      id: row.id,
      revokedOn,
      reason: reason.trim(),
      decisionNumber: decisionNumber.trim() || null,
      expectedVersion: row.version,
    };
    void send(
      (token) =>
        request(graphqlEndpoint, RevokeCommendationDocument, variables, { token }).then((r) => r.revokeCommendation),
      () => {
        notifications.show({ color: "green", message: t("commendations.revoked") });
        onDone(true);
      },
    );
  }

  return (
    <form onSubmit={onSubmit} noValidate>
      <Stack gap="sm">
        <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
          <TextInput
            type="date"
            label={t("commendations.revokedOn")}
            withAsterisk
            value={revokedOn}
            onChange={(e) => setRevokedOn(e.currentTarget.value)}
            error={errors.revokedOn}
          />
          <TextInput
            label={t("commendations.revocationDecision")}
            value={decisionNumber}
            onChange={(e) => setDecisionNumber(e.currentTarget.value)}
          />
        </SimpleGrid>
        <Textarea
          label={t("detail.reason")}
          withAsterisk
          autosize
          minRows={3}
          value={reason}
          onChange={(e) => setReason(e.currentTarget.value)}
          error={errors.reason}
        />
        <RefusalAlert refusal={refusal} testId="revoke-refusal" />
        <Group justify="flex-end">
          <Button variant="default" onClick={() => onDone(false)}>
            {t("registers.cancel")}
          </Button>
          <Button type="submit" color="red" loading={busy}>
            {t("commendations.revoke")}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

function LiftForm({ row, onDone }: { row: CommendationFieldsFragment; onDone(changed: boolean): void }) {
  const { t } = useI18n();
  const { refusal, busy, send } = useSubmit();
  const [until, setUntil] = useState(today());
  const [error, setError] = useState<string | null>(null);

  function onSubmit(event: FormEvent) {
    event.preventDefault();
    if (!isIsoDate(until)) return setError(t("registers.dateInvalid"));
    setError(null);
    if (!row.id || row.version == null) return;
    const variables = { id: row.id, until, expectedVersion: row.version };
    void send(
      (token) =>
        request(graphqlEndpoint, LiftCommendationSuspensionDocument, variables, { token }).then(
          (r) => r.liftCommendationSuspension,
        ),
      () => {
        notifications.show({ color: "green", message: t("commendations.lifted") });
        onDone(true);
      },
    );
  }

  return (
    <form onSubmit={onSubmit} noValidate>
      <Stack gap="sm">
        <TextInput
          type="date"
          label={t("commendations.liftUntil")}
          description={t("commendations.liftHint")}
          withAsterisk
          value={until}
          onChange={(e) => setUntil(e.currentTarget.value)}
          error={error}
        />
        <RefusalAlert refusal={refusal} />
        <Group justify="flex-end">
          <Button variant="default" onClick={() => onDone(false)}>
            {t("registers.cancel")}
          </Button>
          <Button type="submit" loading={busy}>
            {t("commendations.lift")}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
