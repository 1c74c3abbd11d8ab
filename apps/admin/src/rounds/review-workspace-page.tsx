import {
  MyAssignmentsDocument,
  ReviewWorkspaceModelDocument,
  RoundScorecardContextDocument,
  SaveScorecardDocument,
  ScorecardsDocument,
} from "@lantoa/client";
import { Alert, Anchor, Badge, Button, Grid, Group, Modal, Paper, Stack, Text, Title } from "@mantine/core";
import { notifications } from "@mantine/notifications";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useEffect, useMemo, useRef, useState } from "react";
import { Link, useLocation } from "wouter";
import { DomainRefusal, graphqlMutation, graphqlQuery } from "../data/graphql";
import { ProblemAlert } from "../errors/problem-alert";
import { useMutationForm } from "../forms/use-mutation-form";
import { useI18n } from "../i18n/i18n";
import type { MessageKey } from "../i18n/messages-vi";
import { QueryStatus } from "../query-status";
import { useSession } from "../session";
import { scorecardStatusColor } from "../status-colors";
import { useDebouncedValue } from "../use-debounced-value";
import { ConflictForm } from "./conflict-form";
import { OthersScores } from "./others-scores";
import { onScale, RatingField } from "./rating-field";
import { ReviewModelPanel } from "./review-model-panel";
import { queuePosition, reviewQueue } from "./review-queue";
import { type RatedCriterion, ratedCriteria, useRoundCriteria } from "./round-criteria";
import { roundNode } from "./round-ids";

type Ratings = Record<string, { value: number | string; comment: string }>;
type Rating = { criterionId: string; value: number | null; comment: string | null };

/** The form's id, which the confirmation's submit button names. */
const formId = "review-scorecard";
/** Where the phone's "to the scorecard" link goes: the form's card, heading and save status included. */
const cardId = "phieu-cham";

/** How long typing must pause before the draft is saved. */
const AUTOSAVE_MS = 800;

/** The ratings as the API takes them: only criteria with a value or a comment. */
function ratingsOf(criteria: readonly RatedCriterion[], ratings: Ratings): Rating[] {
  return criteria
    .map((c) => ({ id: c.id, value: ratings[c.id]?.value, comment: (ratings[c.id]?.comment ?? "").trim() }))
    .filter((r) => typeof r.value === "number" || r.comment)
    .map((r) => ({
      criterionId: r.id,
      value: typeof r.value === "number" ? r.value : null,
      comment: r.comment || null,
    }));
}

/** The form's values from a saved card (every criterion gets an entry, so Mantine can set nested values). */
function valuesOf(
  criteria: readonly RatedCriterion[],
  card: {
    ratings?: readonly { criterionId: string | null; value: number | null; comment: string | null }[] | null;
  } | null,
): Ratings {
  const next: Ratings = {};
  for (const c of criteria) next[c.id] = { value: "", comment: "" };
  for (const r of card?.ratings ?? []) {
    if (r.criterionId) next[r.criterionId] = { value: r.value ?? "", comment: r.comment ?? "" };
  }
  return next;
}

type SaveState = "idle" | "saving" | "failed" | "conflict" | "offScale";

/** Drafts sent by workspaces on their way out, by `round/model`, until the server has them. */
const leavingSaves = new Map<string, Promise<unknown>>();

/**
 * A reviewer's workspace for one model of a round: the model (facts, description, outcomes,
 * evidence, replication, self-assessment) beside the scorecard, with the place in the
 * reviewer's queue and previous/next. The draft is saved on the server as the reviewer types
 * (so another device continues it); submitting asks for confirmation, then moves on to the
 * next model still to score. On a narrow screen the model comes first, the form below it.
 */
export default function ReviewWorkspacePage({ roundId, modelId }: { roundId: string; modelId: string }) {
  // A fresh workspace per model: its draft state never leaks into the next one.
  return <Workspace key={modelId} roundId={roundId} modelId={modelId} />;
}

