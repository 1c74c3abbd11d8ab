import type { Message } from "./import-problem.js";

/** What a spreadsheet import can load. */
export type ImportKind = "units" | "models" | "golden-book";

/** Every {@link ImportKind}, for menus and argument checks. */
export const importKinds: readonly ImportKind[] = ["units", "models", "golden-book"];

/** One column of an import template: its key, Vietnamese and English headers, whether it must be filled. */
export interface ImportColumn {
  readonly key: string;
  readonly header: Message;
  readonly required: boolean;
  /** Width in characters for the template and exports. */
  readonly width: number;
  /** A sample value, shown in the template's notes. */
  readonly example: string;
  /** How to fill it, shown as the header cell's note. */
  readonly hint: Message;
}

const column = (
  key: string,
  vi: string,
  en: string,
  required: boolean,
  width: number,
  example: string,
  hintVi: string,
  hintEn: string,
): ImportColumn => ({ key, header: { vi, en }, required, width, example, hint: { vi: hintVi, en: hintEn } });

/**
 * The columns of each import, in template order. A file may put them in any order
 * and may leave out optional ones (a missing optional column leaves stored values as
 * they are); headers match in Vietnamese or English, case and spacing aside.
 *
 * @example importColumns.models.map((c) => c.header.vi) // ["Mã mô hình", "Tên mô hình", "Mã đơn vị", …]
 */
export const importColumns: Readonly<Record<ImportKind, readonly ImportColumn[]>> = {
  units: [
    column(
      "code",
      "Mã đơn vị",
      "Unit code",
      true,
      18,
      "TL-THANHHA",
      "Mã duy nhất của đơn vị",
      "The unit's unique code",
    ),
    column("name", "Tên đơn vị", "Unit name", true, 40, "Đảng ủy xã Thanh Hà", "Tên đầy đủ", "Full name"),
    column(
      "parentCode",
      "Mã đơn vị cấp trên",
      "Parent unit code",
      false,
      18,
      "TL",
      "Để trống nếu là đơn vị gốc; đơn vị cấp trên có thể ở trong tệp hoặc đã có",
      "Blank for a root; the parent may be in the file or already stored",
    ),
    column("level", "Cấp", "Level", true, 12, "Cấp xã", "Tên cấp (hoặc mã)", "Level name (or code)"),
    column(
      "kind",
      "Loại đơn vị",
      "Unit kind",
      true,
      20,
      "Cấp ủy / Đảng bộ",
      "Tên loại đơn vị (hoặc mã)",
      "Unit kind name (or code)",
    ),
    column("group", "Nhóm", "Group", false, 14, "Khối xã", "Nhóm để tính hạn mức (tùy chọn)", "Quota group (optional)"),
  ],
  models: [
    column("code", "Mã mô hình", "Model code", true, 22, "TL-2019-DUONGHOA", "Mã duy nhất", "Unique code"),
    column("name", "Tên mô hình", "Model name", true, 44, "Đường hoa quân sự", "Tên mô hình", "Model name"),
    column("unitCode", "Mã đơn vị", "Unit code", true, 18, "TL-BCHQS", "Đơn vị chủ trì", "Owner unit"),
    column(
      "fields",
      "Lĩnh vực",
      "Fields",
      false,
      26,
      "Quốc phòng - an ninh; Môi trường",
      "Tên lĩnh vực (hoặc mã), cách nhau bằng dấu chấm phẩy",
      "Field names (or codes) separated by semicolons",
    ),
    column(
      "startDate",
      "Ngày bắt đầu",
      "Start date",
      true,
      14,
      "15/03/2019",
      "dd/mm/yyyy hoặc yyyy-mm-dd",
      "dd/mm/yyyy or yyyy-mm-dd",
    ),
    column(
      "status",
      "Trạng thái",
      "Status",
      false,
      14,
      "Đang triển khai",
      "Chỉ dùng khi tạo mới (mặc định: đang triển khai)",
      "Only used when created (default: active)",
    ),
    column(
      "personName",
      "Cá nhân",
      "Person",
      false,
      24,
      "",
      "Họ tên, nếu là mô hình cá nhân",
      "Name, for an individual model",
    ),
    column("annualTheme", "Chuyên đề năm", "Annual theme", false, 20, "", "Tùy chọn", "Optional"),
    column("problem", "Vấn đề", "Problem", false, 30, "", "Tùy chọn", "Optional"),
    column("solution", "Giải pháp", "Solution", false, 30, "", "Tùy chọn", "Optional"),
    column(
      "indicator",
      "Chỉ tiêu",
      "Indicator",
      false,
      20,
      "Chiều dài tuyến đường",
      "Tên chỉ tiêu (hoặc mã); mỗi dòng một kết quả, lặp lại thông tin mô hình",
      "Indicator name (or code); one outcome per row, model columns repeated",
    ),
    column(
      "period",
      "Kỳ",
      "Period",
      false,
      10,
      "2019",
      "Năm (2022), quý (2022-Q3) hoặc tháng (2022-07)",
      "Year, quarter or month",
    ),
    column("value", "Giá trị", "Value", false, 14, "3", "Theo đơn vị tính của chỉ tiêu", "In the indicator's unit"),
  ],
  "golden-book": [
    column("unitCode", "Mã đơn vị", "Unit code", true, 18, "TL-THANHHA", "Đơn vị ghi sổ", "Unit keeping the entry"),
    column("subjectKind", "Đối tượng", "Subject", true, 12, "Cá nhân", "Cá nhân hoặc Tập thể", "Person or Collective"),
    column(
      "subjectName",
      "Họ tên / tập thể",
      "Name",
      true,
      28,
      "Nguyễn Văn An",
      "Người hoặc tập thể",
      "Person or collective",
    ),
    column("deed", "Việc tốt", "Good deed", true, 50, "Hiến 200 m² đất làm đường", "Nội dung việc tốt", "The deed"),
    column(
      "field",
      "Lĩnh vực",
      "Field",
      false,
      20,
      "Kinh tế, nông thôn mới",
      "Tên lĩnh vực (hoặc mã)",
      "Field name (or code)",
    ),
    column(
      "deedDate",
      "Ngày",
      "Date",
      true,
      14,
      "01/06/2021",
      "dd/mm/yyyy hoặc yyyy-mm-dd",
      "dd/mm/yyyy or yyyy-mm-dd",
    ),
    column(
      "nominatedBy",
      "Người đề cử",
      "Nominated by",
      true,
      28,
      "Chi bộ thôn 3",
      "Người hoặc tổ chức đề cử",
      "Nominator",
    ),
    column(
      "status",
      "Trạng thái",
      "Status",
      false,
      14,
      "Đề cử",
      "Đề cử, Đã xác nhận hoặc Không công nhận",
      "Nominated, Verified or Rejected",
    ),
    column("verifiedBy", "Người xác nhận", "Verified by", false, 28, "", "Khi đã xác nhận", "Once verified"),
  ],
};
