import { describe, expect, it } from "vitest";
import { certificateContent, defaultCommendationReason } from "./certificate-content.js";
import type { Commendation } from "./commendation.js";
import { commendationStanding } from "./commendation-standing.js";

const base: Commendation = {
  id: "c1",
  decisionNumber: "513-QĐ/HU",
  decisionDate: "2022-12-28",
  issuerUnitId: "Ban Thường vụ Huyện ủy Thanh Liêm",
  levelCode: "district",
  formCode: "certificate-of-commendation",
  recipient: { kind: "model", modelId: "m-qs" },
  validUntil: null,
  suspensions: [],
  revocation: null,
};

const facts = {
  commendation: base,
  verificationCode: "KT-3F9A2C7B1D",
  formLabel: "Giấy khen",
  place: "Thanh Liêm",
  model: { name: "Đường hoa quân sự", unitName: "Ban Chỉ huy Quân sự huyện Thanh Liêm" },
  unitName: null,
  round: null,
};

describe("certificateContent", () => {
  it("gives a model's award to the unit running it, names the model, and prints the form in capitals", () => {
    expect(certificateContent(facts)).toEqual({
      verificationCode: "KT-3F9A2C7B1D",
      title: "GIẤY KHEN",
      issuer: "Ban Thường vụ Huyện ủy Thanh Liêm",
      decisionNumber: "513-QĐ/HU",
      decisionDate: "2022-12-28",
      place: "Thanh Liêm",
      recipient: "Ban Chỉ huy Quân sự huyện Thanh Liêm",
      recipientUnit: null,
      model: "Đường hoa quân sự",
      reason: "Đã có thành tích xuất sắc trong xây dựng và nhân rộng mô hình “Đường hoa quân sự”.",
    });
  });

  it("prints the recorded reason rather than the default", () => {
    const withReason = { ...base, achievement: "  Trồng 3 km đường hoa trên trục ĐT 499B. " };
    expect(certificateContent({ ...facts, commendation: withReason }).reason).toBe(
      "Trồng 3 km đường hoa trên trục ĐT 499B.",
    );
  });

  it("gives a person's award to the person, with their unit, and names no model", () => {
    const person = { ...base, recipient: { kind: "person" as const, personName: "Nguyễn Thị Hoa", unitId: "u1" } };
    const content = certificateContent({
      ...facts,
      commendation: person,
      model: null,
      unitName: "Hội Phụ nữ xã Thanh Hà",
    });
    expect(content).toMatchObject({
      recipient: "Nguyễn Thị Hoa",
      recipientUnit: "Hội Phụ nữ xã Thanh Hà",
      model: null,
    });
    expect(content.reason).toBe("Đã có thành tích xuất sắc trong phong trào thi đua.");
  });

  it("gives a unit's award to the unit", () => {
    const unit = { ...base, recipient: { kind: "unit" as const, unitId: "u1" } };
    const content = certificateContent({
      ...facts,
      commendation: unit,
      model: null,
      unitName: "Huyện đoàn Thanh Liêm",
    });
    expect(content).toMatchObject({ recipient: "Huyện đoàn Thanh Liêm", recipientUnit: null, model: null });
  });
});

describe("defaultCommendationReason", () => {
  it("names the round and the tier reached there, the round's name starting in lower case", () => {
    expect(
      defaultCommendationReason({
        model: "Đường hoa quân sự",
        round: { name: "Bình xét mô hình học tập và làm theo Bác năm 2022", tierLabel: "Tiêu biểu" },
      }),
    ).toBe(
      "Đã có thành tích tiêu biểu trong xây dựng và nhân rộng mô hình, được xếp loại “Tiêu biểu” trong đợt bình xét mô hình học tập và làm theo Bác năm 2022.",
    );
  });
});

describe("commendationStanding", () => {
  it("is in force from the decision day", () => {
    expect(commendationStanding(base, "2023-09-01")).toEqual({
      status: "in-force",
      date: "2022-12-28",
      reason: null,
      decisionNumber: null,
    });
  });

  it("names the open suspension's first day and reason", () => {
    const suspended = {
      ...base,
      suspensions: [
        { from: "2023-01-01", until: "2023-02-01", reason: "Lần trước", findingId: null },
        { from: "2023-05-01", until: null, reason: "Kết luận kiểm tra số 12", findingId: "f1" },
      ],
    };
    expect(commendationStanding(suspended, "2023-09-01")).toMatchObject({
      status: "suspended",
      date: "2023-05-01",
      reason: "Kết luận kiểm tra số 12",
    });
    expect(commendationStanding(suspended, "2023-03-01").status).toBe("in-force");
  });

  it("names the revocation's day, reason and decision, over any suspension", () => {
    const revoked = {
      ...base,
      suspensions: [{ from: "2023-05-01", until: null, reason: "Kiểm tra", findingId: null }],
      revocation: { revokedOn: "2023-06-01", reason: "Kê khai không trung thực", decisionNumber: "77-QĐ/HU" },
    };
    expect(commendationStanding(revoked, "2023-09-01")).toEqual({
      status: "revoked",
      date: "2023-06-01",
      reason: "Kê khai không trung thực",
      decisionNumber: "77-QĐ/HU",
    });
  });

  it("gives an expired commendation's last valid day", () => {
    expect(commendationStanding({ ...base, validUntil: "2023-06-30" }, "2023-09-01")).toMatchObject({
      status: "expired",
      date: "2023-06-30",
    });
  });
});
