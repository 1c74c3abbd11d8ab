import {
  CreateGoldenBookEntryDocument,
  type GoldenBookSubjectKind,
  VerifyGoldenBookEntryDocument,
} from "@lantoa/client";
import { GoldenBookEntrySchema } from "@lantoa/domain/register";
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
import { useMutation } from "@tanstack/react-query";
import { useState } from "react";
import { z } from "zod";
import { graphqlMutation } from "../data/graphql";
import { ProblemAlert } from "../errors/problem-alert";
import { foldedOptionsFilter } from "../fold-vietnamese";
import { DateField } from "../forms/date-field";
import { useMutationForm } from "../forms/use-mutation-form";
import { useI18n } from "../i18n/i18n";
import { renderUnitOption, type UnitOption } from "../unit-options";
import { useConfiguration } from "./use-configuration";

const entry = GoldenBookEntrySchema.shape;

/** A nomination's rules: the domain's entry fields, with the subject's name as a person's. */
const nominationSchema = z.object({
  unitId: entry.unitId,
  subjectName: z.string().trim().min(1).max(200),
  deed: entry.deed.max(2000),
  field: entry.fieldCode,
  deedDate: entry.date,
});

/** A nomination for the golden book of a unit (the viewer's by default). */
export function NominateForm({
  unitOptions,
  defaultUnit,
  onDone,
}: {
  unitOptions: UnitOption[];
  defaultUnit: string | null;
  onDone(): void;
}) {
  const { t } = useI18n();
  const configuration = useConfiguration();
  const create = useMutation(graphqlMutation(CreateGoldenBookEntryDocument));
  const { form, onSubmit, problem } = useMutationForm({
    initialValues: {
      unitId: defaultUnit,
      subjectKind: "PERSON" as GoldenBookSubjectKind,
      subjectName: "",
      deed: "",
      field: null as string | null,
      deedDate: "",
    },
    schema: nominationSchema,
    messages: {
      unitId: "inspections.unitRequired",
      subjectName: "goldenBook.subjectRequired",
      deed: "goldenBook.deedRequired",
      field: "goldenBook.fieldRequired",
      deedDate: "registers.dateInvalid",
    },
    submit: (values, { idempotencyKey }) =>
      create.mutateAsync({
        idempotencyKey,
        input: {
          unitId: values.unitId ?? "",
          subjectKind: values.subjectKind,
          subjectName: values.subjectName.trim(),
          deed: values.deed.trim(),
          field: values.field ?? "",
          deedDate: values.deedDate,
        },
      }),
    fieldOf: { "GOLDEN_BOOK.DUPLICATE_ENTRY": "deed", "GOLDEN_BOOK.UNKNOWN_FIELD": "field" },
    onSuccess: (_data, values) => {
      notifications.show({ color: "green", message: t("goldenBook.nominated", { name: values.subjectName.trim() }) });
      onDone();
    },
  });

  return (
    <form onSubmit={onSubmit} noValidate>
      <Stack gap="sm">
        <Select
          label={t("goldenBook.unit")}
          withAsterisk
          searchable
          filter={foldedOptionsFilter}
          data={unitOptions}
          renderOption={renderUnitOption}
          {...form.getInputProps("unitId")}
        />
        <div>
          <Text size="sm" fw={500} id="subject-kind">
            {t("goldenBook.subjectKind")}
          </Text>
          <SegmentedControl
            aria-labelledby="subject-kind"
            data={[
              { value: "PERSON", label: t("subjectKind.person") },
              { value: "COLLECTIVE", label: t("subjectKind.collective") },
            ]}
            {...form.getInputProps("subjectKind")}
          />
        </div>
        <TextInput label={t("goldenBook.subject")} withAsterisk {...form.getInputProps("subjectName")} />
        <Textarea label={t("goldenBook.deed")} withAsterisk autosize minRows={2} {...form.getInputProps("deed")} />
        <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
          <Select
            label={t("goldenBook.field")}
            withAsterisk
            data={configuration.fieldOptions}
            {...form.getInputProps("field")}
          />
          <DateField label={t("goldenBook.date")} withAsterisk {...form.getInputProps("deedDate")} />
        </SimpleGrid>
        <ProblemAlert problem={problem} testId="nominate-refusal" />
        <Group justify="flex-end">
          <Button variant="default" onClick={onDone}>
            {t("registers.cancel")}
          </Button>
          <Button type="submit" loading={form.submitting}>
            {t("goldenBook.nominate")}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

/** Verify and Reject for a nominated entry; a rejection asks the reason. The nominator is refused by the gateway. */
export function DecideButtons({
  entry: decided,
}: {
  entry: { id?: string | null; version?: number | null; subjectName?: string | null };
}) {
  const { t } = useI18n();
  const verify = useMutation(graphqlMutation(VerifyGoldenBookEntryDocument));
  const [rejecting, setRejecting] = useState(false);
  const name = decided.subjectName ?? "";

  return (
    <Stack gap={4}>
      <Group gap={4}>
        <Button
          size="xs"
          loading={verify.isPending}
          onClick={() =>
            verify.mutate(
              { id: decided.id ?? "", outcome: "VERIFIED", reason: null, expectedVersion: decided.version ?? 0 },
              {
                onSuccess: () =>
                  notifications.show({ color: "green", message: t("goldenBook.verifiedDone", { name }) }),
              },
            )
          }
          aria-label={t("goldenBook.verifyOf", { name })}
        >
          {t("goldenBook.verify")}
        </Button>
        <Button
          size="xs"
          variant="default"
          onClick={() => {
            verify.reset();
            setRejecting(true);
          }}
          aria-label={t("goldenBook.rejectOf", { name })}
        >
          {t("goldenBook.reject")}
        </Button>
      </Group>
      <ProblemAlert error={verify.error} testId="decide-refusal" />
      <Modal opened={rejecting} onClose={() => setRejecting(false)} title={t("goldenBook.rejectOf", { name })}>
        {rejecting && <RejectForm entry={decided} onDone={() => setRejecting(false)} />}
      </Modal>
    </Stack>
  );
}

function RejectForm({
  entry: rejected,
  onDone,
}: {
  entry: { id?: string | null; version?: number | null; subjectName?: string | null };
  onDone(): void;
}) {
  const { t } = useI18n();
  const verify = useMutation(graphqlMutation(VerifyGoldenBookEntryDocument));
  const { form, onSubmit, problem } = useMutationForm({
    initialValues: { reason: "" },
    schema: z.object({ reason: z.string().trim().min(1).max(2000) }),
    messages: { reason: "registers.reasonRequired" },
    submit: ({ reason }) =>
      verify.mutateAsync({
        id: rejected.id ?? "",
        outcome: "REJECTED",
        reason: reason.trim(),
        expectedVersion: rejected.version ?? 0,
      }),
    onSuccess: () => {
      notifications.show({
        color: "green",
        message: t("goldenBook.rejectedDone", { name: rejected.subjectName ?? "" }),
      });
      onDone();
    },
  });
  return (
    <form onSubmit={onSubmit} noValidate>
      <Stack gap="sm">
        <Textarea
          label={t("goldenBook.rejectReason")}
          withAsterisk
          autosize
          minRows={3}
          {...form.getInputProps("reason")}
          data-autofocus
        />
        <ProblemAlert problem={problem} testId="decide-refusal" />
        <Group justify="flex-end">
          <Button variant="default" onClick={onDone}>
            {t("registers.cancel")}
          </Button>
          <Button type="submit" color="red" loading={form.submitting}>
            {t("goldenBook.reject")}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
