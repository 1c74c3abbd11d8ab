import {
  DeleteReportDraftDocument,
  PeriodicReportDocument,
  ReportDraftDocument,
  type ReportDraftFieldsFragment,
  type ReportFormat,
  SaveReportDraftDocument,
} from "@lantoa/client";
import { ReportDraftSchema } from "@lantoa/domain/document";
import {
  Alert,
  Anchor,
  Button,
  Group,
  Paper,
  SimpleGrid,
  Stack,
  Text,
  Textarea,
  TextInput,
  Title,
} from "@mantine/core";
import { notifications } from "@mantine/notifications";
import { useMutation, useQuery } from "@tanstack/react-query";
import { Link, useLocation } from "wouter";
import { z } from "zod";
import { graphqlMutation, graphqlQuery } from "../data/graphql";
import { useDownload } from "../download-file";
import { ProblemAlert } from "../errors/problem-alert";
import { DateField } from "../forms/date-field";
import { useMutationForm } from "../forms/use-mutation-form";
import { useI18n } from "../i18n/i18n";
import { QueryStatus } from "../query-status";
import { useHoldsRole } from "../registers/register-support";
import { YearInput } from "./year-input";

const rules = ReportDraftSchema.shape;
const writerRoles = ["system-admin", "unit-admin", "unit-officer"];

/** One report draft: its document parts and narrative to edit, and the report to download as DOCX or PDF. */
export default function ReportDraftPage({ id }: { id: string }) {
  const { t } = useI18n();
  const query = useQuery(graphqlQuery(ReportDraftDocument, { id }));
  const row = query.data?.reportDraft ?? null;
  return (
    <Stack component="section" aria-labelledby="draft-heading" gap="md">
      <Anchor component={Link} href="/report-drafts">
        {t("drafts.back")}
      </Anchor>
      {!row && <QueryStatus query={query} lines={8} />}
      {query.isSuccess && !row && (
        <>
          <Title order={2} id="draft-heading">
            {t("drafts.title")}
          </Title>
          <Alert color="red" variant="light">
            {t("drafts.notFound")}
          </Alert>
        </>
      )}
      {row && (
        <>
          <Title order={2} id="draft-heading">
            {t("drafts.heading", { subject: row.subject ?? "" })}
          </Title>
          <Text c="dimmed">{row.unit?.name}</Text>
          <ReportDownloads draftId={row.id ?? ""} />
          {/* A new version remounts the form with what was saved. */}
          <DraftForm key={`${row.id}-${row.version}`} draft={row} />
        </>
      )}
    </Stack>
  );
}

function ReportDownloads({ draftId }: { draftId: string }) {
  const { t } = useI18n();
  const download = useDownload();
  const running = download.isPending ? download.variables?.variables.format : null;
  return (
    <Paper withBorder p="sm">
      <Title order={3} size="h4" mb="xs">
        {t("drafts.download")}
      </Title>
      <Group gap="xs">
        {(["DOCX", "PDF"] as const satisfies readonly ReportFormat[]).map((format) => (
          <Button
            key={format}
            variant="light"
            loading={running === format}
            disabled={download.isPending}
            data-testid={`report-${format}`}
            onClick={() => download.mutate({ document: PeriodicReportDocument, variables: { draftId, format } })}
          >
            {t(format === "DOCX" ? "drafts.docx" : "drafts.pdf")}
          </Button>
        ))}
      </Group>
      <ProblemAlert error={download.error} />
    </Paper>
  );
}

const schema = z.object({
  fromYear: rules.fromYear,
  toYear: rules.toYear,
  superiorBody: rules.superiorBody,
  issuingBody: rules.issuingBody,
  numberSymbol: rules.numberSymbol,
  place: rules.place,
  reportDate: rules.reportDate,
  subject: rules.subject,
  signerTitle: rules.signerTitle,
  signerName: rules.signerName,
});

/** The draft as the form edits it: every part present (the API types each field as nullable). */
function editable(row: ReportDraftFieldsFragment) {
  return {
    id: row.id ?? "",
    version: row.version ?? 0,
    fromYear: row.fromYear ?? 0,
    toYear: row.toYear ?? 0,
    superiorBody: row.superiorBody ?? "",
    issuingBody: row.issuingBody ?? "",
    numberSymbol: row.numberSymbol ?? "",
    place: row.place ?? "",
    reportDate: row.reportDate ?? "",
    subject: row.subject ?? "",
    sections: (row.sections ?? []).flatMap((s) =>
      s.key ? [{ key: s.key, heading: s.heading ?? "", headingVi: s.headingVi ?? "", text: s.text ?? "" }] : [],
    ),
    recipients: row.recipients ?? [],
    signerTitle: row.signerTitle ?? "",
    signerName: row.signerName ?? "",
  };
}

