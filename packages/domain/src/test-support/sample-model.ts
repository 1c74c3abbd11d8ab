import type { Model } from "../model/model.js";

/** "Đường hoa quân sự" of the district military command, as a draft. */
export function sampleModel(overrides: Partial<Model> = {}): Model {
  return {
    kind: "collective",
    id: "m-qs",
    code: "QS-01",
    name: "Đường hoa quân sự",
    ownerUnitId: "chqs",
    fieldCodes: ["defence-security", "environment"],
    annualTheme: "Học tập và làm theo tư tưởng, đạo đức, phong cách Hồ Chí Minh",
    problem: "Trục ĐT 499B thiếu cảnh quan",
    solution: "Cán bộ, chiến sĩ trồng và chăm sóc hoa dọc tuyến đường",
    startDate: "2019-03-01",
    targets: [{ indicatorCode: "road-length", targetValue: 3, unitCode: "km" }],
    evidence: [],
    originModelId: null,
    generated: false,
    status: "draft",
    ...overrides,
  } as Model;
}
