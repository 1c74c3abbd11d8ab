import {
  CreateGoldenBookEntryDocument,
  type GoldenBookDecision,
  type GoldenBookSubjectKind,
  request,
  VerifyGoldenBookEntryDocument,
} from "@lantoa/client";
import {
  Button,
  Group,
  Modal,
  SegmentedControl,
  Select,
  SimpleGrid,
  Stack,
  Text,
  Textarea,
  TextInput,
} from "@mantine/core";
import { notifications } from "@mantine/notifications";
import { type FormEvent, useRef, useState } from "react";
import { foldedOptionsFilter } from "../fold-vietnamese";
import { useI18n } from "../i18n/i18n";
import { graphqlEndpoint } from "../use-query";
import { isIsoDate, RefusalAlert, useSubmit } from "./register-support";
import { useConfiguration } from "./use-configuration";

/** A nomination for the golden book of a unit (the viewer's by default). */
export function NominateForm({
  unitOptions,
  defaultUnit,
  onDone,
}: {
  unitOptions: { value: string; label: string }[];
  defaultUnit: string | null;
  onDone(changed: boolean): void;
}) {
  const { t } = useI18n();
  const configuration = useConfiguration();
  const { refusal, busy, send } = useSubmit();
  const attempt = useRef<{ values: string; key: string } | null>(null);
  const [unitId, setUnitId] = useState<string | null>(defaultUnit);
  const [subjectKind, setSubjectKind] = useState<GoldenBookSubjectKind>("PERSON");
  const [subjectName, setSubjectName] = useState("");
  const [deed, setDeed] = useState("");
  const [field, setField] = useState<string | null>(null);
  const [deedDate, setDeedDate] = useState("");
  const [errors, setErrors] = useState<Record<string, string>>({});

  function onSubmit(event: FormEvent) {
    event.preventDefault();
    const found: Record<string, string> = {};
    if (!unitId) found.unit = t("inspections.unitRequired");
    if (!subjectName.trim()) found.subjectName = t("goldenBook.subjectRequired");
    if (!deed.trim()) found.deed = t("goldenBook.deedRequired");
    if (!field) found.field = t("goldenBook.fieldRequired");
    if (!isIsoDate(deedDate)) found.deedDate = t("registers.dateInvalid");
    setErrors(found);
    if (Object.keys(found).length > 0 || !unitId || !field) return;
    const input = { unitId, subjectKind, subjectName: subjectName.trim(), deed: deed.trim(), field, deedDate };
    const serialized = JSON.stringify(input);
    if (attempt.current?.values !== serialized) attempt.current = { values: serialized, key: crypto.randomUUID() };
    const key = attempt.current.key;
    void send(
      (token) =>
        request(graphqlEndpoint, CreateGoldenBookEntryDocument, { input, idempotencyKey: key }, { token }).then(
          (r) => r.createGoldenBookEntry,
        ),
      () => {
        notifications.show({ color: "green", message: t("goldenBook.nominated", { name: input.subjectName }) });
        onDone(true);
      },
    );
  }

  return (
    <form onSubmit={onSubmit} noValidate>
      <Stack gap="sm">
        <Select
          label={t("goldenBook.unit")}
          withAsterisk
          searchable
          filter={foldedOptionsFilter}
          data={unitOptions}
          value={unitId}
          onChange={setUnitId}
          error={errors.unit}
        />
        <div>
          <Text size="sm" fw={500} id="subject-kind">
            {t("goldenBook.subjectKind")}
          </Text>
          <SegmentedControl
            aria-labelledby="subject-kind"
            value={subjectKind}
            onChange={(v) => setSubjectKind(v as GoldenBookSubjectKind)}
            data={[
              { value: "PERSON", label: t("subjectKind.person") },
              { value: "COLLECTIVE", label: t("subjectKind.collective") },
            ]}
          />
        </div>
        <TextInput
          label={t("goldenBook.subject")}
          withAsterisk
          value={subjectName}
          onChange={(e) => setSubjectName(e.currentTarget.value)}
          error={errors.subjectName}
        />
        <Textarea
          label={t("goldenBook.deed")}
          withAsterisk
          autosize
          minRows={2}
          value={deed}
          onChange={(e) => setDeed(e.currentTarget.value)}
          error={errors.deed}
        />
        <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
          <Select
            label={t("goldenBook.field")}
            withAsterisk
            data={configuration.fieldOptions}
            value={field}
            onChange={setField}
            error={errors.field}
          />
          <TextInput
            type="date"
            label={t("goldenBook.date")}
            withAsterisk
            value={deedDate}
            onChange={(e) => setDeedDate(e.currentTarget.value)}
            error={errors.deedDate}
          />
        </SimpleGrid>
        <RefusalAlert refusal={refusal} testId="nominate-refusal" />
        <Group justify="flex-end">
          <Button variant="default" onClick={() => onDone(false)}>
            {t("registers.cancel")}
          </Button>
          <Button type="submit" loading={busy}>
            {t("goldenBook.nominate")}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

/** Verify and Reject for a nominated entry; a rejection asks the reason. The nominator is refused by the gateway. */
export function DecideButtons({
  entry,
  onDone,
}: {
  entry: { id?: string | null; version?: number | null; subjectName?: string | null };
  onDone(): void;
}) {
  const { t } = useI18n();
  const { refusal, busy, send } = useSubmit();
  const [rejecting, setRejecting] = useState(false);
  const [reason, setReason] = useState("");
  const [reasonError, setReasonError] = useState<string | null>(null);

  function decide(outcome: GoldenBookDecision, why: string | null) {
    if (!entry.id || entry.version == null) return;
    const variables = { id: entry.id, outcome, reason: why, expectedVersion: entry.version };
    void send(
      (token) =>
        request(graphqlEndpoint, VerifyGoldenBookEntryDocument, variables, { token }).then(
          (r) => r.verifyGoldenBookEntry,
        ),
      () => {
        setRejecting(false);
        notifications.show({
          color: "green",
          message: t(outcome === "VERIFIED" ? "goldenBook.verifiedDone" : "goldenBook.rejectedDone", {
            name: entry.subjectName ?? "",
          }),
        });
        onDone();
      },
    );
  }

  return (
    <Stack gap={4}>
      <Group gap={4} wrap="nowrap">
        <Button
          size="xs"
          loading={busy && !rejecting}
          onClick={() => decide("VERIFIED", null)}
          aria-label={t("goldenBook.verifyOf", { name: entry.subjectName ?? "" })}
        >
          {t("goldenBook.verify")}
        </Button>
        <Button
          size="xs"
          variant="default"
          onClick={() => {
            setReason("");
            setReasonError(null);
            setRejecting(true);
          }}
          aria-label={t("goldenBook.rejectOf", { name: entry.subjectName ?? "" })}
        >
          {t("goldenBook.reject")}
        </Button>
      </Group>
      {!rejecting && <RefusalAlert refusal={refusal} testId="decide-refusal" />}
      <Modal
        opened={rejecting}
        onClose={() => setRejecting(false)}
        title={t("goldenBook.rejectOf", { name: entry.subjectName ?? "" })}
      >
        <form
          onSubmit={(event) => {
            event.preventDefault();
            if (!reason.trim()) return setReasonError(t("registers.reasonRequired"));
            decide("REJECTED", reason.trim());
          }}
          noValidate
        >
          <Stack gap="sm">
            <Textarea
              label={t("detail.reason")}
              withAsterisk
              autosize
              minRows={3}
              value={reason}
              onChange={(e) => setReason(e.currentTarget.value)}
              error={reasonError}
              data-autofocus
            />
            <RefusalAlert refusal={refusal} />
            <Group justify="flex-end">
              <Button variant="default" onClick={() => setRejecting(false)}>
                {t("registers.cancel")}
              </Button>
              <Button type="submit" color="red" loading={busy}>
                {t("goldenBook.reject")}
              </Button>
            </Group>
          </Stack>
        </form>
      </Modal>
    </Stack>
  );
}
