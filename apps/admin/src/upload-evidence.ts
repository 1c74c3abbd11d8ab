import {
  AddEvidenceDocument,
  type AddEvidenceMutation,
  type GraphQLErrorEntry,
  GraphQLRequestError,
} from "@lantoa/client";
import { graphqlEndpoint } from "./use-query";

/** What the gateway takes as evidence (`EVIDENCE_LIMITS` in the gateway), checked before sending. */
export const evidenceLimits = {
  maxBytes: 10 * 1024 * 1024,
  mimeTypes: [
    "application/pdf",
    "image/jpeg",
    "image/png",
    "image/webp",
    "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
  ],
} as const;

/** Whether the gateway would take `file` as evidence. */
export function acceptableEvidence(file: File): boolean {
  return file.size <= evidenceLimits.maxBytes && (evidenceLimits.mimeTypes as readonly string[]).includes(file.type);
}

/**
 * Uploads one evidence file as a GraphQL multipart request. XMLHttpRequest rather than fetch,
 * because only it reports upload progress (`onProgress` gets 0…1). The CSRF header lets the
 * gateway accept a form post.
 */
export function uploadEvidence(args: {
  modelId: string;
  title: string;
  file: File;
  expectedVersion: number;
  token: string | null;
  onProgress(fraction: number): void;
}): Promise<AddEvidenceMutation> {
  const body = new FormData();
  body.append(
    "operations",
    JSON.stringify({
      query: String(AddEvidenceDocument),
      variables: { modelId: args.modelId, title: args.title, file: null, expectedVersion: args.expectedVersion },
    }),
  );
  body.append("map", JSON.stringify({ "0": ["variables.file"] }));
  body.append("0", args.file, args.file.name);

  return new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open("POST", graphqlEndpoint);
    xhr.setRequestHeader("accept", "application/graphql-response+json, application/json");
    xhr.setRequestHeader("x-graphql-csrf", "1");
    if (args.token) xhr.setRequestHeader("authorization", `Bearer ${args.token}`);
    xhr.upload.onprogress = (event) => {
      if (event.lengthComputable && event.total > 0) args.onProgress(event.loaded / event.total);
    };
    xhr.onerror = () => reject(new GraphQLRequestError("network", "The gateway could not be reached."));
    xhr.onload = () => {
      let parsed: { data?: AddEvidenceMutation | null; errors?: GraphQLErrorEntry[] };
      try {
        parsed = JSON.parse(xhr.responseText);
      } catch (cause) {
        reject(
          new GraphQLRequestError("http", `HTTP ${xhr.status} without a GraphQL body.`, { status: xhr.status, cause }),
        );
        return;
      }
      if (parsed.errors?.length) {
        reject(
          new GraphQLRequestError("graphql", parsed.errors[0]?.message ?? "GraphQL error", {
            status: xhr.status,
            errors: parsed.errors,
          }),
        );
      } else if (parsed.data) {
        args.onProgress(1);
        resolve(parsed.data);
      } else {
        reject(new GraphQLRequestError("http", `HTTP ${xhr.status} without data.`, { status: xhr.status }));
      }
    };
    xhr.send(body);
  });
}
