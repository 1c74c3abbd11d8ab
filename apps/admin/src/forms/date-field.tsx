import "@mantine/dates/styles.css";
import "dayjs/locale/vi";
import { DateInput, type DateInputProps } from "@mantine/dates";
import { useI18n } from "../i18n/i18n";

/** "15/03/2019", "15-3-2019", "15.03.2019" or "2019-03-15" as YYYY-MM-DD, when it is a real day. */
export function parseDayText(text: string): string | null {
  const trimmed = text.trim();
  const dayFirst = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$/.exec(trimmed);
  const iso = /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(trimmed);
  const [year, month, day] = dayFirst
    ? [dayFirst[3], dayFirst[2], dayFirst[1]]
    : iso
      ? [iso[1], iso[2], iso[3]]
      : [null, null, null];
  if (!year || !month || !day) return null;
  const value = `${year}-${month.padStart(2, "0")}-${day.padStart(2, "0")}`;
  const date = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === value ? value : null;
}

/**
 * A day typed or picked as dd/mm/yyyy in both languages, as Vietnamese offices write dates,
 * whatever the browser's own language; the form keeps it as YYYY-MM-DD ("" when empty).
 */
export function DateField({
  value,
  onChange,
  ...props
}: Omit<DateInputProps, "value" | "onChange" | "valueFormat" | "dateParser"> & {
  value?: string | null;
  onChange?: (value: string) => void;
}) {
  const { locale, t } = useI18n();
  return (
    <DateInput
      {...props}
      value={value ? value : null}
      onChange={(day) => onChange?.(day ?? "")}
      valueFormat="DD/MM/YYYY"
      dateParser={parseDayText}
      placeholder={props.placeholder ?? "dd/mm/yyyy"}
      locale={locale}
      clearable={!props.withAsterisk}
      clearButtonProps={{ "aria-label": t("form.clearDate") }}
      popoverProps={{ withinPortal: true }}
    />
  );
}
