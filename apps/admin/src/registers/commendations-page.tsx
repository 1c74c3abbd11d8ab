import {
  type CommendationFieldsFragment,
  type CommendationStatus,
  CommendationsDocument,
  IssueCommendationDocument,
  LiftCommendationSuspensionDocument,
  RevokeCommendationDocument,
} from "@lantoa/client";
import { CommendationSchema } from "@lantoa/domain/register";
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
import { CertificateLinks } from "../spreading/certificate-buttons";
import { commendationStatusColor } from "../status-colors";
import { renderUnitOption } from "../unit-options";
import {
  ModelPicker,
  registrarRoles,
  today,
  useHoldsRole,
  useRegisterFilters,
  useUnitOptions,
} from "./register-support";
import { useConfiguration } from "./use-configuration";

const statuses: readonly CommendationStatus[] = ["IN_FORCE", "SUSPENDED", "REVOKED", "EXPIRED", "NOT_YET_EFFECTIVE"];
const commendation = CommendationSchema.shape;

type Dialog =
  | { kind: "issue" }
  | { kind: "revoke"; row: CommendationFieldsFragment }
  | { kind: "lift"; row: CommendationFieldsFragment };

/** The commendation register of a unit's subtree: filters, status badges, issue, revoke and lift a suspension. */
export default function CommendationsPage() {
  const { t, label, formatDate, formatCount } = useI18n();
  const configuration = useConfiguration();
  const mayKeep = useHoldsRole(registrarRoles);
  const { units, options, ownUnit } = useUnitOptions();
  const filters = useRegisterFilters();
  const { status, year } = filters.values;
  const unitId = filters.values.unit ?? ownUnit;
  const [dialog, setDialog] = useState<Dialog | null>(null);
  const list = useQuery({
    ...graphqlQuery(CommendationsDocument, {
      filter: {
        withinUnitId: unitId,
        status: (status as CommendationStatus | null) ?? null,
        year: typeof year === "number" ? year : null,
      },
      first: 100,
      after: null,
    }),
    enabled: !!unitId,
    placeholderData: keepPreviousData,
  });
  const rows = list.data?.commendations?.edges?.map((e) => e.node) ?? null;

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
          onChange={(unit) => filters.setFieldValue("unit", unit)}
          allowDeselect={false}
          data={options}
          renderOption={renderUnitOption}
          w={{ base: "100%", sm: 320 }}
        />
        <Select
          label={t("commendations.status")}
          clearable
          clearButtonProps={{ "aria-label": t("form.clearChoice") }}
          placeholder={t("registers.all")}
          {...filters.getInputProps("status")}
          data={statuses.map((code) => ({ value: code, label: label("commendationStatus", code) }))}
          w={{ base: "100%", sm: 200 }}
        />
        <NumberInput
          label={t("commendations.year")}
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
        <Text size="sm" c="dimmed" data-testid="commendations-count">
          {t("commendations.count", { count: formatCount(list.data.commendations?.totalCount ?? 0) })}
        </Text>
      )}
      {rows && rows.length === 0 && <EmptyNote text={t("commendations.empty")} />}
      {rows && rows.length > 0 && (
        <ListTable minWidth={1120} data-testid="commendations-table">
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col">{t("commendations.model")}</Table.Th>
              <Table.Th scope="col">{t("commendations.unit")}</Table.Th>
              <Table.Th scope="col">{t("commendations.decision")}</Table.Th>
              <Table.Th scope="col">{t("commendations.form")}</Table.Th>
              <Table.Th scope="col">{t("commendations.level")}</Table.Th>
              <Table.Th scope="col">{t("commendations.issuer")}</Table.Th>
              <Table.Th scope="col">{t("commendations.status")}</Table.Th>
              <Table.Th scope="col">{t("certificate.column")}</Table.Th>
              {mayKeep && <Table.Th scope="col">{t("registers.actions")}</Table.Th>}
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {rows.map((row) => (
              <Table.Tr key={row.id ?? row.decisionNumber} data-testid="commendation-row">
                <Table.Td>
                  {row.model ? (
                    <Anchor component={Link} href={`/models/${encodeURIComponent(row.model.id)}`} fw={600}>
                      {row.model.name}
                    </Anchor>
                  ) : (
                    <Text fw={600} inherit>
                      {row.recipientPersonName ?? row.recipientUnit?.name ?? "—"}
                    </Text>
                  )}
                </Table.Td>
                <Table.Td data-label={t("commendations.unit")}>
                  {row.model?.ownerUnit?.name ?? row.recipientUnit?.name ?? "—"}
                </Table.Td>
                <Table.Td data-label={t("commendations.decision")}>
                  <div>
                    <Text inherit style={{ whiteSpace: "nowrap" }}>
                      {row.decisionNumber}
                    </Text>
                    <Text size="xs" c="dimmed">
                      {row.decisionDate ? formatDate(row.decisionDate) : "—"}
                    </Text>
                  </div>
                </Table.Td>
                <Table.Td data-label={t("commendations.form")}>{configuration.formLabel(row.form)}</Table.Td>
                <Table.Td data-label={t("commendations.level")}>{configuration.levelLabel(row.level)}</Table.Td>
                <Table.Td data-label={t("commendations.issuer")}>{row.issuer}</Table.Td>
                <Table.Td data-label={t("commendations.status")}>
                  <div>
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
                  </div>
                </Table.Td>
                <Table.Td data-label={t("certificate.column")}>
                  {row.id && (
                    <CertificateLinks
                      id={row.id}
                      decision={row.decisionNumber ?? ""}
                      verificationUrl={row.verificationUrl}
                    />
                  )}
                </Table.Td>
                {mayKeep && (
                  <Table.Td>
                    <Group gap={4}>
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
        </ListTable>
      )}
      <Modal
        opened={dialog !== null}
        onClose={() => setDialog(null)}
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
        {dialog?.kind === "issue" && <IssueForm withinUnitId={unitId} onDone={() => setDialog(null)} />}
        {dialog?.kind === "revoke" && <RevokeForm row={dialog.row} onDone={() => setDialog(null)} />}
        {dialog?.kind === "lift" && <LiftForm row={dialog.row} onDone={() => setDialog(null)} />}
      </Modal>
    </Stack>
  );
}

const issueSchema = z.object({
  modelId: z.string().min(1),
  decisionNumber: commendation.decisionNumber,
  decisionDate: commendation.decisionDate,
  issuer: z.string().trim().min(1).max(300),
  level: commendation.levelCode,
  form: commendation.formCode,
  reason: z.string().trim().max(2000),
});

function IssueForm({ withinUnitId, onDone }: { withinUnitId: string | null; onDone(): void }) {
  const { t } = useI18n();
  const configuration = useConfiguration();
  const issue = useMutation(graphqlMutation(IssueCommendationDocument));
  const { form, onSubmit, problem } = useMutationForm({
    initialValues: {
      modelId: null as string | null,
      decisionNumber: "",
      decisionDate: today(),
      issuer: "",
      level: null as string | null,
      form: null as string | null,
      reason: "",
    },
    schema: issueSchema,
    messages: {
      modelId: "commendations.modelRequired",
      decisionNumber: "commendations.decisionRequired",
      decisionDate: "registers.dateInvalid",
      issuer: "commendations.issuerRequired",
      level: "commendations.levelRequired",
      form: "commendations.formRequired",
      reason: "commendations.reasonTooLong",
    },
    submit: (values, { idempotencyKey }) =>
      issue.mutateAsync({
        idempotencyKey,
        input: {
          modelId: values.modelId ?? "",
          decisionNumber: values.decisionNumber.trim(),
          decisionDate: values.decisionDate,
          issuer: values.issuer.trim(),
          level: values.level ?? "",
          form: values.form ?? "",
          validUntil: null,
          reason: values.reason.trim() || null,
        },
      }),
    onSuccess: (_data, values) => {
      notifications.show({
        color: "green",
        message: t("commendations.issued", { decision: values.decisionNumber.trim() }),
      });
      onDone();
    },
  });

  return (
    <form onSubmit={onSubmit} noValidate>
      <Stack gap="sm">
        <ModelPicker label={t("commendations.model")} withinUnitId={withinUnitId} {...form.getInputProps("modelId")} />
        <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
          <TextInput label={t("commendations.decisionNumber")} withAsterisk {...form.getInputProps("decisionNumber")} />
          <DateField label={t("commendations.decisionDate")} withAsterisk {...form.getInputProps("decisionDate")} />
        </SimpleGrid>
        <TextInput
          label={t("commendations.issuer")}
          description={t("commendations.issuerHint")}
          withAsterisk
          {...form.getInputProps("issuer")}
        />
        <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
          <Select
            label={t("commendations.level")}
            withAsterisk
            data={configuration.levelOptions}
            {...form.getInputProps("level")}
          />
          <Select
            label={t("commendations.form")}
            withAsterisk
            data={configuration.formOptions}
            {...form.getInputProps("form")}
          />
        </SimpleGrid>
        <Textarea
          label={t("commendations.reason")}
          description={t("commendations.reasonHint")}
          autosize
          minRows={2}
          {...form.getInputProps("reason")}
        />
        <ProblemAlert problem={problem} testId="issue-refusal" />
        <Group justify="flex-end">
          <Button variant="default" onClick={onDone}>
            {t("registers.cancel")}
          </Button>
          <Button type="submit" loading={form.submitting}>
            {t("commendations.issue")}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

function RevokeForm({ row, onDone }: { row: CommendationFieldsFragment; onDone(): void }) {
  const { t } = useI18n();
  const revoke = useMutation(graphqlMutation(RevokeCommendationDocument));
  const { form, onSubmit, problem } = useMutationForm({
    initialValues: { revokedOn: today(), reason: "", decisionNumber: "" },
    schema: z.object({
      revokedOn: commendation.decisionDate,
      reason: z.string().trim().min(1).max(2000),
      decisionNumber: z.string().trim().max(64),
    }),
    messages: { revokedOn: "registers.dateInvalid", reason: "registers.reasonRequired" },
    submit: (values) =>
      revoke.mutateAsync({
        id: row.id ?? "",
        revokedOn: values.revokedOn,
        reason: values.reason.trim(),
        decisionNumber: values.decisionNumber.trim() || null,
        expectedVersion: row.version ?? 0,
      }),
    onSuccess: () => {
      notifications.show({ color: "green", message: t("commendations.revoked") });
      onDone();
    },
  });

  return (
    <form onSubmit={onSubmit} noValidate>
      <Stack gap="sm">
        <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
          <DateField label={t("commendations.revokedOn")} withAsterisk {...form.getInputProps("revokedOn")} />
          <TextInput label={t("commendations.revocationDecision")} {...form.getInputProps("decisionNumber")} />
        </SimpleGrid>
        <Textarea
          label={t("commendations.revokeReason")}
          withAsterisk
          autosize
          minRows={3}
          {...form.getInputProps("reason")}
        />
        <ProblemAlert problem={problem} testId="revoke-refusal" />
        <Group justify="flex-end">
          <Button variant="default" onClick={onDone}>
            {t("registers.cancel")}
          </Button>
          <Button type="submit" color="red" loading={form.submitting}>
            {t("commendations.revoke")}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

function LiftForm({ row, onDone }: { row: CommendationFieldsFragment; onDone(): void }) {
  const { t } = useI18n();
  const lift = useMutation(graphqlMutation(LiftCommendationSuspensionDocument));
  const { form, onSubmit, problem } = useMutationForm({
    initialValues: { until: today() },
    schema: z.object({ until: commendation.decisionDate }),
    messages: { until: "registers.dateInvalid" },
    submit: ({ until }) => lift.mutateAsync({ id: row.id ?? "", until, expectedVersion: row.version ?? 0 }),
    fieldOf: { "COMMENDATION.INVALID_DATE": "until" },
    onSuccess: () => {
      notifications.show({ color: "green", message: t("commendations.lifted") });
      onDone();
    },
  });

  return (
    <form onSubmit={onSubmit} noValidate>
      <Stack gap="sm">
        <DateField
          label={t("commendations.liftUntil")}
          description={t("commendations.liftHint")}
          withAsterisk
          {...form.getInputProps("until")}
        />
        <ProblemAlert problem={problem} />
        <Group justify="flex-end">
          <Button variant="default" onClick={onDone}>
            {t("registers.cancel")}
          </Button>
          <Button type="submit" loading={form.submitting}>
            {t("commendations.lift")}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
