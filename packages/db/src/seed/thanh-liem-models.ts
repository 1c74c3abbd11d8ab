/**
 * The models named in the source article (../shared/reference), with its figures.
 * Where the article gives a total over several models ("3,450 kg rice, over 2.1
 * billion VND, 25 cows for over 1,500 people"), the split between them is ours; the
 * totals are the article's. Indicator values are in each indicator's own unit.
 */
export interface DemoModel {
  readonly code: string;
  readonly name: string;
  readonly ownerUnitCode: string;
  readonly fields: readonly string[];
  readonly startDate: string;
  readonly annualTheme?: string;
  readonly problem: string;
  readonly solution: string;
  readonly isPilot?: boolean;
  /** indicator code → period ("2022") → value */
  readonly values: Readonly<Record<string, Readonly<Record<string, number>>>>;
  /** Present on an adopter: the origin's code and the adoption date. */
  readonly replicates?: { readonly originCode: string; readonly adoptedOn: string };
}

const DAN_VAN_KHEO = "Dân vận khéo";
const HOC_TAP_LAM_THEO = "Học tập và làm theo tư tưởng, đạo đức, phong cách Hồ Chí Minh";

const charity: DemoModel[] = [
  {
    code: "TL-2018-HUGAO",
    name: "Hũ gạo tiết kiệm",
    ownerUnitCode: "TL-HPN",
    fields: ["social-welfare"],
    startDate: "2018-03-08",
    annualTheme: HOC_TAP_LAM_THEO,
    problem: "Nhiều hội viên, trẻ em có hoàn cảnh khó khăn thiếu gạo lúc giáp hạt và dịp Tết.",
    solution: "Mỗi hội viên bớt một nắm gạo mỗi bữa vào hũ gạo tiết kiệm, chi hội gom lại trao cho hộ khó khăn.",
    values: { "rice-donated": { "2019": 1150, "2021": 1200, "2022": 1100 }, "people-helped": { "2022": 420 } },
  },
  {
    code: "TL-2017-HEODAT",
    name: "Nuôi heo đất",
    ownerUnitCode: "TL-HPN",
    fields: ["social-welfare"],
    startDate: "2017-06-01",
    problem: "Hội viên nghèo thiếu vốn nhỏ để vươn lên, trẻ em khó khăn thiếu điều kiện đến trường.",
    solution: "Hội viên nuôi heo đất tiết kiệm, mổ heo cuối năm để giúp hội viên, trẻ em hoàn cảnh khó khăn.",
    values: { "money-raised": { "2020": 600_000_000, "2022": 650_000_000 }, "people-helped": { "2022": 380 } },
  },
  {
    code: "TL-2019-BOVANG",
    name: "Nông dân tiết kiệm tặng bò vàng sinh sản cho hội viên nông dân nghèo",
    ownerUnitCode: "TL-HND",
    fields: ["social-welfare", "economy"],
    startDate: "2019-01-15",
    problem: "Hội viên nông dân nghèo không có tư liệu sản xuất để thoát nghèo bền vững.",
    solution: "Hội viên tiết kiệm góp quỹ mua bò vàng sinh sản tặng hộ nghèo; bê con đầu lứa chuyển tiếp cho hộ khác.",
    values: { "cattle-donated": { "2019": 8, "2020": 9, "2022": 8 }, "people-helped": { "2022": 75 } },
  },
  {
    code: "TL-2020-RUAXE",
    name: "Rửa xe gây quỹ Tết vì người nghèo",
    ownerUnitCode: "TL-DTN",
    fields: ["social-welfare"],
    startDate: "2020-01-10",
    problem: "Nhiều gia đình khó khăn không có điều kiện đón Tết.",
    solution: "Đoàn viên thanh niên tổ chức điểm rửa xe dịp cuối năm, toàn bộ tiền công dùng mua quà Tết cho hộ nghèo.",
    values: { "money-raised": { "2021": 180_000_000, "2022": 205_000_000 }, "people-helped": { "2022": 310 } },
  },
  {
    code: "TL-2018-CHIECBANH",
    name: "Chiếc bánh yêu thương",
    ownerUnitCode: "TL-MTTQ",
    fields: ["social-welfare"],
    startDate: "2018-12-20",
    problem: "Trẻ em và người già neo đơn thiếu quà Tết.",
    solution: "Vận động các nhà hảo tâm, đoàn viên gói bánh chưng và trao tận tay người khó khăn dịp Tết.",
    values: { "money-raised": { "2021": 240_000_000, "2022": 280_000_000 }, "people-helped": { "2022": 345 } },
  },
];

