import type { Kysely, Transaction } from "kysely";
import type { Database } from "../database.js";
import type { ModelStatus } from "../models/models.table.js";
import { insertUnit } from "../units/insert-unit.js";
import { hashPassword } from "../users/password.js";
import { demoPersonName } from "./demo-people.js";
import { generateDemoModels } from "./generate-demo-models.js";
import { seedConfiguration } from "./seed-configuration.js";
import { seedDemoRound } from "./seed-demo-round.js";
import { seedOpenDemoRound } from "./seed-open-demo-round.js";
import { seededRandom } from "./seeded-random.js";
import { ARTICLE_MODEL_COUNT, type DemoModel, thanhLiemModels } from "./thanh-liem-models.js";
import { thanhLiemUnits } from "./thanh-liem-units.js";

/** The password of every demo account; shown in the README, never for production. */
export const DEMO_PASSWORD = "lantoa-demo";

/** Demo accounts: username, display name, unit code (null for a system admin), role. */
export const demoUsers: ReadonlyArray<{
  username: string;
  name: string;
  unitCode: string | null;
  role: "system-admin" | "unit-admin" | "unit-officer" | "reviewer" | "viewer";
}> = [
  { username: "admin", name: "Quản trị hệ thống", unitCode: null, role: "system-admin" },
  { username: "tinhuy.admin", name: "Ban Tuyên giáo Tỉnh ủy Hà Nam", unitCode: "HN", role: "unit-admin" },
  { username: "thanhliem.admin", name: "Ban Tuyên giáo Huyện ủy Thanh Liêm", unitCode: "TL", role: "unit-admin" },
  { username: "phunu.canbo", name: "Cán bộ Hội Phụ nữ huyện", unitCode: "TL-HPN", role: "unit-officer" },
  { username: "thanhha.canbo", name: "Cán bộ UBND xã Thanh Hà", unitCode: "TL-THANHHA-UBND", role: "unit-officer" },
  { username: "giamkhao.1", name: "Giám khảo Nguyễn Thị Lan", unitCode: "KIMBANG", role: "reviewer" },
  { username: "giamkhao.2", name: "Giám khảo Trần Văn Hùng", unitCode: "HN-BCHQS", role: "reviewer" },
  { username: "giamkhao.3", name: "Giám khảo Lê Minh Tâm", unitCode: "TL-UBND", role: "reviewer" },
  { username: "giamkhao.4", name: "Giám khảo Phạm Thu Hà", unitCode: "TL-CB-TT", role: "reviewer" },
  { username: "xem", name: "Người xem", unitCode: "TL", role: "viewer" },
];

type Db = Kysely<Database> | Transaction<Database>;

/**
 * The article's models the demo keeps off the public showcase, as a unit would: the
 * inspectorate's handling of complaints concerns named citizens. Generated models are
 * never shown either, so the showcase holds only what the article tells.
 */
const PRIVATE_DEMO_MODELS = new Set(["TL-2017-KNTC"]);

function groupOf(code: string, level: string): string {
  if (level === "province") return "province";
  if (level === "commune") return "commune";
  return code.startsWith("TL-") ? "district-body" : "district";
}

function addDays(isoDate: string, days: number): string {
  const date = new Date(`${isoDate}T00:00:00Z`);
  date.setUTCDate(date.getUTCDate() + days);
  return date.toISOString().slice(0, 10);
}

/** Lifecycle a demo model went through, oldest first, ending in its current status. */
type Step = { from: ModelStatus | null; to: ModelStatus; command: string; on: string };

function historyOf(model: DemoModel, status: ModelStatus): Step[] {
  const steps: Step[] = [
    { from: null, to: "draft", command: "draft", on: addDays(model.startDate, -30) },
    { from: "draft", to: "submitted", command: "submit", on: addDays(model.startDate, -20) },
    { from: "submitted", to: "approved", command: "approve", on: addDays(model.startDate, -10) },
    { from: "approved", to: "active", command: "activate", on: model.startDate },
  ];
  if (status === "archived") steps.push({ from: "active", to: "archived", command: "archive", on: "2021-12-31" });
  return steps;
}

async function insertInChunks<T>(
  rows: readonly T[],
  size: number,
  insert: (chunk: T[]) => Promise<unknown>,
): Promise<void> {
  for (let i = 0; i < rows.length; i += size) await insert(rows.slice(i, i + size));
}

