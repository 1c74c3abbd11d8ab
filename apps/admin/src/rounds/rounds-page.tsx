import { CreateRoundDocument, CriteriaSetsDocument, RoundsDocument, UnitTreeDocument } from "@lantoa/client";
import { RoundSettingsSchema } from "@lantoa/domain/round";
import {
  Alert,
  Anchor,
  Badge,
  Button,
  Checkbox,
  NativeSelect,
  NumberInput,
  Paper,
  Select,
  SimpleGrid,
  Stack,
  Table,
  Text,
  Textarea,
  TextInput,
  Title,
} from "@mantine/core";
import { useMutation, useQuery } from "@tanstack/react-query";
import { useState } from "react";
import { Link, useLocation } from "wouter";
import { z } from "zod";
import { graphqlMutation, graphqlQuery } from "../data/graphql";
import { ProblemAlert } from "../errors/problem-alert";
import { foldedOptionsFilter } from "../fold-vietnamese";
import { DateField } from "../forms/date-field";
import { useMutationForm } from "../forms/use-mutation-form";
import { useI18n } from "../i18n/i18n";
import { ListTable } from "../layout/list-table";
import { EmptyNote, QueryStatus } from "../query-status";
import { useConfiguration } from "../registers/use-configuration";
import { useSession, viewerRoles } from "../session";
import { renderUnitOption, unitOptionsOf } from "../unit-options";

const roundStatusColor: Record<string, string> = {
  draft: "gray",
  "self-assessment": "blue",
  review: "blue",
  council: "orange",
  finalized: "teal",
  published: "green",
};

