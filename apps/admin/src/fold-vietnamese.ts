import type { ComboboxItem, OptionsFilter } from "@mantine/core";

/** Lower case without diacritics, so "duong hoa" matches "Đường hoa". */
export function foldVietnamese(text: string): string {
  return text.normalize("NFD").replace(/\p{M}/gu, "").replace(/đ/g, "d").replace(/Đ/g, "D").toLowerCase();
}

/** A Select/MultiSelect filter that ignores diacritics, as the server's search does. */
export const foldedOptionsFilter: OptionsFilter = ({ options, search }) => {
  const needle = foldVietnamese(search.trim());
  if (!needle) return options;
  return (options as ComboboxItem[]).filter((option) => foldVietnamese(option.label).includes(needle));
};
