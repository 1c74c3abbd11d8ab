import { isDomainError, type ModelDetailQuery, request, UpdateModelDocument } from "@lantoa/client";
import { Alert, Button, Checkbox, Group, SimpleGrid, Stack, Text, Textarea, TextInput } from "@mantine/core";
import { useForm } from "@mantine/form";
import { useState } from "react";
import { useI18n } from "../i18n/i18n";
import { isIsoDate, validFields } from "../model-form-rules";
import { failureOf, type Refusal, refusalOf } from "../mutation-errors";
import { useSession } from "../session";
import { graphqlEndpoint } from "../use-query";
import { useConfiguration } from "./use-configuration";

type ModelNode = Extract<NonNullable<ModelDetailQuery["node"]>, { __typename: "Model" }>;

interface EditValues {
  name: string;
  fields: string[];
  annualTheme: string;
  problem: string;
  solution: string;
  startDate: string;
}

/**
 * Edits a draft or returned model with the create form's fields and rules, sending the version
 * read: when someone else saved first the gateway refuses (DB.STALE_VERSION) and we say so.
 */
export function ModelEditForm({
  model,
  onDone,
  onStale,
  onCancel,
}: {
  model: ModelNode;
  onDone(text: string): void;
  onStale(): void;
  onCancel(): void;
}) {
  const i18n = useI18n();
  const { t } = i18n;
  const { session } = useSession();
  const configuration = useConfiguration();
  const [refusal, setRefusal] = useState<Refusal | null>(null);
  const form = useForm<EditValues>({
    mode: "controlled",
    initialValues: {
      name: model.name ?? "",
      fields: [...(model.fields ?? [])],
      annualTheme: model.annualTheme ?? "",
      problem: model.problem ?? "",
      solution: model.solution ?? "",
      startDate: model.startDate ?? "",
    },
    validateInputOnBlur: true,
    validate: {
      name: (v) => (v.trim().length >= 1 && v.trim().length <= 500 ? null : t("create.nameRequired")),
      fields: (v) => (validFields(v) ? null : t("create.fieldsRequired")),
      annualTheme: (v) => (v.trim().length <= 300 ? null : t("create.themeTooLong")),
      problem: (v) => (v.length <= 5000 ? null : t("create.textTooLong")),
      solution: (v) => (v.length <= 5000 ? null : t("create.textTooLong")),
      startDate: (v) => (isIsoDate(v) ? null : t("create.startDateInvalid")),
    },
  });

  const submit = form.onSubmit(async (values) => {
    if (model.version == null) return;
    setRefusal(null);
    const input = {
      name: values.name.trim(),
      fields: values.fields,
      annualTheme: values.annualTheme.trim() || null,
      problem: values.problem.trim(),
      solution: values.solution.trim(),
      startDate: values.startDate,
    };
    try {
      const { updateModel } = await request(
        graphqlEndpoint,
        UpdateModelDocument,
        { id: model.id, input, expectedVersion: model.version },
        { token: session?.token },
      );
      if (isDomainError(updateModel)) {
        if (updateModel.code === "DB.STALE_VERSION") {
          setRefusal({ text: t("registers.staleModel"), code: updateModel.code });
          return;
        }
        return setRefusal(refusalOf(updateModel, i18n));
      }
      onDone(t("registers.saved", { name: input.name }));
    } catch (cause) {
      setRefusal(failureOf(cause, i18n));
    }
  });

  return (
    <form onSubmit={submit} noValidate aria-label={t("registers.editTitle")} data-testid="model-edit-form">
      <Stack gap="sm">
        <TextInput label={t("create.name")} withAsterisk {...form.getInputProps("name")} />
        <Checkbox.Group label={t("create.fields")} withAsterisk {...form.getInputProps("fields")}>
          <SimpleGrid cols={{ base: 1, sm: 3 }} spacing="xs" mt="xs">
            {configuration.fieldOptions.map((option) => (
              <Checkbox key={option.value} value={option.value} label={option.label} />
            ))}
          </SimpleGrid>
        </Checkbox.Group>
        <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
          <TextInput type="date" label={t("create.startDate")} withAsterisk {...form.getInputProps("startDate")} />
          <TextInput label={t("create.theme")} {...form.getInputProps("annualTheme")} />
        </SimpleGrid>
        <Textarea label={t("create.problem")} autosize minRows={3} {...form.getInputProps("problem")} />
        <Textarea label={t("create.solution")} autosize minRows={3} {...form.getInputProps("solution")} />
        {refusal && (
          <Alert color="red" variant="light" role="alert" data-testid="edit-refusal">
            {refusal.text}
            {refusal.code === "DB.STALE_VERSION" && (
              <Button size="xs" variant="default" ml="sm" onClick={onStale}>
                {t("registers.reload")}
              </Button>
            )}
            {refusal.code && (
              <Text span c="dimmed" size="xs">
                {" "}
                ({refusal.code})
              </Text>
            )}
          </Alert>
        )}
        <Group justify="flex-end">
          <Button variant="default" onClick={onCancel}>
            {t("registers.cancel")}
          </Button>
          <Button type="submit" loading={form.submitting}>
            {t("registers.save")}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
