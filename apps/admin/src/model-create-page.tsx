import { CreateModelDocument, isDomainError, request, UnitTreeDocument } from "@lantoa/client";
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
import { useForm } from "@mantine/form";
import { notifications } from "@mantine/notifications";
import { useMemo, useRef, useState } from "react";
import { Link, useLocation } from "wouter";
import { foldedOptionsFilter } from "./fold-vietnamese";
import { useI18n } from "./i18n/i18n";
import { isIsoDate, modelCodePattern, validFields } from "./model-form-rules";
import { failureOf, type Refusal, refusalOf } from "./mutation-errors";
import { LoadingBlock, QueryStatus } from "./query-status";
import { useConfiguration } from "./registers/use-configuration";
import { useSession } from "./session";
import { graphqlEndpoint, useQuery } from "./use-query";

interface ModelFormValues {
  code: string;
  name: string;
  ownerUnitId: string | null;
  fields: string[];
  annualTheme: string;
  problem: string;
  solution: string;
  startDate: string;
}

/** Registers a model as a draft for one of the viewer's units, then opens it. */
export default function ModelCreatePage() {
  const i18n = useI18n();
  const { t } = i18n;
  const configuration = useConfiguration();
  const { session } = useSession();
  const [, navigate] = useLocation();
  const [refusal, setRefusal] = useState<Refusal | null>(null);
  // One idempotency key per distinct request: a retry of the same values never creates twice.
  const attempt = useRef<{ values: string; key: string } | null>(null);
  const units = useQuery(UnitTreeDocument, { first: 500, filter: null });

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

  const form = useForm<ModelFormValues>({
    mode: "controlled",
    initialValues: {
      code: "",
      name: "",
      ownerUnitId: null,
      fields: [],
      annualTheme: "",
      problem: "",
      solution: "",
      startDate: "",
    },
    validateInputOnBlur: true,
    validate: {
      code: (v) => (modelCodePattern.test(v.trim()) ? null : t("create.codeInvalid")),
      name: (v) => (v.trim().length >= 1 && v.trim().length <= 500 ? null : t("create.nameRequired")),
      ownerUnitId: (v) => (v ? null : t("create.ownerRequired")),
      fields: (v) => (validFields(v) ? null : t("create.fieldsRequired")),
      annualTheme: (v) => (v.trim().length <= 300 ? null : t("create.themeTooLong")),
      problem: (v) => (v.length <= 5000 ? null : t("create.textTooLong")),
      solution: (v) => (v.length <= 5000 ? null : t("create.textTooLong")),
      startDate: (v) => (isIsoDate(v) ? null : t("create.startDateInvalid")),
    },
  });

  const submit = form.onSubmit(async (values) => {
    if (!values.ownerUnitId) return;
    setRefusal(null);
    const input = {
      code: values.code.trim(),
      name: values.name.trim(),
      ownerUnitId: values.ownerUnitId,
      fields: values.fields,
      annualTheme: values.annualTheme.trim() || null,
      problem: values.problem.trim(),
      solution: values.solution.trim(),
      startDate: values.startDate,
    };
    const serialized = JSON.stringify(input);
    if (attempt.current?.values !== serialized) attempt.current = { values: serialized, key: crypto.randomUUID() };
    try {
      const { createModel } = await request(
        graphqlEndpoint,
        CreateModelDocument,
        { input, idempotencyKey: attempt.current.key },
        { token: session?.token },
      );
      if (isDomainError(createModel)) return setRefusal(refusalOf(createModel, i18n));
      const model = createModel?.data.model;
      notifications.show({ color: "green", message: t("create.created", { name: input.name }) });
      if (model) navigate(`/models/${encodeURIComponent(model.id)}`);
    } catch (cause) {
      setRefusal(failureOf(cause, i18n));
    }
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
      <QueryStatus state={units} reload={units.reload} />
      {units.status === "loading" && !units.data && <LoadingBlock />}
      {units.data && ownerOptions.length === 0 && <Alert color="yellow">{t("create.noUnits")}</Alert>}
      {ownerOptions.length > 0 && (
        <Card withBorder component="form" onSubmit={submit} noValidate>
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
              <TextInput type="date" label={t("create.startDate")} withAsterisk {...form.getInputProps("startDate")} />
              <TextInput label={t("create.theme")} {...form.getInputProps("annualTheme")} />
            </SimpleGrid>
            <Textarea label={t("create.problem")} autosize minRows={3} {...form.getInputProps("problem")} />
            <Textarea label={t("create.solution")} autosize minRows={3} {...form.getInputProps("solution")} />
            {refusal && (
              <Alert color="red" variant="light" data-testid="form-refusal">
                {refusal.text}
                {refusal.code && (
                  <Text span c="dimmed" size="xs">
                    {" "}
                    ({refusal.code})
                  </Text>
                )}
              </Alert>
            )}
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
