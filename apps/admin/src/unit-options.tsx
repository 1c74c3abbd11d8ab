import type { ComboboxItem, SelectProps } from "@mantine/core";

/** A unit as a picker option: its name as the label, its depth in the tree for the list's indent. */
export interface UnitOption extends ComboboxItem {
  depth: number;
}

/** Picker options of units, in tree order. */
export function unitOptionsOf(
  nodes: readonly { id: string; name?: string | null; code?: string | null; depth?: number | null }[],
): UnitOption[] {
  return nodes.map((n) => ({ value: n.id, label: n.name ?? n.code ?? n.id, depth: n.depth ?? 0 }));
}

/** Shows the tree in the open list by indenting each unit; the chosen value reads as the plain name. */
export const renderUnitOption: NonNullable<SelectProps["renderOption"]> = ({ option }) => (
  <span style={{ paddingLeft: `${(option as UnitOption).depth * 0.9}rem` }}>{option.label}</span>
);
