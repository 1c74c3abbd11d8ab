import { randomUUID } from "node:crypto";
import { createWriteStream, openAsBlob } from "node:fs";
import { mkdir, readdir, rm } from "node:fs/promises";
import { join } from "node:path";
import { pipeline } from "node:stream/promises";
import { Busboy, type BusboyFileStream } from "@fastify/busboy";
import type { Database, SessionUser } from "@lantoa/db";
import {
  type DocumentNode,
  type FieldNode,
  GraphQLError,
  type GraphQLSchema,
  getArgumentValues,
  Kind,
  type OperationDefinitionNode,
  parse,
} from "graphql";
import type { GraphQLParams, Plugin } from "graphql-yoga";
import type { Kysely } from "kysely";
import { UPLOAD_FIELDS } from "./auth/upload-access.js";

/** What one multipart request may carry. */
export const UPLOAD_LIMITS = {
  /** The largest file a field takes (spreadsheets: 20 MB; evidence: 10 MB, checked by its field). */
  fileBytes: 20 * 1024 * 1024,
  /** Files in one request. */
  files: 4,
  /** The `operations` and `map` parts: a document and its variables, not data. */
  fieldBytes: 256 * 1024,
  /** The whole body: the files and the parts around them. */
  bodyBytes: 25 * 1024 * 1024,
  /** Multipart requests one user may have in flight at once. */
  perUser: 2,
} as const;

/** Options of {@link useStreamedUploads}. */
export interface StreamedUploadOptions {
  readonly schema: GraphQLSchema;
  readonly db: Kysely<Database>;
  /** The request's signed-in user, looked up once per request (shared with the context). */
  readonly viewerOf: (request: Request) => Promise<SessionUser | null>;
  /** Where files are written while their request runs; each is removed when it ends. */
  readonly incomingDir: string;
}

const refusal = (status: number, code: string, vi: string, en: string) =>
  new GraphQLError(`${vi} / ${en}`, {
    // Closing the connection spares reading the rest of a body nobody will use.
    extensions: { code, http: { status, headers: { connection: "close" } } },
  });

/**
 * GraphQL multipart requests (uploads), decided before their body is read and streamed to
 * disk instead of memory. Yoga's own parser read and parsed the whole body before any
 * permission check: an anonymous 20 MB upload blocked everyone for 18 s. Here:
 *
 * 1. the session comes from the header: no session, no upload (401);
 * 2. the `operations` part (first, by the spec) must be a mutation whose every field is
 *    one of {@link UPLOAD_FIELDS}, and the viewer must be allowed that field with those
 *    arguments (403), before a byte of any file is taken;
 * 3. a user has at most {@link UPLOAD_LIMITS.perUser} uploads in flight (429);
 * 4. files stream into `incomingDir` within {@link UPLOAD_LIMITS} (413 past them) and
 *    reach resolvers as disk-backed `File`s; they are removed when the response is sent.
 */
export function useStreamedUploads(options: StreamedUploadOptions): Plugin {
  // A folder of this process's own: a process killed mid-upload leaves its files behind,
  // and the next gateway to start removes the folders of processes that are gone.
  const incomingDir = join(options.incomingDir, `${process.pid}-${randomUUID().slice(0, 8)}`);
  void removeLeftovers(options.incomingDir);
  const inFlight = new Map<string, number>();
  const cleanups = new WeakMap<Request, Array<() => Promise<void>>>();
  const onEnd = (request: Request, cleanup: () => Promise<void>) => {
    const list = cleanups.get(request) ?? [];
    list.push(cleanup);
    cleanups.set(request, list);
  };

  return {
    onRequestParse: ({ request, setRequestParser }) => {
      if (request.method !== "POST" || !(request.headers.get("content-type") ?? "").startsWith("multipart/form-data")) {
        return;
      }
      // The request itself, not a copy: nothing may start reading its body before the decision.
      setRequestParser(async () => {
        const viewer = await options.viewerOf(request);
        if (!viewer) {
          throw refusal(401, "UNAUTHENTICATED", "Hãy đăng nhập để gửi tệp", "Sign in to upload files");
        }
        const held = inFlight.get(viewer.userId) ?? 0;
        if (held >= UPLOAD_LIMITS.perUser) {
          throw refusal(
            429,
            "UPLOAD.TOO_MANY_AT_ONCE",
            `Bạn đang gửi ${held} tệp cùng lúc: hãy chờ xong rồi gửi tiếp`,
            `You already have ${held} uploads running: wait for them to finish`,
          );
        }
        inFlight.set(viewer.userId, held + 1);
        onEnd(request, async () => {
          const left = (inFlight.get(viewer.userId) ?? 1) - 1;
          if (left > 0) inFlight.set(viewer.userId, left);
          else inFlight.delete(viewer.userId);
        });
        // The parameters as the client sent them: yoga checks their shape next, as for any request.
        const read = readMultipart(request, viewer, { ...options, incomingDir }, (cleanup) => onEnd(request, cleanup));
        return (await read) as GraphQLParams;
      });
    },
    onResponse: async ({ request }) => {
      const list = cleanups.get(request);
      cleanups.delete(request);
      for (const cleanup of list ?? []) await cleanup();
    },
  };
}

