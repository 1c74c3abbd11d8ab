import { CriteriaPreviewModelDocument, ModelsDocument } from "@lantoa/client";
import type { CriteriaSet, ScoredCriterion } from "@lantoa/domain/criteria";
import { type RoundResult, scoreRound } from "@lantoa/domain/scoring";
import { Badge, Button, Group, NumberInput, Paper, Select, Stack, Table, Text, Title } from "@mantine/core";
import { keepPreviousData, useQuery, useQueryClient } from "@tanstack/react-query";
import { useMemo, useState } from "react";
import { graphqlQuery } from "../data/graphql";
import { DateField } from "../forms/date-field";
import { useI18n } from "../i18n/i18n";
import { useDebouncedValue } from "../use-debounced-value";
import { numberOf, scoredCriteria } from "./criteria-draft";

/** A model chosen for the preview: its facts from the API and the sample ratings typed in. */
interface PreviewModel {
  id: string;
  name: string;
  unitId: string;
  startDate: string;
  evidenceCount: number;
  indicators: Record<string, number>;
  ratings: Record<string, number>;
}

/** A sensible first rating: 70 % of the scale, on a step. */
function sampleRating(set: CriteriaSet, criterion: ScoredCriterion): number {
  if (criterion.kind !== "rating") return 0;
  const scale = set.scales.find((s) => s.id === criterion.scaleId);
  if (!scale) return 0;
  const raw = scale.min + (scale.max - scale.min) * 0.7;
  return Math.round(Math.round((raw - scale.min) / scale.step) * scale.step * 1000) / 1000 + scale.min;
}

/**
 * Scores a few chosen models against the set being edited, in the browser with the
 * domain's engine (pure and instant), so the result changes as the set or a rating does.
 */
