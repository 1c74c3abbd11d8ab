import {
  ActionIcon,
  Button,
  Group,
  NativeSelect,
  NumberInput,
  Paper,
  Stack,
  Switch,
  Text,
  TextInput,
  Title,
} from "@mantine/core";
import type { ReactNode } from "react";
import { useI18n } from "../i18n/i18n";
import { type Draft, type EditDraft, freshId, numberOf, scoredCriteria } from "./criteria-draft";
import type { CriteriaProblem } from "./criteria-problems";

interface SettingsProps {
  draft: Draft;
  edit: EditDraft;
  problems: readonly CriteriaProblem[];
  readOnly: boolean;
}

/** Problems whose path starts with `prefix` (e.g. `scales.quality-10`), in the user's language. */
function ProblemLines({ problems, prefix }: { problems: readonly CriteriaProblem[]; prefix: string }) {
  const { locale } = useI18n();
  const mine = problems.filter((p) => p.path === prefix || p.path.startsWith(`${prefix}.`));
  return (
    <>
      {mine.map((p) => (
        <Text key={`${p.code}-${p.path}`} size="sm" c="red.9" role="alert">
          {locale === "vi" ? p.message.vi : p.message.en}
        </Text>
      ))}
    </>
  );
}

function Section({ title, children }: { title: string; children: ReactNode }) {
  return (
    <Paper withBorder p="sm" component="section" aria-label={title}>
      <Title order={4} mb="xs">
        {title}
      </Title>
      <Stack gap="xs">{children}</Stack>
    </Paper>
  );
}

function RemoveButton({ label, onClick }: { label: string; onClick(): void }) {
  return (
    <ActionIcon variant="subtle" color="red" aria-label={label} onClick={onClick} mb={4}>
      ✕
    </ActionIcon>
  );
}