const communeOffices: DemoModel[] = [
  {
    code: "TL-2019-CHUAHETVIEC",
    name: "Chưa hết việc, chưa hết giờ",
    ownerUnitCode: "TL-THANHHA-UBND",
    fields: ["administrative-reform"],
    startDate: "2019-02-11",
    problem: "Hồ sơ của người dân tồn đọng qua ngày, phải đi lại nhiều lần.",
    solution: "Cán bộ một cửa giải quyết xong việc trong ngày mới ra về; niêm yết thời hạn giải quyết từng thủ tục.",
    values: { satisfaction: { "2022": 96 } },
  },
  {
    code: "TL-2019-THUBAY",
    name: "Ngày thứ bảy về với dân",
    ownerUnitCode: "TL-LIEMCAN-UBND",
    fields: ["administrative-reform"],
    startDate: "2019-04-06",
    annualTheme: DAN_VAN_KHEO,
    problem: "Người dân đi làm ngày thường, khó đến giải quyết thủ tục hành chính.",
    solution: "Bộ phận một cửa làm việc sáng thứ bảy, cán bộ xuống thôn tiếp nhận hồ sơ và lắng nghe ý kiến.",
    values: { satisfaction: { "2022": 94 } },
  },
  {
    code: "TL-2020-KHONGVIET",
    name: "Ngày không viết, ngày không hẹn",
    ownerUnitCode: "TL-KIENKHE-UBND",
    fields: ["administrative-reform"],
    startDate: "2020-03-02",
    problem: "Người dân phải tự viết tờ khai và nhận giấy hẹn cho những việc giải quyết được ngay.",
    solution: "Cán bộ điền sẵn biểu mẫu từ dữ liệu có sẵn, trả kết quả ngay trong ngày, không viết giấy hẹn.",
    values: { satisfaction: { "2022": 97 } },
  },
];

const security: DemoModel[] = [
  {
    code: "TL-2017-KNTC",
    name: "Tích cực chủ động giải quyết kịp thời đơn thư khiếu nại, tố cáo",
    ownerUnitCode: "TL-CB-TT",
    fields: ["party-building", "defence-security"],
    startDate: "2017-05-15",
    problem: "Đơn thư khiếu nại, tố cáo kéo dài gây bức xúc, mất ổn định ở cơ sở.",
    solution: "Chi bộ chỉ đạo đối thoại trực tiếp với công dân, giải quyết dứt điểm đơn thư thuộc thẩm quyền.",
    values: { "complaints-received": { "2022": 140 }, "complaints-resolved": { "2022": 95 } },
  },
  {
    code: "TL-2018-CAMERA",
    name: "Camera an ninh",
    ownerUnitCode: "TL-THANHPHONG-CA",
    fields: ["defence-security"],
    startDate: "2018-07-01",
    problem: "Trộm cắp vặt, vi phạm trật tự trên các trục đường thôn xóm khó phát hiện.",
    solution: "Chi bộ công an vận động xã hội hóa lắp camera giám sát tại các nút giao, kết nối về công an xã.",
    values: {
      "money-raised": { "2020": 450_000_000, "2022": 520_000_000 },
      "households-participating": { "2022": 860 },
    },
  },
  {
    code: "TL-2018-THAPSANG",
    name: "Thắp sáng đường làng ngõ xóm",
    ownerUnitCode: "TL-LIEMTUC-DTN",
    fields: ["defence-security", "culture-society"],
    startDate: "2018-09-02",
    problem: "Đường làng ngõ xóm tối, mất an toàn về đêm.",
    solution: "Đoàn thanh niên vận động xã hội hóa lắp đèn chiếu sáng, thanh niên tự thi công.",
    values: { "money-raised": { "2021": 780_000_000, "2022": 840_000_000 }, "road-length": { "2022": 18.5 } },
  },
];

