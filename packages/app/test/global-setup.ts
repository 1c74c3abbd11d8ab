import { requirePostgresInCi } from "@lantoa/db/testing";

export default function setup(): void {
  requirePostgresInCi();
}
