import { createContext, type ReactNode, useCallback, useContext, useEffect, useMemo, useState } from "react";
import {
  formatBytes,
  formatCount,
  formatDate,
  formatDateRange,
  formatNumber,
  formatPercent,
  formatPoints,
  formatReportingPeriod,
  formatVnd,
} from "../format/formatters";
import { interpolate } from "./interpolate";
import { messagesEn } from "./messages-en";
import { type MessageKey, type Messages, messagesVi } from "./messages-vi";

/** The languages of the admin app; Vietnamese is the default. */
export type Locale = "vi" | "en";

const tables: Record<Locale, Messages> = { vi: messagesVi, en: messagesEn };
const storageKey = "lantoa.locale";

/** What a component needs to speak the user's language. */
export interface I18n {
  locale: Locale;
  setLocale(locale: Locale): void;
  /** The label for `key`, with `{name}` placeholders filled from `params`. */
  t(key: MessageKey, params?: Record<string, string | number>): string;
  /** A label for a code from the API (`status`, `field`…), or the code itself when unknown. */
  label(prefix: string, code: string | null | undefined): string;
  /** 1.234,5 in Vietnamese, 1,234.5 in English. */
  formatNumber(value: number, options?: Intl.NumberFormatOptions): string;
  /** A count, always whole: "1.500". */
  formatCount(value: number): string;
  /** A share in [0, 1] as a percentage: "62,5%". */
  formatPercent(share: number): string;
  /** Points as the API gives them, to the thousandth the engine kept: "42,167". */
  formatPoints(points: number): string;
  /** dd/mm/yyyy (with hh:mm for an instant when `withTime`), as Vietnamese offices write dates. */
  formatDate(value: string | Date, withTime?: boolean): string;
  /** "01/01/2022 – 31/12/2022", or one date for a one-day span. */
  formatDateRange(from: string | null | undefined, to: string | null | undefined): string;
  /** A reporting period: "2022", "Quý 1/2022", "Tháng 3/2022". */
  formatPeriod(period: string): string;
  /** An amount of đồng the way people say it: "2,1 tỷ đồng" in Vietnamese, "2.1 billion VND" in English. */
  formatVnd(value: number): string;
  /** A file size: "12 KB", "1,5 MB". */
  formatBytes(bytes: number): string;
}

const I18nContext = createContext<I18n | null>(null);

function initialLocale(): Locale {
  try {
    return localStorage.getItem(storageKey) === "en" ? "en" : "vi";
  } catch {
    return "vi";
  }
}

/** Holds the chosen language (kept in localStorage) and sets `<html lang>`. */
export function I18nProvider({ children }: { children: ReactNode }) {
  const [locale, setLocaleState] = useState<Locale>(initialLocale);

  useEffect(() => {
    document.documentElement.lang = locale;
  }, [locale]);

  const setLocale = useCallback((next: Locale) => {
    setLocaleState(next);
    try {
      localStorage.setItem(storageKey, next);
    } catch {
      // Private windows may refuse storage: the choice then lasts for this page only.
    }
  }, []);

  const value = useMemo<I18n>(() => {
    const table = tables[locale];
    const t = (key: MessageKey, params?: Record<string, string | number>) => interpolate(table[key], params);
    return {
      locale,
      setLocale,
      t,
      label(prefix, code) {
        if (!code) return "—";
        const key = `${prefix}.${code}` as MessageKey;
        return key in table ? table[key] : code;
      },
      formatNumber: (value, options) => formatNumber(value, locale, options),
      formatCount: (value) => formatCount(value, locale),
      formatPercent: (share) => formatPercent(share, locale),
      formatPoints: (points) => formatPoints(points, locale),
      formatDate,
      formatDateRange,
      formatPeriod: (period) => formatReportingPeriod(period, locale),
      formatVnd: (value) => formatVnd(value, locale),
      formatBytes: (bytes) => formatBytes(bytes, locale),
    };
  }, [locale, setLocale]);

  return <I18nContext.Provider value={value}>{children}</I18nContext.Provider>;
}

/** The current language's labels and formatters. */
export function useI18n(): I18n {
  const i18n = useContext(I18nContext);
  if (!i18n) throw new Error("useI18n() outside <I18nProvider>");
  return i18n;
}
