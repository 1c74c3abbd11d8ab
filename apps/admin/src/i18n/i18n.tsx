import { createContext, type ReactNode, useCallback, useContext, useEffect, useMemo, useState } from "react";
import { formatVnd } from "./format-vnd";
import { messagesEn } from "./messages-en";
import { type MessageKey, type Messages, messagesVi } from "./messages-vi";

/** The languages of the admin app; Vietnamese is the default. */
export type Locale = "vi" | "en";

const tables: Record<Locale, Messages> = { vi: messagesVi, en: messagesEn };
const intlLocale: Record<Locale, string> = { vi: "vi-VN", en: "en" };
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
  /** A date (or date and time) in the user's language. */
  formatDate(value: string | Date, withTime?: boolean): string;
  /** An amount of đồng the way people say it: "2,1 tỷ đồng" in Vietnamese, "2.1 billion VND" in English. */
  formatVnd(value: number): string;
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
    const numberFormats = new Map<string, Intl.NumberFormat>();
    const dateFormat = new Intl.DateTimeFormat(intlLocale[locale], { dateStyle: "medium" });
    const dateTimeFormat = new Intl.DateTimeFormat(intlLocale[locale], { dateStyle: "medium", timeStyle: "short" });
    const t = (key: MessageKey, params?: Record<string, string | number>) => {
      const text = table[key];
      if (!params) return text;
      return text.replace(/\{(\w+)\}/g, (whole, name: string) => (name in params ? String(params[name]) : whole));
    };
    return {
      locale,
      setLocale,
      t,
      label(prefix, code) {
        if (!code) return "—";
        const key = `${prefix}.${code}` as MessageKey;
        return key in table ? table[key] : code;
      },
      formatNumber(value, options) {
        const cacheKey = JSON.stringify(options ?? {});
        let format = numberFormats.get(cacheKey);
        if (!format) {
          format = new Intl.NumberFormat(intlLocale[locale], options);
          numberFormats.set(cacheKey, format);
        }
        return format.format(value);
      },
      formatDate(value, withTime = false) {
        const date = typeof value === "string" ? new Date(value) : value;
        if (Number.isNaN(date.getTime())) return String(value);
        return (withTime ? dateTimeFormat : dateFormat).format(date);
      },
      formatVnd: (value) => formatVnd(value, locale),
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
