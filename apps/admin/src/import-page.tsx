import {
  type ImportKind,
  ImportSpreadsheetDocument,
  type ImportSpreadsheetMutation,
  request,
  SpreadsheetTemplateDocument,
} from "@lantoa/client";
import { Alert, Button, FileInput, Group, Progress, SegmentedControl, Stack, Table, Text, Title } from "@mantine/core";
import { useState } from "react";
import { Link } from "wouter";
import { downloadFile } from "./download-file";
import { followImportProgress, type ImportProgressEvent } from "./follow-import-progress";
import { useI18n } from "./i18n/i18n";
import type { MessageKey } from "./i18n/messages-vi";
import { useSession } from "./session";
import { uploadWithProgress } from "./upload-with-progress";
import { errorMessageKey, graphqlEndpoint } from "./use-query";

const kinds: readonly ImportKind[] = ["MODELS", "UNITS", "GOLDEN_BOOK"];

type Result = NonNullable<ImportSpreadsheetMutation["importSpreadsheet"]>;

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
  const { t, label, locale } = useI18n();
  const { session } = useSession();
  const token = session?.token ?? null;
  const [kind, setKind] = useState<ImportKind>("MODELS");
  const [file, setFile] = useState<File | null>(null);
  const [running, setRunning] = useState<Running | null>(null);
  const [result, setResult] = useState<Result | null>(null);
  const [error, setError] = useState<unknown>(null);

  const reset = () => {
    setResult(null);
    setError(null);
  };

  const run = async (dryRun: boolean) => {
    if (!file) return;
    reset();
    const id = operationId();
    setRunning({ upload: { sent: 0, total: file.size }, server: null });
    const stream = followImportProgress(graphqlEndpoint, id, token, (event) =>
      setRunning((previous) => previous && { ...previous, server: event }),
    );
    try {
      await stream.ready;
      const { importSpreadsheet } = await uploadWithProgress(
        graphqlEndpoint,
        ImportSpreadsheetDocument,
        { kind, dryRun, operationId: id },
        file,
        {
          token,
          onUploadProgress: (sent, total) =>
            setRunning((previous) => previous && { ...previous, upload: { sent, total } }),
        },
      );
      setResult(importSpreadsheet ?? null);
    } catch (caught) {
      setError(caught);
    } finally {
      stream.close();
      setRunning(null);
    }
  };

  const template = async (format: "XLSX" | "CSV") => {
    try {
      const { spreadsheetTemplate } = await request(
        graphqlEndpoint,
        SpreadsheetTemplateDocument,
        { kind, format },
        { token },
      );
      if (spreadsheetTemplate?.base64 && spreadsheetTemplate.filename && spreadsheetTemplate.mimeType) {
        downloadFile({
          filename: spreadsheetTemplate.filename,
          mimeType: spreadsheetTemplate.mimeType,
          base64: spreadsheetTemplate.base64,
        });
      }
    } catch (caught) {
      setError(caught);
    }
  };

  const outcome = result?.__typename === "MutationImportSpreadsheetSuccess" ? result.data : null;
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
              reset();
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
            reset();
          }}
          clearable
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
        {error !== null && (
          <Alert color="red" role="alert">
            {t(errorMessageKey(error))}
          </Alert>
        )}
        {result && result.__typename !== "MutationImportSpreadsheetSuccess" && (
          <Alert color="red" role="alert" title={result.code ?? undefined}>
            {locale === "vi" ? result.messageVi : result.message}
          </Alert>
        )}
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

type Outcome = Extract<Result, { __typename: "MutationImportSpreadsheetSuccess" }>["data"];

function ImportOutcome({ outcome, kind }: { outcome: Outcome; kind: ImportKind }) {
  const { t, label, locale, formatNumber } = useI18n();
  const problems = outcome.problems ?? [];
  const rows = formatNumber(outcome.rows ?? 0);
  if (problems.length > 0) {
    return (
      <Stack gap="xs" data-testid="import-problems">
        <Alert color="red" role="alert" title={t("import.problemsTitle", { count: problems.length })}>
          {t("import.problemsHint")}
        </Alert>
        <Table striped withTableBorder>
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
                <Table.Td>{p.row ? p.row : t("import.wholeFile")}</Table.Td>
                <Table.Td>{p.column || "—"}</Table.Td>
                <Table.Td>{locale === "vi" ? p.messageVi : p.message}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
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
          <Link href={kind === "UNITS" ? "/units" : "/models"}>
            {t(kind === "UNITS" ? "import.seeUnits" : "import.seeModels")}
          </Link>
        ) : (
          t("import.cleanHint")
        )}
      </Alert>
      <Table withTableBorder>
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
              <Table.Td>{label("import.record", c.record)}</Table.Td>
              <Table.Td>{formatNumber(c.created ?? 0)}</Table.Td>
              <Table.Td>{formatNumber(c.updated ?? 0)}</Table.Td>
              <Table.Td>{formatNumber(c.unchanged ?? 0)}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Stack>
  );
}
