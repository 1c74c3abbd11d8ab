import { NumberInput, type NumberInputProps } from "@mantine/core";

/** A year a report covers, typed as digits (no thousands separator), 1900–2200 as the domain allows. */
export function YearInput(props: NumberInputProps) {
  return <NumberInput withAsterisk min={1900} max={2200} thousandSeparator="" {...props} />;
}
