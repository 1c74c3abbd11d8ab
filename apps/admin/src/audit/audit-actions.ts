/** An audited action in words, in both languages. */
export interface ActionWords {
  vi: string;
  en: string;
}

/**
 * What each audited action did, by the action the gateway writes (`appendAudit`). Actions made
 * from a step or a status (`model.approve`, `round.publish`, `goldenBook.verified`) are named
 * by {@link auditActionWords} from their family and the step's own label.
 * `test/audit-actions.test.ts` reads the sources and fails on an action without words here.
 */
export const auditActions: Readonly<Record<string, ActionWords>> = {
  createUnit: { vi: "Tạo đơn vị", en: "Created a unit" },
  renameUnit: { vi: "Đổi tên đơn vị", en: "Renamed a unit" },
  moveUnit: { vi: "Chuyển đơn vị sang đơn vị cấp trên khác", en: "Moved a unit under another parent" },
  saveUnitKind: { vi: "Lưu loại đơn vị", en: "Saved a kind of unit" },
  saveField: { vi: "Lưu lĩnh vực", en: "Saved a field" },
  createModel: { vi: "Đăng ký mô hình", en: "Registered a model" },
  updateModel: { vi: "Sửa thông tin mô hình", en: "Edited a model" },
  addEvidence: { vi: "Thêm minh chứng", en: "Added evidence" },
  setModelPublic: { vi: "Bật/tắt công khai mô hình", en: "Showed or hid a model publicly" },
  setEvidencePublic: { vi: "Bật/tắt công khai minh chứng", en: "Showed or hid evidence publicly" },
  createReportDraft: { vi: "Tạo bản thảo báo cáo", en: "Started a report draft" },
  saveReportDraft: { vi: "Lưu bản thảo báo cáo", en: "Saved a report draft" },
  deleteReportDraft: { vi: "Xóa bản thảo báo cáo", en: "Deleted a report draft" },
  recordIndicatorValues: { vi: "Ghi kết quả theo chỉ tiêu", en: "Recorded outcome values" },
  registerReplication: { vi: "Ghi nhận nhân rộng mô hình", en: "Registered a replication" },
  planInspection: { vi: "Lập kế hoạch kiểm tra", en: "Planned an inspection" },
  recordInspectionFinding: { vi: "Ghi kết luận kiểm tra", en: "Recorded an inspection finding" },
  addCorrectiveAction: { vi: "Giao việc khắc phục", en: "Assigned a corrective action" },
  completeCorrectiveAction: { vi: "Hoàn thành việc khắc phục", en: "Completed a corrective action" },
  issueCommendation: { vi: "Ghi quyết định khen thưởng", en: "Recorded a commendation" },
  revokeCommendation: { vi: "Thu hồi khen thưởng", en: "Revoked a commendation" },
  liftCommendationSuspension: { vi: "Hết tạm đình chỉ khen thưởng", en: "Lifted a commendation's suspension" },
  "commendation.suspend": {
    vi: "Tạm đình chỉ khen thưởng theo kết luận kiểm tra",
    en: "Suspended a commendation after an inspection finding",
  },
  createGoldenBookEntry: { vi: "Đề cử vào sổ vàng", en: "Nominated to the golden book" },
  createCriteriaSet: { vi: "Tạo bộ tiêu chí", en: "Created a criteria set" },
  newCriteriaDraft: { vi: "Bắt đầu bản nháp tiêu chí mới", en: "Started a criteria draft" },
  saveCriteriaDraft: { vi: "Lưu bản nháp tiêu chí", en: "Saved a criteria draft" },
  publishCriteriaVersion: { vi: "Công bố phiên bản tiêu chí", en: "Published a criteria version" },
  "round.create": { vi: "Tạo đợt bình xét", en: "Created a round" },
  "round.draw": { vi: "Bốc thăm giám khảo", en: "Drew reviewers" },
  "round.deadlines": { vi: "Đặt hạn các bước của đợt", en: "Set the round's deadlines" },
  "user.notification-preferences": { vi: "Lưu tùy chọn thông báo", en: "Saved notification preferences" },
  "round.unassign": { vi: "Bỏ phân công giám khảo", en: "Took a reviewer off a model" },
  "round.declareConflict": { vi: "Khai báo xung đột lợi ích", en: "Declared a conflict of interest" },
  "round.councilDecision": { vi: "Ghi quyết định của hội đồng", en: "Recorded the council's decision" },
  "round.chairDecision": { vi: "Ghi quyết định của chủ tịch hội đồng", en: "Recorded the chair's decision" },
  "round.computeResults": { vi: "Tính kết quả đợt bình xét", en: "Computed the round's results" },
  "round.commend": { vi: "Khen thưởng theo kết quả đợt", en: "Commended from the round's results" },
  "scorecard.save": { vi: "Lưu nháp phiếu chấm", en: "Saved a scorecard draft" },
  "scorecard.submit": { vi: "Nộp phiếu chấm", en: "Submitted a scorecard" },
  import: { vi: "Nhập dữ liệu từ tệp", en: "Imported a spreadsheet" },
  signIn: { vi: "Đăng nhập", en: "Signed in" },
  signOut: { vi: "Đăng xuất", en: "Signed out" },
  createUser: { vi: "Tạo tài khoản", en: "Created an account" },
  // Use cases whose successes are written as a step or status (model.submit, round.publish…):
  // their names appear only in the record of a refusal ("transitionModel.refused").
  transitionModel: { vi: "Chuyển bước mô hình", en: "Moved a model to another step" },
  createRound: { vi: "Tạo đợt bình xét", en: "Created a round" },
  advanceRound: { vi: "Chuyển bước đợt bình xét", en: "Moved a round to its next step" },
  assignReviewers: { vi: "Phân công giám khảo", en: "Assigned reviewers" },
  unassignReviewer: { vi: "Bỏ phân công giám khảo", en: "Took a reviewer off a model" },
  importRoundAssignments: { vi: "Nhập phân công giám khảo từ tệp", en: "Imported reviewer assignments" },
  drawReviewerPanel: { vi: "Bốc thăm giám khảo", en: "Drew reviewers" },
  declareConflict: { vi: "Khai báo xung đột lợi ích", en: "Declared a conflict of interest" },
  computeRoundResults: { vi: "Tính kết quả đợt bình xét", en: "Computed the round's results" },
  recordCouncilDecision: { vi: "Ghi quyết định của hội đồng", en: "Recorded the council's decision" },
  recordChairDecision: { vi: "Ghi quyết định của chủ tịch hội đồng", en: "Recorded the chair's decision" },
  issueRoundCommendations: { vi: "Khen thưởng theo kết quả đợt", en: "Commended from the round's results" },
  roundWhatIf: { vi: "Tính thử kết quả theo phiên bản khác", en: "Rescored a round under another version" },
  saveScorecard: { vi: "Lưu phiếu chấm", en: "Saved a scorecard" },
  verifyGoldenBookEntry: { vi: "Xác minh mục sổ vàng", en: "Verified a golden-book entry" },
  importSpreadsheet: { vi: "Nhập dữ liệu từ tệp", en: "Imported a spreadsheet" },
  setRoundDeadlines: { vi: "Đặt hạn các bước của đợt", en: "Set a round's deadlines" },
  markNotificationsRead: { vi: "Đánh dấu thông báo đã đọc", en: "Marked notifications read" },
  saveNotificationPreferences: { vi: "Lưu tùy chọn thông báo", en: "Saved notification preferences" },
  sendDueReminders: { vi: "Gửi nhắc hạn", en: "Sent deadline reminders" },
};