/** Removes the upload folders of processes that no longer run (killed while receiving files). */
async function removeLeftovers(root: string): Promise<void> {
  const entries = await readdir(root).catch(() => [] as string[]);
  for (const entry of entries) {
    const pid = Number(/^(\d+)-/.exec(entry)?.[1]);
    if (!pid || pid === process.pid || processRuns(pid)) continue;
    await rm(join(root, entry), { recursive: true, force: true }).catch(() => {});
  }
}

function processRuns(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
}

type Operations = { query?: unknown; variables?: Record<string, unknown> | null; operationName?: unknown };

/** Reads the multipart body part by part: the operation first (and decides on it), then the files, to disk. */
async function readMultipart(
  request: Request,
  viewer: SessionUser,
  options: StreamedUploadOptions,
  onEnd: (cleanup: () => Promise<void>) => void,
): Promise<Operations> {
  const busboy = Busboy({
    headers: { "content-type": request.headers.get("content-type") ?? "" },
    limits: {
      fieldSize: UPLOAD_LIMITS.fieldBytes,
      fields: 2,
      files: UPLOAD_LIMITS.files,
      fileSize: UPLOAD_LIMITS.fileBytes,
      parts: UPLOAD_LIMITS.files + 2,
    },
  });
  let operations: Operations | null = null;
  let map: Record<string, string[]> | null = null;
  /** Settles once the operation has been judged (true: allowed); files wait for it. */
  let decision: Promise<boolean> | null = null;
  let failure: unknown = null;
  const files = new Map<string, Promise<File>>();
  const fail = (error: unknown) => {
    failure ??= error;
  };

  busboy.on("field", (name, value, _nameTruncated, valueTruncated) => {
    if (valueTruncated) return fail(badRequest(`the "${name}" part is larger than ${UPLOAD_LIMITS.fieldBytes} bytes`));
    try {
      if (name === "operations") operations = JSON.parse(value) as Operations;
      else if (name === "map") map = JSON.parse(value) as Record<string, string[]>;
    } catch {
      return fail(badRequest(`the "${name}" part is not JSON`));
    }
    if (operations && map && !decision) {
      const [ops, paths] = [operations, map];
      decision = Promise.resolve()
        .then(() => judge(withPlaceholders(ops, paths), viewer, options))
        .then(
          () => true,
          (error: unknown) => {
            fail(error);
            return false;
          },
        );
    }
  });
  busboy.on("file", (name, stream: BusboyFileStream, filename, _encoding, mimeType) => {
    if (!decision) {
      stream.resume();
      return fail(badRequest("files must come after the operations and map parts"));
    }
    const file = receiveFile(stream, filename, mimeType, decision, options.incomingDir, onEnd, fail);
    // Awaited after the body is read; a failure meanwhile is also recorded by `fail`.
    file.catch(() => {});
    files.set(name, file);
  });
  for (const limit of ["filesLimit", "partsLimit", "fieldsLimit"] as const) {
    busboy.on(limit, () => fail(tooLarge(`more parts than an upload may have (${UPLOAD_LIMITS.files} files)`)));
  }
  const finished = new Promise<void>((resolve, reject) => {
    busboy.on("finish", resolve);
    busboy.on("error", reject);
  });

  const reader = (request.body as ReadableStream<Uint8Array>).getReader();
  const received = new Map<string, File>();
  let bodyBytes = 0;
  try {
    for (;;) {
      // Nothing more is read while the operation is judged, nor after anything failed.
      if (decision) await decision;
      if (failure) throw failure;
      const chunk = await reader.read();
      if (chunk.done) break;
      bodyBytes += chunk.value.byteLength;
      if (bodyBytes > UPLOAD_LIMITS.bodyBytes)
        throw tooLarge(`the request is larger than ${UPLOAD_LIMITS.bodyBytes} bytes`);
      if (!busboy.write(Buffer.from(chunk.value.buffer, chunk.value.byteOffset, chunk.value.byteLength))) {
        await Promise.race([new Promise((resolve) => busboy.once("drain", resolve)), finished]);
      }
    }
    busboy.end();
    await finished;
    for (const [name, file] of files) received.set(name, await file);
    if (failure) throw failure;
  } catch (error) {
    await reader.cancel().catch(() => {});
    busboy.destroy();
    throw error instanceof GraphQLError ? error : badRequest(error instanceof Error ? error.message : String(error));
  }
  const parsed = operations as Operations | null;
  if (!parsed || !map) throw badRequest("the operations and map parts are required");
  for (const [name, paths] of Object.entries(map as Record<string, string[]>)) {
    const file = received.get(name);
    if (!file || !Array.isArray(paths)) throw badRequest(`no file was sent for "${name}"`);
    for (const path of paths) place(parsed, String(path), file);
  }
  return parsed;
}

