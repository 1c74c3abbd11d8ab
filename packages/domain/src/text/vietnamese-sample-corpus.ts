/**
 * One sample of Vietnamese text and what PostgreSQL `unaccent()` (default rules)
 * returns for it. The expected strings are written out by hand, never computed with
 * `removeDiacritics`, so the db layer can check both against the real extension.
 *
 * @example { input: "Hũ gạo tiết kiệm", unaccented: "Hu gao tiet kiem" }
 */
export interface VietnameseSample {
  readonly input: string;
  readonly unaccented: string;
}

/**
 * Every vowel with no tone, then huyền, sắc, hỏi, ngã, nặng — one row per vowel, as
 * precomposed (NFC) letters.
 */
const VOWEL_ROWS: readonly VietnameseSample[] = [
  { input: "aàáảãạ", unaccented: "aaaaaa" },
  { input: "ăằắẳẵặ", unaccented: "aaaaaa" },
  { input: "âầấẩẫậ", unaccented: "aaaaaa" },
  { input: "eèéẻẽẹ", unaccented: "eeeeee" },
  { input: "êềếểễệ", unaccented: "eeeeee" },
  { input: "iìíỉĩị", unaccented: "iiiiii" },
  { input: "oòóỏõọ", unaccented: "oooooo" },
  { input: "ôồốổỗộ", unaccented: "oooooo" },
  { input: "ơờớởỡợ", unaccented: "oooooo" },
  { input: "uùúủũụ", unaccented: "uuuuuu" },
  { input: "ưừứửữự", unaccented: "uuuuuu" },
  { input: "yỳýỷỹỵ", unaccented: "yyyyyy" },
  { input: "AÀÁẢÃẠ", unaccented: "AAAAAA" },
  { input: "ĂẰẮẲẴẶ", unaccented: "AAAAAA" },
  { input: "ÂẦẤẨẪẬ", unaccented: "AAAAAA" },
  { input: "EÈÉẺẼẸ", unaccented: "EEEEEE" },
  { input: "ÊỀẾỂỄỆ", unaccented: "EEEEEE" },
  { input: "IÌÍỈĨỊ", unaccented: "IIIIII" },
  { input: "OÒÓỎÕỌ", unaccented: "OOOOOO" },
  { input: "ÔỒỐỔỖỘ", unaccented: "OOOOOO" },
  { input: "ƠỜỚỞỠỢ", unaccented: "OOOOOO" },
  { input: "UÙÚỦŨỤ", unaccented: "UUUUUU" },
  { input: "ƯỪỨỬỮỰ", unaccented: "UUUUUU" },
  { input: "YỲÝỶỸỴ", unaccented: "YYYYYY" },
];

/** Names and phrases from the Thanh Liêm article and the glossary. */
const PHRASES: readonly VietnameseSample[] = [
  { input: "đĐ", unaccented: "dD" },
  { input: "Đường hoa quân sự", unaccented: "Duong hoa quan su" },
  { input: "Ngày thứ Bảy cùng dân", unaccented: "Ngay thu Bay cung dan" },
  { input: "Ngày thứ bảy về với dân", unaccented: "Ngay thu bay ve voi dan" },
  { input: "Hũ gạo tiết kiệm", unaccented: "Hu gao tiet kiem" },
  { input: "Huyện ủy Thanh Liêm", unaccented: "Huyen uy Thanh Liem" },
  { input: "ĐẢNG BỘ HUYỆN THANH LIÊM", unaccented: "DANG BO HUYEN THANH LIEM" },
  { input: "Ban Chỉ huy Quân sự huyện Thanh Liêm", unaccented: "Ban Chi huy Quan su huyen Thanh Liem" },
  { input: "trục ĐT 499B", unaccented: "truc DT 499B" },
  { input: "Chi bộ Thanh tra huyện", unaccented: "Chi bo Thanh tra huyen" },
  { input: "Chưa hết việc, chưa hết giờ", unaccented: "Chua het viec, chua het gio" },
  { input: "Ngày không viết, ngày không hẹn", unaccented: "Ngay khong viet, ngay khong hen" },
  { input: "Thắp sáng đường làng ngõ xóm", unaccented: "Thap sang duong lang ngo xom" },
  { input: "Đường cây thanh niên", unaccented: "Duong cay thanh nien" },
  { input: "Nhà sạch, đường ngõ sạch đẹp", unaccented: "Nha sach, duong ngo sach dep" },
  { input: "Phân loại rác thải tại nguồn", unaccented: "Phan loai rac thai tai nguon" },
  { input: "Nuôi heo đất", unaccented: "Nuoi heo dat" },
  {
    input: "Nông dân tiết kiệm tặng bò vàng sinh sản cho hội viên nông dân nghèo",
    unaccented: "Nong dan tiet kiem tang bo vang sinh san cho hoi vien nong dan ngheo",
  },
  { input: "Rửa xe gây quỹ Tết vì người nghèo", unaccented: "Rua xe gay quy Tet vi nguoi ngheo" },
  { input: "Chiếc bánh yêu thương", unaccented: "Chiec banh yeu thuong" },
  { input: "Nuôi ong lấy mật", unaccented: "Nuoi ong lay mat" },
  { input: "Hợp tác xã rau an toàn", unaccented: "Hop tac xa rau an toan" },
  { input: "Trồng cây ăn quả trên đất lúa", unaccented: "Trong cay an qua tren dat lua" },
  { input: "Đá cảnh, cây cảnh", unaccented: "Da canh, cay canh" },
  { input: "Dân vận khéo", unaccented: "Dan van kheo" },
  { input: "Những tấm gương làm theo Bác", unaccented: "Nhung tam guong lam theo Bac" },
  { input: "Sổ vàng người tốt, việc tốt", unaccented: "So vang nguoi tot, viec tot" },
  { input: "Hội Cựu chiến binh", unaccented: "Hoi Cuu chien binh" },
  { input: "Hội Liên hiệp Phụ nữ", unaccented: "Hoi Lien hiep Phu nu" },
  { input: "Ủy ban Mặt trận Tổ quốc Việt Nam", unaccented: "Uy ban Mat tran To quoc Viet Nam" },
  { input: "3.450 kg gạo, trên 2,1 tỷ đồng", unaccented: "3.450 kg gao, tren 2,1 ty dong" },
  { input: "hoà hòa thuỷ thủy", unaccented: "hoa hoa thuy thuy" },
];

/**
 * Every sample with its expected `unaccent()` output: all 12 vowels × 6 tones in lower
 * and upper case, both precomposed (NFC) and decomposed (NFD), `đ`/`Đ`, and real phrases
 * from the source article ("Đường hoa quân sự", "Hũ gạo tiết kiệm"...).
 *
 * @example
 * for (const { input, unaccented } of vietnameseSampleExpectations) {
 *   // SELECT unaccent($1) = $2
 * }
 */
export const vietnameseSampleExpectations: readonly VietnameseSample[] = [
  ...VOWEL_ROWS,
  ...VOWEL_ROWS.map(({ input, unaccented }) => ({ input: input.normalize("NFD"), unaccented })),
  ...PHRASES,
  ...PHRASES.map(({ input, unaccented }) => ({ input: input.normalize("NFD"), unaccented })),
];

/**
 * The inputs of {@link vietnameseSampleExpectations}: a Vietnamese corpus for tests and
 * for checking the database's `unaccent` against `removeDiacritics`.
 *
 * @example
 * vietnameseSampleCorpus.includes("Đường hoa quân sự") // true
 */
export const vietnameseSampleCorpus: readonly string[] = vietnameseSampleExpectations.map(({ input }) => input);
