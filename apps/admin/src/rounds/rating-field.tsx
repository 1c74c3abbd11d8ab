import { Badge, Button, Group, NumberInput, Paper, Stack, Text, Textarea } from "@mantine/core";
import { useRef } from "react";
import { useI18n } from "../i18n/i18n";
import { bandOf, type RatedCriterion } from "./round-criteria";

/** Whether a value lies on the criterion's scale, on a step (as the domain's `checkScorecard` says). */
export function onScale(c: RatedCriterion, value: number): boolean {
  const milli = Math.round(value * 1000);
  const min = Math.round(c.min * 1000);
  const step = Math.round(c.step * 1000);
  return milli >= min && milli <= Math.round(c.max * 1000) && (step <= 0 || (milli - min) % step === 0);
}

/**
 * One rated criterion: the value on its scale, the band it falls in, and a comment; side by
 * side, or one above the other in a narrow column (`stacked`).
 */
export function RatingField({
  criterion: c,
  value,
  commentRequired,
  stacked = false,
  readOnly,
  disabled,
  onBand,
  valueProps,
  commentProps,
}: {
  criterion: RatedCriterion;
  value: number | string;
  commentRequired: boolean;
  stacked?: boolean;
  /** A submitted card: shown at full contrast, without the controls that change it. */
  readOnly: boolean;
  disabled: boolean;
  onBand(value: number): void;
  valueProps: object;
  commentProps: object;
}) {
  const { t, locale, formatNumber } = useI18n();
  const band = bandOf(c, typeof value === "number" ? value : null);
  const comment = useRef<HTMLTextAreaElement>(null);
  const Layout = stacked ? Stack : Group;
  return (
    <Paper withBorder p="sm" data-testid={`rating-${c.id}`}>
      <Group justify="space-between" align="flex-start">
        <div>
          <Text fw={600}>{c.label}</Text>
          {c.description && (
            <Text size="sm" c="dimmed">
              {c.description}
            </Text>
          )}
          <Text size="xs" c="dimmed">
            {t("scorecard.scale", {
              min: formatNumber(c.min),
              max: formatNumber(c.max),
              points: formatNumber(c.points),
            })}
          </Text>
        </div>
        {band && <Badge variant="light">{band.label}</Badge>}
      </Group>
      {c.bands.length > 0 && !readOnly && (
        <Group gap={4} my="xs" role="group" aria-label={t("scorecard.bands", { name: c.label })}>
          {c.bands.map((b) => (
            <Button
              key={b.id}
              size="compact-xs"
              variant={band?.id === b.id ? "filled" : "default"}
              disabled={disabled}
              onClick={() => {
                onBand(b.max);
                // A band chosen, the comment is what is left to write: the focus goes there (a click saved).
                if (comment.current && !comment.current.value.trim()) comment.current.focus();
              }}
            >
              {b.label} ({formatNumber(b.min)}–{formatNumber(b.max)})
            </Button>
          ))}
        </Group>
      )}
      <Layout gap={stacked ? "xs" : "md"} {...(stacked ? {} : { grow: true, align: "flex-start" })}>
        <NumberInput
          label={t("scorecard.value", { name: c.label })}
          min={c.min}
          max={c.max}
          step={c.step}
          decimalScale={3}
          decimalSeparator={locale === "vi" ? "," : "."}
          readOnly={readOnly}
          hideControls={readOnly}
          disabled={disabled}
          {...valueProps}
        />
        <Textarea
          ref={comment}
          label={t("scorecard.comment", { name: c.label })}
          withAsterisk={commentRequired && !readOnly}
          readOnly={readOnly}
          disabled={disabled}
          autosize
          minRows={1}
          {...commentProps}
        />
      </Layout>
    </Paper>
  );
}
