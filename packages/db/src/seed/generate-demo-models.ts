import { seededRandom } from "./seeded-random.js";
import type { DemoModel } from "./thanh-liem-models.js";
import type { DemoUnit } from "./thanh-liem-units.js";

/** The activities a generated model's name is built from, per field. */
const activities: Readonly<Record<string, readonly string[]>> = {
  economy: [
    "Tổ hợp tác chăn nuôi",
    "Cánh đồng mẫu lớn",
    "Vườn mẫu nông thôn mới",
    "Liên kết tiêu thụ nông sản",
    "Tiết kiệm vốn vay xoay vòng",
  ],
  "culture-society": [
    "Câu lạc bộ văn nghệ",
    "Tủ sách cộng đồng",
    "Gia đình văn hóa tiêu biểu",
    "Sân chơi cho thiếu nhi",
    "Khu dân cư văn hóa",
  ],
  "defence-security": [
    "Tổ tự quản an ninh trật tự",
    "Dòng họ không có tội phạm",
    "Tổ hòa giải ở cơ sở",
    "Xóm bình yên",
  ],
  "party-building": [
    "Chi bộ bốn tốt",
    "Đảng viên gương mẫu nơi cư trú",
    "Sinh hoạt chi bộ chuyên đề",
    "Mỗi đảng viên một việc làm theo Bác",
  ],
  "administrative-reform": [
    "Một cửa thân thiện",
    "Tiếp dân không hẹn",
    "Số hóa hồ sơ thủ tục",
    "Cán bộ tận tụy vì dân",
  ],
  environment: [
    "Tuyến đường xanh, sạch, đẹp",
    "Ủ phân hữu cơ từ rác thải",
    "Ngày chủ nhật xanh",
    "Thu gom vỏ bao bì thuốc bảo vệ thực vật",
  ],
  "social-welfare": [
    "Mái ấm tình thương",
    "Nâng bước em đến trường",
    "Ống tre tiết kiệm",
    "Bữa cơm nghĩa tình",
    "Đỡ đầu trẻ mồ côi",
  ],
};

const fieldWeights: readonly string[] = [
  "economy",
  "economy",
  "culture-society",
  "culture-society",
  "defence-security",
  "party-building",
  "party-building",
  "administrative-reform",
  "environment",
  "environment",
  "social-welfare",
];

/** Models started per year 2017-2022 grow as the movement spreads; the last year takes the rest. */
const yearShares: ReadonlyArray<[year: number, share: number]> = [
  [2017, 0.12],
  [2018, 0.15],
  [2019, 0.17],
  [2020, 0.17],
  [2021, 0.19],
  [2022, 0.2],
];

/**
 * Generates `count` plausible models of the units given, deterministically from
 * `seed`, each marked generated. Their indicators are limited to participation and
 * workdays so the article's own totals (charity figures) stay exactly its own.
 */
export function generateDemoModels(units: readonly DemoUnit[], count: number, seed: number): DemoModel[] {
  const random = seededRandom(seed);
  const years: number[] = [];
  for (const [year, share] of yearShares) {
    const n = year === 2022 ? count - years.length : Math.round(count * share);
    for (let i = 0; i < n; i++) years.push(year);
  }
  return years.map((year, index) => {
    const unit = random.pick(units);
    const field = random.pick(fieldWeights);
    const activity = random.pick(activities[field] ?? ["Mô hình"]);
    const month = random.int(1, 12);
    const day = random.int(1, 28);
    const startDate = `${year}-${String(month).padStart(2, "0")}-${String(day).padStart(2, "0")}`;
    const values: Record<string, Record<string, number>> = {
      "households-participating": { [String(Math.max(year, 2021))]: random.int(10, 400) },
    };
    if (random.next() < 0.5) values.workdays = { [String(Math.max(year, 2021))]: random.int(20, 600) };
    return {
      code: `TL-GEN-${String(index + 1).padStart(4, "0")}`,
      name: `${activity} (${unit.name})`,
      ownerUnitCode: unit.code,
      fields: [field],
      startDate,
      problem: "Mô hình sinh tự động cho dữ liệu mẫu.",
      solution: "Mô hình sinh tự động cho dữ liệu mẫu.",
      values,
    };
  });
}
