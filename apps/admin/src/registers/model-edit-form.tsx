import { UpdateModelDocument } from "@lantoa/client";
import { Button, Checkbox, Group, SimpleGrid, Stack, Textarea, TextInput } from "@mantine/core";
import { useMutation } from "@tanstack/react-query";
import { graphqlMutation } from "../data/graphql";
import { ProblemAlert } from "../errors/problem-alert";
import { DateField } from "../forms/date-field";
import { useMutationForm } from "../forms/use-mutation-form";
import { useI18n } from "../i18n/i18n";
import type { ModelNode } from "../model-detail-page";
import { modelFormMessages, modelFormSchema } from "../model-form-rules";
import { useConfiguration } from "./use-configuration";

const editSchema = modelFormSchema.pick({
  name: true,
  fields: true,
  annualTheme: true,
  problem: true,
  solution: true,
  startDate: true,
});

/**
 * Edits a draft or returned model with the create form's fields and rules, sending the version
 * read: when someone else saved first the gateway refuses (DB.STALE_VERSION), the page re-reads
 * the model, and the refusal says so.
 */
export function ModelEditForm({
  model,
  onDone,
  onCancel,
}: {
  model: ModelNode;
  onDone(text: string): void;
  onCancel(): void;
}) {
  const { t } = useI18n();
  const configuration = useConfiguration();
  const update = useMutation(graphqlMutation(UpdateModelDocument));
  const { form, onSubmit, problem } = useMutationForm({
    initialValues: {
      name: model.name ?? "",
      fields: [...(model.fields ?? [])],
      annualTheme: model.annualTheme ?? "",
      problem: model.problem ?? "",
      solution: model.solution ?? "",
      startDate: model.startDate ?? "",
    },
    schema: editSchema,
    messages: modelFormMessages,
    submit: (values) =>
      update.mutateAsync({
        id: model.id,
        expectedVersion: model.version ?? 0,
        input: {
          name: values.name.trim(),
          fields: values.fields,
          annualTheme: values.annualTheme.trim() || null,
          problem: values.problem.trim(),
          solution: values.solution.trim(),
          startDate: values.startDate,
        },
      }),
    fieldOf: { "MODEL.UNKNOWN_FIELD": "fields" },
    onSuccess: (_data, values) => onDone(t("registers.saved", { name: values.name.trim() })),
  });

  return (
    <form onSubmit={onSubmit} noValidate aria-label={t("registers.editTitle")} data-testid="model-edit-form">
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
          <DateField label={t("create.startDate")} withAsterisk {...form.getInputProps("startDate")} />
          <TextInput label={t("create.theme")} {...form.getInputProps("annualTheme")} />
        </SimpleGrid>
        <Textarea label={t("create.problem")} autosize minRows={3} {...form.getInputProps("problem")} />
        <Textarea label={t("create.solution")} autosize minRows={3} {...form.getInputProps("solution")} />
        <ProblemAlert problem={problem} testId="edit-refusal">
          {problem?.code === "DB.STALE_VERSION" && (
            // The page has re-read the model: closing the form drops these edits for the latest version.
            <Button size="xs" variant="default" mt="xs" onClick={onCancel}>
              {t("registers.dropMine")}
            </Button>
          )}
        </ProblemAlert>
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
