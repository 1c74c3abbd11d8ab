/** One node of PostgreSQL's `EXPLAIN (FORMAT JSON)` plan, as far as the bench reads it. */
export interface PlanNode {
  "Node Type": string;
  "Relation Name"?: string;
  "Index Name"?: string;
  Alias?: string;
  "Actual Rows"?: number;
  "Actual Loops"?: number;
  "Rows Removed by Filter"?: number;
  "Actual Total Time"?: number;
  "Shared Hit Blocks"?: number;
  "Shared Read Blocks"?: number;
  Plans?: PlanNode[];
}

/** What the bench reports of a plan: which indexes it used, which tables it read whole. */
export interface PlanSummary {
  readonly indexes: string[];
  readonly seqScans: string[];
  readonly executionMs: number;
  readonly sharedHit: number;
  readonly sharedRead: number;
  readonly tree: string[];
}

function walk(node: PlanNode, depth: number, summary: { indexes: Set<string>; seqScans: Set<string>; tree: string[] }) {
  const type = node["Node Type"];
  const rows = (node["Actual Rows"] ?? 0) * (node["Actual Loops"] ?? 1);
  if (node["Index Name"])
    summary.indexes.add(
      `${type === "Bitmap Index Scan" ? "bitmap " : type === "Index Only Scan" ? "only " : ""}${node["Index Name"]}`,
    );
  const loops = node["Actual Loops"] ?? 1;
  if (type.endsWith("Seq Scan") && node["Relation Name"]) {
    // Rows read = rows kept + rows the filter threw away, over every loop.
    const read = rows + (node["Rows Removed by Filter"] ?? 0) * loops;
    summary.seqScans.add(
      `${node["Relation Name"]} (${read.toLocaleString("en")} read${loops > 1 ? ` in ${loops} loops` : ""})`,
    );
  }
  const on = node["Relation Name"] ? ` on ${node["Relation Name"]}` : "";
  const using = node["Index Name"] ? ` using ${node["Index Name"]}` : "";
  summary.tree.push(
    `${"  ".repeat(depth)}-> ${type}${using}${on}  (rows=${rows}, loops=${node["Actual Loops"] ?? 1}, ${(node["Actual Total Time"] ?? 0).toFixed(1)} ms)`,
  );
  for (const child of node.Plans ?? []) walk(child, depth + 1, summary);
}

/** Summarizes the JSON output of `EXPLAIN (ANALYZE, BUFFERS, FORMAT JSON)`. */
export function explainSummary(explained: { Plan: PlanNode; "Execution Time": number }): PlanSummary {
  const summary = { indexes: new Set<string>(), seqScans: new Set<string>(), tree: [] as string[] };
  walk(explained.Plan, 0, summary);
  return {
    indexes: [...summary.indexes],
    seqScans: [...summary.seqScans],
    executionMs: explained["Execution Time"],
    sharedHit: explained.Plan["Shared Hit Blocks"] ?? 0,
    sharedRead: explained.Plan["Shared Read Blocks"] ?? 0,
    tree: summary.tree,
  };
}