/** Scales with their bands, inputs, tiers, tie-breaks, quotas, the gate policy and how reviewers' scores combine. */
export function CriteriaSettingsEditor({ draft, edit, problems, readOnly }: SettingsProps) {
  const { t, locale } = useI18n();
  const tierOptions = draft.tiers.map((tier) => ({ value: tier.id, label: tier.label[locale] || tier.id }));
  const scored = scoredCriteria(draft.criteria);

  return (
    <Stack gap="md">
      <Section title={t("criteria.scales.title")}>
        {draft.scales.map((scale, si) => (
          // biome-ignore lint/suspicious/noArrayIndexKey: rows are edited in place, ids included; the position is their identity while editing
          <Paper key={`scale-${si}`} withBorder p="xs" data-testid={`scale-${scale.id}`}>
            <Group gap="xs" align="flex-end" wrap="wrap">
              <TextInput
                label={t("criteria.node.id")}
                value={scale.id}
                readOnly={readOnly}
                onChange={(e) => {
                  const v = e.currentTarget.value;
                  edit((d) => {
                    const s = d.scales[si];
                    if (s) s.id = v;
                  });
                }}
                w="9rem"
              />
              <TextInput
                label={t("criteria.node.labelVi")}
                value={scale.label.vi}
                readOnly={readOnly}
                onChange={(e) => {
                  const v = e.currentTarget.value;
                  edit((d) => {
                    const s = d.scales[si];
                    if (s) s.label.vi = v;
                  });
                }}
              />
              {(["min", "max", "step"] as const).map((field) => (
                <NumberInput
                  key={field}
                  label={t(`criteria.scales.${field}`)}
                  value={scale[field]}
                  readOnly={readOnly}
                  decimalScale={3}
                  onChange={(v) =>
                    edit((d) => {
                      const s = d.scales[si];
                      if (s) s[field] = numberOf(v) ?? 0;
                    })
                  }
                  w="6rem"
                />
              ))}
              {!readOnly && (
                <RemoveButton
                  label={t("criteria.scales.remove", { id: scale.id })}
                  onClick={() => edit((d) => void d.scales.splice(si, 1))}
                />
              )}
            </Group>
            <Text size="sm" fw={600} mt="xs">
              {t("criteria.bands.title")}
            </Text>
            {scale.bands.map((band, bi) => (
              // biome-ignore lint/suspicious/noArrayIndexKey: rows are edited in place, ids included; the position is their identity while editing
              <Group key={`band-${bi}`} gap="xs" align="flex-end" wrap="wrap" pl="md">
                <TextInput
                  label={t("criteria.bands.label")}
                  value={band.label.vi}
                  readOnly={readOnly}
                  onChange={(e) => {
                    const v = e.currentTarget.value;
                    edit((d) => {
                      const b = d.scales[si]?.bands[bi];
                      if (b) b.label.vi = v;
                    });
                  }}
                />
                {(["min", "max"] as const).map((field) => (
                  <NumberInput
                    key={field}
                    label={t(`criteria.scales.${field}`)}
                    value={band[field]}
                    readOnly={readOnly}
                    decimalScale={3}
                    onChange={(v) =>
                      edit((d) => {
                        const b = d.scales[si]?.bands[bi];
                        if (b) b[field] = numberOf(v) ?? 0;
                      })
                    }
                    w="6rem"
                  />
                ))}
                {!readOnly && (
                  <RemoveButton
                    label={t("criteria.bands.remove", { id: band.id })}
                    onClick={() => edit((d) => void d.scales[si]?.bands.splice(bi, 1))}
                  />
                )}
              </Group>
            ))}
            {!readOnly && (
              <Button
                size="compact-xs"
                variant="subtle"
                mt={4}
                onClick={() =>
                  edit((d) => {
                    const s = d.scales[si];
                    if (!s) return;
                    const last = s.bands.at(-1);
                    s.bands.push({
                      id: freshId(new Set(s.bands.map((b) => b.id)), "band"),
                      label: { vi: "", en: "" },
                      min: last ? last.max + s.step : s.min,
                      max: s.max,
                    });
                  })
                }
              >
                {t("criteria.bands.add")}
              </Button>
            )}
            <ProblemLines problems={problems} prefix={`scales.${scale.id}`} />
          </Paper>
        ))}
        {!readOnly && (
          <Button
            size="compact-sm"
            variant="light"
            w="fit-content"
            onClick={() =>
              edit((d) =>
                d.scales.push({
                  id: freshId(new Set(d.scales.map((s) => s.id)), "scale"),
                  label: { vi: "Thang 0–10", en: "0–10 scale" },
                  min: 0,
                  max: 10,
                  step: 1,
                  bands: [],
                }),
              )
            }
          >
            {t("criteria.scales.add")}
          </Button>
        )}
      </Section>

      <Section title={t("criteria.inputs.title")}>
        <Text size="sm" c="dimmed">
          {t("criteria.inputs.hint")}
        </Text>
        {draft.inputs.map((input, ii) => (
          // biome-ignore lint/suspicious/noArrayIndexKey: rows are edited in place, ids included; the position is their identity while editing
          <Group key={`input-${ii}`} gap="xs" align="flex-end" wrap="wrap">
            <TextInput
              label={t("criteria.inputs.code")}
              value={input.code}
              readOnly={readOnly}
              onChange={(e) => {
                const v = e.currentTarget.value;
                edit((d) => {
                  const x = d.inputs[ii];
                  if (x) x.code = v;
                });
              }}
              w="10rem"
            />
            <TextInput
              label={t("criteria.node.labelVi")}
              value={input.label.vi}
              readOnly={readOnly}
              onChange={(e) => {
                const v = e.currentTarget.value;
                edit((d) => {
                  const x = d.inputs[ii];
                  if (x) x.label.vi = v;
                });
              }}
            />
            <NumberInput
              label={t("criteria.inputs.missingAs")}
              value={input.missingAs ?? ""}
              readOnly={readOnly}
              onChange={(v) =>
                edit((d) => {
                  const x = d.inputs[ii];
                  if (x) x.missingAs = numberOf(v);
                })
              }
              w="9rem"
            />
            {!readOnly && (
              <RemoveButton
                label={t("criteria.inputs.remove", { id: input.code })}
                onClick={() => edit((d) => void d.inputs.splice(ii, 1))}
              />
            )}
            <ProblemLines problems={problems} prefix={`inputs.${input.code}`} />
          </Group>
        ))}
        {!readOnly && (
          <Button
            size="compact-sm"
            variant="light"
            w="fit-content"
            onClick={() =>
              edit((d) =>
                d.inputs.push({
                  code: freshId(new Set(d.inputs.map((i) => i.code)), "input").replace("-", "_"),
                  label: { vi: "", en: "" },
                  missingAs: 0,
                }),
              )
            }
          >
            {t("criteria.inputs.add")}
          </Button>
        )}
      </Section>

      <Section title={t("criteria.tiers.title")}>
        <Text size="sm" c="dimmed">
          {t("criteria.tiers.hint")}
        </Text>
        {draft.tiers.map((tier, ti) => (
          // biome-ignore lint/suspicious/noArrayIndexKey: rows are edited in place, ids included; the position is their identity while editing
          <Group key={`tier-${ti}`} gap="xs" align="flex-end" wrap="wrap" data-testid={`tier-${tier.id}`}>
            <TextInput
              label={t("criteria.node.id")}
              value={tier.id}
              readOnly={readOnly}
              onChange={(e) => {
                const v = e.currentTarget.value;
                edit((d) => {
                  const x = d.tiers[ti];
                  if (x) x.id = v;
                });
              }}
              w="9rem"
            />
            <TextInput
              label={t("criteria.node.labelVi")}
              value={tier.label.vi}
              readOnly={readOnly}
              onChange={(e) => {
                const v = e.currentTarget.value;
                edit((d) => {
                  const x = d.tiers[ti];
                  if (x) x.label.vi = v;
                });
              }}
            />
            <NumberInput
              label={t("criteria.tiers.min")}
              value={tier.min}
              min={0}
              readOnly={readOnly}
              onChange={(v) =>
                edit((d) => {
                  const x = d.tiers[ti];
                  if (x) x.min = numberOf(v) ?? 0;
                })
              }
              w="8rem"
            />
            {!readOnly && (
              <RemoveButton
                label={t("criteria.tiers.remove", { id: tier.id })}
                onClick={() => edit((d) => void d.tiers.splice(ti, 1))}
              />
            )}
            <ProblemLines problems={problems} prefix={`tiers.${tier.id}`} />
          </Group>
        ))}
        {!readOnly && (
          <Button
            size="compact-sm"
            variant="light"
            w="fit-content"
            onClick={() =>
              edit((d) =>
                d.tiers.push({
                  id: freshId(new Set(d.tiers.map((x) => x.id)), "tier"),
                  label: { vi: "", en: "" },
                  min: 0,
                }),
              )
            }
          >
            {t("criteria.tiers.add")}
          </Button>
        )}
      </Section>

      <Section title={t("criteria.tieBreaks.title")}>
        <Text size="sm" c="dimmed">
          {t("criteria.tieBreaks.hint")}
        </Text>
        {draft.tieBreaks.map((tb, i) => (
          // biome-ignore lint/suspicious/noArrayIndexKey: rows are edited in place, ids included; the position is their identity while editing
          <Group key={`tb-${i}`} gap="xs" align="flex-end">
            <NativeSelect
              label={t("criteria.tieBreaks.criterion", { n: i + 1 })}
              value={tb.criterionId}
              disabled={readOnly}
              data={[
                ...(scored.some((c) => c.id === tb.criterionId)
                  ? []
                  : [{ value: tb.criterionId, label: t("criteria.tieBreaks.missing") }]),
                ...scored.map((c, n) => ({
                  value: c.id,
                  label: c.label[locale] || c.label.vi || t("criteria.unnamed", { n: n + 1 }),
                })),
              ]}
              onChange={(e) => {
                const v = e.currentTarget.value;
                edit((d) => {
                  const x = d.tieBreaks[i];
                  if (x) x.criterionId = v;
                });
              }}
            />
            <NativeSelect
              label={t("criteria.tieBreaks.direction")}
              value={tb.direction}
              disabled={readOnly}
              data={[
                { value: "desc", label: t("criteria.tieBreaks.desc") },
                { value: "asc", label: t("criteria.tieBreaks.asc") },
              ]}
              onChange={(e) => {
                const v = e.currentTarget.value as "asc" | "desc";
                edit((d) => {
                  const x = d.tieBreaks[i];
                  if (x) x.direction = v;
                });
              }}
            />
            {!readOnly && (
              <RemoveButton
                label={t("criteria.tieBreaks.remove", { n: i + 1 })}
                onClick={() => edit((d) => void d.tieBreaks.splice(i, 1))}
              />
            )}
            <ProblemLines problems={problems} prefix={`tieBreaks.${i}`} />
          </Group>
        ))}
        {!readOnly && scored[0] && (
          <Button
            size="compact-sm"
            variant="light"
            w="fit-content"
            onClick={() => edit((d) => d.tieBreaks.push({ criterionId: scored[0]?.id ?? "", direction: "desc" }))}
          >
            {t("criteria.tieBreaks.add")}
          </Button>
        )}
      </Section>

      <Section title={t("criteria.quotas.title")}>
        <Text size="sm" c="dimmed">
          {t("criteria.quotas.hint")}
        </Text>
        {draft.quotas.map((quota, i) => (
          // biome-ignore lint/suspicious/noArrayIndexKey: rows are edited in place, ids included; the position is their identity while editing
          <Group key={`quota-${i}`} gap="xs" align="flex-end" wrap="wrap">
            <NativeSelect
              label={t("criteria.quotas.tier")}
              value={quota.tierId}
              disabled={readOnly}
              data={tierOptions}
              onChange={(e) => {
                const v = e.currentTarget.value;
                edit((d) => {
                  const x = d.quotas[i];
                  if (x) x.tierId = v;
                });
              }}
            />
            <NumberInput
              label={t("criteria.quotas.percent")}
              value={quota.percent}
              min={0}
              readOnly={readOnly}
              onChange={(v) =>
                edit((d) => {
                  const x = d.quotas[i];
                  if (x) x.percent = numberOf(v) ?? 0;
                })
              }
              w="8rem"
            />
            <NativeSelect
              label={t("criteria.quotas.ofTier")}
              value={quota.ofTierId}
              disabled={readOnly}
              data={tierOptions}
              onChange={(e) => {
                const v = e.currentTarget.value;
                edit((d) => {
                  const x = d.quotas[i];
                  if (x) x.ofTierId = v;
                });
              }}
            />
            <NativeSelect
              label={t("criteria.quotas.scope")}
              value={quota.scope}
              disabled={readOnly}
              data={[
                { value: "round", label: t("criteria.quotas.round") },
                { value: "unit-group", label: t("criteria.quotas.unitGroup") },
              ]}
              onChange={(e) => {
                const v = e.currentTarget.value as "round" | "unit-group";
                edit((d) => {
                  const x = d.quotas[i];
                  if (x) x.scope = v;
                });
              }}
            />
            {!readOnly && (
              <RemoveButton
                label={t("criteria.quotas.remove", { n: i + 1 })}
                onClick={() => edit((d) => void d.quotas.splice(i, 1))}
              />
            )}
            <ProblemLines problems={problems} prefix={`quotas.${i}`} />
          </Group>
        ))}
        {!readOnly && draft.tiers.length >= 2 && (
          <Button
            size="compact-sm"
            variant="light"
            w="fit-content"
            onClick={() =>
              edit((d) =>
                d.quotas.push({
                  kind: "share-of-tier",
                  tierId: d.tiers[0]?.id ?? "",
                  ofTierId: d.tiers[1]?.id ?? "",
                  percent: 20,
                  scope: "round",
                }),
              )
            }
          >
            {t("criteria.quotas.add")}
          </Button>
        )}
        <NumberInput
          label={t("criteria.gatePolicy.label")}
          description={t("criteria.gatePolicy.hint")}
          value={draft.gatePolicy.maxNonEliminatoryFailures}
          min={0}
          readOnly={readOnly}
          onChange={(v) =>
            edit((d) => {
              d.gatePolicy.maxNonEliminatoryFailures = numberOf(v) ?? 0;
            })
          }
          w="20rem"
        />
      </Section>
      <AggregationSection draft={draft} edit={edit} problems={problems} readOnly={readOnly} />
    </Stack>
  );
}

