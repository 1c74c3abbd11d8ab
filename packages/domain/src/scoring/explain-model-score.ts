import { type CriteriaSet, formatMilli } from "../criteria/index.js";
import type { LocalizedText } from "../errors/index.js";
import { explainGate } from "./evaluate-gate.js";
import type { ModelScore } from "./model-score.js";

const vn = (milli: number) => formatMilli(milli).replace(".", ",");
const en = (milli: number) => formatMilli(milli);
const num = (x: number) => String(Math.round(x * 1000) / 1000);
const numVi = (x: number) => num(x).replace(".", ",");

/**
 * Explains a model's score in Vietnamese and English, one line per gate and criterion,
 * then the total, the tier (after quotas when `tierId` is given), disagreement and the
 * self-assessment.
 *
 * @example
 * explainModelScore(score, defaultCriteriaSet).en
 * // "Total: 87.5/100 points — Exemplary.\n- Gate 'Running for at least 12 months': passed — running 40 months (≥ 12 required).\n- Novelty and creativity: 16.667/20 (mean of 3 ratings 25 on the scale, band 'Substantial improvement')..."
 */
export function explainModelScore(
  score: ModelScore,
  set: CriteriaSet,
  tierId: string | null = score.scoreTierId,
): LocalizedText {
  const tier = set.tiers.find((t) => t.id === tierId);
  const vi: string[] = [];
  const e: string[] = [];
  const head =
    score.status === "disqualified"
      ? ["bị loại do không đạt điều kiện", "disqualified by its gates"]
      : [tier?.label.vi ?? "", tier?.label.en ?? ""];
  // Shown beside the model's name, so it opens with the total rather than an id.
  vi.push(`Tổng: ${vn(score.totalMilli)}/${vn(score.maxMilli)} điểm — ${head[0]}.`);
  e.push(`Total: ${en(score.totalMilli)}/${en(score.maxMilli)} points — ${head[1]}.`);
  for (const g of score.gates) {
    const kindVi = g.eliminatory ? "Điều kiện loại trừ" : "Điều kiện";
    vi.push(`- ${kindVi} '${g.label.vi}': ${g.passed ? "đạt" : "không đạt"} — ${explainGate(g).vi}.`);
    e.push(
      `- ${g.eliminatory ? "Eliminatory gate" : "Gate"} '${g.label.en}': ${g.passed ? "passed" : "failed"} — ${explainGate(g).en}.`,
    );
  }
  for (const c of score.criteria) {
    const d = c.detail;
    let whyVi: string;
    let whyEn: string;
    switch (d.kind) {
      case "rating": {
        const methodVi = { mean: "trung bình", median: "trung vị", "trimmed-mean": "trung bình cắt" }[d.method];
        const methodEn = { mean: "mean", median: "median", "trimmed-mean": "trimmed mean" }[d.method];
        const shifted = d.reviewers.some((r) => r.shiftMilli !== 0);
        const aggregate = d.aggregate.numerator / d.aggregate.denominator / 1000;
        whyVi = `${methodVi} của ${d.reviewers.length} điểm chấm (${d.reviewers.map((r) => vn(r.usedMilli)).join("; ")}) = ${numVi(aggregate)} trên thang${d.band ? `, mức '${d.band.label.vi}'` : ""}${shifted ? ", đã hiệu chỉnh người chấm" : ""}`;
        whyEn = `${methodEn} of ${d.reviewers.length} rating(s) (${d.reviewers.map((r) => en(r.usedMilli)).join(", ")}) = ${num(aggregate)} on the scale${d.band ? `, band '${d.band.label.en}'` : ""}${shifted ? ", reviewers calibrated" : ""}`;
        break;
      }
      case "indicator": {
        // The input's name as the set labels it ("Số đơn vị nhân rộng"), not its code ("adopters").
        const input = set.inputs.find((i) => i.code === d.input)?.label ?? { vi: d.input, en: d.input };
        whyVi = `chỉ tiêu '${input.vi}' = ${numVi(d.value)}${d.defaulted ? " (mặc định khi thiếu)" : ""}${d.best === undefined ? "" : `, cao nhất đợt ${numVi(d.best)}`}`;
        whyEn = `indicator '${input.en}' = ${num(d.value)}${d.defaulted ? " (default for missing)" : ""}${d.best === undefined ? "" : `, round best ${num(d.best)}`}`;
        break;
      }
      case "formula":
        whyVi = `công thức ${d.expression} = ${numVi(d.value)}${d.clamped ? " (giới hạn trong thang điểm)" : ""}`;
        whyEn = `formula ${d.expression} = ${num(d.value)}${d.clamped ? " (clamped to the points)" : ""}`;
        break;
      default: {
        const never: never = d;
        throw new Error(`unknown detail ${JSON.stringify(never)}`);
      }
    }
    vi.push(`- ${c.label.vi}: ${vn(c.pointsMilli)}/${vn(c.maxMilli)} (${whyVi}).`);
    e.push(`- ${c.label.en}: ${en(c.pointsMilli)}/${en(c.maxMilli)} (${whyEn}).`);
  }
  if (tierId !== score.scoreTierId && score.scoreTierId !== null) {
    const from = set.tiers.find((t) => t.id === score.scoreTierId);
    vi.push(`Theo điểm thuộc loại '${from?.label.vi}', hạ xuống '${tier?.label.vi}' do vượt hạn mức.`);
    e.push(`Scored as '${from?.label.en}', demoted to '${tier?.label.en}' by a quota.`);
  }
  if (score.disagreement.needsAnotherReviewer) {
    vi.push(
      `Các người chấm lệch nhau quá mức cho phép (tổng lệch ${vn(score.disagreement.totalSpreadMilli)} điểm): cần thêm người chấm thứ ba.`,
    );
    e.push(
      `Reviewers disagree beyond the allowed gap (totals ${en(score.disagreement.totalSpreadMilli)} points apart): another reviewer is required.`,
    );
  }
  if (score.selfAssessment !== null) {
    const s = score.selfAssessment;
    vi.push(
      `Tự đánh giá: ${vn(s.totalMilli)} điểm${s.complete ? "" : " (chưa đủ tiêu chí)"}, không tính vào điểm thẩm định.`,
    );
    e.push(
      `Self-assessment: ${en(s.totalMilli)} points${s.complete ? "" : " (incomplete)"}, not part of the verified score.`,
    );
  }
  return { vi: vi.join("\n"), en: e.join("\n") };
}