/**
 * Loads the Thanh Liêm demo data when the database holds no units yet, in one
 * transaction: the province and district tree, the article's models with their
 * figures, generated models up to the article's 698 for 2017-2022 (deterministic,
 * marked `generated`), the flower road's replication to five districts, demo
 * accounts, a report as evidence for each of the article's models, golden-book entries,
 * an inspection, the 2022 round with its commendations, the 2023 round open for review
 * with its reviewers assigned, and the province's certificate of merit for the flower road. The
 * article's models are public (but one), generated ones are not. Returns whether anything was
 * loaded, so a restart is a no-op.
 */
export async function seedDemoData(db: Kysely<Database>): Promise<{ seeded: boolean; units: number; models: number }> {
  return db.transaction().execute(async (trx) => {
    await seedConfiguration(trx);
    const existing = await trx.selectFrom("units").select("id").limit(1).executeTakeFirst();
    if (existing) return { seeded: false, units: 0, models: 0 };

    const unitIds = await seedUnits(trx);
    const userIds = await seedUsers(trx, unitIds);
    const modelIds = await seedModels(trx, unitIds, userIds);
    await seedEvidence(trx, modelIds);
    await seedGoldenBook(trx, unitIds);
    await seedInspection(trx, unitIds, modelIds);
    await seedDemoRound(trx);
    await seedOpenDemoRound(trx);
    await seedFlowerRoadCommendation(trx, modelIds);
    return { seeded: true, units: unitIds.size, models: modelIds.size };
  });
}

async function seedUnits(trx: Db): Promise<Map<string, string>> {
  const idByCode = new Map<string, string>();
  for (const unit of thanhLiemUnits) {
    const parentId = unit.parentCode === null ? null : idByCode.get(unit.parentCode);
    if (parentId === undefined) throw new Error(`Demo unit ${unit.code} lists unknown parent ${unit.parentCode}`);
    const row = await insertUnit(trx, {
      code: unit.code,
      name: unit.name,
      parentId,
      level: unit.level,
      kind: unit.kind,
    });
    await trx
      .updateTable("units")
      .set({ unit_group: groupOf(unit.code, unit.level) })
      .where("id", "=", row.id)
      .execute();
    idByCode.set(unit.code, row.id);
  }
  return idByCode;
}

async function seedUsers(trx: Db, unitIds: Map<string, string>): Promise<Map<string, string>> {
  // One scrypt hash serves every demo account (they share the demo password): scrypt
  // is deliberately slow and memory-hungry, and the demo loads on every test database.
  const hash = await hashPassword(DEMO_PASSWORD);
  const ids = new Map<string, string>();
  for (const user of demoUsers) {
    const unitId = user.unitCode === null ? null : (unitIds.get(user.unitCode) ?? null);
    const { id } = await trx
      .insertInto("users")
      .values({
        username: user.username,
        display_name: user.name,
        password_hash: hash,
        unit_id: unitId,
        email: `${user.username}@lantoa.test`,
      })
      .returning("id")
      .executeTakeFirstOrThrow();
    await trx.insertInto("role_assignments").values({ user_id: id, role: user.role, unit_id: unitId }).execute();
    ids.set(user.username, id);
  }
  return ids;
}

