/**
 * One sentence per error code the API can return, in both languages: what happened and,
 * where there is one, what to do. A refusal shows this sentence first and the gateway's own
 * words (which name the record) under it; a code is never shown alone.
 * `error-sentences.test.ts` walks every code in the gateway, app, db and domain sources
 * and fails when one has no sentence here.
 */
export const errorSentences: Readonly<Record<string, { readonly vi: string; readonly en: string }>> = {
  // Requests that fail before or around a resolver (GraphQL `extensions.code`, or no answer).
  NETWORK: {
    vi: "Không kết nối được máy chủ. Hãy kiểm tra mạng rồi thử lại.",
    en: "The server cannot be reached. Check the network, then try again.",
  },
  UNAUTHENTICATED: {
    vi: "Phiên đăng nhập đã hết hạn. Hãy đăng nhập lại.",
    en: "Your session has expired. Please sign in again.",
  },
  FORBIDDEN: {
    vi: "Tài khoản của bạn không có quyền với mục này. Hãy liên hệ quản trị đơn vị nếu cần quyền.",
    en: "Your account may not do this. Ask your unit's admin if you need access.",
  },
  NOT_FOUND: {
    vi: "Không tìm thấy dữ liệu. Có thể nó đã bị xóa hoặc đường dẫn bị sai.",
    en: "Nothing was found. It may have been deleted, or the link is wrong.",
  },
  BAD_ID: {
    vi: "Đường dẫn hoặc mã bản ghi không hợp lệ. Hãy mở lại từ danh sách.",
    en: "The link or record id is not valid. Open it again from the list.",
  },
  BAD_USER_INPUT: {
    vi: "Có ô nhập chưa đúng quy định. Hãy kiểm tra lại các ô rồi gửi lại.",
    en: "Some input does not follow the rules. Check the fields and send again.",
  },
  BAD_CURSOR: {
    vi: "Trang danh sách này không còn hợp lệ. Hãy quay về trang đầu.",
    en: "This page of the list is no longer valid. Go back to the first page.",
  },
  QUERY_TOO_COMPLEX: {
    vi: "Yêu cầu đọc quá nhiều dữ liệu một lần. Hãy thu hẹp bộ lọc hoặc xem ít dòng hơn.",
    en: "The request reads too much at once. Narrow the filters or show fewer rows.",
  },
  PAYLOAD_TOO_LARGE: {
    vi: "Tệp hoặc dữ liệu gửi lên quá lớn.",
    en: "The file or data sent is too large.",
  },
  INTERNAL_SERVER_ERROR: {
    vi: "Máy chủ gặp lỗi khi xử lý. Hãy thử lại; nếu vẫn lỗi, báo cho quản trị hệ thống.",
    en: "The server failed while working on this. Try again; if it keeps failing, tell the system admin.",
  },
  UNKNOWN: {
    vi: "Đã có lỗi. Hãy thử lại; nếu vẫn lỗi, báo cho quản trị hệ thống.",
    en: "Something went wrong. Try again; if it keeps failing, tell the system admin.",
  },

  // Sign-in and permissions.
  "AUTH.INVALID_CREDENTIALS": {
    vi: "Tên đăng nhập hoặc mật khẩu không đúng.",
    en: "The username or password is not correct.",
  },
  "USER.USERNAME_TAKEN": {
    vi: "Tên đăng nhập này đã có người dùng. Hãy chọn tên khác.",
    en: "This username is taken. Choose another.",
  },
  "AUTH.TOO_MANY_ATTEMPTS": {
    vi: "Đăng nhập sai quá nhiều lần. Hãy đợi ít phút rồi thử lại, hoặc nhờ quản trị đặt lại mật khẩu.",
    en: "Too many failed sign-ins. Wait a few minutes and try again, or ask an admin to reset your password.",
  },
  "DB.UNAVAILABLE": {
    vi: "Cơ sở dữ liệu đang tạm ngừng trong giây lát. Không có gì bị mất: hãy thử lại sau vài giây.",
    en: "The database is briefly unavailable. Nothing was lost: try again in a few seconds.",
  },
  "IMPORT.TOO_LARGE": {
    vi: "Tệp quá lớn để nhập một lần. Hãy chia thành nhiều tệp nhỏ hơn.",
    en: "The file is too large to import at once. Split it into smaller files.",
  },
  MALFORMED_TEXT: {
    vi: "Ô nhập có ký tự không hợp lệ (thường do sao chép từ tệp khác). Hãy gõ lại nội dung đó.",
    en: "A field holds characters that are not valid text (often from copying out of another file). Type it again.",
  },
  TOO_MANY_IDS: {
    vi: "Yêu cầu hỏi quá nhiều bản ghi một lần. Hãy chọn ít hơn.",
    en: "The request asks for too many records at once. Choose fewer.",
  },
  "UPLOAD.TOO_MANY_AT_ONCE": {
    vi: "Bạn đang tải lên nhiều tệp cùng lúc. Hãy đợi các tệp trước xong rồi thử lại.",
    en: "You are uploading several files at once. Wait for the others to finish, then try again.",
  },
  "INPUT.INVALID": {
    vi: "Dữ liệu gửi lên không hợp lệ. Hãy kiểm tra lại các ô đã nhập.",
    en: "Some of what was sent is not valid. Check the fields and try again.",
  },
  "AUTH.FORBIDDEN": {
    vi: "Vai trò của bạn không cho phép thao tác này với đơn vị này.",
    en: "Your role does not allow this for this unit.",
  },

  // Saving over someone else's change, and repeated sends.
  "DB.STALE_VERSION": {
    vi: "Bản ghi vừa được người khác thay đổi. Trang đã tải lại bản mới nhất; hãy xem lại rồi làm lại.",
    en: "Someone else changed this record meanwhile. The page shows the latest version now; check it and try again.",
  },
  "DB.IDEMPOTENCY_KEY_REUSED": {
    vi: "Yêu cầu này trùng mã chống gửi lặp với một yêu cầu khác. Hãy tải lại trang rồi gửi lại.",
    en: "This request reuses the duplicate-send key of another. Reload the page and send again.",
  },

  // The organization tree.
  "ORG.CYCLE": {
    vi: "Không thể chuyển một đơn vị vào dưới chính nó hoặc đơn vị cấp dưới của nó.",
    en: "A unit cannot move under itself or one of its own units.",
  },
  "ORG.DUPLICATE_CODE": {
    vi: "Mã đơn vị này đã được dùng. Hãy chọn mã khác.",
    en: "This unit code is already used. Choose another.",
  },
  "ORG.DUPLICATE_UNIT_ID": {
    vi: "Cây đơn vị có hai đơn vị trùng mã nội bộ.",
    en: "The unit tree has two units with the same internal id.",
  },
  "ORG.INVALID_UNIT": { vi: "Thông tin đơn vị chưa hợp lệ.", en: "The unit's details are not valid." },
  "ORG.NO_LEVEL_SET": {
    vi: "Chưa có bộ cấp hành chính nào áp dụng cho ngày này.",
    en: "No set of administrative levels applies on this date.",
  },
  "ORG.ORPHAN": {
    vi: "Có đơn vị thuộc một đơn vị cấp trên không tồn tại.",
    en: "A unit belongs to a parent that does not exist.",
  },
  "ORG.OVERLAPPING_LEVEL_SETS": {
    vi: "Có hơn một bộ cấp hành chính cùng áp dụng cho một ngày.",
    en: "More than one set of administrative levels applies on the same date.",
  },
  "ORG.UNIT_NOT_FOUND": { vi: "Không tìm thấy đơn vị.", en: "The unit was not found." },
  "ORG.UNKNOWN_CONFIGURATION": {
    vi: "Cấp hoặc loại đơn vị được chọn không có trong cấu hình.",
    en: "The chosen level or unit kind is not configured.",
  },
  "ORG.UNKNOWN_LEVEL": { vi: "Cấp đơn vị này không có trong cấu hình.", en: "This level is not configured." },

  // Models and their lifecycle.
  "MODEL.DUPLICATE_CODE": {
    vi: "Mã mô hình này đã được dùng. Hãy chọn mã khác.",
    en: "This model code is already used. Choose another.",
  },
  "MODEL.FORBIDDEN": {
    vi: "Vai trò hoặc đơn vị của bạn không được làm bước này với mô hình này.",
    en: "Your role or unit may not take this step on this model.",
  },
  "MODEL.HISTORY_INCONSISTENT": {
    vi: "Lịch sử trạng thái của mô hình không khớp với trạng thái hiện tại. Hãy báo cho quản trị hệ thống.",
    en: "The model's status history does not match its status. Tell the system admin.",
  },
  "MODEL.INVALID": { vi: "Thông tin mô hình chưa hợp lệ.", en: "The model's details are not valid." },
  "MODEL.NOT_EDITABLE": {
    vi: "Chỉ sửa được mô hình đang là nháp hoặc bị trả lại.",
    en: "Only a draft or returned model can be edited.",
  },
  "MODEL.REASON_REQUIRED": { vi: "Bước này cần ghi lý do.", en: "This step needs a reason." },
  "MODEL.TIME_OUT_OF_ORDER": {
    vi: "Bước này có thời điểm trước bước liền trước trong lịch sử.",
    en: "This step is dated before the previous one in the history.",
  },
  "MODEL.TRANSITION_NOT_ALLOWED": {
    vi: "Mô hình đang ở trạng thái không cho phép bước này. Trang đã tải lại trạng thái mới nhất.",
    en: "The model's status does not allow this step. The page shows its latest status now.",
  },
  "MODEL.UNKNOWN_ACTION": { vi: "Quy trình không có bước này.", en: "The lifecycle has no such step." },
  "MODEL.UNKNOWN_FIELD": {
    vi: "Có lĩnh vực không có trong danh mục. Hãy chọn lại lĩnh vực.",
    en: "A field is not in the configured list. Choose the fields again.",
  },
  "EVIDENCE.NOT_ACCEPTED": {
    vi: "Minh chứng phải là PDF, ảnh (JPEG, PNG, WebP), Word hoặc Excel, không quá 10 MB.",
    en: "Evidence must be a PDF, an image (JPEG, PNG, WebP), Word or Excel file of at most 10 MB.",
  },

  // Periodic reports.
  "REPORT.INVALID": {
    vi: "Bản thảo báo cáo chưa đủ hoặc chưa đúng (năm, số ký hiệu, ngày, trích yếu, nơi nhận). Hãy sửa các ô được đánh dấu.",
    en: "The report draft is incomplete or wrong (years, number, date, subject, recipients). Correct the marked fields.",
  },

  // Outcomes (indicator values).
  "OUTCOME.DUPLICATE_INDICATOR": {
    vi: "Một chỉ tiêu được khai báo hai lần.",
    en: "An indicator is declared twice.",
  },
  "OUTCOME.DUPLICATE_VALUE": {
    vi: "Chỉ tiêu này đã có giá trị cho kỳ này.",
    en: "This indicator already has a value for this period.",
  },
  "OUTCOME.INCOMPATIBLE_UNITS": {
    vi: "Hai đơn vị đo này không quy đổi được cho nhau.",
    en: "These two units of measure cannot be converted into each other.",
  },
  "OUTCOME.INVALID_WEIGHT_INDICATOR": {
    vi: "Chỉ tiêu dùng làm trọng số không phù hợp.",
    en: "The indicator used as a weight is not suitable.",
  },
  "OUTCOME.MONEY_FRACTIONAL_DONG": {
    vi: "Số tiền phải là số đồng tròn, không có phần lẻ.",
    en: "An amount of money must be whole đồng.",
  },
  "OUTCOME.NEGATIVE": { vi: "Giá trị không được âm.", en: "The value cannot be negative." },
  "OUTCOME.NOT_FINITE": { vi: "Giá trị phải là một số.", en: "The value must be a number." },
  "OUTCOME.NOT_WHOLE": {
    vi: "Chỉ tiêu này đếm số lượng nên phải là số nguyên.",
    en: "This indicator counts things, so it must be a whole number.",
  },
  "OUTCOME.OVERLAPPING_PERIODS": {
    vi: "Các kỳ của chỉ tiêu này chồng lên nhau (ví dụ cả năm và một quý của năm đó).",
    en: "This indicator's periods overlap (for example a year and one of its quarters).",
  },
  "OUTCOME.PERCENT_NOT_SUMMABLE": {
    vi: "Tỷ lệ phần trăm không cộng dồn được; cần một chỉ tiêu làm trọng số.",
    en: "Percentages cannot be added up; a weight indicator is needed.",
  },
  "OUTCOME.PERCENT_OUT_OF_RANGE": {
    vi: "Tỷ lệ phần trăm phải từ 0 đến 100.",
    en: "A percentage must be between 0 and 100.",
  },
  "OUTCOME.UNKNOWN_INDICATOR": { vi: "Chỉ tiêu này không có trong danh mục.", en: "This indicator is not configured." },
  "OUTCOME.UNKNOWN_UNIT": {
    vi: "Đơn vị đo này không có trong danh mục.",
    en: "This unit of measure is not configured.",
  },
  "OUTCOME.UNKNOWN_WEIGHT_INDICATOR": {
    vi: "Chỉ tiêu dùng làm trọng số không có trong danh mục.",
    en: "The weight indicator is not configured.",
  },
  "OUTCOME.WRONG_INDICATOR": {
    vi: "Giá trị này thuộc về một chỉ tiêu khác.",
    en: "This value belongs to another indicator.",
  },

  // Replication.
  "REPLICATION.ADOPTED_BEFORE_ORIGIN_START": {
    vi: "Ngày áp dụng đứng trước ngày mô hình điểm bắt đầu.",
    en: "The adoption date is before the pilot started.",
  },
  "REPLICATION.ALREADY_HAS_ORIGIN": {
    vi: "Mô hình này đã là bản nhân rộng của một mô hình khác.",
    en: "This model already replicates another model.",
  },
  "REPLICATION.CYCLE": {
    vi: "Liên kết này tạo vòng lặp trong cây nhân rộng.",
    en: "This link would make a loop in the replication tree.",
  },
  "REPLICATION.DUPLICATE_FIGURE": {
    vi: "Một số liệu nhân rộng bị khai báo hai lần.",
    en: "A replication figure is declared twice.",
  },
  "REPLICATION.NOT_A_PILOT": {
    vi: "Chỉ nhân rộng được mô hình đã được chọn làm mô hình điểm.",
    en: "Only a model chosen as a pilot can be replicated.",
  },
  "REPLICATION.SELF_LINK": {
    vi: "Một mô hình không thể là bản nhân rộng của chính nó.",
    en: "A model cannot replicate itself.",
  },
  "REPLICATION.UNKNOWN_MODEL": {
    vi: "Không tìm thấy mô hình trong liên kết nhân rộng.",
    en: "A model of the replication link was not found.",
  },

  // Commendations, golden book, inspections.
  "COMMENDATION.ALREADY_REVOKED": {
    vi: "Khen thưởng này đã bị thu hồi trước đó.",
    en: "This commendation was already revoked.",
  },
  "COMMENDATION.INVALID": { vi: "Thông tin khen thưởng chưa hợp lệ.", en: "The commendation's details are not valid." },
  "COMMENDATION.INVALID_DATE": {
    vi: "Ngày kết thúc tạm đình chỉ không được trước ngày bắt đầu.",
    en: "A suspension cannot end before it began.",
  },
  "COMMENDATION.NOT_IN_FORCE": {
    vi: "Khen thưởng không còn hiệu lực vào ngày này.",
    en: "The commendation is not in force on this date.",
  },
  "COMMENDATION.NOT_SUSPENDED": {
    vi: "Khen thưởng này không bị tạm đình chỉ.",
    en: "This commendation is not suspended.",
  },
  "COMMENDATION.REASON_REQUIRED": {
    vi: "Tạm đình chỉ khen thưởng cần ghi lý do.",
    en: "Suspending a commendation needs a reason.",
  },
  "COMMENDATION.UNKNOWN_LEVEL_OR_FORM": {
    vi: "Cấp hoặc hình thức khen thưởng không có trong danh mục.",
    en: "The commendation level or form is not configured.",
  },
  "GOLDEN_BOOK.ALREADY_DECIDED": {
    vi: "Mục sổ vàng này đã được xác nhận hoặc từ chối.",
    en: "This golden-book entry has already been decided.",
  },
  "GOLDEN_BOOK.DECIDED_BEFORE_DEED": {
    vi: "Không thể quyết định trước ngày của việc tốt.",
    en: "An entry cannot be decided before the deed's date.",
  },
  "GOLDEN_BOOK.DUPLICATE_ENTRY": {
    vi: "Sổ vàng của đơn vị đã có mục này (cùng người, ngày và việc làm).",
    en: "The unit's golden book already has this entry (same subject, date and deed).",
  },
  "GOLDEN_BOOK.INVALID": { vi: "Thông tin mục sổ vàng chưa hợp lệ.", en: "The entry's details are not valid." },
  "GOLDEN_BOOK.REASON_REQUIRED": { vi: "Từ chối cần ghi lý do.", en: "A rejection needs a reason." },
  "GOLDEN_BOOK.SELF_VERIFICATION": {
    vi: "Người đề nghị không tự xác nhận đề nghị của mình; một quản trị khác của đơn vị sẽ xác nhận.",
    en: "The nominator cannot verify their own nomination; another admin of the unit does.",
  },
  "GOLDEN_BOOK.UNKNOWN_FIELD": { vi: "Lĩnh vực này không có trong danh mục.", en: "This field is not configured." },
  "INSPECTION.ACTION_ALREADY_COMPLETED": {
    vi: "Biện pháp khắc phục này đã hoàn thành.",
    en: "This corrective action is already completed.",
  },
  "INSPECTION.CLOSED": {
    vi: "Cuộc kiểm tra đã kết thúc, không ghi thêm được.",
    en: "The inspection is closed; nothing more can be recorded.",
  },
  "INSPECTION.INVALID": { vi: "Kế hoạch kiểm tra chưa hợp lệ.", en: "The inspection plan is not valid." },
  "INSPECTION.SUBJECT_OUTSIDE_UNIT": {
    vi: "Kết luận chỉ được nói về mô hình hoặc khen thưởng của đơn vị được kiểm tra.",
    en: "A finding may only concern a model or commendation of the inspected unit.",
  },

  // Criteria sets and formulas (the editor also shows the domain's own detailed words).
  "CRITERIA.ALLOCATION": {
    vi: "Cách phân bổ điểm của bộ tiêu chí chưa hợp lệ.",
    en: "The set's allocation of points is not valid.",
  },
  "CRITERIA.BANDS_OVERLAP": { vi: "Các mức điểm chồng lên nhau.", en: "Two bands overlap." },
  "CRITERIA.BAND_INVERTED": {
    vi: "Một mức có điểm thấp lớn hơn điểm cao.",
    en: "A band's lower bound is above its upper bound.",
  },
  "CRITERIA.BAND_OUTSIDE_SCALE": { vi: "Một mức nằm ngoài thang điểm.", en: "A band lies outside its scale." },
  "CRITERIA.DRAFT_EXISTS": {
    vi: "Bộ tiêu chí đã có một bản nháp. Hãy sửa hoặc công bố bản nháp đó trước.",
    en: "The set already has a draft. Edit or publish that draft first.",
  },
  "CRITERIA.DUPLICATE_CODE": {
    vi: "Mã bộ tiêu chí này đã được dùng. Hãy chọn mã khác.",
    en: "This criteria-set code is already used. Choose another.",
  },
  "CRITERIA.DUPLICATE_ID": { vi: "Hai mục trong bộ tiêu chí trùng mã.", en: "Two items of the set share an id." },
  "CRITERIA.FORMULA_CYCLE": {
    vi: "Hai công thức đọc lẫn nhau thành vòng. Hãy bỏ một tham chiếu.",
    en: "Formulas read each other in a cycle. Remove one of the references.",
  },
  "CRITERIA.FORMULA_NOT_NUMBER": {
    vi: "Công thức của tiêu chí phải cho ra một con số.",
    en: "A criterion's formula must give a number.",
  },
  "CRITERIA.GATE_NOT_BOOLEAN": {
    vi: "Điều kiện bắt buộc phải cho ra đúng hoặc sai.",
    en: "A gate must give true or false.",
  },
  "CRITERIA.GATE_REFERENCE": {
    vi: "Điều kiện được xét trước khi chấm điểm nên không đọc được điểm của tiêu chí.",
    en: "A gate is decided before scoring, so it cannot read a criterion's rating or points.",
  },
  "CRITERIA.GROUP_POINTS_MISMATCH": {
    vi: "Điểm của nhóm không bằng tổng điểm các tiêu chí trong nhóm.",
    en: "A group's points differ from the sum of its criteria.",
  },
  "CRITERIA.INVALID": { vi: "Bộ tiêu chí chưa hợp lệ.", en: "The criteria set is not valid." },
  "CRITERIA.LINEAR_EMPTY_RANGE": {
    vi: "Khoảng tính điểm tuyến tính có điểm đầu bằng điểm cuối.",
    en: "A linear scoring range starts where it ends.",
  },
  "CRITERIA.MIXED_ALLOCATION": {
    vi: "Không dùng lẫn điểm và trọng số trong cùng một bộ tiêu chí.",
    en: "A set cannot mix points and weights.",
  },
  "CRITERIA.NOT_EXACT": {
    vi: "Số điểm có quá nhiều chữ số thập phân (tối đa 3).",
    en: "A number of points has too many decimals (at most 3).",
  },
  "CRITERIA.NOT_PUBLISHED": {
    vi: "Bản nháp mới chỉ bắt đầu từ một phiên bản đã công bố.",
    en: "A new draft starts from a published version.",
  },
  "CRITERIA.POINTS_MISMATCH": {
    vi: "Tổng điểm các tiêu chí không bằng tổng điểm đã công bố.",
    en: "The criteria's points do not add up to the declared total.",
  },
  "CRITERIA.PUBLISHED_AT_INVALID": {
    vi: "Thời điểm công bố không hợp lệ.",
    en: "The publication time is not valid.",
  },
  "CRITERIA.PUBLISHED_IMMUTABLE": {
    vi: "Phiên bản đã công bố không sửa được. Hãy tạo bản nháp mới từ phiên bản này.",
    en: "A published version cannot change. Start a new draft from it.",
  },
  "CRITERIA.QUOTA_ORDER": {
    vi: "Hạn mức xếp loại phải đi từ loại cao xuống loại thấp.",
    en: "Tier quotas must go from the highest tier down.",
  },
  "CRITERIA.QUOTA_SELF": {
    vi: "Hạn mức không thể tính trên chính xếp loại bị giới hạn. Hãy chọn “tổng số mô hình đủ điều kiện”.",
    en: "A quota cannot be a share of its own tier. Choose “all qualified models” as its base.",
  },
  "CRITERIA.RESERVED_INPUT": {
    vi: "Tên chỉ tiêu đầu vào này đã được hệ thống dùng.",
    en: "This input name is reserved by the system.",
  },
  "CRITERIA.SCALE_EMPTY": { vi: "Thang điểm không có giá trị nào.", en: "A scale has no values." },
  "CRITERIA.SCALE_STEP": {
    vi: "Bước của thang điểm không chia đều khoảng điểm.",
    en: "A scale's step does not divide its range evenly.",
  },
  "CRITERIA.SHAPE": {
    vi: "Bộ tiêu chí thiếu hoặc sai một số ô.",
    en: "The criteria set has missing or malformed fields.",
  },
  "CRITERIA.THRESHOLDS_NOT_ORDERED": {
    vi: "Các ngưỡng chưa xếp theo thứ tự.",
    en: "The thresholds are not in order.",
  },
  "CRITERIA.THRESHOLD_ABOVE_POINTS": {
    vi: "Một ngưỡng vượt quá điểm tối đa.",
    en: "A threshold is above the maximum points.",
  },
  "CRITERIA.TIERS_NOT_FROM_ZERO": {
    vi: "Xếp loại thấp nhất phải bắt đầu từ 0 điểm.",
    en: "The lowest tier must start at 0 points.",
  },
  "CRITERIA.TIERS_NOT_ORDERED": {
    vi: "Các xếp loại phải đi từ ngưỡng cao xuống thấp.",
    en: "Tiers must go from the highest threshold down.",
  },
  "CRITERIA.TIER_ABOVE_TOTAL": {
    vi: "Ngưỡng của một xếp loại vượt quá tổng điểm.",
    en: "A tier's threshold is above the total points.",
  },
  "CRITERIA.TOO_DEEP": {
    vi: "Cây tiêu chí lồng quá nhiều tầng.",
    en: "The criteria tree is nested too deeply.",
  },
  "CRITERIA.UNKNOWN_INPUT": {
    vi: "Công thức dùng một chỉ tiêu chưa khai báo ở mục chỉ tiêu đầu vào.",
    en: "A formula uses an indicator not declared among the inputs.",
  },
  "CRITERIA.UNKNOWN_KEY": {
    vi: "Định nghĩa có một khóa không thuộc bộ tiêu chí (có thể gõ sai). Hãy sửa tên khóa.",
    en: "The definition has a key that is not part of a criteria set (a typo?). Fix the key's name.",
  },
  "CRITERIA.UNKNOWN_SCALE": { vi: "Tiêu chí dùng một thang điểm không có.", en: "A criterion uses a missing scale." },
  "CRITERIA.UNKNOWN_TIER": { vi: "Có xếp loại không có trong bộ tiêu chí.", en: "A tier is not in the set." },
  "CRITERIA.UNKNOWN_TIE_BREAK": {
    vi: "Tiêu chí dùng để phân hạng khi bằng điểm không có trong bộ.",
    en: "A tie-break uses a criterion that is not in the set.",
  },
  "CRITERIA.VERSION_INVALID": { vi: "Số phiên bản không hợp lệ.", en: "The version number is not valid." },
  "CRITERIA.VERSION_NOT_FOUND": {
    vi: "Không tìm thấy phiên bản bộ tiêu chí.",
    en: "The criteria-set version was not found.",
  },
  "CRITERIA.VERSION_NOT_INCREASING": {
    vi: "Phiên bản mới phải lớn hơn phiên bản gốc.",
    en: "A new version must be above the one it is based on.",
  },
  "CRITERIA.WEIGHTS_NOT_100": {
    vi: "Tổng trọng số các tiêu chí phải bằng 100%.",
    en: "The criteria's weights must add up to 100%.",
  },
  "FORMULA.ARITY": {
    vi: "Hàm được gọi với số đối số không đúng.",
    en: "A function is called with the wrong number of arguments.",
  },
  "FORMULA.CHAINED_COMPARISON": {
    vi: "Không viết hai phép so sánh liền nhau; hãy dùng “and”.",
    en: "Comparisons cannot be chained; use “and”.",
  },
  "FORMULA.DIVISION_BY_ZERO": { vi: "Công thức chia cho 0.", en: "The formula divides by zero." },
  "FORMULA.MISSING_INPUT": { vi: "Thiếu giá trị của một chỉ tiêu đầu vào.", en: "An input indicator has no value." },
  "FORMULA.NOT_FINITE": { vi: "Công thức cho ra một số không hữu hạn.", en: "The formula gives a non-finite number." },
  "FORMULA.NUMBER_TOO_LARGE": { vi: "Một số trong công thức quá lớn.", en: "A number in the formula is too large." },
  "FORMULA.REFERENCE_ARGUMENT": {
    vi: "rating(), points() và group_total() nhận một mã trong ngoặc kép.",
    en: "rating(), points() and group_total() take one id in quotes.",
  },
  "FORMULA.STEP_LIMIT": {
    vi: "Công thức cần quá nhiều bước tính.",
    en: "The formula takes too many steps to compute.",
  },
  "FORMULA.TOO_COMPLEX": { vi: "Công thức quá phức tạp.", en: "The formula is too complex." },
  "FORMULA.TOO_DEEP": { vi: "Công thức lồng quá nhiều tầng ngoặc.", en: "The formula nests too deeply." },
  "FORMULA.TOO_LONG": { vi: "Công thức quá dài.", en: "The formula is too long." },
  "FORMULA.TYPE_MISMATCH": {
    vi: "Công thức trộn số với đúng/sai ở nơi không được phép.",
    en: "The formula mixes numbers and true/false where it may not.",
  },
  "FORMULA.UNEXPECTED_CHARACTER": {
    vi: "Công thức có một ký tự không hợp lệ.",
    en: "The formula has a character that is not allowed.",
  },
  "FORMULA.UNEXPECTED_END": { vi: "Công thức kết thúc giữa chừng.", en: "The formula ends too early." },
  "FORMULA.UNEXPECTED_TOKEN": { vi: "Công thức có chỗ viết sai cú pháp.", en: "The formula has a syntax error." },
  "FORMULA.UNKNOWN_FUNCTION": {
    vi: "Công thức gọi một hàm không có (chỉ có min, max, clamp, if).",
    en: "The formula calls an unknown function (only min, max, clamp and if exist).",
  },
  "FORMULA.UNKNOWN_INPUT": {
    vi: "Công thức dùng một tên chỉ tiêu không có.",
    en: "The formula uses an unknown indicator name.",
  },

  // Evaluation rounds and scoring.
  "FORMULA.UNKNOWN_REFERENCE": {
    vi: "Công thức đọc một tiêu chí hoặc nhóm không có.",
    en: "The formula reads a criterion or group that does not exist.",
  },
  "FORMULA.UNTERMINATED_STRING": {
    vi: "Công thức có chuỗi thiếu dấu nháy đóng.",
    en: "The formula has a string with no closing quote.",
  },
  "ROUND.ASSIGNMENT_NOT_FOUND": {
    vi: "Giám khảo này không (còn) được phân công chấm mô hình này trong đợt.",
    en: "This reviewer is not (or no longer) assigned to this model in the round.",
  },
  "ROUND.ASSIGNMENTS_REJECTED": {
    vi: "Tệp phân công có dòng sai nên chưa phân công ai. Sửa các dòng được nêu rồi nhập lại.",
    en: "The assignments file has wrong rows, so nobody was assigned. Fix the rows named and import it again.",
  },
  "ROUND.CONFLICT_OF_INTEREST": {
    vi: "Người chấm này có xung đột lợi ích với mô hình (cùng đơn vị, đơn vị cấp trên, hoặc đã tự khai).",
    en: "This reviewer has a conflict of interest with the model (same or higher unit, or declared).",
  },
  "ROUND.CRITERIA_NOT_FOUND": {
    vi: "Không tìm thấy phiên bản bộ tiêu chí.",
    en: "The criteria-set version was not found.",
  },
  "ROUND.CRITERIA_NOT_PUBLISHED": {
    vi: "Đợt bình xét phải dùng một phiên bản bộ tiêu chí đã công bố.",
    en: "A round must use a published criteria-set version.",
  },
  "ROUND.DUPLICATE_CODE": {
    vi: "Mã đợt bình xét này đã được dùng. Hãy chọn mã khác.",
    en: "This round code is already used. Choose another.",
  },
  "ROUND.INVALID_VOTES": {
    vi: "Số liệu biểu quyết không hợp lệ: số có mặt không vượt số thành viên, số phiếu không vượt số có mặt.",
    en: "The vote counts do not add up: those present cannot exceed the members, votes cannot exceed those present.",
  },
  "ROUND.LOCKED": {
    vi: "Đợt bình xét đã chốt: phiếu chấm, phân công và kết quả không thay đổi được nữa.",
    en: "The round is finalized: scorecards, assignments and results can no longer change.",
  },
  "ROUND.MODEL_NOT_IN_ROUND": {
    vi: "Mô hình không thuộc (hoặc không đủ điều kiện trong) đợt bình xét này.",
    en: "The model is not (eligible) in this round.",
  },
  "ROUND.NOT_ASSIGNED": {
    vi: "Bạn không được phân công chấm mô hình này trong đợt (hoặc đã khai xung đột lợi ích).",
    en: "You are not assigned to review this model in this round (or declared a conflict).",
  },
  "ROUND.NOT_A_REVIEWER": {
    vi: "Người được phân công không có vai trò người chấm.",
    en: "The person assigned does not hold the reviewer role.",
  },
  "ROUND.NOT_FOUND": { vi: "Không tìm thấy đợt bình xét.", en: "The round was not found." },
  "ROUND.POOL_TOO_SMALL": {
    vi: "Không đủ người chấm không xung đột lợi ích cho một số mô hình. Hãy thêm người chấm hoặc phân công tay.",
    en: "Not enough reviewers free of conflicts for some models. Add reviewers or assign by hand.",
  },
  "ROUND.SCORECARD_STARTED": {
    vi: "Giám khảo đã bắt đầu chấm mô hình này nên không bỏ phân công được: phiếu của họ được giữ nguyên.",
    en: "The reviewer has started scoring this model, so the assignment stays: their scorecard is kept.",
  },
  "ROUND.REQUIREMENT_NOT_MET": {
    vi: "Chưa đủ điều kiện sang bước tiếp theo của đợt bình xét.",
    en: "The round is not ready for its next step yet.",
  },
  "ROUND.SCOPE_OUTSIDE_ORGANIZER": {
    vi: "Phạm vi của đợt phải nằm trong đơn vị tổ chức.",
    en: "The round's scope must lie inside the organizing unit.",
  },
  "ROUND.SCORECARD_INCOMPLETE": {
    vi: "Phiếu chấm còn thiếu điểm hoặc nhận xét.",
    en: "The scorecard still lacks scores or comments.",
  },
  "ROUND.SCORECARD_SUBMITTED": {
    vi: "Phiếu chấm đã nộp, không sửa được nữa.",
    en: "The scorecard was submitted and can no longer change.",
  },
  "ROUND.STEP_NOT_ALLOWED": {
    vi: "Đợt bình xét đang ở bước không cho phép thao tác này.",
    en: "The round's current step does not allow this.",
  },
  "ROUND.DEADLINES_OUT_OF_ORDER": {
    vi: "Hạn các bước phải theo thứ tự: tự đánh giá, chấm điểm, rồi hội đồng.",
    en: "Step deadlines must be in order: self-assessment, review, then council.",
  },
  "ROUND.UNKNOWN_TIER": {
    vi: "Có xếp loại không có trong bộ tiêu chí của đợt.",
    en: "A tier is not in the round's criteria set.",
  },
  "ROUND.WRONG_STAGE": {
    vi: "Thao tác này chỉ làm được ở một bước khác của đợt bình xét.",
    en: "This can only be done at another step of the round.",
  },
  "SCORING.CALIBRATION_NOT_APPLIED": {
    vi: "Chưa hiệu chỉnh điểm của một giám khảo vì chấm quá ít.",
    en: "A reviewer's ratings were not calibrated: too few ratings.",
  },
  "SCORING.DUPLICATE_MODEL": { vi: "Một mô hình có mặt hai lần trong đợt.", en: "A model appears twice in the round." },
  "SCORING.DUPLICATE_SCORECARD": {
    vi: "Một người chấm có hai phiếu cho cùng một mô hình.",
    en: "A reviewer has two scorecards for the same model.",
  },
  "SCORING.FORMULA_FAILED": {
    vi: "Không tính được điểm của một tiêu chí theo công thức.",
    en: "A criterion's formula could not be computed.",
  },
  "SCORING.GATE_UNDECIDABLE": {
    vi: "Không xác định được một điều kiện bắt buộc vì thiếu dữ liệu.",
    en: "A gate cannot be decided for lack of data.",
  },
  "SCORING.INVALID_DATE": { vi: "Ngày phải viết dạng năm-tháng-ngày.", en: "Dates must be year-month-day." },
  "SCORING.INVALID_INPUT": {
    vi: "Dữ liệu chấm điểm không hợp lệ.",
    en: "The scoring input is not valid.",
  },
  "SCORING.INVALID_OPTIONS": {
    vi: "Thiết lập tính điểm của đợt chưa hợp lệ.",
    en: "The round's scoring settings are not valid.",
  },
  "SCORING.MISSING_INDICATOR": {
    vi: "Mô hình thiếu số liệu chỉ tiêu mà một tiêu chí cần.",
    en: "A model lacks an indicator value a criterion needs.",
  },
  "SCORING.MISSING_RATING": {
    vi: "Mô hình còn thiếu điểm chấm của một tiêu chí.",
    en: "A model still lacks a rating for a criterion.",
  },
  "SCORING.RATING_OFF_SCALE": { vi: "Một điểm chấm nằm ngoài thang điểm.", en: "A rating lies outside its scale." },
  "SCORING.RATING_OFF_STEP": {
    vi: "Một điểm chấm không theo bước của thang điểm.",
    en: "A rating is not on a step of its scale.",
  },
  "SCORING.ROUND_CONTEXT_REQUIRED": {
    vi: "Hiệu chỉnh theo người chấm cần dữ liệu của cả đợt.",
    en: "Reviewer calibration needs the whole round's data.",
  },
  "SCORING.TOO_FEW_REVIEWERS": {
    vi: "Một tiêu chí chưa đủ số người chấm tối thiểu.",
    en: "A criterion has fewer reviewers than required.",
  },
  "SCORING.UNKNOWN_CRITERION": {
    vi: "Phiếu chấm có một tiêu chí không có trong bộ.",
    en: "A scorecard rates a criterion that is not in the set.",
  },

  // Spreadsheet imports (each problem also names its row and column).
  "IMPORT.BAD_DATE": {
    vi: "Ngày không đúng dạng (dd/mm/yyyy hoặc yyyy-mm-dd).",
    en: "The date is not valid (dd/mm/yyyy or yyyy-mm-dd).",
  },
  "IMPORT.BAD_NUMBER": { vi: "Ô này phải là một số.", en: "This cell must be a number." },
  "IMPORT.BAD_PERIOD": {
    vi: "Kỳ phải là một năm (2023), một quý (2023-Q2) hoặc một tháng (2023-03).",
    en: "A period is a year (2023), a quarter (2023-Q2) or a month (2023-03).",
  },
  "IMPORT.CYCLE": {
    vi: "Các đơn vị trong tệp tạo thành vòng lặp cấp trên.",
    en: "The file's units form a loop of parents.",
  },
  "IMPORT.DUPLICATE_CODE": { vi: "Mã này xuất hiện hai lần trong tệp.", en: "This code appears twice in the file." },
  "IMPORT.DUPLICATE_COLUMN": { vi: "Tệp có hai cột trùng tên.", en: "The file has two columns with the same name." },
  "IMPORT.DUPLICATE_ROW": { vi: "Dòng này trùng với một dòng khác.", en: "This row repeats another." },
  "IMPORT.FILE_NOT_ACCEPTED": {
    vi: "Tệp phải là Excel (.xlsx) hoặc CSV (.csv), không quá 20 MB.",
    en: "The file must be Excel (.xlsx) or CSV (.csv) of at most 20 MB.",
  },
  "IMPORT.INCONSISTENT_MODEL": {
    vi: "Các dòng của cùng một mô hình ghi thông tin khác nhau.",
    en: "Rows of the same model disagree.",
  },
  "IMPORT.INVALID_TEXT": { vi: "Ô này có ký tự không hợp lệ.", en: "This cell has characters that are not allowed." },
  "IMPORT.MODEL_NOT_IN_ROUND": {
    vi: "Mô hình này không thuộc đợt hoặc không đủ điều kiện.",
    en: "This model is not (eligible) in the round.",
  },
  "IMPORT.NOT_A_REVIEWER": {
    vi: "Không có giám khảo nào với tên đăng nhập này.",
    en: "No reviewer has this username.",
  },
  "IMPORT.CONFLICT_OF_INTEREST": {
    vi: "Giám khảo này có xung đột lợi ích với mô hình.",
    en: "This reviewer has a conflict of interest with the model.",
  },
  "IMPORT.MISSING_COLUMN": { vi: "Tệp thiếu một cột bắt buộc.", en: "The file lacks a required column." },
  "IMPORT.OUTSIDE_SCOPE": {
    vi: "Dòng này thuộc một đơn vị ngoài phạm vi bạn quản trị.",
    en: "This row belongs to a unit outside what you administer.",
  },
  "IMPORT.PARENT_CHANGE": {
    vi: "Tệp đổi đơn vị cấp trên của một đơn vị đã có; hãy dùng chức năng “Chuyển”.",
    en: "The file changes an existing unit's parent; use “Move” instead.",
  },
  "IMPORT.REQUIRED": { vi: "Ô này bắt buộc phải có.", en: "This cell is required." },
  "IMPORT.STATUS_CHANGE": {
    vi: "Trạng thái mô hình chỉ đổi qua quy trình duyệt, không qua nhập tệp.",
    en: "A model's status only changes through its lifecycle, not by import.",
  },
  "IMPORT.TOO_LONG": { vi: "Nội dung ô quá dài.", en: "The cell's text is too long." },
  "IMPORT.UNKNOWN_FIELD": { vi: "Lĩnh vực này không có trong danh mục.", en: "This field is not configured." },
  "IMPORT.UNKNOWN_INDICATOR": { vi: "Chỉ tiêu này không có trong danh mục.", en: "This indicator is not configured." },
  "IMPORT.UNKNOWN_LEVEL": { vi: "Cấp này không có trong danh mục.", en: "This level is not configured." },
  "IMPORT.UNKNOWN_STATUS": { vi: "Trạng thái này không có.", en: "There is no such status." },
  "IMPORT.UNKNOWN_SUBJECT_KIND": {
    vi: "Loại đối tượng phải là cá nhân hoặc tập thể.",
    en: "The subject must be a person or a collective.",
  },
  "IMPORT.UNKNOWN_UNIT": { vi: "Không có đơn vị nào mang mã này.", en: "No unit has this code." },
  "IMPORT.UNKNOWN_UNIT_KIND": {
    vi: "Loại đơn vị này không có trong danh mục.",
    en: "This unit kind is not configured.",
  },
  "IMPORT.UNREADABLE": {
    vi: "Không đọc được tệp. Hãy lưu lại dạng .xlsx hoặc .csv (UTF-8) rồi thử lại.",
    en: "The file cannot be read. Save it again as .xlsx or .csv (UTF-8) and retry.",
  },
};

/**
 * Codes made at run time from a prefix (`${prefix}.NOT_FOUND` for models, units, commendations…)
 * share one sentence per suffix.
 */
const bySuffix: Readonly<Record<string, { readonly vi: string; readonly en: string }>> = {
  NOT_FOUND: {
    vi: "Không tìm thấy bản ghi này; có thể nó vừa bị xóa. Hãy tải lại trang.",
    en: "This record was not found; it may have just been removed. Reload the page.",
  },
};

/** The sentence for an error code in a language, or null when the code has none. */
export function errorSentence(code: string, locale: "vi" | "en"): string | null {
  const entry = errorSentences[code] ?? bySuffix[code.slice(code.lastIndexOf(".") + 1)];
  return entry?.[locale] ?? null;
}
