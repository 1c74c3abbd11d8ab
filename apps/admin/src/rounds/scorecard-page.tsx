import {
  RoundScorecardContextDocument,
  SaveScorecardDocument,
  ScorecardModelDocument,
  ScorecardsDocument,
} from "@lantoa/client";
import { Alert, Anchor, Badge, Button, Group, Stack, Text, Title } from "@mantine/core";
import { useMutation, useQuery } from "@tanstack/react-query";
import { useEffect, useMemo, useRef } from "react";
import { Link, useSearch } from "wouter";
import { graphqlMutation, graphqlQuery } from "../data/graphql";
import { ProblemAlert } from "../errors/problem-alert";
import { useMutationForm } from "../forms/use-mutation-form";
import { useI18n } from "../i18n/i18n";
import type { MessageKey } from "../i18n/messages-vi";
import { QueryStatus } from "../query-status";
import { scorecardStatusColor } from "../status-colors";
import { onScale, RatingField } from "./rating-field";
import { ratedCriteria, useRoundCriteria } from "./round-criteria";
import { roundNode } from "./round-ids";

type Ratings = Record<string, { value: number | string; comment: string }>;

/**
 * The owner unit's self-assessment (phiếu tự đánh giá) of one model in a round (a reviewer
 * scores in the review workspace instead). The form comes from the round's pinned criteria:
 * each rated criterion with its scale's bands as labels and a comment. Saving keeps a draft;
 * submitting checks every criterion and locks it.
 */