async function seedModels(
  trx: Db,
  unitIds: Map<string, string>,
  userIds: Map<string, string>,
): Promise<Map<string, string>> {
  const thanhLiemNamed = thanhLiemModels.filter((m) => m.ownerUnitCode.startsWith("TL") && m.startDate < "2023");
  const generatable = thanhLiemUnits.filter((u) => u.code === "TL" || u.code.startsWith("TL-"));
  const generated = generateDemoModels(generatable, ARTICLE_MODEL_COUNT - thanhLiemNamed.length, 2022);
  const all = [
    ...thanhLiemModels.map((m) => ({ model: m, generated: false })),
    ...generated.map((m) => ({ model: m, generated: true })),
  ];
  const random = seededRandom(17);
  const statuses = all.map(
    ({ model, generated: isGenerated }): ModelStatus =>
      isGenerated && model.startDate < "2019" && random.next() < 0.25 ? "archived" : "active",
  );

  const ids = new Map<string, string>();
  await insertInChunks(
    all.map((entry, index) => ({ ...entry, status: statuses[index] as ModelStatus })),
    200,
    async (chunk) => {
      const rows = await trx
        .insertInto("models")
        .values(
          chunk.map(({ model, generated: isGenerated, status }) => {
            const owner = unitIds.get(model.ownerUnitCode);
            if (owner === undefined)
              throw new Error(`Demo model ${model.code} names unknown unit ${model.ownerUnitCode}`);
            return {
              code: model.code,
              name: model.name,
              owner_unit_id: owner,
              kind: "collective" as const,
              fields: [...model.fields],
              annual_theme: model.annualTheme ?? null,
              problem: model.problem,
              solution: model.solution,
              start_date: model.startDate,
              status,
              is_pilot: model.isPilot ?? false,
              generated: isGenerated,
              is_public: !isGenerated && !PRIVATE_DEMO_MODELS.has(model.code),
              registered_at: `${addDays(model.startDate, -30)}T08:00:00+07:00`,
            };
          }),
        )
        .returning(["id", "code"])
        .execute();
      for (const row of rows) ids.set(row.code, row.id);
    },
  );

  const approver = userIds.get("thanhliem.admin") ?? null;
  const history = all.flatMap(({ model }, index) =>
    historyOf(model, statuses[index] as ModelStatus).map((step) => ({
      model_id: ids.get(model.code) as string,
      from_status: step.from,
      to_status: step.to,
      command: step.command,
      actor_user_id: step.to === "approved" || step.to === "archived" ? approver : null,
      actor_name:
        step.to === "approved" || step.to === "archived" ? "Ban Tuyên giáo Huyện ủy Thanh Liêm" : "Cán bộ đơn vị",
      at: `${step.on}T09:00:00+07:00`,
      reason: step.to === "archived" ? "Mô hình đã hoàn thành mục tiêu" : null,
    })),
  );
  await insertInChunks(history, 1000, (chunk) => trx.insertInto("model_status_history").values(chunk).execute());

  const indicatorUnits = new Map(
    (await trx.selectFrom("indicators").select(["code", "unit_code"]).execute()).map((i) => [i.code, i.unit_code]),
  );
  const values = all.flatMap(({ model }) =>
    Object.entries(model.values).flatMap(([indicator, byPeriod]) =>
      Object.entries(byPeriod).map(([period, value]) => ({
        model_id: ids.get(model.code) as string,
        indicator_code: indicator,
        period,
        period_year: Number(period.slice(0, 4)),
        value,
        unit_code: indicatorUnits.get(indicator) ?? "count",
      })),
    ),
  );
  await insertInChunks(values, 1000, (chunk) => trx.insertInto("indicator_values").values(chunk).execute());

  const links = thanhLiemModels.flatMap((model) =>
    model.replicates
      ? [
          {
            adopter_model_id: ids.get(model.code) as string,
            origin_model_id: ids.get(model.replicates.originCode) as string,
            adopted_on: model.replicates.adoptedOn,
            note: "Bộ CHQS tỉnh chọn làm mô hình điểm để nhân rộng",
          },
        ]
      : [],
  );
  if (links.length > 0) await trx.insertInto("replications").values(links).execute();
  return ids;
}

/**
 * The article's models each carry the unit's report on it as evidence (a link: the demo
 * stores no files), filed two months after the model started, so a round over them
 * passes the "evidence attached" gate as it would in real use. Generated models have none.
 */
async function seedEvidence(trx: Db, modelIds: Map<string, string>): Promise<void> {
  const rows = thanhLiemModels.map((model) => ({
    model_id: modelIds.get(model.code) as string,
    kind: "link" as const,
    title: `Báo cáo kết quả thực hiện mô hình “${model.name}”`,
    uri: `https://example.org/lantoa-demo/bao-cao/${model.code.toLowerCase()}`,
    uploaded_at: `${addDays(model.startDate, 60)}T09:00:00+07:00`,
  }));
  await insertInChunks(rows, 500, (chunk) => trx.insertInto("evidence").values(chunk).execute());
}