const environment: DemoModel[] = [
  {
    code: "TL-2019-CCBRAC",
    name: "Hội viên hội cựu chiến binh thu gom rác thải trên đồng ruộng",
    ownerUnitCode: "TL-HCCB",
    fields: ["environment"],
    startDate: "2019-05-19",
    problem: "Vỏ bao bì thuốc bảo vệ thực vật vứt bừa bãi trên đồng ruộng.",
    solution: "Hội viên cựu chiến binh đặt bể chứa, thu gom định kỳ vỏ bao bì trên đồng về nơi xử lý.",
    values: { workdays: { "2022": 1200 } },
  },
  {
    code: "TL-2019-DUONGCAY",
    name: "Đường cây thanh niên",
    ownerUnitCode: "TL-DTN",
    fields: ["environment"],
    startDate: "2019-03-26",
    problem: "Nhiều tuyến đường nông thôn thiếu bóng mát.",
    solution: "Mỗi chi đoàn nhận trồng và chăm sóc một tuyến đường cây.",
    values: { "road-length": { "2022": 12 }, workdays: { "2022": 900 } },
  },
  {
    code: "TL-2018-NHASACH",
    name: "Nhà sạch, đường ngõ sạch đẹp",
    ownerUnitCode: "TL-THANHTHUY-HPN",
    fields: ["environment"],
    startDate: "2018-04-20",
    problem: "Vệ sinh môi trường khu dân cư chưa đạt tiêu chí nông thôn mới kiểu mẫu.",
    solution: "Hội viên phụ nữ đăng ký nhà sạch, ngõ sạch; tổng vệ sinh đường ngõ mỗi tuần.",
    values: { "households-participating": { "2022": 1450 } },
  },
  {
    code: "TL-2020-PHANLOAI",
    name: "Phân loại rác thải tại nguồn",
    ownerUnitCode: "TL-HPN",
    fields: ["environment"],
    startDate: "2020-06-05",
    problem: "Rác thải sinh hoạt không được phân loại, bãi tập kết quá tải.",
    solution: "Hướng dẫn hộ gia đình phân loại rác hữu cơ để ủ phân, rác tái chế để gây quỹ hội.",
    values: { "households-participating": { "2022": 2100 } },
  },
];

const economy: DemoModel[] = [
  {
    code: "TL-2018-NUOIONG",
    name: "Nuôi ong lấy mật",
    ownerUnitCode: "TL-THANHTAM-UBND",
    fields: ["economy"],
    startDate: "2018-02-01",
    problem: "Hộ nông dân vùng đồi thiếu nghề phụ có thu nhập ổn định.",
    solution: "Hướng dẫn kỹ thuật nuôi ong dưới tán cây ăn quả, liên kết tiêu thụ mật.",
    values: { "households-participating": { "2022": 65 } },
  },
  {
    code: "TL-2019-RAUANTOAN",
    name: "Hợp tác xã rau an toàn",
    ownerUnitCode: "TL-HND",
    fields: ["economy"],
    startDate: "2019-08-15",
    problem: "Rau bán lẻ giá thấp, người tiêu dùng lo ngại dư lượng thuốc trừ sâu.",
    solution: "Thành lập hợp tác xã sản xuất rau theo quy trình an toàn, có truy xuất nguồn gốc.",
    values: { "households-participating": { "2022": 120 } },
  },
  {
    code: "TL-2020-CAYANQUA",
    name: "Trồng cây ăn quả trên đất lúa",
    ownerUnitCode: "TL-THANHNGHI-UBND",
    fields: ["economy"],
    startDate: "2020-02-10",
    problem: "Đất lúa trũng năng suất thấp, hiệu quả kinh tế kém.",
    solution: "Chuyển đổi đất lúa kém hiệu quả sang trồng cây ăn quả theo quy hoạch.",
    values: { "households-participating": { "2022": 85 } },
  },
  {
    code: "TL-2019-DACANH",
    name: "Đá cảnh, cây cảnh",
    ownerUnitCode: "TL-THANHHAI-UBND",
    fields: ["economy"],
    startDate: "2019-10-01",
    problem: "Nghề đá truyền thống mai một, lao động địa phương đi làm xa.",
    solution: "Phát triển làng nghề chế tác đá cảnh và cây cảnh, tổ chức chợ phiên giới thiệu sản phẩm.",
    values: { "households-participating": { "2022": 140 } },
  },
];

const district: DemoModel[] = [
  {
    code: "TL-2021-DUONGHOA",
    name: "Đường hoa quân sự",
    ownerUnitCode: "TL-BCHQS",
    fields: ["defence-security", "culture-society"],
    startDate: "2021-03-01",
    annualTheme: HOC_TAP_LAM_THEO,
    problem: "Trục ĐT 499B qua huyện chưa có cảnh quan, chào mừng huyện được công nhận đạt chuẩn nông thôn mới.",
    solution: "Cán bộ, chiến sĩ Ban CHQS huyện trồng và chăm sóc 3 km đường hoa trên trục ĐT 499B.",
    isPilot: true,
    values: { "road-length": { "2021": 3 }, "money-raised": { "2021": 120_000_000 }, workdays: { "2021": 700 } },
  },
  {
    code: "TL-2018-LAMDUONG",
    name: "Làm đường, dịch tường",
    ownerUnitCode: "TL-MTTQ",
    fields: ["economy", "culture-society"],
    startDate: "2018-03-15",
    annualTheme: DAN_VAN_KHEO,
    problem: "Đường giao thông nông thôn hẹp, không đáp ứng tiêu chí nông thôn mới.",
    solution: "Vận động hộ dân tự nguyện phá dỡ tường rào, công trình phụ, hiến đất mở rộng đường.",
    values: {
      "households-participating": { "2018": 45, "2019": 60, "2020": 70, "2021": 68, "2022": 69 },
      "wall-removed": { "2018": 380, "2019": 520, "2020": 610, "2021": 540, "2022": 510 },
      "land-donated": { "2018": 900, "2019": 1100, "2020": 1300, "2021": 1200, "2022": 1000 },
    },
  },
];

