import { type CriteriaSet, formatMilli } from "../criteria/index.js";
import type { LocalizedText } from "../errors/index.js";
import type { QuotaDemotion } from "./apply-quotas.js";
import { explainGate } from "./evaluate-gate.js";
import type { ModelScore, ReviewerRatingUse } from "./model-score.js";

const vn = (milli: number) => formatMilli(milli).replace(".", ",");
const en = (milli: number) => formatMilli(milli);
const num = (x: number) => String(Math.round(x * 1000) / 1000);
const numVi = (x: number) => num(x).replace(".", ",");
// An exact value shown to six decimals, with "…" when it goes on.
const exactText = (milli: number) => {
  const six = Math.round(milli * 1000) / 1_000_000;
  return `${six}${Math.abs(six * 1_000_000 - milli * 1000) > 1e-6 ? "…" : ""}`;
};

/** "6 → 7,2" for a calibrated rating, "6" otherwise; with why calibration left it alone. */
function ratingText(r: ReviewerRatingUse, lang: "vi" | "en"): string {
  const f = lang === "vi" ? vn : en;
  if (r.calibration === "z" || r.calibration === "shift") {
    return r.shiftMilli === 0 ? f(r.rawMilli) : `${f(r.rawMilli)} → ${f(r.usedMilli)}`;
  }
  if (r.calibration === "none") return `${f(r.rawMilli)} ${lang === "vi" ? "(không hiệu chỉnh)" : "(not calibrated)"}`;
  return f(r.usedMilli);
}

/**
 * Explains a model's score in Vietnamese and English, one line per gate and criterion,
 * then how the total was rounded, the tier (after quotas when `tierId` is given, with
 * the quota and any tie it settled), disagreement and the self-assessment. Ratings show
 * the raw value beside the calibrated one; a disqualification says which gates failed
 * against which allowance.
 *
 * @example
 * explainModelScore(score, defaultCriteriaSet).en
 * // "Total: 87.5/100 points — Exemplary.\n- Gate 'Running for at least 12 months': passed — running 40 months (≥ 12 required).\n- Novelty and creativity: 16.667/20 (mean of 3 ratings 25 on the scale, band 'Substantial improvement')..."
 */