async function seedGoldenBook(trx: Db, unitIds: Map<string, string>): Promise<void> {
  const random = seededRandom(1945);
  const deeds: ReadonlyArray<[unitCode: string, field: string, deed: string]> = [
    ["TL-THANHHA", "economy", "Tự nguyện phá dỡ tường rào, hiến đất mở rộng đường giao thông nông thôn"],
    ["TL-LIEMCAN", "economy", "Hiến đất làm đường liên thôn trong mô hình “Làm đường, dịch tường”"],
    ["TL-HPN", "social-welfare", "Gom gạo “Hũ gạo tiết kiệm” giúp hội viên khó khăn đón Tết"],
    ["TL-HND", "social-welfare", "Góp vốn mua bò vàng sinh sản tặng hội viên nghèo"],
    ["TL-DTN", "social-welfare", "Tổ chức điểm rửa xe gây quỹ Tết vì người nghèo"],
    ["TL-BCHQS", "defence-security", "Trồng và chăm sóc tuyến “Đường hoa quân sự” trên trục ĐT 499B"],
    ["TL-THANHPHONG", "defence-security", "Phát hiện, báo tin giúp công an xã bắt giữ đối tượng trộm cắp"],
    ["TL-HCCB", "environment", "Thu gom vỏ bao bì thuốc bảo vệ thực vật trên đồng ruộng"],
    ["TL-KIENKHE", "culture-society", "Nhặt được của rơi trả lại người đánh mất"],
    ["TL-THANHTAM", "culture-society", "Cứu người đuối nước ở sông Đáy"],
  ];
  const rows = [];
  for (let year = 2018; year <= 2022; year++) {
    for (const [index, [unitCode, field, deed]] of deeds.entries()) {
      if ((index + year) % 2 === 1) continue;
      const collective = index % 4 === 2;
      rows.push({
        unit_id: unitIds.get(unitCode) as string,
        subject_kind: collective ? ("collective" as const) : ("person" as const),
        subject_name: collective ? `Chi hội ${thanhLiemUnitsName(unitCode)}` : demoPersonName(random),
        deed,
        field,
        deed_date: `${year}-${String(random.int(1, 12)).padStart(2, "0")}-${String(random.int(1, 28)).padStart(2, "0")}`,
        nominated_by: "Ban Tuyên giáo Huyện ủy Thanh Liêm",
        verified_by: "Thường trực Huyện ủy Thanh Liêm",
        verified_at: `${year}-12-20T09:00:00+07:00`,
        status: "verified" as const,
      });
    }
  }
  await trx.insertInto("golden_book_entries").values(rows).execute();
}

function thanhLiemUnitsName(code: string): string {
  return thanhLiemUnits.find((u) => u.code === code)?.name ?? code;
}

async function seedInspection(trx: Db, unitIds: Map<string, string>, modelIds: Map<string, string>): Promise<void> {
  const { id } = await trx
    .insertInto("inspections")
    .values({
      unit_id: unitIds.get("TL-THANHHA") as string,
      inspecting_unit_id: unitIds.get("TL") as string,
      period: "2022",
      planned_on: "2022-09-05",
      visited_on: "2022-09-20",
      status: "visited",
      notes: "Kiểm tra việc xây dựng, nhân rộng mô hình học tập và làm theo Bác năm 2022.",
    })
    .returning("id")
    .executeTakeFirstOrThrow();
  const finding = await trx
    .insertInto("inspection_findings")
    .values({
      inspection_id: id,
      severity: "minor",
      description: "Hồ sơ minh chứng của mô hình “Chưa hết việc, chưa hết giờ” chưa cập nhật số liệu quý III.",
      model_id: modelIds.get("TL-2019-CHUAHETVIEC") ?? null,
      effect: "none",
    })
    .returning("id")
    .executeTakeFirstOrThrow();
  await trx
    .insertInto("corrective_actions")
    .values({
      finding_id: finding.id,
      description: "Bổ sung số liệu và minh chứng quý III vào hồ sơ mô hình.",
      due_on: "2022-10-31",
      status: "verified",
      verified_on: "2022-10-28",
      verified_by: "Ban Tuyên giáo Huyện ủy Thanh Liêm",
    })
    .execute();
}

/** The province military command's certificate of merit for the flower road, the pilot it chose to replicate. */
async function seedFlowerRoadCommendation(trx: Db, modelIds: Map<string, string>): Promise<void> {
  await trx
    .insertInto("commendations")
    .values({
      decision_number: "85/QĐ-BCH",
      decision_date: "2022-06-15",
      issuer: "Bộ Chỉ huy Quân sự tỉnh Hà Nam",
      level: "province",
      form: "certificate-of-merit",
      recipient_kind: "model",
      recipient_model_id: modelIds.get("TL-2021-DUONGHOA") as string,
      reason:
        "Đã có thành tích xuất sắc trong xây dựng mô hình “Đường hoa quân sự” trên trục ĐT 499B, được chọn làm mô hình điểm nhân rộng ra 5 huyện, thành phố, thị xã trong toàn tỉnh.",
      created_at: "2022-06-15T08:00:00+07:00",
    })
    .execute();
}