export function CriteriaPreview({ set }: { set: CriteriaSet | null }) {
  const { t, locale, formatPoints, formatNumber } = useI18n();
  const client = useQueryClient();
  const [search, setSearch] = useState("");
  const term = useDebouncedValue(search.trim(), 250);
  const options = useQuery({
    ...graphqlQuery(ModelsDocument, { first: 20, filter: term ? { text: term } : null }),
    placeholderData: keepPreviousData,
  });
  const [models, setModels] = useState<PreviewModel[]>([]);
  const [referenceDate, setReferenceDate] = useState(() => new Date().toISOString().slice(0, 10));
  const [adding, setAdding] = useState(false);
  const scored = set ? scoredCriteria(set.criteria) : [];
  const ratingCriteria = scored.filter((c) => c.kind === "rating");

  const add = async (id: string | null) => {
    if (!id || models.some((m) => m.id === id)) return;
    setAdding(true);
    try {
      const { node } = await client.fetchQuery(graphqlQuery(CriteriaPreviewModelDocument, { id }));
      if (node?.__typename !== "Model" || !node.startDate || !node.ownerUnit) return;
      const { startDate, ownerUnit } = node;
      const indicators: Record<string, number> = {};
      // The latest period of each indicator stands for the model's value.
      for (const v of [...(node.indicatorValues ?? [])].sort((a, b) =>
        (a.period ?? "") < (b.period ?? "") ? -1 : 1,
      )) {
        if (v.indicatorCode && v.value !== null) indicators[v.indicatorCode] = v.value;
      }
      setModels((list) => [
        ...list,
        {
          id: node.id,
          name: node.name ?? node.code ?? node.id,
          unitId: ownerUnit.id,
          startDate,
          evidenceCount: node.evidence?.length ?? 0,
          indicators,
          ratings: {},
        },
      ]);
      setSearch("");
    } finally {
      setAdding(false);
    }
  };

  const result = useMemo((): { round: RoundResult | null; error: string | null } => {
    if (!set || models.length === 0) return { round: null, error: null };
    const subjects = models.map((m) => ({
      modelId: m.id,
      unitId: m.unitId,
      registeredAt: `${m.startDate}T00:00:00Z`,
      facts: {
        startDate: m.startDate,
        evidenceCount: m.evidenceCount,
        disciplined: false,
        indicators: Object.fromEntries(set.inputs.map((i) => [i.code, m.indicators[i.code] ?? i.missingAs ?? 0])),
      },
      scorecards: [
        {
          reviewerId: "preview",
          role: "verifier" as const,
          scores: Object.fromEntries(ratingCriteria.map((c) => [c.id, m.ratings[c.id] ?? sampleRating(set, c)])),
        },
      ],
    }));
    const scoredRound = scoreRound(set, subjects, { referenceDate });
    if (!scoredRound.ok) return { round: null, error: scoredRound.error.message[locale] };
    return { round: scoredRound.value, error: null };
  }, [set, models, referenceDate, ratingCriteria, locale]);

  const tierLabel = (id: string | null) => (id ? (set?.tiers.find((x) => x.id === id)?.label[locale] ?? id) : "—");
  const pts = (milli: number) => formatPoints(milli / 1000);
  const modelOptions = (options.data?.models?.edges ?? [])
    .filter((e) => !models.some((m) => m.id === e.node.id))
    .map((e) => ({ value: e.node.id, label: `${e.node.name} (${e.node.code})` }));

  return (
    <Paper withBorder p="sm" component="section" aria-labelledby="preview-heading">
      <Title order={3} id="preview-heading" mb="xs">
        {t("criteria.preview.title")}
      </Title>
      <Text size="sm" c="dimmed" mb="xs">
        {t("criteria.preview.intro")}
      </Text>
      <Group align="flex-end" gap="sm" mb="sm" wrap="wrap">
        <Select
          label={t("criteria.preview.pick")}
          placeholder={t("criteria.preview.pickPlaceholder")}
          searchable
          searchValue={search}
          onSearchChange={setSearch}
          filter={({ options: o }) => o}
          data={modelOptions}
          value={null}
          onChange={(id) => void add(id)}
          disabled={adding}
          nothingFoundMessage={t("criteria.preview.noModels")}
          w="24rem"
        />
        <DateField
          label={t("criteria.preview.referenceDate")}
          value={referenceDate}
          onChange={(day) => setReferenceDate(day || referenceDate)}
        />
      </Group>
      {!set && <Text c="red.9">{t("criteria.preview.invalid")}</Text>}
      {set && models.length === 0 && <Text c="dimmed">{t("criteria.preview.empty")}</Text>}
      {set && models.length > 0 && (
        <Stack gap="sm">
          <div className="table-wrap">
            <Table withTableBorder striped data-testid="preview-table">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th scope="col">{t("criteria.preview.criterion")}</Table.Th>
                  {models.map((m) => (
                    <Table.Th key={m.id} scope="col">
                      <Group gap={4} wrap="nowrap">
                        {m.name}
                        <Button
                          size="compact-xs"
                          variant="subtle"
                          color="red"
                          aria-label={t("criteria.preview.remove", { name: m.name })}
                          onClick={() => setModels((list) => list.filter((x) => x.id !== m.id))}
                        >
                          ✕
                        </Button>
                      </Group>
                    </Table.Th>
                  ))}
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {ratingCriteria.map((c) => {
                  const scale = c.kind === "rating" ? set.scales.find((s) => s.id === c.scaleId) : undefined;
                  return (
                    <Table.Tr key={`rating-${c.id}`}>
                      <Table.Th scope="row">
                        {t("criteria.preview.rating", { label: c.label[locale] || c.id })}
                        {scale && (
                          <Text size="xs" c="dimmed">
                            {formatNumber(scale.min)}–{formatNumber(scale.max)}
                          </Text>
                        )}
                      </Table.Th>
                      {models.map((m) => (
                        <Table.Td key={m.id}>
                          <NumberInput
                            aria-label={t("criteria.preview.ratingFor", {
                              label: c.label[locale] || c.id,
                              name: m.name,
                            })}
                            value={m.ratings[c.id] ?? sampleRating(set, c)}
                            min={scale?.min}
                            max={scale?.max}
                            step={scale?.step}
                            decimalScale={3}
                            onChange={(v) => {
                              const n = numberOf(v);
                              setModels((list) =>
                                list.map((x) =>
                                  x.id === m.id && n !== undefined ? { ...x, ratings: { ...x.ratings, [c.id]: n } } : x,
                                ),
                              );
                            }}
                            w="7rem"
                          />
                        </Table.Td>
                      ))}
                    </Table.Tr>
                  );
                })}
                {set.inputs.map((input) => (
                  <Table.Tr key={`input-${input.code}`}>
                    <Table.Th scope="row">{input.label[locale] || input.code}</Table.Th>
                    {models.map((m) => (
                      <Table.Td key={m.id}>
                        <NumberInput
                          aria-label={t("criteria.preview.inputFor", {
                            label: input.label[locale] || input.code,
                            name: m.name,
                          })}
                          value={m.indicators[input.code] ?? input.missingAs ?? 0}
                          onChange={(v) => {
                            const n = numberOf(v);
                            setModels((list) =>
                              list.map((x) =>
                                x.id === m.id && n !== undefined
                                  ? { ...x, indicators: { ...x.indicators, [input.code]: n } }
                                  : x,
                              ),
                            );
                          }}
                          w="7rem"
                        />
                      </Table.Td>
                    ))}
                  </Table.Tr>
                ))}
                <Table.Tr>
                  <Table.Th scope="row">{t("criteria.preview.evidence")}</Table.Th>
                  {models.map((m) => (
                    <Table.Td key={m.id}>
                      <NumberInput
                        aria-label={t("criteria.preview.evidenceFor", { name: m.name })}
                        value={m.evidenceCount}
                        min={0}
                        onChange={(v) =>
                          setModels((list) =>
                            list.map((x) => (x.id === m.id ? { ...x, evidenceCount: numberOf(v) ?? 0 } : x)),
                          )
                        }
                        w="7rem"
                      />
                    </Table.Td>
                  ))}
                </Table.Tr>
              </Table.Tbody>
            </Table>
          </div>
          {result.error && (
            <Text c="red.9" role="alert">
              {result.error}
            </Text>
          )}
          {result.round && (
            <div className="table-wrap">
              <Table withTableBorder data-testid="preview-result">
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th scope="col">{t("criteria.preview.criterion")}</Table.Th>
                    {models.map((m) => (
                      <Table.Th key={m.id} scope="col">
                        {m.name}
                      </Table.Th>
                    ))}
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {scored.map((c, i) => (
                    <Table.Tr key={`points-${c.id}`}>
                      <Table.Th scope="row">{c.label[locale] || c.id}</Table.Th>
                      {models.map((m) => {
                        const score = result.round?.models.find((x) => x.modelId === m.id);
                        const line = score?.criteria[i];
                        return (
                          <Table.Td key={m.id} className="number">
                            {line ? `${pts(line.pointsMilli)} / ${pts(line.maxMilli)}` : "—"}
                          </Table.Td>
                        );
                      })}
                    </Table.Tr>
                  ))}
                  <Table.Tr>
                    <Table.Th scope="row">{t("criteria.preview.gates")}</Table.Th>
                    {models.map((m) => {
                      const score = result.round?.models.find((x) => x.modelId === m.id);
                      const failed = score?.gates.filter((g) => !g.passed) ?? [];
                      return (
                        <Table.Td key={m.id}>
                          {failed.length === 0
                            ? t("criteria.preview.gatesPassed")
                            : failed.map((g) => (
                                <Badge key={g.criterionId} color="orange" variant="light" mr={4}>
                                  {t("criteria.preview.gateFailed", { label: g.label[locale] || g.criterionId })}
                                </Badge>
                              ))}
                        </Table.Td>
                      );
                    })}
                  </Table.Tr>
                  <Table.Tr>
                    <Table.Th scope="row">{t("criteria.preview.total")}</Table.Th>
                    {models.map((m) => {
                      const score = result.round?.models.find((x) => x.modelId === m.id);
                      const unscored = result.round?.unscored.find((x) => x.modelId === m.id);
                      return (
                        <Table.Td key={m.id} data-testid={`preview-total-${m.id}`}>
                          {score ? (
                            <>
                              <strong data-testid="preview-total">
                                {pts(score.totalMilli)} / {pts(score.maxMilli)}
                              </strong>{" "}
                              <Badge variant="light" color={score.status === "qualified" ? "green" : "gray"}>
                                {score.status === "qualified"
                                  ? tierLabel(score.tierId)
                                  : t("criteria.preview.disqualified")}
                              </Badge>
                            </>
                          ) : (
                            <Text size="sm" c="red.9">
                              {unscored?.error.message[locale] ?? "—"}
                            </Text>
                          )}
                        </Table.Td>
                      );
                    })}
                  </Table.Tr>
                </Table.Tbody>
              </Table>
            </div>
          )}
        </Stack>
      )}
    </Paper>
  );
}