/**
 * The flower road's adopters: the military commands of the province's other five
 * districts. The article, the district's review of 2017-2022, already counts the five,
 * so they adopted it in 2022; their codes keep the year first written in them, for the
 * code is a model's lasting key.
 */
const flowerRoadAdopters: DemoModel[] = [
  ["PHULY", "Phủ Lý", "2022-03-10"],
  ["DUYTIEN", "Duy Tiên", "2022-03-22"],
  ["KIMBANG", "Kim Bảng", "2022-04-05"],
  ["LYNHAN", "Lý Nhân", "2022-04-18"],
  ["BINHLUC", "Bình Lục", "2022-05-02"],
].map(([code, place, adoptedOn]) => ({
  code: `${code}-2023-DUONGHOA`,
  name: `Đường hoa quân sự (${place})`,
  ownerUnitCode: `${code}-BCHQS`,
  fields: ["defence-security", "culture-society"],
  startDate: adoptedOn as string,
  problem: "Nhân rộng mô hình điểm của Ban CHQS huyện Thanh Liêm theo chỉ đạo của Bộ CHQS tỉnh.",
  solution: "Trồng và chăm sóc tuyến đường hoa trên trục giao thông chính của địa phương.",
  values: { "road-length": { "2022": 2 }, workdays: { "2022": 450 } },
  replicates: { originCode: "TL-2021-DUONGHOA", adoptedOn: adoptedOn as string },
}));

/**
 * The article says the security cameras were launched by the police cells of the
 * communes and towns, and the women's and youth unions ran their models across the
 * district: the communes' adaptations, linked to the district model they replicate.
 */
function communeAdopters(
  originCode: string,
  suffix: string,
  name: string,
  fields: readonly string[],
  adoptions: ReadonlyArray<[commune: string, adoptedOn: string]>,
): DemoModel[] {
  return adoptions.map(([commune, adoptedOn]) => ({
    code: `TL-${commune}-${suffix}`,
    name,
    ownerUnitCode: `TL-${commune}-${suffix.split("-")[0]}`,
    fields,
    startDate: adoptedOn,
    problem: "Nhân rộng mô hình của huyện tại địa phương.",
    solution: "Áp dụng cách làm của mô hình gốc, điều chỉnh cho phù hợp với thôn, xóm.",
    values: {},
    replicates: { originCode, adoptedOn },
  }));
}

const communeReplications: DemoModel[] = [
  ...communeAdopters(
    "TL-2018-CAMERA",
    "CA-CAMERA",
    "Camera an ninh",
    ["defence-security"],
    [
      ["THANHHA", "2019-03-01"],
      ["LIEMCAN", "2019-06-15"],
      ["KIENKHE", "2019-09-02"],
      ["THANHTHUY", "2020-01-10"],
      ["LIEMTUC", "2020-05-19"],
      ["THANHNGHI", "2021-02-01"],
    ],
  ),
  ...communeAdopters(
    "TL-2018-HUGAO",
    "HPN-HUGAO",
    "Hũ gạo tiết kiệm",
    ["social-welfare"],
    [
      ["THANHHAI", "2019-03-08"],
      ["LIEMSON", "2019-10-20"],
      ["THANHTAM", "2020-03-08"],
      ["TANTHANH", "2020-10-20"],
      ["LIEMPHONG", "2021-03-08"],
    ],
  ),
  ...communeAdopters(
    "TL-2018-THAPSANG",
    "DTN-THAPSANG",
    "Thắp sáng đường làng ngõ xóm",
    ["defence-security", "culture-society"],
    [
      ["THANHHUONG", "2019-03-26"],
      ["THANHNGUYEN", "2020-03-26"],
      ["LIEMTHUAN", "2021-03-26"],
    ],
  ),
];

/** Every model the article names, their communes' replications, and the flower road's five adopters (2022). */
export const thanhLiemModels: readonly DemoModel[] = [
  ...district,
  ...security,
  ...communeOffices,
  ...environment,
  ...charity,
  ...economy,
  ...communeReplications,
  ...flowerRoadAdopters,
];

/** Models of Thanh Liêm started 2017-2022, as the article counts them. */
export const ARTICLE_MODEL_COUNT = 698;