function Workspace({ roundId, modelId }: { roundId: string; modelId: string }) {
  const { t, locale, formatDate } = useI18n();
  const { session } = useSession();
  const [, navigate] = useLocation();
  const formRef = useRef<HTMLFormElement>(null);

  const round = useQuery(graphqlQuery(RoundScorecardContextDocument, { id: roundId }));
  const node = roundNode(round.data?.node);
  const criteriaQuery = useRoundCriteria(node?.criteriaSetCode, node?.criteriaVersion);
  const criteria = useMemo(
    () => (criteriaQuery.definition ? ratedCriteria(criteriaQuery.definition, locale) : []),
    [criteriaQuery.definition, locale],
  );
  // Once the scores are final, a reviewer no longer reads the model (the gateway refuses it): only their card.
  const finished = node?.status === "finalized" || node?.status === "published";
  // Asked at once, beside the round (its refusal once the round is final is not shown).
  const modelQuery = useQuery(graphqlQuery(ReviewWorkspaceModelDocument, { id: modelId }));
  const model = modelQuery.data?.node?.__typename === "Model" ? modelQuery.data.node : null;
  const cards = useQuery(graphqlQuery(ScorecardsDocument, { roundId, modelId }));
  const view = cards.data?.scorecards ?? null;
  const own = view?.own ?? null;
  const assignments = useQuery(graphqlQuery(MyAssignmentsDocument, {}));
  const queue = useMemo(
    () =>
      reviewQueue(
        assignments.data?.rounds?.find((r) => r.id === roundId)?.assignments ?? [],
        session?.viewer.username ?? undefined,
      ),
    [assignments.data, roundId, session?.viewer.username],
  );
  const position = queuePosition(queue, modelId);
  // The model a submission moves on to is read ahead, so it opens at once.
  const queryClient = useQueryClient();
  const upNext = position.nextUnscored?.modelId;
  useEffect(() => {
    if (upNext) void queryClient.prefetchQuery(graphqlQuery(ReviewWorkspaceModelDocument, { id: upNext }));
  }, [queryClient, upNext]);
  const current = queue.find((q) => q.modelId === modelId);
  const name = model?.name ?? current?.modelName ?? "";
  const code = model?.code ?? current?.modelCode ?? "";

  const submitted = own?.status === "submitted";
  // The unit's submitted self-assessment is shown beside the model: only the other reviews wait.
  const hiddenReviews = Math.max(0, (view?.othersHidden ?? 0) - (view?.selfAssessment ? 1 : 0));
  const scoring = node?.status === "review";
  const declared = node?.assignments?.some((a) => a.modelId === modelId && a.conflictDeclared) ?? false;
  const editable = scoring && !submitted && !declared;
  const commentsRequired = node?.commentsRequired ?? true;

  const save = useMutation(graphqlMutation(SaveScorecardDocument));
  /** The card's version on the server, as this screen last saw it. */
  const version = useRef<number | null>(null);
  /** The ratings last saved (or loaded), as JSON: a draft is sent only when they differ. */
  const lastSaved = useRef<string | null>(null);
  /** The draft save under way, which a submission waits for (it needs the version it returns). */
  const inflight = useRef<Promise<unknown> | null>(null);
  const [saveState, setSaveState] = useState<SaveState>("idle");
  const [failedFor, setFailedFor] = useState<string | null>(null);
  const [savedAt, setSavedAt] = useState<string | null>(null);
  const [confirming, setConfirming] = useState(false);
  /** The card is submitted from this screen: nothing is left to save on the way out. */
  const sent = useRef(false);

  const { form, onSubmit, problem } = useMutationForm({
    initialValues: { ratings: {} as Ratings },
    check: ({ ratings }) => {
      const errors: Record<string, MessageKey | null> = {};
      for (const c of criteria) {
        const entry = ratings[c.id];
        const value = entry?.value;
        const rated = typeof value === "number" && Number.isFinite(value);
        if (rated && !onScale(c, value)) errors[`ratings.${c.id}.value`] = "scorecard.valueOffScale";
        if (!rated) errors[`ratings.${c.id}.value`] = "scorecard.valueRequired";
        if (commentsRequired && !(entry?.comment ?? "").trim()) {
          errors[`ratings.${c.id}.comment`] = "scorecard.commentRequired";
        }
      }
      return errors;
    },
    submit: async ({ ratings }) => {
      await inflight.current?.catch(() => undefined);
      return save.mutateAsync({
        roundId,
        modelId,
        kind: "REVIEW",
        submit: true,
        expectedVersion: version.current,
        ratings: ratingsOf(criteria, ratings),
      });
    },
    onSuccess: (data) => {
      sent.current = true;
      const next = position.nextUnscored;
      const extra = data.data.extraReviewerAssigned ? ` ${t("review.submittedExtra", { code })}` : "";
      notifications.show({
        color: "green",
        message:
          (next ? t("review.submittedNext", { code, next: next.modelName }) : t("review.submittedAll", { code })) +
          extra,
      });
      if (next) navigate(`/rounds/${encodeURIComponent(roundId)}/review/${encodeURIComponent(next.modelId)}`);
    },
  });

  /** Fills the form from the server's card: once when it arrives, and when a conflict is settled by loading it. */
  const load = (card: typeof own) => {
    const values = valuesOf(criteria, card);
    form.setValues({ ratings: values });
    form.resetDirty({ ratings: values });
    version.current = card?.version ?? null;
    lastSaved.current = JSON.stringify(ratingsOf(criteria, values));
    setSavedAt(card?.updatedAt ?? null);
  };
  // The card as the server has it now, not as the cache last saw it: read again once the
  // save this model's previous screen sent on its way out (if any) is in.
  const [fresh, setFresh] = useState<{ card: typeof own } | null>(null);
  // biome-ignore lint/correctness/useExhaustiveDependencies: once per workspace.
  useEffect(() => {
    let live = true;
    void (leavingSaves.get(`${roundId}/${modelId}`) ?? Promise.resolve())
      .then(() => cards.refetch())
      .then((result) => {
        if (live && result.isSuccess) setFresh({ card: result.data?.scorecards?.own ?? null });
      });
    return () => {
      live = false;
    };
  }, []);
  const loaded = useRef(false);
  // biome-ignore lint/correctness/useExhaustiveDependencies: loads once, when both the criteria and the card are known.
  useEffect(() => {
    if (loaded.current || criteria.length === 0 || fresh === null) return;
    loaded.current = true;
    load(fresh.card);
  }, [criteria, fresh]);

  const draft = JSON.stringify(ratingsOf(criteria, form.values.ratings));
  const settled = useDebouncedValue(draft, AUTOSAVE_MS);
  const offScale = criteria.some((c) => {
    const value = form.values.ratings[c.id]?.value;
    return typeof value === "number" && !onScale(c, value);
  });

  // Leaving before the pause ends (previous/next, the queue, closing the tab) must not lose
  // the last words typed: the draft still due is sent on the way out, and closing the tab
  // with it unsent asks first.
  const pendingDraft = loaded.current && editable && !offScale && draft !== lastSaved.current ? draft : null;
  const leaving = useRef<string | null>(null);
  leaving.current = pendingDraft;
  // biome-ignore lint/correctness/useExhaustiveDependencies: runs once, on the way out, with the latest draft.
  useEffect(
    () => () => {
      if (leaving.current === null || sent.current) return;
      const ratings = JSON.parse(leaving.current) as Rating[];
      // After the save under way, if any: it brings the version this one must name. The
      // workspace opened next on this model waits for it before reading the card.
      const key = `${roundId}/${modelId}`;
      const leavingSave = (inflight.current ?? Promise.resolve())
        .catch(() => undefined)
        .then(() =>
          save.mutateAsync({
            roundId,
            modelId,
            kind: "REVIEW",
            submit: false,
            expectedVersion: version.current,
            ratings,
          }),
        )
        .catch(() => undefined)
        .finally(() => {
          if (leavingSaves.get(key) === leavingSave) leavingSaves.delete(key);
        });
      leavingSaves.set(key, leavingSave);
    },
    [],
  );
  useEffect(() => {
    if (pendingDraft === null) return;
    const warn = (event: BeforeUnloadEvent) => event.preventDefault();
    window.addEventListener("beforeunload", warn);
    return () => window.removeEventListener("beforeunload", warn);
  }, [pendingDraft]);

  // The draft follows the reviewer's typing: saved once typing pauses, one save at a time,
  // never over a version this screen has not seen (a conflict asks which to keep).
  // biome-ignore lint/correctness/useExhaustiveDependencies: the settled draft and the save's end are the triggers.
  useEffect(() => {
    if (!loaded.current || !editable || form.submitting || sent.current || inflight.current) return;
    if (saveState === "conflict" || settled === lastSaved.current || settled === failedFor) return;
    if (offScale) {
      setSaveState("offScale");
      return;
    }
    const ratings = JSON.parse(settled) as Rating[];
    setSaveState("saving");
    const sending = save
      .mutateAsync({ roundId, modelId, kind: "REVIEW", submit: false, expectedVersion: version.current, ratings })
      // The save is over before the state changes, so the render that follows may send the next one.
      .then(
        (result) => {
          inflight.current = null;
          version.current = result.data.version ?? version.current;
          lastSaved.current = settled;
          setSavedAt(new Date().toISOString());
          setFailedFor(null);
          setSaveState("idle");
        },
        (error: unknown) => {
          inflight.current = null;
          if (error instanceof DomainRefusal && error.code === "DB.STALE_VERSION") setSaveState("conflict");
          else {
            setFailedFor(settled);
            setSaveState("failed");
          }
        },
      );
    inflight.current = sending;
  }, [settled, saveState, editable, offScale, failedFor, form.submitting]);

  /** Settles a conflict: take the server's card, or keep this screen's and save it over the newer version. */
  const settle = async (keep: boolean) => {
    const fresh = (await cards.refetch()).data?.scorecards?.own ?? null;
    if (keep) {
      version.current = fresh?.version ?? null;
      lastSaved.current = null;
    } else load(fresh);
    setSaveState("idle");
  };

  const askToSubmit = () => {
    // Errors first (the form's own submit shows them and moves the focus); a complete card is confirmed.
    if (form.validate().hasErrors) formRef.current?.requestSubmit();
    else setConfirming(true);
  };

  const href = (id: string) => `/rounds/${encodeURIComponent(roundId)}/review/${encodeURIComponent(id)}`;
  const status = submitted ? "submitted" : own ? "draft" : null;

  return (
    <Stack component="section" aria-labelledby="review-heading" gap="sm">
      <Group justify="space-between" gap="xs" wrap="wrap">
        <Anchor component={Link} href="/my-scorecards">
          {t("scorecard.backToMine")}
        </Anchor>
        {position.total > 0 && (
          <Group gap="xs" wrap="wrap" data-testid="review-queue-nav">
            <Badge variant="light" size="lg" data-testid="review-progress">
              {t("review.queueProgress", { submitted: position.submitted, total: position.total })}
            </Badge>
            {position.index > 0 && (
              <Text size="sm" c="dimmed">
                {t("review.position", { index: position.index, total: position.total })}
              </Text>
            )}
            {position.previous && (
              <Button
                component={Link}
                href={href(position.previous.modelId)}
                size="compact-sm"
                variant="default"
                aria-label={t("review.previousFor", { name: position.previous.modelName })}
              >
                {t("review.previous")}
              </Button>
            )}
            {position.next && (
              <Button
                component={Link}
                href={href(position.next.modelId)}
                size="compact-sm"
                variant="default"
                aria-label={t("review.nextFor", { name: position.next.modelName })}
              >
                {t("review.next")}
              </Button>
            )}
          </Group>
        )}
      </Group>
      <div>
        <Title order={2} id="review-heading">
          {name || code}
        </Title>
        <Text c="dimmed" size="sm">
          {[code, model?.ownerUnit?.name ?? current?.unitName, node?.name].filter(Boolean).join(" · ")}
        </Text>
      </div>
      <Anchor href={`#${cardId}`} hiddenFrom="lg" size="sm">
        {t("review.toForm")}
      </Anchor>
      <QueryStatus query={round} />
      {node && !finished && <QueryStatus query={modelQuery} />}
      {finished && (
        <Text size="sm" c="dimmed">
          {t("review.modelClosed")}
        </Text>
      )}
      <QueryStatus query={cards} />
      <QueryStatus query={criteriaQuery.version} />
      <Grid gap="md" align="flex-start">
        <Grid.Col span={{ base: 12, lg: 7 }}>
          {model && (
            <ReviewModelPanel model={model} selfAssessment={view?.selfAssessment ?? null} criteria={criteria} />
          )}
        </Grid.Col>
        <Grid.Col span={{ base: 12, lg: 5 }} className="review-form-column">
          <Stack gap="sm">
            <Paper
              withBorder
              p="sm"
              id={cardId}
              // The "to the scorecard" link lands below the fixed header, not under it.
              style={{ scrollMarginTop: "calc(64px + var(--mantine-spacing-md))" }}
            >
              <Group justify="space-between" gap="xs" mb="xs">
                <Title order={3} size="h4">
                  {t("review.formHeading")}
                </Title>
                <Badge
                  color={scorecardStatusColor[status ?? ""] ?? "gray"}
                  variant="light"
                  data-testid="scorecard-status"
                >
                  {t(
                    status === "submitted"
                      ? "scorecard.status.submitted"
                      : status === "draft"
                        ? "scorecard.status.draft"
                        : "scorecard.status.none",
                  )}
                </Badge>
              </Group>
              {editable && criteria.length > 0 && (
                <SaveStatus
                  state={saveState}
                  pending={draft !== lastSaved.current}
                  savedAt={savedAt ? formatDate(savedAt, true) : null}
                  onRetry={() => setFailedFor(null)}
                  onSettle={settle}
                />
              )}
              {declared && <Alert color="orange">{t("scorecard.youDeclared")}</Alert>}
              {node && !scoring && !declared && (
                <Text size="sm" c="dimmed">
                  {t("review.notScoring")}
                </Text>
              )}
              {submitted && (
                <Text size="sm" c="dimmed">
                  {t("review.readOnly")}
                </Text>
              )}
              {criteria.length > 0 && !declared && (
                <form id={formId} ref={formRef} onSubmit={onSubmit} noValidate data-testid="scorecard-form">
                  <Stack gap="sm">
                    {criteria.map((c) => (
                      <RatingField
                        key={c.id}
                        criterion={c}
                        value={form.values.ratings[c.id]?.value ?? ""}
                        commentRequired={commentsRequired}
                        stacked
                        readOnly={!editable}
                        disabled={form.submitting}
                        onBand={(value) =>
                          form.setFieldValue(`ratings.${c.id}`, {
                            value,
                            comment: form.values.ratings[c.id]?.comment ?? "",
                          })
                        }
                        valueProps={form.getInputProps(`ratings.${c.id}.value`)}
                        commentProps={form.getInputProps(`ratings.${c.id}.comment`)}
                      />
                    ))}
                    {editable && (
                      <>
                        <ProblemAlert problem={problem} />
                        <Button onClick={askToSubmit} loading={form.submitting} disabled={saveState === "conflict"}>
                          {t("review.submit")}
                        </Button>
                      </>
                    )}
                  </Stack>
                </form>
              )}
            </Paper>
            {(submitted || hiddenReviews > 0) && (
              <OthersScores
                others={submitted ? (view?.others ?? []) : []}
                othersHidden={submitted ? 0 : hiddenReviews}
                criteria={criteria}
              />
            )}
            {scoring && !declared && !submitted && <ConflictForm roundId={roundId} modelId={modelId} />}
          </Stack>
        </Grid.Col>
      </Grid>
      <Modal opened={confirming} onClose={() => setConfirming(false)} title={t("review.confirmTitle")} centered>
        <Stack gap="md">
          <Text>{t("review.confirmBody", { name: name || code })}</Text>
          <Group justify="flex-end" gap="xs">
            <Button variant="default" onClick={() => setConfirming(false)}>
              {t("review.confirmBack")}
            </Button>
            <Button type="submit" form={formId} onClick={() => setConfirming(false)}>
              {t("review.confirmSubmit")}
            </Button>
          </Group>
        </Stack>
      </Modal>
    </Stack>
  );
}

