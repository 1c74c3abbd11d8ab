import {
  DeclareConflictDocument,
  RoundScorecardContextDocument,
  request,
  SaveScorecardDocument,
  ScorecardModelDocument,
  ScorecardsDocument,
} from "@lantoa/client";
import { Alert, Badge, Button, Group, NumberInput, Paper, Stack, Table, Text, Textarea, Title } from "@mantine/core";
import { useEffect, useMemo, useState } from "react";
import { Link, useSearch } from "wouter";
import { useI18n } from "../i18n/i18n";
import { failureOf, type Refusal, refusalOf } from "../mutation-errors";
import { QueryStatus } from "../query-status";
import { useSession } from "../session";
import { graphqlEndpoint, useQuery } from "../use-query";
import { bandOf, type RatedCriterion, ratedCriteria, useRoundCriteria } from "./round-criteria";
import { roundNode } from "./round-ids";

type Draft = Record<string, { value: number | null; comment: string }>;

/**
 * One scorecard (phiếu chấm) of one model in a round: a reviewer's review, or the owner
 * unit's self-assessment (`kind="SELF"`). The form comes from the round's pinned criteria:
 * each rated criterion with its scale's bands as labels and a comment. Saving keeps a draft;
 * submitting locks it, and only then does a reviewer see the others' scores.
 */
