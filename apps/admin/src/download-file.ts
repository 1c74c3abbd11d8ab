import type { DocumentTypeDecoration } from "@lantoa/client";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { graphqlQuery } from "./data/graphql";

/** A file as the API returns it (exports, templates). */
export interface ApiFile {
  filename?: string | null;
  mimeType?: string | null;
  base64?: string | null;
  bytes?: number | null;
}

/** Saves a base64-encoded file from the API under its name, as a browser download. */
export function downloadFile(file: { filename: string; mimeType: string; base64: string }): void {
  const binary = atob(file.base64);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  const url = URL.createObjectURL(new Blob([bytes], { type: file.mimeType }));
  const link = document.createElement("a");
  link.href = url;
  link.download = file.filename;
  document.body.append(link);
  link.click();
  link.remove();
  // Give the browser time to start the download before the address is freed.
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/**
 * Fetches a file query (an export, a template) through the data layer, never from the cache
 * and without keeping it there, and saves it. `mutation.variables.format` says which button runs.
 *
 * @example
 * const download = useDownload();
 * download.mutate({ document: RoundExportDocument, variables: { roundId, format: "XLSX" } });
 */
export function useDownload() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: async ({
      document,
      variables,
    }: {
      // biome-ignore lint/suspicious/noExplicitAny: any query whose one root field is a file.
      document: DocumentTypeDecoration<any, any>;
      variables: Record<string, unknown>;
    }): Promise<ApiFile> => {
      const data = await client.fetchQuery({ ...graphqlQuery(document, variables), staleTime: 0, gcTime: 0 });
      const file = Object.values(data as Record<string, ApiFile | null>)[0];
      if (!file?.base64 || !file.filename || !file.mimeType) throw new Error("the API sent no file");
      downloadFile({ filename: file.filename, mimeType: file.mimeType, base64: file.base64 });
      return file;
    },
  });
}
