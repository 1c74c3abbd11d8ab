import { CreateReportDraftDocument, ReportDraftsDocument } from "@lantoa/client";
import { ReportDraftSchema } from "@lantoa/domain/document";
import { Anchor, Button, Group, Paper, Select, Stack, Table, Text, Title } from "@mantine/core";
import { notifications } from "@mantine/notifications";
import { useMutation, useQuery } from "@tanstack/react-query";
import { useState } from "react";
import { Link, useLocation } from "wouter";
import { z } from "zod";
import { graphqlMutation, graphqlQuery } from "../data/graphql";
import { ProblemAlert } from "../errors/problem-alert";
import { foldedOptionsFilter } from "../fold-vietnamese";
import { useMutationForm } from "../forms/use-mutation-form";
import { useI18n } from "../i18n/i18n";
import { ListTable } from "../layout/list-table";
import { EmptyNote, QueryStatus } from "../query-status";
import { useHoldsRole, useUnitOptions } from "../registers/register-support";
import { renderUnitOption } from "../unit-options";
import { YearInput } from "./year-input";

const draft = ReportDraftSchema.shape;
const writerRoles = ["system-admin", "unit-admin", "unit-officer"];

/** A unit's periodic report drafts, and a form to start one for a span of years. */
export default function ReportDraftsPage() {
  const { t, formatDate } = useI18n();
  const { units, options, ownUnit } = useUnitOptions();
  const mayWrite = useHoldsRole(writerRoles);
  const [chosen, setChosen] = useState<string | null>(null);
  const unitId = chosen ?? ownUnit;
  const list = useQuery({ ...graphqlQuery(ReportDraftsDocument, { unitId }), enabled: !!unitId });
  const rows = list.data?.reportDrafts ?? null;
  return (
    <Stack component="section" aria-labelledby="drafts-heading" gap="sm">
      <div>
        <Title order={2} id="drafts-heading">
          {t("drafts.title")}
        </Title>
        <Text c="dimmed">{t("drafts.intro")}</Text>
      </div>
      <Select
        label={t("drafts.unit")}
        searchable
        filter={foldedOptionsFilter}
        value={unitId}
        onChange={setChosen}
        allowDeselect={false}
        data={options}
        renderOption={renderUnitOption}
        w={{ base: "100%", sm: 320 }}
      />
      <QueryStatus query={units} />
      {unitId && mayWrite && <CreateDraftForm unitId={unitId} />}
      {unitId && <QueryStatus query={list} lines={4} />}
      {rows && rows.length === 0 && <EmptyNote text={t("drafts.empty")} />}
      {rows && rows.length > 0 && (
        <ListTable minWidth={720} data-testid="report-drafts">
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col">{t("drafts.subject")}</Table.Th>
              <Table.Th scope="col">{t("drafts.period")}</Table.Th>
              <Table.Th scope="col">{t("drafts.numberSymbol")}</Table.Th>
              <Table.Th scope="col">{t("drafts.updatedAt")}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {rows.map((row) => (
              <Table.Tr key={row.id ?? row.subject}>
                <Table.Td>
                  <Anchor component={Link} href={`/report-drafts/${encodeURIComponent(row.id ?? "")}`} fw={600}>
                    {row.subject}
                  </Anchor>
                </Table.Td>
                <Table.Td data-label={t("drafts.period")}>
                  {row.fromYear === row.toYear ? row.toYear : `${row.fromYear}–${row.toYear}`}
                </Table.Td>
                <Table.Td data-label={t("drafts.numberSymbol")}>{row.numberSymbol || "—"}</Table.Td>
                <Table.Td data-label={t("drafts.updatedAt")}>
                  {row.updatedAt ? formatDate(row.updatedAt, true) : "—"}
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </ListTable>
      )}
    </Stack>
  );
}

function CreateDraftForm({ unitId }: { unitId: string }) {
  const { t } = useI18n();
  const [, navigate] = useLocation();
  const create = useMutation(graphqlMutation(CreateReportDraftDocument));
  const year = new Date().getFullYear();
  const { form, onSubmit, problem } = useMutationForm({
    initialValues: { fromYear: (year - 1) as number | string, toYear: year as number | string },
    schema: z.object({ fromYear: draft.fromYear, toYear: draft.toYear }),
    messages: { fromYear: "drafts.yearInvalid", toYear: "drafts.yearInvalid" },
    check: (v) => ({
      toYear:
        typeof v.fromYear === "number" && typeof v.toYear === "number" && v.toYear < v.fromYear
          ? "drafts.yearsOrder"
          : null,
    }),
    submit: (v) => create.mutateAsync({ input: { unitId, fromYear: Number(v.fromYear), toYear: Number(v.toYear) } }),
    onSuccess: (data) => {
      notifications.show({ color: "green", message: t("drafts.created") });
      const id = data.data?.reportDraft?.id;
      if (id) navigate(`/report-drafts/${encodeURIComponent(id)}`);
    },
  });
  return (
    <Paper withBorder p="sm" component="form" onSubmit={onSubmit} noValidate>
      <Group align="flex-start" gap="sm">
        <YearInput label={t("drafts.fromYear")} w={{ base: "100%", sm: 140 }} {...form.getInputProps("fromYear")} />
        <YearInput label={t("drafts.toYear")} w={{ base: "100%", sm: 140 }} {...form.getInputProps("toYear")} />
        <Button type="submit" mt={{ base: 0, sm: 25 }} loading={form.submitting}>
          {t("drafts.create")}
        </Button>
      </Group>
      <ProblemAlert problem={problem} />
    </Paper>
  );
}
