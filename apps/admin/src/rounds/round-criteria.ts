import { CriteriaSetsDocument, CriteriaSetVersionDocument } from "@lantoa/client";
import { useQuery } from "@tanstack/react-query";
import { graphqlQuery } from "../data/graphql";
import type { Locale } from "../i18n/i18n";

/** A rated criterion as a scorecard asks for it: its scale and the scale's described bands. */
export interface RatedCriterion {
  id: string;
  label: string;
  description: string | null;
  points: number;
  min: number;
  max: number;
  step: number;
  bands: { id: string; label: string; min: number; max: number }[];
}

type Text = { vi?: string; en?: string } | undefined;
const say = (text: Text, locale: Locale) => (locale === "vi" ? text?.vi : text?.en) ?? text?.vi ?? "";

type RawScale = {
  id: string;
  min: number;
  max: number;
  step: number;
  bands?: { id: string; label: Text; min: number; max: number }[];
};

type RawCriterion = {
  kind: string;
  id: string;
  label?: Text;
  description?: Text;
  points?: number;
  scaleId?: string;
  children?: RawCriterion[];
  criteria?: RawCriterion[];
};

/**
 * The rated criteria of a published definition, in order, with their scales — what a
 * reviewer scores. Groups are walked into; gates, indicators and formulas are computed by
 * the gateway, not rated.
 */
export function ratedCriteria(definitionJson: string, locale: Locale): RatedCriterion[] {
  const definition = JSON.parse(definitionJson) as { scales?: RawScale[]; criteria?: RawCriterion[] };
  const scales = new Map((definition.scales ?? []).map((s) => [s.id, s]));
  const out: RatedCriterion[] = [];
  const walk = (nodes: RawCriterion[] | undefined) => {
    for (const node of nodes ?? []) {
      if (node.kind === "rating") {
        const scale = node.scaleId ? scales.get(node.scaleId) : undefined;
        out.push({
          id: node.id,
          label: say(node.label, locale) || node.id,
          description: say(node.description, locale) || null,
          points: node.points ?? 0,
          min: scale?.min ?? 0,
          max: scale?.max ?? node.points ?? 10,
          step: scale?.step ?? 1,
          bands: (scale?.bands ?? []).map((b) => ({ id: b.id, label: say(b.label, locale), min: b.min, max: b.max })),
        });
      }
      walk(node.children);
      walk(node.criteria);
    }
  };
  walk(definition.criteria);
  return out;
}

/** The band a value falls in, if any. */
export function bandOf(criterion: RatedCriterion, value: number | null | undefined) {
  if (value === null || value === undefined) return undefined;
  return criterion.bands.find((b) => value >= b.min && value <= b.max);
}

/** Loads a round's pinned criteria version (set code + version number) and its rated criteria. */
export function useRoundCriteria(setCode: string | null | undefined, versionNumber: number | null | undefined) {
  const sets = useQuery({ ...graphqlQuery(CriteriaSetsDocument, {}), enabled: !!setCode });
  const versionId =
    sets.data?.criteriaSets.find((s) => s.code === setCode)?.versions?.find((v) => v.versionNumber === versionNumber)
      ?.id ?? null;
  const version = useQuery({
    ...graphqlQuery(CriteriaSetVersionDocument, { id: versionId ?? "" }),
    enabled: !!versionId,
  });
  return { sets, version, definition: version.data?.criteriaSetVersion?.definition ?? null };
}
