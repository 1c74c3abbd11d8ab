import { requirePostgresInCi } from "../src/testing/index.js";

export default function setup(): void {
  requirePostgresInCi();
}
