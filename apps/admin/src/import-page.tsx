import { type ImportKind, ImportSpreadsheetDocument, SpreadsheetTemplateDocument } from "@lantoa/client";
import {
  Alert,
  Anchor,
  Button,
  FileInput,
  Group,
  Progress,
  SegmentedControl,
  Stack,
  Table,
  Text,
  Title,
} from "@mantine/core";
import { useMutation } from "@tanstack/react-query";
import { useState } from "react";
import { Link } from "wouter";
import { followImportProgress, type ImportProgressEvent } from "./data/follow-import-progress";
import { graphqlEndpoint, type SuccessOf } from "./data/graphql";
import { uploadMutation } from "./data/upload-with-progress";
import { useDownload } from "./download-file";
import { ProblemAlert } from "./errors/problem-alert";
import { useI18n } from "./i18n/i18n";
import type { MessageKey } from "./i18n/messages-vi";
import { ListTable } from "./layout/list-table";
import { useSession } from "./session";

const kinds: readonly ImportKind[] = ["MODELS", "UNITS", "GOLDEN_BOOK"];

type Outcome = SuccessOf<import("@lantoa/client").ImportSpreadsheetMutation>["data"];

/** Where a running check or write is: sending the file, then the server's own steps. */
type Running = { upload: { sent: number; total: number }; server: ImportProgressEvent | null };

function operationId(): string {
  return `import-${crypto.randomUUID()}`;
}

/**
 * Imports a spreadsheet in two steps: a check that lists every problem by row and
 * column and writes nothing, then the write, all or nothing. Progress shows the upload
 * (the browser's count of bytes sent) and then the gateway's steps, streamed over SSE.
 */
export default function ImportPage() {
  const { t, label } = useI18n();
  const { session } = useSession();
  const token = session?.token ?? null;
  const [kind, setKind] = useState<ImportKind>("MODELS");
  const [file, setFile] = useState<File | null>(null);
  const [running, setRunning] = useState<Running | null>(null);
  const upload = useMutation(uploadMutation(ImportSpreadsheetDocument));
  const download = useDownload();

  const run = async (dryRun: boolean) => {
    if (!file) return;
    const id = operationId();
    setRunning({ upload: { sent: 0, total: file.size }, server: null });
    const stream = followImportProgress(graphqlEndpoint, id, token, (event) =>
      setRunning((previous) => previous && { ...previous, server: event }),
    );
    try {
      await stream.ready;
      await upload.mutateAsync({
        variables: { kind, dryRun, operationId: id },
        file,
        token,
        onProgress: (sent, total) => setRunning((previous) => previous && { ...previous, upload: { sent, total } }),
      });
    } catch {
      // Shown from the mutation's error.
    } finally {
      stream.close();
      setRunning(null);
    }
  };

  const template = (format: "XLSX" | "CSV") =>
    download.mutate({ document: SpreadsheetTemplateDocument, variables: { kind, format } });

  const outcome: Outcome | null = upload.data?.data ?? null;
  const canApply = outcome !== null && outcome.dryRun === true && (outcome.problems ?? []).length === 0;

  return (
    <section aria-labelledby="import-heading" className="import-page">
      <Stack gap="md">
        <Title order={2} id="import-heading">
          {t("import.title")}
        </Title>
        <Text>{t("import.intro")}</Text>
        <Stack gap={4}>
          <Text fw={500} id="import-kind-label">
            {t("import.kind")}
          </Text>
          <SegmentedControl
            aria-labelledby="import-kind-label"
            value={kind}
            onChange={(value) => {
              setKind(value as ImportKind);
              upload.reset();
            }}
            data={kinds.map((k) => ({ value: k, label: label("import.kind", k) }))}
          />
        </Stack>
        <Group gap="xs">
          <Text fw={500}>{t("import.template")}:</Text>
          <Button size="xs" variant="light" onClick={() => template("XLSX")}>
            {t("import.templateXlsx")}
          </Button>
          <Button size="xs" variant="light" onClick={() => template("CSV")}>
            {t("import.templateCsv")}
          </Button>
        </Group>
        <FileInput
          label={t("import.file")}
          placeholder={t("import.filePlaceholder")}
          accept=".xlsx,.csv,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
          value={file}
          onChange={(next) => {
            setFile(next);
            upload.reset();
          }}
          clearable
          clearButtonProps={{ "aria-label": t("form.clearFile") }}
          data-testid="import-file"
        />
        <Group>
          <Button onClick={() => run(true)} disabled={!file || running !== null} loading={running !== null}>
            {t("import.check")}
          </Button>
          <Button color="green" onClick={() => run(false)} disabled={!canApply || running !== null}>
            {t("import.apply")}
          </Button>
        </Group>
        {running && <ImportProgressBars running={running} />}
        <ProblemAlert error={upload.error ?? download.error} />
        {outcome && <ImportOutcome outcome={outcome} kind={kind} />}
      </Stack>
    </section>
  );
}