/** The rounds the viewer administers or reviews in, and (for admins) the form that creates one. */
export default function RoundsPage() {
  const { t, label, formatCount } = useI18n();
  const { session } = useSession();
  const roles = viewerRoles(session);
  const isAdmin = roles.includes("system-admin") || roles.includes("unit-admin");
  const query = useQuery(graphqlQuery(RoundsDocument, {}));
  const rounds = query.data?.rounds ?? null;

  return (
    <Stack component="section" aria-labelledby="rounds-heading" gap="md">
      <Title order={2} id="rounds-heading">
        {t("rounds.title")}
      </Title>
      <Text>{t("rounds.intro")}</Text>
      <QueryStatus query={query} />
      {rounds && rounds.length === 0 && <EmptyNote text={t("rounds.empty")} />}
      {rounds && rounds.length > 0 && (
        <ListTable minWidth={640} data-testid="rounds-table">
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col">{t("rounds.name")}</Table.Th>
              <Table.Th scope="col">{t("rounds.organizer")}</Table.Th>
              <Table.Th scope="col">{t("rounds.period")}</Table.Th>
              <Table.Th scope="col">{t("rounds.criteria")}</Table.Th>
              <Table.Th scope="col">{t("rounds.statusHeader")}</Table.Th>
              <Table.Th scope="col" ta="right">
                {t("rounds.progress.submitted")}
              </Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {rounds.map((r) => (
              <Table.Tr key={r.id}>
                <Table.Td>
                  <div>
                    <Anchor component={Link} href={`/rounds/${encodeURIComponent(r.id)}`} fw={600}>
                      {r.name}
                    </Anchor>
                    <Text size="xs" c="dimmed">
                      {r.code}
                    </Text>
                  </div>
                </Table.Td>
                <Table.Td data-label={t("rounds.organizer")}>{r.organizerUnit?.name ?? "—"}</Table.Td>
                <Table.Td data-label={t("rounds.period")}>{r.period}</Table.Td>
                <Table.Td data-label={t("rounds.criteria")}>
                  {t("rounds.criteriaVersion", { code: r.criteriaSetCode ?? "", n: r.criteriaVersion ?? 0 })}
                </Table.Td>
                <Table.Td data-label={t("rounds.statusHeader")}>
                  <Badge variant="light" color={roundStatusColor[r.status ?? ""] ?? "gray"}>
                    {label("rounds.status", r.status)}
                  </Badge>
                </Table.Td>
                <Table.Td ta="right" data-label={t("rounds.progress.submitted")}>
                  {formatCount(r.progress?.reviewsSubmitted ?? 0)}/{formatCount(r.progress?.reviewsAssigned ?? 0)}
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </ListTable>
      )}
      {isAdmin && <CreateRoundForm />}
    </Stack>
  );
}

const settings = RoundSettingsSchema.shape;
const isoDate = z.iso.date();
const createSchema = z.object({
  code: z
    .string()
    .trim()
    .regex(/^[\p{L}\p{N}._-]{1,64}$/u),
  name: z.string().trim().min(1).max(300),
  criteria: z.string().regex(/^.+@\d+$/),
  organizer: z.string().min(1),
  period: z.string().regex(/^\d{4}(-(Q[1-4]|\d{2}))?$/),
  referenceDate: isoDate,
  startedBy: isoDate.or(z.literal("")),
  reviewersPerModel: settings.reviewersPerModel,
});

/** Name and code, the pinned published criteria version, the organizer and the scope. */
function CreateRoundForm() {
  const { t } = useI18n();
  const configuration = useConfiguration();
  const [, navigate] = useLocation();
  const sets = useQuery(graphqlQuery(CriteriaSetsDocument, {}));
  const units = useQuery(graphqlQuery(UnitTreeDocument, { first: 500, filter: null }));
  const create = useMutation(graphqlMutation(CreateRoundDocument));
  const [leftOut, setLeftOut] = useState<LeftOut | null>(null);
  const versions = (sets.data?.criteriaSets ?? []).flatMap((s) =>
    (s.versions ?? [])
      .filter((v) => v.status === "published")
      .map((v) => ({
        value: `${s.code}@${v.versionNumber}`,
        label: `${s.name} — ${t("criteria.versionN", { n: v.versionNumber })}`,
      })),
  );
  const unitOptions = unitOptionsOf((units.data?.units?.edges ?? []).map((e) => e.node));
  const { form, onSubmit, problem } = useMutationForm({
    initialValues: {
      code: "",
      name: "",
      criteria: "",
      organizer: null as string | null,
      period: String(new Date().getFullYear()),
      referenceDate: "",
      level: "",
      field: "",
      startedBy: "",
      modelCodes: "",
      reviewersPerModel: 2 as number | string,
      commentsRequired: true,
    },
    schema: createSchema,
    messages: {
      code: "rounds.create.codeHint",
      name: "rounds.create.nameRequired",
      criteria: "rounds.create.criteriaRequired",
      organizer: "rounds.create.organizerRequired",
      period: "rounds.create.periodInvalid",
      referenceDate: "registers.dateInvalid",
      startedBy: "registers.dateInvalid",
      reviewersPerModel: "form.invalid",
    },
    submit: (v, { idempotencyKey }) => {
      const at = v.criteria.lastIndexOf("@");
      const modelCodes = v.modelCodes
        .split(/[\s,;]+/)
        .map((c) => c.trim())
        .filter(Boolean);
      return create.mutateAsync({
        idempotencyKey,
        input: {
          code: v.code.trim(),
          name: v.name.trim(),
          criteriaSetCode: v.criteria.slice(0, at),
          criteriaVersion: Number(v.criteria.slice(at + 1)),
          organizerUnitId: v.organizer ?? "",
          period: v.period.trim(),
          referenceDate: v.referenceDate,
          level: v.level || null,
          field: v.field || null,
          startedBy: v.startedBy || null,
          modelCodes: modelCodes.length > 0 ? modelCodes : null,
          reviewersPerModel: Number(v.reviewersPerModel),
          commentsRequired: v.commentsRequired,
        },
      });
    },
    fieldOf: {
      "ROUND.DUPLICATE_CODE": "code",
      "ROUND.SCOPE_OUTSIDE_ORGANIZER": "organizer",
      "ROUND.CRITERIA_NOT_PUBLISHED": "criteria",
    },
    onSuccess: ({ data }) => {
      if (!data.round) return;
      // Codes left out are shown before moving on: nothing is dropped silently.
      if (data.skipped.length > 0) setLeftOut({ roundId: data.round.id, skipped: data.skipped });
      else navigate(`/rounds/${encodeURIComponent(data.round.id)}`);
    },
  });

  return (
    <Paper withBorder p="md" component="form" onSubmit={onSubmit} noValidate aria-labelledby="create-round-heading">
      <Title order={3} size="h4" id="create-round-heading">
        {t("rounds.create.title")}
      </Title>
      <Text size="sm" c="dimmed" mb="xs">
        {t("rounds.create.intro")}
      </Text>
      <SimpleGrid cols={{ base: 1, md: 2 }}>
        <TextInput label={t("rounds.create.name")} withAsterisk {...form.getInputProps("name")} />
        <TextInput
          label={t("rounds.create.code")}
          description={t("rounds.create.codeHint")}
          withAsterisk
          {...form.getInputProps("code")}
        />
        <NativeSelect
          label={t("rounds.create.criteria")}
          withAsterisk
          data={[{ value: "", label: t("rounds.create.criteriaPick") }, ...versions]}
          {...form.getInputProps("criteria")}
        />
        <TextInput
          label={t("rounds.period")}
          description={t("rounds.create.periodHint")}
          withAsterisk
          {...form.getInputProps("period")}
        />
        <Select
          label={t("rounds.organizer")}
          description={t("rounds.create.organizerHint")}
          withAsterisk
          searchable
          filter={foldedOptionsFilter}
          data={unitOptions}
          renderOption={renderUnitOption}
          {...form.getInputProps("organizer")}
        />
        <DateField
          label={t("rounds.create.referenceDate")}
          description={t("rounds.create.referenceDateHint")}
          withAsterisk
          {...form.getInputProps("referenceDate")}
        />
        <DateField label={t("rounds.create.startedBy")} {...form.getInputProps("startedBy")} />
        <NativeSelect
          label={t("rounds.create.level")}
          data={[{ value: "", label: t("rounds.create.any") }, ...configuration.levelOptions]}
          {...form.getInputProps("level")}
        />
        <NativeSelect
          label={t("rounds.create.field")}
          data={[{ value: "", label: t("rounds.create.any") }, ...configuration.fieldOptions]}
          {...form.getInputProps("field")}
        />
        <NumberInput
          label={t("rounds.create.reviewersPerModel")}
          min={1}
          max={9}
          allowDecimal={false}
          {...form.getInputProps("reviewersPerModel")}
        />
        <Checkbox
          mt="lg"
          label={t("rounds.create.commentsRequired")}
          {...form.getInputProps("commentsRequired", { type: "checkbox" })}
        />
      </SimpleGrid>
      <Textarea
        mt="xs"
        label={t("rounds.create.modelCodes")}
        description={t("rounds.create.modelCodesHint")}
        autosize
        minRows={2}
        {...form.getInputProps("modelCodes")}
      />
      <ProblemAlert problem={problem} />
      {leftOut && <SkippedNominations leftOut={leftOut} />}
      <Button mt="sm" type="submit" loading={form.submitting}>
        {t("rounds.create.submit")}
      </Button>
    </Paper>
  );
}

/** A round just created and the nominated codes it left out. */
interface LeftOut {
  readonly roundId: string;
  readonly skipped: ReadonlyArray<{ code: string; reason: string }>;
}

/** Every nominated code the new round left out, with why, and the way on to the round. */
function SkippedNominations({ leftOut }: { leftOut: LeftOut }) {
  const { t, label } = useI18n();
  return (
    <Alert
      mt="sm"
      color="yellow"
      variant="light"
      role="status"
      data-testid="skipped-nominations"
      title={t("rounds.skipped.title", { n: leftOut.skipped.length })}
    >
      <Text size="sm">{t("rounds.skipped.intro")}</Text>
      <Table mt="xs" withRowBorders>
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">{t("rounds.skipped.code")}</Table.Th>
            <Table.Th scope="col">{t("rounds.skipped.reasonHeader")}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {leftOut.skipped.map((s) => (
            <Table.Tr key={s.code} data-reason={s.reason}>
              <Table.Td ff="monospace">{s.code}</Table.Td>
              <Table.Td>{label("rounds.skipped.reason", s.reason)}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
      <Anchor component={Link} href={`/rounds/${encodeURIComponent(leftOut.roundId)}`} fw={600} mt="xs">
        {t("rounds.skipped.open")}
      </Anchor>
    </Alert>
  );
}
