import type { AddressInfo } from "node:net";
import { connect, connectOptionsFrom, migrateToLatest, seedConfiguration, seedDemoData } from "@lantoa/db";
import type { GatewayConfig } from "./config.js";
import { createHttpServer } from "./create-server.js";
import { createGatewayYoga } from "./create-yoga.js";
import { evidenceLinks } from "./storage/evidence-links.js";
import { localFolderStorage } from "./storage/evidence-storage.js";

/** A running gateway. */
export interface RunningGateway {
  /** e.g. `http://localhost:4000` */
  readonly url: string;
  readonly engine: "pglite" | "postgres";
  /** Whether this start loaded the demo data (first run on an empty database). */
  readonly seeded: boolean;
  close(): Promise<void>;
}

/**
 * Opens the database, migrates it, loads the demo data on first run, and serves
 * GraphQL and the admin app from one process.
 */
export async function startGateway(config: GatewayConfig): Promise<RunningGateway> {
  const connection = await connect(connectOptionsFrom(config));
  try {
    await migrateToLatest(connection.db);
    const { seeded } = config.seedDemo ? await seedDemoData(connection.db) : { seeded: false };
    await seedConfiguration(connection.db);
    const storage = localFolderStorage(config.uploadDir);
    const links = evidenceLinks(config.fileSigningKey ? Buffer.from(config.fileSigningKey) : undefined);
    const yoga = createGatewayYoga({
      db: connection.db,
      graphiql: config.graphiql,
      introspection: config.introspection,
      fieldSuggestions: config.fieldSuggestions,
      corsOrigins: config.corsOrigins,
      sessionTtlHours: config.sessionTtlHours,
      trustProxy: config.trustProxy ?? false,
      storage,
      evidenceLinks: links,
      responseCacheTtlMs: config.responseCacheTtlMs ?? 0,
      ...(config.sessionCacheTtlMs === undefined ? {} : { sessionCacheTtlMs: config.sessionCacheTtlMs }),
      publicUrl: config.publicUrl,
    });
    const server = createHttpServer(
      yoga,
      config.adminDist,
      { db: connection.db, storage, links },
      { db: connection.db, storage, publicUrl: config.publicUrl },
    );
    await new Promise<void>((resolve, reject) => {
      server.once("error", reject);
      server.listen(config.port, config.host, () => resolve());
    });
    const { port } = server.address() as AddressInfo;
    return {
      url: `http://${config.host}:${port}`,
      engine: connection.engine,
      seeded,
      close: async () => {
        await new Promise<void>((resolve) => {
          server.close(() => resolve());
          server.closeAllConnections();
        });
        await connection.close();
      },
    };
  } catch (error) {
    await connection.close();
    throw error;
  }
}