/** Where the draft stands: saving, saved at a time, not saved (and why), or saved elsewhere meanwhile. */
function SaveStatus({
  state,
  pending,
  savedAt,
  onRetry,
  onSettle,
}: {
  state: SaveState;
  pending: boolean;
  savedAt: string | null;
  onRetry(): void;
  onSettle(keep: boolean): void;
}) {
  const { t } = useI18n();
  if (state === "conflict") {
    return (
      <Alert color="orange" data-testid="draft-conflict">
        <Text size="sm">{t("review.conflict")}</Text>
        <Group gap="xs" mt="xs">
          <Button size="compact-sm" variant="default" onClick={() => onSettle(false)}>
            {t("review.conflictLoad")}
          </Button>
          <Button size="compact-sm" variant="default" onClick={() => onSettle(true)}>
            {t("review.conflictKeep")}
          </Button>
        </Group>
      </Alert>
    );
  }
  if (state === "failed") {
    return (
      <Group gap="xs" data-testid="draft-status">
        <Text size="sm" c="red.9">
          {t("review.saveFailed")}
        </Text>
        <Button size="compact-sm" variant="default" onClick={onRetry}>
          {t("review.retry")}
        </Button>
      </Group>
    );
  }
  const text =
    state === "saving"
      ? t("review.saving")
      : state === "offScale" && pending
        ? t("review.notSavedOffScale")
        : pending
          ? t("review.unsaved")
          : savedAt
            ? t("review.savedAt", { at: savedAt })
            : "";
  return (
    <Text size="sm" c="dimmed" role="status" aria-live="polite" data-testid="draft-status">
      {text}
    </Text>
  );
}
