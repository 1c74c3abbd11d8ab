import { type ExportReport, ExportSpreadsheetDocument, type ReportFilter, request } from "@lantoa/client";
import { Button, Group, Text } from "@mantine/core";
import { useState } from "react";
import { downloadFile } from "./download-file";
import { useI18n } from "./i18n/i18n";
import { useSession } from "./session";
import { errorMessageKey, graphqlEndpoint } from "./use-query";

/**
 * "Tải Excel" and "Tải CSV" for a list or report: the gateway builds the file inside the
 * viewer's scope and the browser saves it.
 */
export function ExportButtons({ report, filter }: { report: ExportReport; filter?: ReportFilter }) {
  const { t } = useI18n();
  const { session } = useSession();
  const [busy, setBusy] = useState<"XLSX" | "CSV" | null>(null);
  const [error, setError] = useState<unknown>(null);

  const save = async (format: "XLSX" | "CSV") => {
    setBusy(format);
    setError(null);
    try {
      const { exportSpreadsheet } = await request(
        graphqlEndpoint,
        ExportSpreadsheetDocument,
        { report, format, filter: filter ?? null },
        { token: session?.token ?? null },
      );
      if (exportSpreadsheet?.base64 && exportSpreadsheet.filename && exportSpreadsheet.mimeType) {
        downloadFile({
          filename: exportSpreadsheet.filename,
          mimeType: exportSpreadsheet.mimeType,
          base64: exportSpreadsheet.base64,
        });
      }
    } catch (caught) {
      setError(caught);
    } finally {
      setBusy(null);
    }
  };

  return (
    <Group gap="xs" className="export-buttons" data-testid={`export-${report}`}>
      <Button size="xs" variant="light" loading={busy === "XLSX"} disabled={busy !== null} onClick={() => save("XLSX")}>
        {t("export.xlsx")}
      </Button>
      <Button size="xs" variant="light" loading={busy === "CSV"} disabled={busy !== null} onClick={() => save("CSV")}>
        {t("export.csv")}
      </Button>
      {error !== null && (
        <Text size="sm" c="red" role="alert">
          {t(errorMessageKey(error))}
        </Text>
      )}
    </Group>
  );
}
