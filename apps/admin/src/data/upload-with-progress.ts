import { type DocumentTypeDecoration, type GraphQLErrorEntry, GraphQLRequestError } from "@lantoa/client";
import { mutationOptions } from "@tanstack/react-query";
import { graphqlEndpoint, operationName, payloadOf, type SuccessOf } from "./graphql";

/** Options of {@link uploadWithProgress}. */
export interface UploadOptions {
  token?: string | null | undefined;
  /** Bytes sent so far and in all, as the browser reports them. */
  onUploadProgress?: (sent: number, total: number) => void;
}

/**
 * Sends a typed operation with one file as a GraphQL multipart request (the file goes
 * to `variables.file`). XMLHttpRequest rather than fetch: only it reports upload progress.
 * The CSRF header shows the gateway that this "simple" post is no cross-site form.
 *
 * @example
 * const { importSpreadsheet } = await uploadWithProgress(ImportSpreadsheetDocument,
 *   { kind: "MODELS", dryRun: true }, file, { token, onUploadProgress: (sent, total) => … });
 */
export function uploadWithProgress<TResult, TVariables extends { file: unknown }>(
  document: DocumentTypeDecoration<TResult, TVariables>,
  variables: Omit<TVariables, "file">,
  file: File,
  options: UploadOptions = {},
): Promise<TResult> {
  const form = new FormData();
  form.set("operations", JSON.stringify({ query: String(document), variables: { ...variables, file: null } }));
  form.set("map", JSON.stringify({ 0: ["variables.file"] }));
  form.set("0", file, file.name);
  return new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open("POST", graphqlEndpoint);
    xhr.setRequestHeader("accept", "application/graphql-response+json, application/json");
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

/**
 * A mutation that sends one file with progress, for TanStack Query: like `graphqlMutation`, its
 * data is the success branch, a `DomainError` is thrown as a `DomainRefusal`, and it invalidates
 * what its operation changes. Never retried: a file is sent once per press.
 *
 * @example
 * const upload = useMutation(uploadMutation(AddEvidenceDocument));
 * upload.mutate({ variables: { modelId, title, expectedVersion }, file, token, onProgress });
 */
export function uploadMutation<TResult, TVariables extends { file: unknown }>(
  document: DocumentTypeDecoration<TResult, TVariables>,
) {
  return mutationOptions<
    SuccessOf<TResult>,
    Error,
    {
      variables: Omit<TVariables, "file">;
      file: File;
      token: string | null;
      onProgress?: (sent: number, total: number) => void;
    }
  >({
    mutationKey: [operationName(document)],
    retry: false,
    mutationFn: async ({ variables, file, token, onProgress }) =>
      payloadOf(
        await uploadWithProgress(document, variables, file, { token, onUploadProgress: onProgress }),
      ) as SuccessOf<TResult>,
  });
}
