import { CreateModelDocument, UnitTreeDocument } from "@lantoa/client";
import {
  Alert,
  Anchor,
  Button,
  Card,
  Checkbox,
  Group,
  Select,
  SimpleGrid,
  Stack,
  Text,
  Textarea,
  TextInput,
  Title,
} from "@mantine/core";
import { notifications } from "@mantine/notifications";
import { useMutation, useQuery } from "@tanstack/react-query";
import { useMemo } from "react";
import { Link, useLocation } from "wouter";
import { graphqlMutation, graphqlQuery } from "./data/graphql";
import { ProblemAlert } from "./errors/problem-alert";
import { foldedOptionsFilter } from "./fold-vietnamese";
import { DateField } from "./forms/date-field";
import { useMutationForm } from "./forms/use-mutation-form";
import { useI18n } from "./i18n/i18n";
import { modelFormMessages, modelFormSchema } from "./model-form-rules";
import { QueryStatus } from "./query-status";
import { useConfiguration } from "./registers/use-configuration";
import { useSession } from "./session";

/** Registers a model as a draft for one of the viewer's units, then opens it. */
export default function ModelCreatePage() {
  const { t } = useI18n();
  const configuration = useConfiguration();
  const { session } = useSession();
  const [, navigate] = useLocation();
  const units = useQuery(graphqlQuery(UnitTreeDocument, { first: 500, filter: null }));
  const create = useMutation(graphqlMutation(CreateModelDocument));

  const ownerOptions = useMemo(() => {
    const nodes = (units.data?.units?.edges ?? []).map((e) => e.node);
    const roles = session?.viewer.roles ?? [];
    // A unit registers its own models (the domain's rule): a system admin may pick any unit,
    // anyone else only a unit where they are an admin or officer themselves, not the units below.
    const anyUnit = roles.some((r) => r.role === "system-admin");
    const ownUnits = new Set(
      roles.filter((r) => r.role === "unit-admin" || r.role === "unit-officer").map((r) => r.unitId),
    );
    return nodes
      .filter((u) => anyUnit || ownUnits.has(u.id))
      .map((u) => ({ value: u.id, label: u.name ?? u.code ?? u.id }));
  }, [units.data, session]);

  const { form, onSubmit, problem } = useMutationForm({
    initialValues: {
      code: "",
      name: "",
      ownerUnitId: null as string | null,
      fields: [] as string[],
      annualTheme: "",
      problem: "",
      solution: "",
      startDate: "",
    },
    schema: modelFormSchema,
    messages: modelFormMessages,
    submit: (values, { idempotencyKey }) =>
      create.mutateAsync({
        idempotencyKey,
        input: {
          code: values.code.trim(),
          name: values.name.trim(),
          ownerUnitId: values.ownerUnitId ?? "",
          fields: values.fields,
          annualTheme: values.annualTheme.trim() || null,
          problem: values.problem.trim(),
          solution: values.solution.trim(),
          startDate: values.startDate,
        },
      }),
    fieldOf: { "MODEL.DUPLICATE_CODE": "code", "MODEL.UNKNOWN_FIELD": "fields" },
    onSuccess: ({ data }, values) => {
      notifications.show({ color: "green", message: t("create.created", { name: values.name.trim() }) });
      if (data.model) navigate(`/models/${encodeURIComponent(data.model.id)}`);
    },
  });

  return (
    <Stack component="section" aria-labelledby="create-heading" gap="sm" maw={880}>
      <Anchor component={Link} href="/models">
        {t("detail.back")}
      </Anchor>
      <Title order={2} id="create-heading">
        {t("create.title")}
      </Title>
      <Text c="dimmed">{t("create.intro")}</Text>
      <QueryStatus query={units} />
      {units.isSuccess && ownerOptions.length === 0 && <Alert color="yellow">{t("create.noUnits")}</Alert>}
      {ownerOptions.length > 0 && (
        <Card withBorder component="form" onSubmit={onSubmit} noValidate>
          <Stack gap="sm">
            <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
              <TextInput
                label={t("create.code")}
                description={t("create.codeHint")}
                withAsterisk
                {...form.getInputProps("code")}
              />
              <Select
                label={t("create.owner")}
                withAsterisk
                searchable
                filter={foldedOptionsFilter}
                data={ownerOptions}
                {...form.getInputProps("ownerUnitId")}
              />
            </SimpleGrid>
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
            <ProblemAlert problem={problem} testId="form-refusal" />
            <Group justify="flex-end">
              <Button type="submit" loading={form.submitting}>
                {t("create.submit")}
              </Button>
            </Group>
          </Stack>
        </Card>
      )}
    </Stack>
  );
}
