import type { SeededRandom } from "./seeded-random.js";

const familyNames = ["Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Vũ", "Đặng", "Bùi", "Đỗ", "Ngô", "Đinh", "Lại"];
const middleNames = ["Văn", "Thị", "Đức", "Minh", "Thu", "Ngọc", "Quang", "Hữu"];
const givenNames = [
  "An",
  "Bình",
  "Cường",
  "Dung",
  "Giang",
  "Hà",
  "Hải",
  "Hạnh",
  "Hùng",
  "Lan",
  "Long",
  "Mai",
  "Nam",
  "Nga",
  "Phúc",
  "Quế",
  "Sơn",
  "Tâm",
  "Thảo",
  "Toàn",
  "Tuấn",
  "Vân",
  "Yến",
];

/** A plausible Vietnamese full name, drawn from the generator. Demo data only. */
export function demoPersonName(random: SeededRandom): string {
  return `${random.pick(familyNames)} ${random.pick(middleNames)} ${random.pick(givenNames)}`;
}
