import { type GatewayProcess, startGatewayProcess } from "../test/support/gateway-process.js";

export type { GatewayProcess };

/**
 * Starts the built gateway on a database (DATABASE_URL) or a PGlite folder, as the chaos run
 * needs it, and waits for its banner.
 */
export function startGateway(database: { url: string } | { dataDir: string }): Promise<GatewayProcess> {
  return startGatewayProcess({
    DATABASE_URL: "url" in database ? database.url : "",
    LANTOA_DATA_DIR: "dataDir" in database ? database.dataDir : "",
    // Every probe reaches the database: the cache would hide what the others feel.
    LANTOA_RESPONSE_CACHE_MS: "0",
    // Each actor of the run says its own address, so the brute force has one of its own.
    LANTOA_TRUST_PROXY: "true",
    NODE_ENV: "production",
  });
}
