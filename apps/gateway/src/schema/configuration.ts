import { SaveLabelInput, saveField, saveUnitKind } from "@lantoa/app";
import { type ConfigurationLabels, configurationLabels } from "@lantoa/db";
import { defaultUnitsOfMeasure, type UnitOfMeasure } from "@lantoa/domain/outcome";
import { defaultCommendationForms } from "@lantoa/domain/register";
import { builder } from "../builder.js";
import { perform } from "./mutation-support.js";

interface Label {
  readonly code: string;
  readonly name_vi: string;
  readonly name_en: string;
}

const LabelRef = builder.objectRef<Label>("Label").implement({
  description: "A configured code with its Vietnamese and English labels.",
  fields: (t) => ({
    code: t.exposeString("code"),
    labelVi: t.exposeString("name_vi"),
    labelEn: t.exposeString("name_en"),
  }),
});

const LevelRef = builder.objectRef<ConfigurationLabels["levels"][number]>("Level").implement({
  fields: (t) => ({
    code: t.exposeString("code"),
    labelVi: t.exposeString("name_vi"),
    labelEn: t.exposeString("name_en"),
    rank: t.exposeInt("rank", { description: "0 for the top tier." }),
  }),
});

const LevelSetRef = builder
  .objectRef<{ code: string; validFrom: string | null; validTo: string | null; levels: ConfigurationLabels["levels"] }>(
    "LevelSet",
  )
  .implement({
    description: "The tiers of the organization in force over a span of dates (three until 2025, two since).",
    fields: (t) => ({
      code: t.exposeString("code"),
      validFrom: t.exposeString("validFrom", { nullable: true }),
      validTo: t.exposeString("validTo", { nullable: true }),
      levels: t.field({ type: [LevelRef], resolve: (s) => s.levels }),
    }),
  });

const IndicatorRef = builder.objectRef<ConfigurationLabels["indicators"][number]>("IndicatorDefinition").implement({
  fields: (t) => ({
    code: t.exposeString("code"),
    labelVi: t.exposeString("name_vi"),
    labelEn: t.exposeString("name_en"),
    unitCode: t.exposeString("unit_code"),
    aggregation: t.exposeString("aggregation", { description: "sum, weighted-average or none." }),
  }),
});

const UnitOfMeasureRef = builder.objectRef<UnitOfMeasure>("UnitOfMeasure").implement({
  description: "A unit of measure (đơn vị tính) values are recorded in.",
  fields: (t) => ({
    code: t.exposeString("code"),
    dimension: t.exposeString("dimension"),
    labelVi: t.string({ resolve: (u) => u.label.vi }),
    labelEn: t.string({ resolve: (u) => u.label.en }),
    symbolVi: t.string({ resolve: (u) => u.symbol.vi }),
    symbolEn: t.string({ resolve: (u) => u.symbol.en }),
  }),
});

const ThemeRef = builder.objectRef<{ theme: string; models: number }>("AnnualTheme").implement({
  fields: (t) => ({
    theme: t.exposeString("theme"),
    models: t.exposeInt("models", { description: "How many models link to it." }),
  }),
});

const ConfigurationRef = builder.objectRef<ConfigurationLabels>("Configuration").implement({
  description: "Every configured label, so frontends never hard-code them.",
  fields: (t) => ({
    unitKinds: t.field({ type: [LabelRef], resolve: (c) => c.unitKinds }),
    fields: t.field({ type: [LabelRef], description: "Fields (lĩnh vực).", resolve: (c) => c.fields }),
    levelSets: t.field({
      type: [LevelSetRef],
      resolve: (c) => {
        const sets = new Map<string, ConfigurationLabels["levels"]>();
        for (const level of c.levels) sets.set(level.level_set, [...(sets.get(level.level_set) ?? []), level]);
        return [...sets].map(([code, levels]) => ({
          code,
          validFrom: levels[0]?.valid_from ?? null,
          validTo: levels[0]?.valid_to ?? null,
          levels,
        }));
      },
    }),
    indicators: t.field({ type: [IndicatorRef], resolve: (c) => c.indicators }),
    unitsOfMeasure: t.field({ type: [UnitOfMeasureRef], resolve: () => [...defaultUnitsOfMeasure] }),
    commendationForms: t.field({
      type: [LabelRef],
      resolve: () => defaultCommendationForms.map((f) => ({ code: f.code, name_vi: f.label.vi, name_en: f.label.en })),
    }),
    annualThemes: t.field({ type: [ThemeRef], resolve: (c) => c.annualThemes }),
  }),
});

builder.queryField("configuration", (t) =>
  t.field({
    type: ConfigurationRef,
    description: "Configured labels; public, like the unit tree they describe.",
    resolve: (_root, _args, { db }) => configurationLabels(db),
  }),
);

for (const [field, useCase, entity] of [
  ["saveUnitKind", saveUnitKind, "unit kind"],
  ["saveField", saveField, "field"],
] as const) {
  builder.mutationField(field, (t) =>
    t.field({
      type: LabelRef,
      description: `Adds a ${entity} or renames it when the code exists (system administrators).`,
      authScopes: { systemAdmin: true },
      args: {
        code: t.arg.string({ required: true, validate: SaveLabelInput.shape.code }),
        labelVi: t.arg.string({ required: true, validate: SaveLabelInput.shape.labelVi }),
        labelEn: t.arg.string({ required: true, validate: SaveLabelInput.shape.labelEn }),
      },
      resolve: (_root, args, context) => perform(context, useCase, args),
    }),
  );
}