export function explainModelScore(
  score: ModelScore & { readonly demotion?: QuotaDemotion | null },
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
  if (score.exactTotalMilli !== score.totalMilli) {
    const exact = exactText(score.exactTotalMilli);
    vi.push(
      `Làm tròn: tổng chính xác ${exact.replace(".", ",")} được làm tròn một lần đến 0,001; điểm từng tiêu chí được làm tròn lên hoặc xuống để cộng lại đúng bằng tổng.`,
    );
    e.push(
      `Rounding: the exact total ${exact} is rounded once to 0.001; each criterion's points are rounded down or up so that they add up to it.`,
    );
  }
  const dq = score.disqualification;
  if (dq !== null) {
    if (dq.eliminatoryGates.length > 0) {
      const ids = dq.eliminatoryGates.map((id) => `'${id}'`).join(", ");
      vi.push(`Bị loại: không đạt điều kiện loại trừ ${ids}.`);
      e.push(`Disqualified: failed the eliminatory gate(s) ${ids}.`);
    }
    for (const a of dq.exceededAllowances) {
      const ids = a.failedGates.map((id) => `'${id}'`).join(", ");
      const group = a.groupId === null ? null : findLabel(set, a.groupId);
      vi.push(
        `Bị loại: ${a.failedGates.length} điều kiện không đạt (${ids})${group ? ` trong nhóm '${group.vi}'` : ""}, vượt mức cho phép ${a.allowed}.`,
      );
      e.push(
        `Disqualified: ${a.failedGates.length} gate(s) failed (${ids})${group ? ` in group '${group.en}'` : ""}, more than the ${a.allowed} allowed.`,
      );
    }
  }
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
        const calibrated = d.reviewers.some((r) => r.calibration === "z" || r.calibration === "shift");
        const aggregate = d.aggregate.numerator / d.aggregate.denominator / 1000;
        whyVi = `${methodVi} của ${d.reviewers.length} điểm chấm (${d.reviewers.map((r) => `${r.reviewerId}: ${ratingText(r, "vi")}`).join("; ")}) = ${numVi(aggregate)} trên thang${d.band ? `, mức '${d.band.label.vi}'` : ""}${calibrated ? ", đã hiệu chỉnh người chấm (gốc → hiệu chỉnh)" : ""}`;
        whyEn = `${methodEn} of ${d.reviewers.length} rating(s) (${d.reviewers.map((r) => `${r.reviewerId}: ${ratingText(r, "en")}`).join(", ")}) = ${num(aggregate)} on the scale${d.band ? `, band '${d.band.label.en}'` : ""}${calibrated ? ", reviewers calibrated (raw → calibrated)" : ""}`;
        break;
      }
      case "indicator": {
        // The input's name as the set labels it ("Số đơn vị nhân rộng"), not its code ("adopters").
        const input = set.inputs.find((i) => i.code === d.input)?.label ?? { vi: d.input, en: d.input };
        whyVi = `chỉ tiêu '${input.vi}' = ${numVi(d.value)}${d.defaulted ? " (mặc định khi thiếu)" : ""}${d.best === undefined ? "" : `, cao nhất trong các mô hình đủ điều kiện của đợt ${numVi(d.best)}`}`;
        whyEn = `indicator '${input.en}' = ${num(d.value)}${d.defaulted ? " (default for missing)" : ""}${d.best === undefined ? "" : `, best of the round's qualified models ${num(d.best)}`}`;
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
    const demotion = score.demotion;
    const quota = demotion ? set.quotas[demotion.quotaIndex] : undefined;
    const rule =
      demotion && quota
        ? quota.kind === "share-of-qualified"
          ? {
              vi: ` (tối đa ${quota.percent}% của ${demotion.base} mô hình đủ điều kiện = ${demotion.allowance})`,
              en: ` (at most ${quota.percent}% of ${demotion.base} qualified models = ${demotion.allowance})`,
            }
          : {
              vi: ` (tối đa ${quota.percent}% của ${demotion.base} mô hình loại '${set.tiers.find((t) => t.id === quota.ofTierId)?.label.vi}' = ${demotion.allowance})`,
              en: ` (at most ${quota.percent}% of ${demotion.base} models scored '${set.tiers.find((t) => t.id === quota.ofTierId)?.label.en}' = ${demotion.allowance})`,
            }
        : { vi: "", en: "" };
    vi.push(`Theo điểm thuộc loại '${from?.label.vi}', hạ xuống '${tier?.label.vi}' do vượt hạn mức${rule.vi}.`);
    e.push(`Scored as '${from?.label.en}', demoted to '${tier?.label.en}' by a quota${rule.en}.`);
    const tie = demotion?.tie;
    if (tie) {
      const kept = tie.kept.map((id) => `'${id}'`).join(", ");
      const byVi = tie.brokenBy === "registration" ? "đăng ký sớm hơn" : "có mã nhỏ hơn (đăng ký cùng lúc)";
      const byEn =
        tie.brokenBy === "registration" ? "registered earlier" : "has the smaller id (registered at the same time)";
      vi.push(
        `Đồng hạng ${tie.rank} với ${kept} ở ranh giới hạn mức; hòa được phân định theo thời điểm đăng ký rồi mã mô hình: ${kept} ${byVi} nên giữ loại '${from?.label.vi}'.`,
      );
      e.push(
        `Tied at rank ${tie.rank} with ${kept} at the quota's boundary; the tie is broken by registration time, then model id: ${kept} ${byEn} and keeps '${from?.label.en}'.`,
      );
    }
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

/** The label of a group of the set's tree. */
function findLabel(set: CriteriaSet, id: string): LocalizedText | null {
  const stack = [...set.criteria];
  while (stack.length > 0) {
    const node = stack.pop();
    if (node === undefined) break;
    if (node.id === id) return node.label;
    if (node.kind === "group") stack.push(...node.children);
  }
  return null;
}
