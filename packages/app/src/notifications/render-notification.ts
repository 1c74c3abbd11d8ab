import type { NotificationKind } from "./notification-kinds.js";

/** A notification as words: a subject line, one sentence of body and the admin app's path to act on it. */
export interface RenderedNotification {
  readonly subject: string;
  readonly body: string;
  /** A path of the admin app ("/my-scorecards"); e-mails prefix the public address. */
  readonly link: string;
}

type Payload = Record<string, unknown>;

function text(payload: Payload, key: string): string {
  const value = payload[key];
  return typeof value === "string" || typeof value === "number" ? String(value) : "";
}

/** "2026-12-24" as 24/12/2026, the one way dates are written in both languages. */
function day(iso: string): string {
  const [y, m, d] = iso.split("-");
  return y && m && d ? `${d}/${m}/${y}` : iso;
}

const STEP_NAMES: Record<string, { vi: string; en: string }> = {
  "self-assessment": { vi: "tự đánh giá", en: "self-assessment" },
  review: { vi: "chấm điểm", en: "review" },
  council: { vi: "hội đồng", en: "council" },
};

function stepName(step: string, language: "vi" | "en"): string {
  return STEP_NAMES[step]?.[language] ?? step;
}

/** "review" as "Review", to open a sentence. */
function capitalized(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/**
 * The words of a notification in the recipient's language, from the payload stored with it
 * (so a message reads the same in the app and in its e-mail, whenever it is read).
 *
 * @example
 * renderNotification("scorecard-assigned", { roundCode: "TL-2026", roundName: "Bình xét 2026", modelCodes: ["HPN-01"], count: 1 }, "vi").subject
 * // "Phiếu chấm mới: Bình xét 2026"
 */
export function renderNotification(
  kind: NotificationKind | string,
  payload: Payload,
  language: "vi" | "en",
): RenderedNotification {
  const vi = language === "vi";
  const round = text(payload, "roundName") || text(payload, "roundCode");
  const model = `${text(payload, "modelCode")} ${text(payload, "modelName")}`.trim();
  const modelLink = `/models/${text(payload, "modelId")}`;
  const roundLink = `/rounds/${text(payload, "roundId")}`;
  const reason = text(payload, "reason");
  const due = text(payload, "due");
  switch (kind) {
    case "scorecard-assigned": {
      const count = Number(payload.count ?? 1);
      const codes = Array.isArray(payload.modelCodes) ? payload.modelCodes.join(", ") : "";
      return {
        subject: vi ? `Phiếu chấm mới: ${round}` : `New scorecards: ${round}`,
        body: vi
          ? `Bạn được phân công chấm ${count} mô hình trong đợt ${round}: ${codes}.`
          : `You were assigned ${count} ${count === 1 ? "model" : "models"} to review in ${round}: ${codes}.`,
        link: "/my-scorecards",
      };
    }
    case "deadline-approaching": {
      const step = stepName(text(payload, "step"), language);
      const open = Number(payload.open ?? 0);
      return {
        subject: vi ? `Sắp đến hạn ${step}: ${round}` : `${capitalized(step)} due soon: ${round}`,
        body: vi
          ? `Hạn ${step} của đợt ${round} là ${day(due)}; còn ${open} phiếu chưa nộp.`
          : `The ${step} of ${round} is due on ${day(due)}; ${open} still to submit.`,
        link: text(payload, "step") === "review" ? "/my-scorecards" : roundLink,
      };
    }
    case "model-submitted":
      return {
        subject: vi ? `Mô hình chờ duyệt: ${model}` : `Model awaiting approval: ${model}`,
        body: vi ? `Mô hình ${model} đã được gửi duyệt.` : `The model ${model} was submitted for approval.`,
        link: modelLink,
      };
    case "model-returned":
      return {
        subject: vi ? `Mô hình bị trả lại: ${model}` : `Model returned: ${model}`,
        body: vi
          ? `Mô hình ${model} được trả lại để sửa${reason ? `: ${reason}` : "."}`
          : `The model ${model} was returned for changes${reason ? `: ${reason}` : "."}`,
        link: modelLink,
      };
    case "model-approved":
      return {
        subject: vi ? `Mô hình đã được duyệt: ${model}` : `Model approved: ${model}`,
        body: vi ? `Mô hình ${model} đã được duyệt.` : `The model ${model} was approved.`,
        link: modelLink,
      };
    case "model-withdrawn":
      return {
        subject: vi ? `Mô hình đã được rút lại: ${model}` : `Model withdrawn: ${model}`,
        body: vi
          ? `Đơn vị đã rút mô hình ${model} về bản nháp; mô hình không còn chờ duyệt.`
          : `The unit withdrew the model ${model} to a draft; it no longer awaits approval.`,
        link: modelLink,
      };
    case "round-step-opened": {
      const stepKey = text(payload, "step");
      const step = stepName(stepKey, language);
      const until = due ? (vi ? ` Hạn: ${day(due)}.` : ` Due ${day(due)}.`) : "";
      return {
        subject: vi ? `Bắt đầu ${step}: ${round}` : `${capitalized(step)} open: ${round}`,
        body: vi ? `Đợt ${round} đã mở bước ${step}.${until}` : `The ${step} of ${round} is open.${until}`,
        link: stepKey === "review" ? "/my-scorecards" : roundLink,
      };
    }
    case "round-published":
      return {
        subject: vi ? `Đã công bố kết quả: ${round}` : `Results published: ${round}`,
        body: vi ? `Kết quả đợt ${round} đã được công bố.` : `The results of ${round} were published.`,
        link: roundLink,
      };
    case "commendation-suspended":
      return {
        subject: vi ? `Khen thưởng bị tạm đình chỉ: ${model}` : `Commendation suspended: ${model}`,
        body: vi
          ? `Một khen thưởng của ${model} bị tạm đình chỉ sau kết quả kiểm tra${reason ? `: ${reason}` : "."}`
          : `A commendation of ${model} was suspended after an inspection finding${reason ? `: ${reason}` : "."}`,
        link: text(payload, "modelId") ? modelLink : "/commendations",
      };
    default:
      return { subject: kind, body: "", link: "/" };
  }
}
