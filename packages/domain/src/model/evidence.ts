import * as z from "zod/mini";

/**
 * Where a stored file lives: an external URI, or a key in the product's object storage.
 *
 * @example FileLocationSchema.parse({ kind: "storage", storageKey: "evidence/2022/qs-01.pdf" })
 */
export const FileLocationSchema = z.discriminatedUnion("kind", [
  z.strictObject({ kind: z.literal("uri"), uri: z.url() }),
  z.strictObject({ kind: z.literal("storage"), storageKey: z.string().check(z.minLength(1), z.maxLength(1024)) }),
]);
/** A value parsed by {@link FileLocationSchema}. @example const value: FileLocation = FileLocationSchema.parse(input); */
export type FileLocation = z.infer<typeof FileLocationSchema>;

const MIME_TYPE = /^[a-z]+\/[a-z0-9][a-z0-9.+-]*$/;
const fileShape = {
  title: z.string().check(z.trim(), z.minLength(1), z.maxLength(300)),
  location: FileLocationSchema,
  mimeType: z.string().check(z.regex(MIME_TYPE)),
  sizeBytes: z.int().check(z.nonnegative()),
};

/**
 * Evidence (minh chứng) backing a model's claims: a document or a photo (a file, with
 * MIME type and size), or a link. Photos must have an `image/*` MIME type.
 *
 * @example
 * EvidenceSchema.parse({ kind: "link", title: "Bài báo", uri: "https://example.vn/bai-viet" })
 * EvidenceSchema.parse({ kind: "photo", title: "Đường hoa", location: { kind: "storage", storageKey: "p/1.jpg" }, mimeType: "image/jpeg", sizeBytes: 120_000 })
 */
export const EvidenceSchema = z.discriminatedUnion("kind", [
  z.strictObject({ kind: z.literal("document"), ...fileShape }),
  z.strictObject({
    kind: z.literal("photo"),
    ...fileShape,
    mimeType: z.string().check(z.regex(/^image\/[a-z0-9][a-z0-9.+-]*$/)),
  }),
  z.strictObject({ kind: z.literal("link"), title: fileShape.title, uri: z.url() }),
]);
/** A value parsed by {@link EvidenceSchema}. @example const value: Evidence = EvidenceSchema.parse(input); */
export type Evidence = z.infer<typeof EvidenceSchema>;
