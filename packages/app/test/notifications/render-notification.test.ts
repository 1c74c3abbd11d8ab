import { notificationEmail, renderNotification } from "@lantoa/app";
import { describe, expect, it } from "vitest";

const assigned = { roundId: "r1", roundCode: "TL-2026", roundName: "Bình xét 2026", count: 2, modelCodes: ["A", "B"] };

describe("renderNotification", () => {
  it("writes an assignment in Vietnamese by default and links to the reviewer's queue", () => {
    expect(renderNotification("scorecard-assigned", assigned, "vi")).toEqual({
      subject: "Phiếu chấm mới: Bình xét 2026",
      body: "Bạn được phân công chấm 2 mô hình trong đợt Bình xét 2026: A, B.",
      link: "/my-scorecards",
    });
  });

  it("writes the same assignment in English, with the plural", () => {
    expect(renderNotification("scorecard-assigned", assigned, "en").body).toBe(
      "You were assigned 2 models to review in Bình xét 2026: A, B.",
    );
  });

  it("dates a reminder dd/mm/yyyy in both languages", () => {
    const payload = { roundId: "r1", roundName: "Bình xét 2026", step: "review", due: "2026-12-24", open: 3 };
    expect(renderNotification("deadline-approaching", payload, "vi").body).toBe(
      "Hạn chấm điểm của đợt Bình xét 2026 là 24/12/2026; còn 3 phiếu chưa nộp.",
    );
    expect(renderNotification("deadline-approaching", payload, "en").subject).toBe("Review due soon: Bình xét 2026");
  });
});

describe("notificationEmail", () => {
  it("prefixes the subject, greets the recipient and gives the full link", () => {
    const mail = notificationEmail(
      {
        kind: "model-returned",
        payload: { modelId: "m1", modelCode: "HPN-01", modelName: "Hũ gạo", reason: "Thiếu số liệu" },
        language: "vi",
        recipientName: "Chị Lan",
      },
      "lan@lantoa.test",
      "https://lantoa.example/",
    );
    expect(mail.subject).toBe("[Lan Tỏa] Mô hình bị trả lại: HPN-01 Hũ gạo");
    expect(mail.text).toContain("Kính gửi Chị Lan,");
    expect(mail.text).toContain("Mô hình HPN-01 Hũ gạo được trả lại để sửa: Thiếu số liệu");
    expect(mail.text).toContain("https://lantoa.example/models/m1");
  });
});