function DraftForm({ draft: fetched }: { draft: ReportDraftFieldsFragment }) {
  const row = editable(fetched);
  const { t, locale } = useI18n();
  const [, navigate] = useLocation();
  const mayWrite = useHoldsRole(writerRoles);
  const save = useMutation(graphqlMutation(SaveReportDraftDocument));
  const remove = useMutation(graphqlMutation(DeleteReportDraftDocument));
  const { form, onSubmit, problem } = useMutationForm({
    initialValues: {
      fromYear: row.fromYear as number | string,
      toYear: row.toYear as number | string,
      superiorBody: row.superiorBody,
      issuingBody: row.issuingBody,
      numberSymbol: row.numberSymbol,
      place: row.place,
      reportDate: row.reportDate,
      subject: row.subject,
      sections: Object.fromEntries(row.sections.map((s) => [s.key, s.text])) as Record<string, string>,
      recipients: row.recipients.join("\n"),
      signerTitle: row.signerTitle,
      signerName: row.signerName,
    },
    schema,
    messages: {
      fromYear: "drafts.yearInvalid",
      toYear: "drafts.yearInvalid",
      issuingBody: "drafts.issuingBodyRequired",
      place: "drafts.placeRequired",
      reportDate: "registers.dateInvalid",
      subject: "drafts.subjectRequired",
    },
    check: (v) => ({
      toYear: Number(v.toYear) < Number(v.fromYear) ? "drafts.yearsOrder" : null,
      reportDate: v.reportDate && v.reportDate < `${v.fromYear}-01-01` ? "drafts.reportDateEarly" : null,
    }),
    submit: (v) =>
      save.mutateAsync({
        input: {
          id: row.id,
          fromYear: Number(v.fromYear),
          toYear: Number(v.toYear),
          superiorBody: v.superiorBody.trim(),
          issuingBody: v.issuingBody.trim(),
          numberSymbol: v.numberSymbol.trim(),
          place: v.place.trim(),
          reportDate: v.reportDate,
          subject: v.subject.trim(),
          sections: row.sections.map((s) => ({ key: s.key, text: v.sections[s.key] ?? "" })),
          recipients: v.recipients
            .split("\n")
            .map((line) => line.trim())
            .filter((line) => line !== ""),
          signerTitle: v.signerTitle.trim(),
          signerName: v.signerName.trim(),
          expectedVersion: row.version,
        },
      }),
    onSuccess: () => notifications.show({ color: "green", message: t("drafts.saved") }),
  });
  const onDelete = () => {
    if (!window.confirm(t("drafts.confirmDelete"))) return;
    remove.mutate(
      { id: row.id, expectedVersion: row.version },
      {
        onSuccess: () => {
          notifications.show({ message: t("drafts.deleted") });
          navigate("/report-drafts");
        },
      },
    );
  };

  return (
    <form onSubmit={onSubmit} noValidate>
      <fieldset disabled={!mayWrite} style={{ border: 0, padding: 0, margin: 0 }}>
        <Stack gap="md">
          <Paper withBorder p="sm">
            <Title order={3} size="h4" mb="xs">
              {t("drafts.parts")}
            </Title>
            <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
              <TextInput label={t("drafts.superiorBody")} {...form.getInputProps("superiorBody")} />
              <TextInput label={t("drafts.issuingBody")} withAsterisk {...form.getInputProps("issuingBody")} />
              <TextInput
                label={t("drafts.numberSymbol")}
                placeholder="125-BC/HU"
                {...form.getInputProps("numberSymbol")}
              />
              <TextInput label={t("drafts.place")} withAsterisk {...form.getInputProps("place")} />
              <DateField label={t("drafts.reportDate")} withAsterisk {...form.getInputProps("reportDate")} />
              <Group grow gap="sm" align="flex-start">
                <YearInput label={t("drafts.fromYear")} {...form.getInputProps("fromYear")} />
                <YearInput label={t("drafts.toYear")} {...form.getInputProps("toYear")} />
              </Group>
            </SimpleGrid>
            <Textarea
              mt="sm"
              label={t("drafts.subject")}
              withAsterisk
              autosize
              minRows={2}
              {...form.getInputProps("subject")}
            />
          </Paper>
          <Paper withBorder p="sm">
            <Title order={3} size="h4">
              {t("drafts.sections")}
            </Title>
            <Text size="sm" c="dimmed" mb="xs">
              {t("drafts.sectionsHint")}
            </Text>
            <Stack gap="sm">
              {row.sections.map((section) => (
                <Textarea
                  key={section.key}
                  label={locale === "vi" ? section.headingVi : section.heading}
                  autosize
                  minRows={3}
                  maxRows={16}
                  data-testid={`section-${section.key}`}
                  {...form.getInputProps(`sections.${section.key}`)}
                />
              ))}
            </Stack>
          </Paper>
          <Paper withBorder p="sm">
            <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
              <Textarea label={t("drafts.recipients")} autosize minRows={3} {...form.getInputProps("recipients")} />
              <Stack gap="sm">
                <TextInput label={t("drafts.signerTitle")} {...form.getInputProps("signerTitle")} />
                <TextInput label={t("drafts.signerName")} {...form.getInputProps("signerName")} />
              </Stack>
            </SimpleGrid>
          </Paper>
          <ProblemAlert problem={problem} testId="draft-refusal" />
          <ProblemAlert error={remove.error} />
          {mayWrite && (
            <Group justify="space-between">
              <Button variant="subtle" color="red" onClick={onDelete} loading={remove.isPending}>
                {t("drafts.delete")}
              </Button>
              <Button type="submit" loading={form.submitting}>
                {t("drafts.save")}
              </Button>
            </Group>
          )}
        </Stack>
      </fieldset>
    </form>
  );
}
