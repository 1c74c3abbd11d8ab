import { CreateUnitDocument, MoveUnitDocument, RenameUnitDocument } from "@lantoa/client";
import { UnitSchema } from "@lantoa/domain/org";
import { Button, Group, NativeSelect, Select, Stack, TextInput } from "@mantine/core";
import { notifications } from "@mantine/notifications";
import { useMutation } from "@tanstack/react-query";
import { z } from "zod";
import { graphqlMutation } from "./data/graphql";
import { ProblemAlert } from "./errors/problem-alert";
import { foldedOptionsFilter } from "./fold-vietnamese";
import { useMutationForm } from "./forms/use-mutation-form";
import { useI18n } from "./i18n/i18n";
import { useConfiguration } from "./registers/use-configuration";
import { type UnitRow, unitCodePattern } from "./unit-labels";

/** The rules of a unit as the domain states them; the code's characters as the gateway accepts them. */
const unitSchema = z.object({
  code: UnitSchema.shape.code.regex(unitCodePattern),
  name: UnitSchema.shape.name,
  level: UnitSchema.shape.level,
  kind: UnitSchema.shape.kind,
});

/** The add, rename and move dialogs of the units page. */
export default function UnitForms({
  kind,
  unit,
  targets,
  onDone,
}: {
  kind: "add" | "rename" | "move";
  unit: UnitRow;
  targets: UnitRow[];
  onDone(): void;
}) {
  if (kind === "add") return <AddUnitForm parent={unit} onDone={onDone} />;
  if (kind === "rename") return <RenameUnitForm unit={unit} onDone={onDone} />;
  return <MoveUnitForm unit={unit} targets={targets} onDone={onDone} />;
}

function AddUnitForm({ parent, onDone }: { parent: UnitRow; onDone(): void }) {
  const { t } = useI18n();
  const configuration = useConfiguration();
  const create = useMutation(graphqlMutation(CreateUnitDocument));
  const { form, onSubmit, problem } = useMutationForm({
    initialValues: { code: "", name: "", level: parent.level ?? "", kind: "" },
    schema: unitSchema,
    messages: {
      code: "units.codeInvalid",
      name: "units.nameRequired",
      level: "units.levelRequired",
      kind: "units.kindRequired",
    },
    submit: (values) =>
      create.mutateAsync({ parentId: parent.id, ...values, code: values.code.trim(), name: values.name.trim() }),
    fieldOf: { "ORG.DUPLICATE_CODE": "code" },
    onSuccess: (_data, values) => {
      notifications.show({ color: "green", message: t("units.created", { name: values.name.trim() }) });
      onDone();
    },
  });
  return (
    <form onSubmit={onSubmit} noValidate>
      <Stack gap="sm">
        <TextInput
          label={t("units.code")}
          description={t("units.codeHint")}
          withAsterisk
          {...form.getInputProps("code")}
          data-autofocus
        />
        <TextInput label={t("units.name")} withAsterisk {...form.getInputProps("name")} />
        <NativeSelect
          label={t("units.level")}
          withAsterisk
          data={[{ value: "", label: "—" }, ...configuration.levelOptions]}
          {...form.getInputProps("level")}
        />
        <NativeSelect
          label={t("units.kind")}
          withAsterisk
          data={[{ value: "", label: "—" }, ...configuration.unitKindOptions]}
          {...form.getInputProps("kind")}
        />
        <ProblemAlert problem={problem} testId="form-refusal" />
        <Group justify="flex-end">
          <Button type="submit" loading={form.submitting}>
            {t("units.add")}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

function RenameUnitForm({ unit, onDone }: { unit: UnitRow; onDone(): void }) {
  const { t } = useI18n();
  const rename = useMutation(graphqlMutation(RenameUnitDocument));
  const { form, onSubmit, problem } = useMutationForm({
    initialValues: { name: unit.name ?? "" },
    schema: z.object({ name: UnitSchema.shape.name }),
    messages: { name: "units.nameRequired" },
    submit: ({ name }) => rename.mutateAsync({ id: unit.id, name: name.trim(), expectedVersion: unit.version ?? 0 }),
    onSuccess: (_data, { name }) => {
      notifications.show({ color: "green", message: t("units.renamed", { name: name.trim() }) });
      onDone();
    },
  });
  return (
    <form onSubmit={onSubmit} noValidate>
      <Stack gap="sm">
        <TextInput label={t("units.newName")} withAsterisk {...form.getInputProps("name")} data-autofocus />
        <ProblemAlert problem={problem} testId="form-refusal" />
        <Group justify="flex-end">
          <Button type="submit" loading={form.submitting}>
            {t("form.save")}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

function MoveUnitForm({ unit, targets, onDone }: { unit: UnitRow; targets: UnitRow[]; onDone(): void }) {
  const { t } = useI18n();
  const move = useMutation(graphqlMutation(MoveUnitDocument));
  const { form, onSubmit, problem } = useMutationForm({
    initialValues: { parentId: null as string | null },
    schema: z.object({ parentId: z.string().min(1) }),
    messages: { parentId: "units.newParentRequired" },
    submit: ({ parentId }) =>
      move.mutateAsync({ id: unit.id, newParentId: parentId ?? "", expectedVersion: unit.version ?? 0 }),
    onSuccess: () => {
      notifications.show({ color: "green", message: t("units.moved", { name: unit.name ?? "" }) });
      onDone();
    },
  });
  return (
    <form onSubmit={onSubmit} noValidate>
      <Stack gap="sm">
        <Select
          label={t("units.newParent")}
          withAsterisk
          searchable
          filter={foldedOptionsFilter}
          data={targets.map((u) => ({ value: u.id, label: u.name ?? u.code ?? u.id }))}
          {...form.getInputProps("parentId")}
          comboboxProps={{ withinPortal: true }}
        />
        <ProblemAlert problem={problem} testId="form-refusal" />
        <Group justify="flex-end">
          <Button type="submit" loading={form.submitting}>
            {t("units.move")}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
