import type { ServerResponse } from "node:http";
import { Readable } from "node:stream";
import { pipeline } from "node:stream/promises";
import type { ReadableStream as NodeReadableStream } from "node:stream/web";

/**
 * Writes a web `Response` to Node's, streaming its body as it comes (nothing of it for
 * HEAD), so a file from the evidence store is never held in memory whole.
 */
export async function sendResponse(response: Response, headOnly: boolean, res: ServerResponse): Promise<void> {
  res.writeHead(response.status, Object.fromEntries(response.headers));
  if (headOnly || !response.body) {
    await response.body?.cancel();
    res.end();
    return;
  }
  await pipeline(Readable.fromWeb(response.body as NodeReadableStream<Uint8Array>), res);
}