const methods = ["mean", "median", "trimmed-mean"] as const;

/**
 * How reviewers' ratings combine: the method (mean, median, trimmed mean), the reviewers a
 * model needs, the disagreement gaps that call one more reviewer, and calibration.
 */
function AggregationSection({ draft, edit, problems, readOnly }: SettingsProps) {
  const { t } = useI18n();
  const aggregation = draft.aggregation;
  const method = aggregation.method;
  /** A gap: a number of points, or nothing (no check) when the field is emptied. */
  const gap = (field: "totalGap" | "criterionGap") => (
    <NumberInput
      label={t(`criteria.aggregation.${field}`)}
      description={t(`criteria.aggregation.${field}Hint`)}
      value={aggregation.disagreement?.[field] ?? ""}
      min={0}
      decimalScale={3}
      readOnly={readOnly}
      onChange={(v) =>
        edit((d) => {
          const n = numberOf(v);
          const next = { ...d.aggregation.disagreement };
          if (n === undefined) delete next[field];
          else next[field] = n;
          d.aggregation.disagreement = Object.keys(next).length > 0 ? next : undefined;
        })
      }
      w="20rem"
    />
  );
  return (
    <Section title={t("criteria.aggregation.title")}>
      <Text size="sm" c="dimmed">
        {t("criteria.aggregation.intro")}
      </Text>
      <Group gap="xs" align="flex-end" wrap="wrap">
        <NativeSelect
          label={t("criteria.aggregation.method")}
          value={method.kind}
          disabled={readOnly}
          data={methods.map((kind) => ({ value: kind, label: t(`criteria.aggregation.method.${kind}`) }))}
          onChange={(e) => {
            const kind = e.currentTarget.value as (typeof methods)[number];
            edit((d) => {
              d.aggregation.method = kind === "trimmed-mean" ? { kind, trimFraction: 0.2 } : { kind };
            });
          }}
          w="16rem"
        />
        {method.kind === "trimmed-mean" && (
          <NumberInput
            label={t("criteria.aggregation.trimFraction")}
            value={method.trimFraction}
            min={0}
            max={0.49}
            step={0.05}
            decimalScale={2}
            readOnly={readOnly}
            onChange={(v) =>
              edit((d) => {
                if (d.aggregation.method.kind === "trimmed-mean") d.aggregation.method.trimFraction = numberOf(v) ?? 0;
              })
            }
            w="14rem"
          />
        )}
        <NumberInput
          label={t("criteria.aggregation.minReviewers")}
          value={aggregation.minReviewers}
          min={1}
          max={50}
          allowDecimal={false}
          readOnly={readOnly}
          onChange={(v) =>
            edit((d) => {
              d.aggregation.minReviewers = numberOf(v) ?? 1;
            })
          }
          w="14rem"
        />
      </Group>
      {gap("totalGap")}
      {gap("criterionGap")}
      <Group gap="xs" align="flex-end" wrap="wrap">
        <Switch
          label={t("criteria.aggregation.calibration")}
          description={t("criteria.aggregation.calibrationHint")}
          checked={aggregation.calibration.enabled}
          disabled={readOnly}
          onChange={(e) => {
            const enabled = e.currentTarget.checked;
            edit((d) => {
              d.aggregation.calibration.enabled = enabled;
            });
          }}
        />
        {aggregation.calibration.enabled && (
          <NumberInput
            label={t("criteria.aggregation.minRatingsPerReviewer")}
            value={aggregation.calibration.minRatingsPerReviewer}
            min={2}
            allowDecimal={false}
            readOnly={readOnly}
            onChange={(v) =>
              edit((d) => {
                d.aggregation.calibration.minRatingsPerReviewer = numberOf(v) ?? 2;
              })
            }
            w="16rem"
          />
        )}
      </Group>
      <ProblemLines problems={problems} prefix="aggregation" />
    </Section>
  );
}