export default function ScorecardPage({
  roundId,
  modelId,
  kind,
}: {
  roundId: string;
  modelId: string;
  kind: "REVIEW" | "SELF";
}) {
  const i18n = useI18n();
  const { t, locale } = i18n;
  const { session } = useSession();
  const round = useQuery(RoundScorecardContextDocument, { id: roundId });
  const modelQuery = useQuery(ScorecardModelDocument, { id: modelId }, { skip: kind !== "SELF" });
  const node = roundNode(round.data?.node);
  const criteriaQuery = useRoundCriteria(node?.criteriaSetCode, node?.criteriaVersion);
  const criteria = useMemo(
    () => (criteriaQuery.definition ? ratedCriteria(criteriaQuery.definition, locale) : []),
    [criteriaQuery.definition, locale],
  );
  const cards = useQuery(ScorecardsDocument, { roundId, modelId });
  const own = cards.data?.scorecards?.own ?? null;
  const others = cards.data?.scorecards?.others ?? [];
  // An organizer's admin filling a unit's self-assessment may get it among the others.
  const card = own ?? (kind === "SELF" ? (others.find((o) => o.kind === "self") ?? null) : null);
  const submitted = card?.status === "submitted";
  const [draft, setDraft] = useState<Draft>({});
  const [problem, setProblem] = useState<Refusal | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [conflictReason, setConflictReason] = useState("");
  const model = modelQuery.data?.node && "code" in modelQuery.data.node ? modelQuery.data.node : null;
  const modelCode = model?.code ?? node?.assignments?.find((a) => a.modelId === modelId)?.modelCode;
  // A self-assessment opened from the round's page goes back there; otherwise to "my scorecards".
  const search = useSearch();
  // Until the round says otherwise, ask for comments (the server has the last word).
  const commentsRequired = node?.commentsRequired ?? true;
  const fromRound = kind === "SELF" && new URLSearchParams(search).get("from") === "round";

  // The saved scorecard fills the form once it arrives (and again after each save).
  useEffect(() => {
    if (!card) return;
    const next: Draft = {};
    for (const r of card.ratings ?? []) {
      if (r.criterionId) next[r.criterionId] = { value: r.value ?? null, comment: r.comment ?? "" };
    }
    setDraft(next);
  }, [card]);

  const save = async (submit: boolean) => {
    setProblem(null);
    setNotice(null);
    if (submit) {
      const missing = criteria.filter(
        (c) => draft[c.id]?.value == null || (commentsRequired && !draft[c.id]?.comment.trim()),
      );
      if (missing.length > 0) {
        setProblem({
          text: t(commentsRequired ? "scorecard.incomplete" : "scorecard.incompleteScores", {
            list: missing.map((c) => c.label).join(", "),
          }),
          code: null,
        });
        return;
      }
    }
    setBusy(true);
    try {
      const ratings = criteria
        .filter((c) => draft[c.id]?.value != null || draft[c.id]?.comment.trim())
        .map((c) => ({
          criterionId: c.id,
          value: draft[c.id]?.value ?? null,
          comment: draft[c.id]?.comment.trim() || null,
        }));
      const { saveScorecard: r } = await request(
        graphqlEndpoint,
        SaveScorecardDocument,
        { roundId, modelId, kind, ratings, submit, expectedVersion: own?.version ?? null },
        { token: session?.token },
      );
      if (r?.__typename === "MutationSaveScorecardSuccess") {
        setNotice(
          submit
            ? r.data.extraReviewerAssigned
              ? t("scorecard.submittedExtra")
              : t("scorecard.submitted")
            : t("scorecard.saved"),
        );
        cards.reload();
        round.reload();
      } else if (r && "code" in r) setProblem(refusalOf(r, i18n));
    } catch (error) {
      setProblem(failureOf(error, i18n));
    } finally {
      setBusy(false);
    }
  };

  const declare = async () => {
    setProblem(null);
    if (!conflictReason.trim()) {
      setProblem({ text: t("scorecard.conflictReasonNeeded"), code: null });
      return;
    }
    setBusy(true);
    try {
      const { declareConflict: r } = await request(
        graphqlEndpoint,
        DeclareConflictDocument,
        { roundId, modelId, reason: conflictReason.trim() },
        { token: session?.token },
      );
      if (r?.__typename === "MutationDeclareConflictSuccess") {
        setNotice(t("scorecard.conflictDeclared"));
        round.reload();
      } else if (r && "code" in r) setProblem(refusalOf(r, i18n));
    } catch (error) {
      setProblem(failureOf(error, i18n));
    } finally {
      setBusy(false);
    }
  };

  const set = (id: string, patch: Partial<Draft[string]>) =>
    setDraft((d) => ({ ...d, [id]: { value: d[id]?.value ?? null, comment: d[id]?.comment ?? "", ...patch } }));
  const declared = node?.assignments?.some((a) => a.modelId === modelId && a.conflictDeclared) ?? false;

  return (
    <Stack component="section" aria-labelledby="scorecard-heading" gap="sm">
      <Link href={fromRound ? `/rounds/${encodeURIComponent(roundId)}` : "/my-scorecards"}>
        {fromRound ? t("rounds.backToRound") : t("scorecard.backToMine")}
      </Link>
      <Title order={2} id="scorecard-heading">
        {kind === "SELF" ? t("scorecard.selfTitle") : t("scorecard.title")}
        {modelCode ? ` — ${modelCode}` : ""}
      </Title>
      {node && (
        <Text c="dimmed">
          {node.name} ({node.code}) ·{" "}
          {t("rounds.criteriaVersion", { code: node.criteriaSetCode ?? "", n: node.criteriaVersion ?? 0 })}
        </Text>
      )}
      <QueryStatus state={round} reload={round.reload} />
      <QueryStatus state={cards} reload={cards.reload} />
      <QueryStatus state={criteriaQuery.version} reload={criteriaQuery.version.reload} />
      {declared && <Alert color="orange">{t("scorecard.youDeclared")}</Alert>}
      {card && (
        <Group gap="xs">
          <Badge color={submitted ? "green" : "gray"} data-testid="scorecard-status">
            {t(submitted ? "scorecard.status.submitted" : "scorecard.status.draft")}
          </Badge>
          <Text size="sm" c="dimmed">
            {own && t("scorecard.version", { n: own.version ?? 0 })}
          </Text>
        </Group>
      )}
      {criteria.length > 0 && !declared && (
        <Stack gap="sm" data-testid="scorecard-form">
          {criteria.map((c) => (
            <RatingField
              key={c.id}
              criterion={c}
              value={draft[c.id]?.value ?? null}
              comment={draft[c.id]?.comment ?? ""}
              commentRequired={commentsRequired}
              disabled={submitted || busy}
              onValue={(value) => set(c.id, { value })}
              onComment={(comment) => set(c.id, { comment })}
            />
          ))}
          {!submitted && (
            <Group>
              <Button variant="default" onClick={() => save(false)} loading={busy}>
                {t("scorecard.saveDraft")}
              </Button>
              <Button onClick={() => save(true)} loading={busy}>
                {t("scorecard.submit")}
              </Button>
            </Group>
          )}
        </Stack>
      )}
      {notice && (
        <Alert color="green" role="status">
          {notice}
        </Alert>
      )}
      {problem && (
        <Alert color="red" role="alert">
          {problem.text}
          {problem.code && (
            <Text size="xs" c="dimmed">
              {problem.code}
            </Text>
          )}
        </Alert>
      )}
      {kind === "REVIEW" && (
        <Paper withBorder p="sm">
          <Title order={3} size="h5">
            {t("scorecard.others")}
          </Title>
          {!submitted && (cards.data?.scorecards?.othersHidden ?? 0) > 0 && (
            <Text size="sm" data-testid="others-hidden">
              {t("scorecard.othersHidden", { n: cards.data?.scorecards?.othersHidden ?? 0 })}
            </Text>
          )}
          {others.length > 0 && (
            <Table data-testid="others-table">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t("scorecard.criterion")}</Table.Th>
                  {others.map((o, n) => (
                    // biome-ignore lint/suspicious/noArrayIndexKey: scorecards have no id; their order is stable.
                    <Table.Th key={n}>
                      {o.kind === "self" ? t("scorecard.selfColumn") : (o.reviewerName ?? "—")}
                    </Table.Th>
                  ))}
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {criteria.map((c) => (
                  <Table.Tr key={c.id}>
                    <Table.Td>{c.label}</Table.Td>
                    {others.map((o, n) => {
                      const r = o.ratings?.find((x) => x.criterionId === c.id);
                      return (
                        // biome-ignore lint/suspicious/noArrayIndexKey: as above.
                        <Table.Td key={n} title={r?.comment ?? ""}>
                          {r?.value ?? "—"}
                        </Table.Td>
                      );
                    })}
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          )}
        </Paper>
      )}
      {kind === "REVIEW" && !declared && !submitted && (
        <Paper withBorder p="sm">
          <Title order={3} size="h5">
            {t("scorecard.conflict")}
          </Title>
          <Text size="sm">{t("scorecard.conflictHelp")}</Text>
          <Textarea
            label={t("scorecard.conflictReason")}
            value={conflictReason}
            onChange={(e) => setConflictReason(e.currentTarget.value)}
            autosize
            minRows={2}
          />
          <Button mt="xs" color="orange" variant="light" onClick={declare} loading={busy}>
            {t("scorecard.declareConflict")}
          </Button>
        </Paper>
      )}
    </Stack>
  );
}

/** One rated criterion: the value on its scale, the band it falls in, and a comment. */
function RatingField({
  criterion: c,
  value,
  comment,
  commentRequired,
  disabled,
  onValue,
  onComment,
}: {
  criterion: RatedCriterion;
  value: number | null;
  comment: string;
  commentRequired: boolean;
  disabled: boolean;
  onValue(value: number | null): void;
  onComment(comment: string): void;
}) {
  const { t } = useI18n();
  const band = bandOf(c, value);
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
            {t("scorecard.scale", { min: c.min, max: c.max, points: c.points })}
          </Text>
        </div>
        {band && <Badge variant="light">{band.label}</Badge>}
      </Group>
      {c.bands.length > 0 && (
        <Group gap={4} my="xs" role="group" aria-label={t("scorecard.bands", { name: c.label })}>
          {c.bands.map((b) => (
            <Button
              key={b.id}
              size="compact-xs"
              variant={band?.id === b.id ? "filled" : "default"}
              disabled={disabled}
              onClick={() => onValue(b.max)}
            >
              {b.label} ({b.min}–{b.max})
            </Button>
          ))}
        </Group>
      )}
      <Group grow align="flex-start">
        <NumberInput
          label={t("scorecard.value", { name: c.label })}
          value={value ?? ""}
          min={c.min}
          max={c.max}
          step={c.step}
          decimalScale={2}
          disabled={disabled}
          onChange={(v) => onValue(typeof v === "number" ? v : v === "" ? null : Number(v))}
        />
        <Textarea
          label={t("scorecard.comment", { name: c.label })}
          value={comment}
          withAsterisk={commentRequired}
          disabled={disabled}
          autosize
          minRows={1}
          onChange={(e) => onComment(e.currentTarget.value)}
        />
      </Group>
    </Paper>
  );
}
