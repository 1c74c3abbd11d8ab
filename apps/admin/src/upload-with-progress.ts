import { type DocumentTypeDecoration, type GraphQLErrorEntry, GraphQLRequestError } from "@lantoa/client";

/** Options of {@link uploadWithProgress}. */
export interface UploadOptions {
  token?: string | null | undefined;
  /** Bytes sent so far and in all, as the browser reports them. */
  onUploadProgress?: (sent: number, total: number) => void;
}

/**
 * Sends a typed operation with one file as a GraphQL multipart request (the file goes
 * to `variables.file`). XMLHttpRequest rather than fetch: only it reports upload progress.
 *
 * @example
 * const { importSpreadsheet } = await uploadWithProgress("/graphql", ImportSpreadsheetDocument,
 *   { kind: "MODELS", dryRun: true }, file, { token, onUploadProgress: (sent, total) => … });
 */
export function uploadWithProgress<TResult, TVariables extends { file: unknown }>(
  endpoint: string,
  document: DocumentTypeDecoration<TResult, TVariables>,
  variables: Omit<TVariables, "file">,
  file: File,
  options: UploadOptions = {},
): Promise<TResult> {
  const form = new FormData();
  form.set("operations", JSON.stringify({ query: String(document), variables: { ...variables, file: null } }));
  form.set("map", JSON.stringify({ 0: ["variables.file"] }));
  form.set("0", file);
  return new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open("POST", endpoint);
    // A multipart post is a "simple" request: the header shows the gateway it is no cross-site form.
    xhr.setRequestHeader("x-graphql-csrf", "1");
    if (options.token) xhr.setRequestHeader("authorization", `Bearer ${options.token}`);
    xhr.upload.onprogress = (event) => {
      if (event.lengthComputable) options.onUploadProgress?.(event.loaded, event.total);
    };
    xhr.onerror = () => reject(new GraphQLRequestError("network", "The gateway could not be reached."));
    xhr.onload = () => {
      let body: { data?: TResult | null; errors?: GraphQLErrorEntry[] };
      try {
        body = JSON.parse(xhr.responseText) as typeof body;
      } catch (cause) {
        reject(
          new GraphQLRequestError("http", `HTTP ${xhr.status} without a GraphQL body.`, { status: xhr.status, cause }),
        );
        return;
      }
      if (body.errors?.length) {
        reject(
          new GraphQLRequestError("graphql", body.errors[0]?.message ?? "GraphQL error", {
            status: xhr.status,
            errors: body.errors,
          }),
        );
      } else if (body.data == null) {
        reject(new GraphQLRequestError("http", `HTTP ${xhr.status} without data.`, { status: xhr.status }));
      } else resolve(body.data);
    };
    xhr.send(form);
  });
}
