import { ConfigurationLabelsDocument, type ConfigurationLabelsQuery } from "@lantoa/client";
import { useQuery } from "@tanstack/react-query";
import { useMemo } from "react";
import { graphqlQuery } from "../data/graphql";
import { useI18n } from "../i18n/i18n";
import { fieldCodes } from "../model-labels";
import { levelCodes, unitKindCodes } from "../unit-labels";

type Configuration = NonNullable<ConfigurationLabelsQuery["configuration"]>;
type Labelled = { code?: string | null; labelVi?: string | null; labelEn?: string | null };

/** A picker option. */
export interface Option {
  value: string;
  label: string;
}

/** What dimension of measure each indicator's values are in, as the domain checks them. */
export type IndicatorRule = { unitCode: string; symbol: string; dimension: string | null };

/**
 * The configured labels (fields, levels, unit kinds, commendation forms, indicators, units of
 * measure) from the gateway's public `configuration`, in the user's language. Until they load,
 * or for a code the configuration does not know, the app's own label (or the code) stands in.
 */
export function useConfiguration() {
  const { locale, label } = useI18n();
  // Configuration changes rarely: one read per session is enough.
  const query = useQuery({ ...graphqlQuery(ConfigurationLabelsDocument, {}), staleTime: Number.POSITIVE_INFINITY });
  const config: Configuration | null = query.data?.configuration ?? null;

  return useMemo(() => {
    const text = (item: Labelled, prefix: string) =>
      (locale === "vi" ? item.labelVi : item.labelEn) || item.labelVi || label(prefix, item.code);
    const table = (items: readonly Labelled[] | null | undefined, prefix: string) =>
      new Map((items ?? []).flatMap((item) => (item.code ? [[item.code, text(item, prefix)] as const] : [])));
    const fields = table(config?.fields, "field");
    const unitKinds = table(config?.unitKinds, "unitKind");
    const forms = table(config?.commendationForms, "commendationForm");
    const indicators = table(config?.indicators, "indicator");
    // The level set in force now: the one without an end, else the last.
    const levelSet = (config?.levelSets ?? []).find((set) => !set.validTo) ?? (config?.levelSets ?? []).at(-1) ?? null;
    const levelRows = [...(levelSet?.levels ?? [])].sort((a, b) => (a.rank ?? 0) - (b.rank ?? 0));
    // Records keep the levels of their day (districts before July 2025): offer and label the
    // levels of every set, in the sets' order, with today's set's wording where they share a code.
    const todays = table(levelRows, "level");
    const levels = new Map<string, string>();
    for (const set of config?.levelSets ?? []) {
      const rows = [...(set.levels ?? [])].sort((a, b) => (a.rank ?? 0) - (b.rank ?? 0));
      for (const [code, text] of table(rows, "level"))
        if (!levels.has(code)) levels.set(code, todays.get(code) ?? text);
    }
    const uoms = new Map((config?.unitsOfMeasure ?? []).map((u) => [u.code ?? "", u]));
    const options = (map: Map<string, string>, fallback: readonly string[], prefix: string): Option[] =>
      map.size > 0
        ? [...map].map(([value, text]) => ({ value, label: text }))
        : fallback.map((code) => ({ value: code, label: label(prefix, code) }));

    return {
      loaded: config !== null,
      fieldOptions: options(fields, fieldCodes, "field"),
      levelOptions: options(levels, levelCodes, "level"),
      unitKindOptions: options(unitKinds, unitKindCodes, "unitKind"),
      formOptions: options(forms, [], "commendationForm"),
      indicatorOptions: options(indicators, [], "indicator"),
      fieldLabel: (code: string | null | undefined) => (code && fields.get(code)) || label("field", code),
      levelLabel: (code: string | null | undefined) => (code && levels.get(code)) || label("level", code),
      unitKindLabel: (code: string | null | undefined) => (code && unitKinds.get(code)) || label("unitKind", code),
      formLabel: (code: string | null | undefined) => (code && forms.get(code)) || code || "—",
      indicatorLabel: (code: string | null | undefined) => (code && indicators.get(code)) || label("indicator", code),
      /** The symbol of a unit of measure ("%", "người"), or the app's label for it. */
      uomSymbol: (code: string | null | undefined) => {
        const uom = code ? uoms.get(code) : undefined;
        if (!uom) return code ? label("uom", code) : "";
        return (locale === "vi" ? uom.symbolVi : uom.symbolEn) ?? uom.symbolVi ?? "";
      },
      /** How an indicator's values are measured, to check them before sending. */
      indicatorRule: (code: string | null | undefined): IndicatorRule | null => {
        const indicator = (config?.indicators ?? []).find((i) => i.code === code);
        if (!indicator?.unitCode) return null;
        const uom = uoms.get(indicator.unitCode);
        return {
          unitCode: indicator.unitCode,
          symbol: (locale === "vi" ? uom?.symbolVi : uom?.symbolEn) ?? "",
          dimension: uom?.dimension ?? null,
        };
      },
    };
  }, [config, locale, label]);
}
