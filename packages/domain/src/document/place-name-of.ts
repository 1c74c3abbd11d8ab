/**
 * Words after which a Vietnamese organization's name gives its place: a party committee
 * ("Huyện ủy Thanh Liêm"), or an administrative unit named inside a longer name
 * ("Ban Chỉ huy Quân sự huyện Thanh Liêm", "Đảng ủy xã Thanh Hà").
 */
const MARKERS = ["thị trấn", "thành phố", "thị xã", "tỉnh", "huyện", "quận", "xã", "phường", "ủy", "uỷ"];

/**
 * The place a unit's documents are dated from, read from its name: what follows the
 * last administrative word that is followed by a capitalised name. A name without one
 * is returned as it is, for staff to correct.
 *
 * @example placeNameOf("Huyện ủy Thanh Liêm") // "Thanh Liêm"
 * @example placeNameOf("Ban Chỉ huy Quân sự huyện Thanh Liêm") // "Thanh Liêm"
 * @example placeNameOf("Đảng ủy thị trấn Kiện Khê") // "Kiện Khê"
 * @example placeNameOf("Ban Thường vụ Huyện ủy Thanh Liêm") // "Thanh Liêm"
 */
export function placeNameOf(name: string): string {
  const words = name.normalize("NFC").trim().split(/\s+/);
  for (let i = words.length - 2; i >= 0; i--) {
    for (const marker of MARKERS) {
      const size = marker.split(" ").length;
      const start = i - size + 1;
      if (start < 0) continue;
      const candidate = words
        .slice(start, i + 1)
        .join(" ")
        .toLocaleLowerCase("vi");
      const next = words[i + 1] ?? "";
      if (candidate === marker && /^\p{Lu}/u.test(next)) return words.slice(i + 1).join(" ");
    }
  }
  return name.normalize("NFC").trim();
}