/** The suffix of a refused request's action (`updateModel.refused`): the attempt, which changed nothing. */
const REFUSED = ".refused";

/** The families of actions made from a step or a status, with the words before the step's label. */
export const auditActionFamilies: Readonly<Record<string, ActionWords & { labels: string }>> = {
  "model.": { vi: "Mô hình", en: "Model", labels: "action" },
  "round.assign.": { vi: "Phân công giám khảo", en: "Assigned reviewers", labels: "rounds.source" },
  "round.": { vi: "Đợt bình xét", en: "Round", labels: "rounds.step" },
  "goldenBook.": { vi: "Sổ vàng", en: "Golden book", labels: "goldenBookStatus" },
};

/**
 * An audited action in the user's language: its own words, or its family's and the step's
 * label ("Mô hình: Duyệt"); `null` for an action this version of the app does not know.
 *
 * @param label The i18n `label(prefix, code)`, which answers the code itself when it has no label.
 */
export function auditActionWords(
  action: string,
  locale: "vi" | "en",
  label: (prefix: string, code: string) => string,
): string | null {
  if (action.endsWith(REFUSED)) {
    const attempted = auditActionWords(action.slice(0, -REFUSED.length), locale, label);
    return attempted === null ? null : `${locale === "vi" ? "Bị từ chối" : "Refused"}: ${attempted}`;
  }
  const own = auditActions[action];
  if (own) return own[locale];
  for (const [prefix, family] of Object.entries(auditActionFamilies)) {
    if (!action.startsWith(prefix)) continue;
    const rest = action.slice(prefix.length);
    // Round steps are written as the gateway takes them ("open-council"); their labels are keyed OPEN_COUNCIL.
    const code = family.labels === "rounds.step" ? rest.toUpperCase().replaceAll("-", "_") : rest;
    const named = label(family.labels, code);
    return named === code ? null : `${family[locale]}: ${named}`;
  }
  return null;
}