function ImportProgressBars({ running }: { running: Running }) {
  const { t } = useI18n();
  const { sent, total } = running.upload;
  const uploaded = total > 0 ? Math.round((sent / total) * 100) : 0;
  const server = running.server;
  const phaseKey = server ? (`import.phase.${server.phase}` as MessageKey) : null;
  const serverPercent =
    server && (server.total ?? 0) > 0 ? Math.round(((server.done ?? 0) / (server.total ?? 1)) * 100) : 0;
  return (
    <Stack gap={6} data-testid="import-progress">
      <Text size="sm">{t("import.uploading", { percent: uploaded })}</Text>
      <Progress value={uploaded} aria-label={t("import.uploading", { percent: uploaded })} />
      {server && phaseKey && (
        <>
          <Text size="sm">{t(phaseKey, { done: server.done ?? 0, total: server.total ?? 0 })}</Text>
          <Progress value={serverPercent} color="teal" animated aria-label={t(phaseKey, { done: 0, total: 0 })} />
        </>
      )}
    </Stack>
  );
}

function ImportOutcome({ outcome, kind }: { outcome: Outcome; kind: ImportKind }) {
  const { t, label, locale, formatCount } = useI18n();
  const problems = outcome.problems ?? [];
  const rows = formatCount(outcome.rows ?? 0);
  if (problems.length > 0) {
    return (
      <Stack gap="xs" data-testid="import-problems">
        <Alert color="red" role="alert" title={t("import.problemsTitle", { count: problems.length })}>
          {t("import.problemsHint")}
        </Alert>
        <ListTable withTableBorder highlightOnHover={false}>
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col">{t("import.row")}</Table.Th>
              <Table.Th scope="col">{t("import.column")}</Table.Th>
              <Table.Th scope="col">{t("import.problem")}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {problems.map((p) => (
              <Table.Tr key={`${p.row}|${p.column}|${p.code}`}>
                <Table.Td data-label={t("import.row")}>{p.row ? p.row : t("import.wholeFile")}</Table.Td>
                <Table.Td data-label={t("import.column")}>{p.column || "—"}</Table.Td>
                <Table.Td data-label={t("import.problem")}>{locale === "vi" ? p.messageVi : p.message}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </ListTable>
      </Stack>
    );
  }
  return (
    <Stack gap="xs" data-testid="import-outcome">
      <Alert
        color={outcome.applied ? "green" : "blue"}
        role="status"
        title={outcome.applied ? t("import.appliedTitle", { rows }) : t("import.cleanTitle", { rows })}
      >
        {outcome.applied ? (
          <Anchor component={Link} href={kind === "UNITS" ? "/units" : "/models"}>
            {t(kind === "UNITS" ? "import.seeUnits" : "import.seeModels")}
          </Anchor>
        ) : (
          t("import.cleanHint")
        )}
      </Alert>
      <ListTable withTableBorder highlightOnHover={false} striped={false}>
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">{t("import.record")}</Table.Th>
            <Table.Th scope="col">{t("import.created")}</Table.Th>
            <Table.Th scope="col">{t("import.updated")}</Table.Th>
            <Table.Th scope="col">{t("import.unchanged")}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {(outcome.counts ?? []).map((c) => (
            <Table.Tr key={c.record}>
              <Table.Td>
                <Text fw={600} inherit>
                  {label("import.record", c.record)}
                </Text>
              </Table.Td>
              <Table.Td data-label={t("import.created")}>{formatCount(c.created ?? 0)}</Table.Td>
              <Table.Td data-label={t("import.updated")}>{formatCount(c.updated ?? 0)}</Table.Td>
              <Table.Td data-label={t("import.unchanged")}>{formatCount(c.unchanged ?? 0)}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </ListTable>
    </Stack>
  );
}
