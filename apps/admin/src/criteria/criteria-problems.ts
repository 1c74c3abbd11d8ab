import { type CriteriaSet, validateCriteriaSet } from "@lantoa/domain/criteria";
import type { DomainError } from "@lantoa/domain/errors";

/** One problem of the edited set, placed where the editor can show it. */
export interface CriteriaProblem {
  code: string;
  message: { vi: string; en: string };
  /** Ids joined by dots (`impact.reach`, `tiers.good`) or a JSON path for shape problems. */
  path: string;
  /** The criterion, gate or group the problem belongs to, when there is one. */
  nodeId: string | null;
  /** For formulas: where the error is. */
  position: { offset: number; line: number; column: number } | null;
}

const num = (v: unknown) => (typeof v === "number" ? v : null);

/** What to do about a problem, added after the domain's description of it. */
const NEXT_STEP: Readonly<Record<string, { vi: string; en: string }>> = {
  "FORMULA.UNKNOWN_INPUT": {
    vi: "Hãy sửa tên cho đúng hoặc khai báo chỉ tiêu này ở mục “Chỉ tiêu đầu vào”.",
    en: "Fix the name or declare this indicator under “Input indicators”.",
  },
  "CRITERIA.UNKNOWN_INPUT": {
    vi: "Hãy khai báo chỉ tiêu này ở mục “Chỉ tiêu đầu vào” hoặc chọn chỉ tiêu khác.",
    en: "Declare this indicator under “Input indicators” or choose another.",
  },
  "FORMULA.UNEXPECTED_TOKEN": {
    vi: "Hãy kiểm tra dấu ngoặc, dấu phẩy và phép tính tại vị trí được đánh dấu.",
    en: "Check the brackets, commas and operators at the marked position.",
  },
  "FORMULA.UNEXPECTED_END": {
    vi: "Công thức chưa hết: có thể thiếu dấu “)” hoặc một số ở cuối.",
    en: "The formula stops early: a “)” or a number may be missing at the end.",
  },
  "FORMULA.UNEXPECTED_CHARACTER": {
    vi: "Hãy xóa hoặc thay ký tự được đánh dấu.",
    en: "Remove or replace the marked character.",
  },
  "FORMULA.UNKNOWN_FUNCTION": {
    vi: "Chỉ dùng được các hàm min, max, clamp, if.",
    en: "Only min, max, clamp and if are available.",
  },
  "CRITERIA.POINTS_MISMATCH": {
    vi: "Hãy sửa điểm tối đa của các tiêu chí hoặc tổng điểm công bố cho khớp.",
    en: "Change the criteria's points or the declared total so they match.",
  },
  "CRITERIA.GROUP_POINTS_MISMATCH": {
    vi: "Hãy sửa điểm nhóm hoặc điểm các tiêu chí trong nhóm, hoặc để trống điểm nhóm.",
    en: "Change the group's points or its criteria's, or leave the group's points empty.",
  },
  "CRITERIA.DUPLICATE_ID": { vi: "Hãy đặt một mã khác.", en: "Choose another id." },
  "CRITERIA.UNKNOWN_SCALE": {
    vi: "Hãy chọn một thang điểm có trong mục “Thang điểm và các mức”.",
    en: "Choose a scale listed under “Scales and bands”.",
  },
  "CRITERIA.TIERS_NOT_ORDERED": {
    vi: "Hãy xếp các xếp loại từ ngưỡng cao xuống thấp.",
    en: "List the tiers from the highest threshold down.",
  },
  "CRITERIA.TIERS_NOT_FROM_ZERO": {
    vi: "Hãy đặt ngưỡng của xếp loại cuối cùng bằng 0.",
    en: "Set the last tier's threshold to 0.",
  },
  "CRITERIA.BANDS_OVERLAP": {
    vi: "Hãy sửa khoảng điểm các mức để không chồng lên nhau.",
    en: "Change the bands' ranges so they do not overlap.",
  },
  "CRITERIA.BAND_OUTSIDE_SCALE": {
    vi: "Hãy để khoảng điểm của mức nằm trong thang.",
    en: "Keep the band's range inside the scale.",
  },
  "CRITERIA.UNKNOWN_TIE_BREAK": {
    vi: "Hãy chọn lại tiêu chí phân hạng hoặc xóa dòng này.",
    en: "Choose the tie-break criterion again or remove it.",
  },
};

