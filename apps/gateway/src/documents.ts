/**
 * `@lantoa/documents`, loaded on first use. Its PDF, Word and image renderers (pdfmake, docx,
 * resvg and their fonts) added about 25 MB to every gateway process at start, though most
 * requests never render a document.
 */
let loading: Promise<typeof import("@lantoa/documents")> | undefined;

export function documents(): Promise<typeof import("@lantoa/documents")> {
  loading ??= import("@lantoa/documents");
  return loading;
}