export default function ScorecardPage({ roundId, modelId }: { roundId: string; modelId: string }) {
  const { t, locale } = useI18n();
  const round = useQuery(graphqlQuery(RoundScorecardContextDocument, { id: roundId }));
  const modelQuery = useQuery(graphqlQuery(ScorecardModelDocument, { id: modelId }));
  const node = roundNode(round.data?.node);
  const criteriaQuery = useRoundCriteria(node?.criteriaSetCode, node?.criteriaVersion);
  const criteria = useMemo(
    () => (criteriaQuery.definition ? ratedCriteria(criteriaQuery.definition, locale) : []),
    [criteriaQuery.definition, locale],
  );
  const cards = useQuery(graphqlQuery(ScorecardsDocument, { roundId, modelId }));
  const own = cards.data?.scorecards?.own ?? null;
  const others = cards.data?.scorecards?.others ?? [];
  // An organizer's admin filling a unit's self-assessment may get it among the others.
  const card = own ?? others.find((o) => o.kind === "self") ?? null;
  const submitted = card?.status === "submitted";
  const model = modelQuery.data?.node && "code" in modelQuery.data.node ? modelQuery.data.node : null;
  const modelCode = model?.code ?? node?.assignments?.find((a) => a.modelId === modelId)?.modelCode;
  // A self-assessment opened from the round's page goes back there; otherwise to "my scorecards".
  const search = useSearch();
  // Until the round says otherwise, ask for comments (the server has the last word).
  const commentsRequired = node?.commentsRequired ?? true;
  const fromRound = new URLSearchParams(search).get("from") === "round";

  const save = useMutation(graphqlMutation(SaveScorecardDocument));
  // Which button sent the form: a draft may be incomplete, a submission may not.
  const intent = useRef<"draft" | "submit">("draft");
  const { form, onSubmit, problem } = useMutationForm({
    initialValues: { ratings: {} as Ratings },
    check: ({ ratings }) => {
      const errors: Record<string, MessageKey | null> = {};
      for (const c of criteria) {
        const entry = ratings[c.id];
        const value = entry?.value;
        const rated = typeof value === "number" && Number.isFinite(value);
        if (rated && !onScale(c, value)) errors[`ratings.${c.id}.value`] = "scorecard.valueOffScale";
        if (intent.current !== "submit") continue;
        if (!rated) errors[`ratings.${c.id}.value`] = "scorecard.valueRequired";
        if (commentsRequired && !(entry?.comment ?? "").trim()) {
          errors[`ratings.${c.id}.comment`] = "scorecard.commentRequired";
        }
      }
      return errors;
    },
    submit: ({ ratings }) =>
      save.mutateAsync({
        roundId,
        modelId,
        kind: "SELF",
        submit: intent.current === "submit",
        expectedVersion: own?.version ?? null,
        ratings: criteria
          .map((c) => ({ id: c.id, value: ratings[c.id]?.value, comment: (ratings[c.id]?.comment ?? "").trim() }))
          .filter((r) => typeof r.value === "number" || r.comment)
          .map((r) => ({
            criterionId: r.id,
            value: typeof r.value === "number" ? r.value : null,
            comment: r.comment || null,
          })),
      }),
  });
  const done = save.data ? (save.variables?.submit ? t("scorecard.selfSubmitted") : t("scorecard.saved")) : null;

  // Every criterion gets its entry (Mantine sets nested values only inside objects that exist),
  // filled from the saved scorecard once it arrives, and again after each save.
  const criterionIds = criteria.map((c) => c.id).join("|");
  // biome-ignore lint/correctness/useExhaustiveDependencies: the criteria (by id) and the saved card are the trigger.
  useEffect(() => {
    const next: Ratings = {};
    for (const c of criteria) next[c.id] = { value: "", comment: "" };
    for (const r of card?.ratings ?? []) {
      if (r.criterionId) next[r.criterionId] = { value: r.value ?? "", comment: r.comment ?? "" };
    }
    form.setValues({ ratings: next });
    form.resetDirty({ ratings: next });
  }, [criterionIds, card]);

  return (
    <Stack component="section" aria-labelledby="scorecard-heading" gap="sm">
      <Anchor component={Link} href={fromRound ? `/rounds/${encodeURIComponent(roundId)}` : "/my-scorecards"}>
        {fromRound ? t("rounds.backToRound") : t("scorecard.backToMine")}
      </Anchor>
      <Title order={2} id="scorecard-heading">
        {t("scorecard.selfTitle")}
        {modelCode ? ` — ${modelCode}` : ""}
      </Title>
      {node && (
        <Text c="dimmed">
          {node.name} ({node.code}) ·{" "}
          {t("rounds.criteriaVersion", { code: node.criteriaSetCode ?? "", n: node.criteriaVersion ?? 0 })}
        </Text>
      )}
      <QueryStatus query={round} />
      <QueryStatus query={cards} />
      <QueryStatus query={criteriaQuery.version} />
      {card && (
        <Group gap="xs">
          <Badge
            color={scorecardStatusColor[card.status ?? ""] ?? "gray"}
            variant="light"
            data-testid="scorecard-status"
          >
            {t(submitted ? "scorecard.status.submitted" : "scorecard.status.draft")}
          </Badge>
          <Text size="sm" c="dimmed">
            {own && t("scorecard.version", { n: own.version ?? 0 })}
          </Text>
        </Group>
      )}
      {criteria.length > 0 && (
        <form onSubmit={onSubmit} noValidate data-testid="scorecard-form">
          <Stack gap="sm">
            {criteria.map((c) => (
              <RatingField
                key={c.id}
                criterion={c}
                value={form.values.ratings[c.id]?.value ?? ""}
                commentRequired={commentsRequired}
                readOnly={submitted}
                disabled={form.submitting}
                onBand={(value) =>
                  form.setFieldValue(`ratings.${c.id}`, { value, comment: form.values.ratings[c.id]?.comment ?? "" })
                }
                valueProps={form.getInputProps(`ratings.${c.id}.value`)}
                commentProps={form.getInputProps(`ratings.${c.id}.comment`)}
              />
            ))}
            {!submitted && (
              <Group>
                <Button
                  type="submit"
                  variant="default"
                  onClick={() => {
                    intent.current = "draft";
                  }}
                  loading={form.submitting && intent.current === "draft"}
                >
                  {t("scorecard.saveDraft")}
                </Button>
                <Button
                  type="submit"
                  onClick={() => {
                    intent.current = "submit";
                  }}
                  loading={form.submitting && intent.current === "submit"}
                >
                  {t("scorecard.submit")}
                </Button>
              </Group>
            )}
            <ProblemAlert problem={problem} />
          </Stack>
        </form>
      )}
      {done && (
        <Alert color="green" role="status">
          {done}
        </Alert>
      )}
    </Stack>
  );
}