/** The domain's message followed by what to do, when there is a known next step. */
export function withNextStep(code: string, message: { vi: string; en: string }): { vi: string; en: string } {
  const next = NEXT_STEP[code];
  const end = (text: string) => text.replace(/\.\s*$/, "");
  return next ? { vi: `${end(message.vi)}. ${next.vi}`, en: `${end(message.en)}. ${next.en}` } : message;
}

function shapeMessage(path: string, raw: string): { vi: string; en: string } {
  const field = path.split(".").at(-1) ?? "";
  if (field === "id" || field === "code" || field === "scaleId" || field === "criterionId" || field === "input") {
    return {
      vi: `Mã tại “${path}” chưa hợp lệ: chỉ dùng chữ không dấu, chữ số, dấu - và _, bắt đầu bằng chữ hoặc số.`,
      en: `The code at “${path}” is invalid: use letters without diacritics, digits, - and _, starting with a letter or digit.`,
    };
  }
  if (field === "vi" || field === "en" || field === "expression") {
    return { vi: `Hãy nhập nội dung cho “${path}”.`, en: `Fill in “${path}”.` };
  }
  return {
    vi: `Giá trị tại “${path || "bộ tiêu chí"}” chưa hợp lệ (${raw}). Hãy kiểm tra lại ô này.`,
    en: `The value at “${path || "the set"}” is invalid (${raw}). Check this field.`,
  };
}

/**
 * Runs the domain's validation (the same the gateway runs on save) and flattens its
 * result into problems the editor can attach to nodes and formula positions.
 */
export function criteriaProblems(definition: unknown): { set: CriteriaSet | null; problems: CriteriaProblem[] } {
  const checked = validateCriteriaSet(definition);
  if (checked.ok) return { set: checked.value, problems: [] };
  const issues = (checked.error.details?.issues ?? []) as unknown[];
  if (checked.error.code === "CRITERIA.SHAPE") {
    const def = definition as { criteria?: unknown };
    return {
      set: null,
      problems: (issues as { path: string; message: string }[]).map((i) => ({
        code: "CRITERIA.SHAPE",
        message: shapeMessage(i.path, i.message),
        path: i.path,
        nodeId: nodeIdAtPath(def, i.path),
        position: null,
      })),
    };
  }
  return {
    set: null,
    problems: (issues as DomainError[]).map((i) => {
      const path = String(i.details?.path ?? "");
      const offset = num(i.details?.offset);
      const line = num(i.details?.line);
      const column = num(i.details?.column);
      const criterionId = typeof i.details?.criterionId === "string" ? i.details.criterionId : null;
      const top = path.split(".")[0];
      const isSetting = ["inputs", "scales", "tiers", "tieBreaks", "quotas", "totalPoints", "criteria"].includes(
        top ?? "",
      );
      return {
        code: i.code,
        message: withNextStep(i.code, i.message),
        path,
        nodeId: criterionId ?? (isSetting ? null : (path.split(".").at(-1) ?? null)),
        position: offset !== null && line !== null && column !== null ? { offset, line, column } : null,
      };
    }),
  };
}

/** The id of the criteria node a JSON path such as `criteria.1.children.0.label.vi` points into. */
function nodeIdAtPath(definition: { criteria?: unknown }, path: string): string | null {
  const parts = path.split(".");
  if (parts[0] !== "criteria") return null;
  let nodes = definition.criteria as { id?: string; children?: unknown }[] | undefined;
  let found: string | null = null;
  for (let i = 1; i < parts.length; i += 2) {
    const node = nodes?.[Number(parts[i])];
    if (!node) break;
    found = node.id ?? found;
    if (parts[i + 1] !== "children") break;
    nodes = node.children as typeof nodes;
  }
  return found;
}
