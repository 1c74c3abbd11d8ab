import {
  type DocumentTypeDecoration,
  type ExportReport,
  ExportSpreadsheetDocument,
  type ReportFilter,
} from "@lantoa/client";
import { Button, Group } from "@mantine/core";
import { type ApiFile, useDownload } from "./download-file";
import { ProblemAlert } from "./errors/problem-alert";
import { useI18n } from "./i18n/i18n";

/**
 * "Tải Excel" and "Tải CSV" for any file query taking a `format`: the gateway builds the file
 * and the browser saves it; a failure is said beside the buttons.
 *
 * @example
 * <DownloadButtons document={RoundExportDocument} variables={{ roundId }} onSaved={setSaved} />
 */
export function DownloadButtons({
  document,
  variables,
  onSaved,
  testId,
}: {
  // biome-ignore lint/suspicious/noExplicitAny: any query whose one root field is a file.
  document: DocumentTypeDecoration<any, any>;
  variables: Record<string, unknown>;
  onSaved?: (file: ApiFile) => void;
  testId?: string;
}) {
  const { t } = useI18n();
  const download = useDownload();
  const running = download.isPending ? download.variables?.variables.format : null;
  const save = (format: "XLSX" | "CSV") =>
    download.mutate({ document, variables: { ...variables, format } }, { onSuccess: onSaved });
  return (
    <Group gap="xs" className="export-buttons" data-testid={testId}>
      {(["XLSX", "CSV"] as const).map((format) => (
        <Button
          key={format}
          size="xs"
          variant="light"
          loading={running === format}
          disabled={download.isPending}
          onClick={() => save(format)}
        >
          {t(format === "XLSX" ? "export.xlsx" : "export.csv")}
        </Button>
      ))}
      <ProblemAlert error={download.error} />
    </Group>
  );
}

/** The buttons for a list or report, built inside the viewer's scope. */
export function ExportButtons({ report, filter }: { report: ExportReport; filter?: ReportFilter }) {
  return (
    <DownloadButtons
      document={ExportSpreadsheetDocument}
      variables={{ report, filter: filter ?? null }}
      testId={`export-${report}`}
    />
  );
}