/** Writes one file part to disk (after the operation was allowed) and gives it back as a disk-backed File. */
async function receiveFile(
  stream: BusboyFileStream,
  filename: string,
  mimeType: string,
  decision: Promise<boolean>,
  incomingDir: string,
  onEnd: (cleanup: () => Promise<void>) => void,
  fail: (error: unknown) => void,
): Promise<File> {
  const path = join(incomingDir, randomUUID());
  onEnd(() => rm(path, { force: true }));
  try {
    // A refused operation's files are never written anywhere.
    if (!(await decision)) throw badRequest("the upload was refused");
    await mkdir(incomingDir, { recursive: true });
    let truncated = false;
    stream.on("limit", () => {
      truncated = true;
    });
    await pipeline(stream, createWriteStream(path, { flags: "wx" }));
    if (truncated) throw tooLarge(`a file is larger than ${UPLOAD_LIMITS.fileBytes / 1024 / 1024} MB`);
    const blob = await openAsBlob(path, { type: mimeType });
    return new File([blob], filename, { type: mimeType });
  } catch (error) {
    stream.resume();
    fail(error);
    throw error;
  }
}

/** Judges the operation of an upload: only upload fields, each allowed for this viewer with these arguments. */
async function judge(operations: Operations, viewer: SessionUser, options: StreamedUploadOptions): Promise<void> {
  if (typeof operations.query !== "string") throw badRequest("operations.query must be a string");
  let document: DocumentNode;
  try {
    document = parse(operations.query, { maxTokens: 5_000 });
  } catch (error) {
    throw badRequest((error as Error).message);
  }
  const name = typeof operations.operationName === "string" ? operations.operationName : undefined;
  const operation = document.definitions.find(
    (d): d is OperationDefinitionNode =>
      d.kind === Kind.OPERATION_DEFINITION && (name === undefined || d.name?.value === name),
  );
  const mutationType = options.schema.getMutationType();
  if (operation?.operation !== "mutation" || !mutationType) {
    throw badRequest("a multipart request must be an upload mutation");
  }
  const fields = operation.selectionSet.selections.filter((s): s is FieldNode => s.kind === Kind.FIELD);
  if (fields.length !== operation.selectionSet.selections.length || fields.length === 0) {
    throw badRequest("an upload mutation selects its fields directly");
  }
  for (const field of fields) {
    const definition = mutationType.getFields()[field.name.value];
    const allowed = UPLOAD_FIELDS[field.name.value];
    if (!definition || !allowed) throw badRequest(`${field.name.value} does not take files`);
    let args: Record<string, unknown>;
    try {
      args = getArgumentValues(definition, field, operations.variables ?? {});
    } catch (error) {
      throw badRequest((error as Error).message);
    }
    if (!(await allowed(viewer, args, options.db))) {
      throw refusal(403, "FORBIDDEN", "Bạn không có quyền thực hiện thao tác này", "You are not allowed to do this");
    }
  }
}

/**
 * The operations with a stand-in where each file will go, so the arguments can be read
 * (a `File!` argument is null until its file arrives) before any file has been received.
 */
function withPlaceholders(operations: Operations, map: Record<string, string[]>): Operations {
  const copy = structuredClone(operations);
  for (const paths of Object.values(map)) {
    if (!Array.isArray(paths)) continue;
    for (const path of paths) place(copy, String(path), new File([], "pending"));
  }
  return copy;
}

/** Puts a file where the map says (`variables.file`, `variables.files.0`), never onto a prototype. */
function place(target: Operations, path: string, file: File): void {
  const keys = path.split(".");
  let node: Record<string, unknown> = target as Record<string, unknown>;
  for (const [index, key] of keys.entries()) {
    if (key === "__proto__" || key === "constructor" || key === "prototype") throw badRequest(`bad map path ${path}`);
    if (index === keys.length - 1) {
      node[key] = file;
      return;
    }
    const next = node[key];
    if (typeof next !== "object" || next === null) throw badRequest(`the map path ${path} leads nowhere`);
    node = next as Record<string, unknown>;
  }
}

const badRequest = (why: string) =>
  refusal(400, "BAD_REQUEST", `Yêu cầu gửi tệp không hợp lệ: ${why}`, `Invalid upload request: ${why}`);
const tooLarge = (why: string) =>
  refusal(413, "PAYLOAD_TOO_LARGE", `Tệp gửi lên quá lớn: ${why}`, `Upload too large: ${why}`);
