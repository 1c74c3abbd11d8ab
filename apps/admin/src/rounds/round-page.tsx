import {
  AdvanceRoundStepDocument,
  AssignReviewersDocument,
  ComputeRoundResultsDocument,
  DrawReviewerPanelDocument,
  PanelReplayDocument,
  RecordCouncilDecisionDocument,
  ReviewerCandidatesDocument,
  RoundOverviewDocument,
  RoundProgressDocument,
  request,
} from "@lantoa/client";
import {
  Alert,
  Badge,
  Button,
  Code,
  Group,
  NativeSelect,
  NumberInput,
  Paper,
  Select,
  SimpleGrid,
  Stack,
  Stepper,
  Table,
  Text,
  TextInput,
  Title,
} from "@mantine/core";
import { lazy, Suspense, useEffect, useState } from "react";
import { Link } from "wouter";
import { foldedOptionsFilter } from "../fold-vietnamese";
import { followSubscription } from "../follow-subscription";
import { useI18n } from "../i18n/i18n";
import { failureOf, type Refusal, refusalOf, useAction } from "../mutation-errors";
import { LoadingBlock, QueryStatus } from "../query-status";
import { useSession } from "../session";
import { graphqlEndpoint, useQuery } from "../use-query";
import { RoundChairDecisions } from "./round-chair-decisions";
import { detailOf, modelIdsOf, rawId, roundNode } from "./round-ids";
import { RoundResults } from "./round-results";
import { nextStep, roundStatuses } from "./round-steps";

const RoundCommendations = lazy(() => import("./round-commendations"));
const RoundWhatIf = lazy(() => import("./round-what-if"));

/** How often the page refreshes progress while scorecards come in, when it cannot follow them live. */
const fallbackRefreshMs = 15_000;

type Outcome = { outcome: string | null; quorumNeeded: number | null; approvalsNeeded: number | null };

/**
 * One round for the organizer's admins: where it stands (stepper and "next step", with the
 * refusal's reasons and the models concerned), its scope with each model's gates, the
 * self-assessments, the reviewers (by hand or drawn with the recorded seed, replayable),
 * progress, the council's vote, the results with the export, commendations and what-if.
 */
export default function RoundPage({ id }: { id: string }) {
  const i18n = useI18n();
  const { t, label, formatDate } = i18n;
  const { session } = useSession();
  const query = useQuery(RoundOverviewDocument, { id });
  const round = roundNode(query.data?.node);
  const [problem, setProblem] = useState<(Refusal & { models: string[]; requirement: string | null }) | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [resultsKey, setResultsKey] = useState(0);
  const { reload } = query;
  const status = round?.status ?? null;

  const token = session?.token ?? null;
  const [live, setLive] = useState(false);
  // Scorecards arrive from reviewers elsewhere: while the round takes them, the gateway
  // says when its progress changes and the page reloads. Should the stream end (refused,
  // or a proxy that buffers it), the page falls back to refreshing every few seconds.
  useEffect(() => {
    if (status !== "self-assessment" && status !== "review") return;
    let current = true;
    let timer: ReturnType<typeof setInterval> | undefined;
    const stop = followSubscription(graphqlEndpoint, RoundProgressDocument, { roundId: id }, token, {
      onData: () => {
        // The first event is the state the page has just loaded.
        if (current) current = false;
        else reload();
        setLive(true);
      },
      onEnd: () => {
        setLive(false);
        timer = setInterval(reload, fallbackRefreshMs);
      },
    });
    return () => {
      stop();
      clearInterval(timer);
      setLive(false);
    };
  }, [status, reload, id, token]);

  const codeOf = (modelId: string) =>
    round?.models?.find((m) => m.modelId === modelId || (m.modelId && rawId(m.modelId) === modelId))?.code ?? modelId;

  /** Runs a mutation returning a success or a DomainError, then reloads the round. */
  const run = async (
    action: () => Promise<
      | {
          __typename?: string;
          code?: string | null;
          message?: string | null;
          messageVi?: string | null;
          details?: string | null;
        }
      | null
      | undefined
    >,
    success: string,
  ): Promise<boolean> => {
    setBusy(true);
    setProblem(null);
    setNotice(null);
    try {
      const r = await action();
      if (r && r.__typename === "DomainError") {
        setProblem({
          ...refusalOf(r, i18n),
          models: modelIdsOf(r.details).map(codeOf),
          requirement: detailOf(r.details, "requirement"),
        });
        return false;
      }
      setNotice(success);
      return true;
    } catch (error) {
      setProblem({ ...failureOf(error, i18n), models: [], requirement: null });
      return false;
    } finally {
      setBusy(false);
      reload();
    }
  };

  const step = nextStep(status);
  const advance = async () => {
    if (!round || !step) return;
    // Opening the council needs results computed after the last scorecard: compute them first.
    if (step === "OPEN_COUNCIL") {
      const computed = await run(
        async () =>
          (await request(graphqlEndpoint, ComputeRoundResultsDocument, { roundId: id }, { token })).computeRoundResults,
        t("rounds.computed"),
      );
      if (!computed) return;
    }
    const done = await run(
      async () => {
        // The round's version moves with every scorecard and assignment: take the latest.
        const fresh = await request(graphqlEndpoint, RoundOverviewDocument, { id }, { token });
        const version = roundNode(fresh.node)?.version ?? round.version ?? 0;
        return (
          await request(graphqlEndpoint, AdvanceRoundStepDocument, { id, step, expectedVersion: version }, { token })
        ).advanceRound;
      },
      t(`rounds.stepDone.${step}` as "rounds.stepDone.OPEN_REVIEW"),
    );
    if (done) setResultsKey((n) => n + 1);
  };

  if (!round) return <QueryStatus state={query} reload={reload} />;
  // A published round has taken every step: the stepper shows them all done.
  const active =
    status === "published"
      ? roundStatuses.length
      : Math.max(0, roundStatuses.indexOf((status ?? "draft") as (typeof roundStatuses)[number]));
  const progress = round.progress;
  const eligible = (round.models ?? []).filter((m) => m.eligible);

  return (
    <Stack component="section" aria-labelledby="round-heading" gap="md">
      <Link href="/rounds">{t("rounds.backToList")}</Link>
      <Title order={2} id="round-heading">
        {round.name}{" "}
        <Text span c="dimmed">
          ({round.code})
        </Text>
      </Title>
      <Text size="sm" c="dimmed">
        {round.organizerUnit?.name} · {t("rounds.period")}: {round.period} ·{" "}
        {t("rounds.criteriaVersion", { code: round.criteriaSetCode ?? "", n: round.criteriaVersion ?? 0 })}
      </Text>
      <Stepper active={active} size="sm" allowNextStepsSelect={false} data-testid="round-stepper">
        {roundStatuses.map((s) => (
          <Stepper.Step key={s} label={label("rounds.status", s)} />
        ))}
      </Stepper>
      <Group>
        <Badge size="lg" data-testid="round-status">
          {label("rounds.status", status)}
        </Badge>
        {live && (
          <Badge color="teal" variant="dot" data-testid="round-live" title={t("rounds.liveHint")}>
            {t("rounds.live")}
          </Badge>
        )}
        {step && (
          <Button onClick={advance} loading={busy} data-testid="next-step">
            {t(`rounds.step.${step}` as "rounds.step.OPEN_REVIEW")}
          </Button>
        )}
      </Group>
      {notice && (
        <Alert color="green" role="status">
          {notice}
        </Alert>
      )}
      {problem && (
        <Alert color="red" role="alert" data-testid="round-problem">
          <Text>{problem.text}</Text>
          {problem.models.length > 0 && (
            <Text size="sm">
              {t("rounds.modelsConcerned")}: {problem.models.join(", ")}
            </Text>
          )}
          {problem.code && (
            <Text size="xs" c="dimmed">
              {problem.code}
            </Text>
          )}
        </Alert>
      )}

      {progress && (
        <SimpleGrid cols={{ base: 2, md: 5 }} data-testid="round-progress">
          <Stat label={t("rounds.progress.eligible")} value={progress.eligibleModels} />
          <Stat label={t("rounds.progress.missingSelf")} value={progress.missingSelfAssessments} />
          <Stat label={t("rounds.progress.assigned")} value={progress.reviewsAssigned} />
          <Stat label={t("rounds.progress.submitted")} value={progress.reviewsSubmitted} testId="progress-submitted" />
          <Stat label={t("rounds.progress.missingReviews")} value={progress.missingReviews} />
        </SimpleGrid>
      )}

      <Paper withBorder p="sm">
        <Title order={3} size="h4">
          {t("rounds.scope")}
        </Title>
        <ScopeTable models={round.models ?? []} roundId={id} selfOpen={status === "self-assessment"} />
      </Paper>

      {(status === "self-assessment" || status === "review" || status === "draft") && (
        <Reviewers
          roundId={id}
          models={eligible.map((m) => ({ id: m.modelId ?? "", code: m.code ?? "" }))}
          assignments={round.assignments ?? []}
          drawSeed={round.drawSeed ?? null}
          busy={busy}
          run={run}
        />
      )}
      {(status === "review" || (round.chairDecisions ?? []).length > 0) && (
        <RoundChairDecisions
          roundId={id}
          open={status === "review"}
          models={eligible.map((m) => ({ id: m.modelId ?? "", code: m.code ?? "" }))}
          decisions={round.chairDecisions ?? []}
          needed={problem?.requirement === "disagreements" ? problem.models : []}
          onRecorded={reload}
        />
      )}
      {(status === "council" || status === "finalized" || status === "published") && (
        <Paper withBorder p="sm">
          <Title order={3} size="h4">
            {t("rounds.reviewers")}
          </Title>
          <AssignmentsTable assignments={round.assignments ?? []} />
        </Paper>
      )}

      {(status === "council" || (round.councilDecisions ?? []).length > 0) && (
        <Council
          roundId={id}
          open={status === "council"}
          decisions={round.councilDecisions ?? []}
          quorum={round.quorum ?? null}
          threshold={round.approvalThreshold ?? null}
          onRecorded={reload}
        />
      )}

      {round.resultsHash && (
        <Paper withBorder p="sm">
          <Text fw={600}>{t("rounds.resultsHash")}</Text>
          <Code block data-testid="results-hash">
            {round.resultsHash}
          </Code>
          {round.finalizedAt && (
            <Text size="sm" c="dimmed">
              {t("rounds.finalizedAt", { date: formatDate(round.finalizedAt, true) })}
            </Text>
          )}
        </Paper>
      )}

      {(status === "council" || status === "finalized" || status === "published") && (
        <RoundResults key={resultsKey} roundId={id} />
      )}
      {(status === "finalized" || status === "published") && (
        <Suspense fallback={<LoadingBlock />}>
          <RoundCommendations roundId={id} />
          <RoundWhatIf
            roundId={id}
            setCode={round.criteriaSetCode ?? ""}
            version={round.criteriaVersion ?? 0}
            codeOf={codeOf}
          />
        </Suspense>
      )}
    </Stack>
  );
}

function Stat({ label, value, testId }: { label: string; value: number | null | undefined; testId?: string }) {
  return (
    <Paper withBorder p="xs">
      <Text size="xs" c="dimmed">
        {label}
      </Text>
      <Text fw={700} size="lg" data-testid={testId}>
        {value ?? "—"}
      </Text>
    </Paper>
  );
}

type ScopeModel = {
  modelId?: string | null;
  code?: string | null;
  name?: string | null;
  eligible?: boolean | null;
  gates?:
    | { criterionId?: string | null; label?: string | null; observed?: string | null; passed?: boolean | null }[]
    | null;
};

/** The models in scope with their gates: what stops a model, in words. */
export function ScopeTable({
  models,
  roundId,
  selfOpen,
}: {
  models: ScopeModel[];
  roundId?: string;
  selfOpen?: boolean;
}) {
  const { t } = useI18n();
  return (
    <Table data-testid="scope-table">
      <Table.Thead>
        <Table.Tr>
          <Table.Th>{t("rounds.model")}</Table.Th>
          <Table.Th>{t("rounds.eligible")}</Table.Th>
          <Table.Th>{t("rounds.gates")}</Table.Th>
          {selfOpen && <Table.Th />}
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {models.map((m) => (
          <Table.Tr key={m.modelId ?? m.code}>
            <Table.Td>
              <Text size="sm" fw={600}>
                {m.code}
              </Text>
              <Text size="xs" c="dimmed">
                {m.name}
              </Text>
            </Table.Td>
            <Table.Td>
              <Badge color={m.eligible ? "green" : "red"}>
                {t(m.eligible ? "rounds.eligibleYes" : "rounds.eligibleNo")}
              </Badge>
            </Table.Td>
            <Table.Td>
              <Group gap={4}>
                {(m.gates ?? []).map((g) => (
                  <Badge
                    key={g.criterionId}
                    variant="light"
                    color={g.passed ? "green" : "red"}
                    title={g.observed ?? ""}
                  >
                    {g.passed ? "✓" : "✗"} {g.label ?? g.criterionId}
                  </Badge>
                ))}
              </Group>
            </Table.Td>
            {selfOpen && roundId && (
              <Table.Td>
                {m.eligible && m.modelId && (
                  <Link
                    href={`/rounds/${encodeURIComponent(roundId)}/self/${encodeURIComponent(m.modelId)}?from=round`}
                    aria-label={t("rounds.selfFor", { code: m.code ?? "" })}
                  >
                    {t("rounds.self")}
                  </Link>
                )}
              </Table.Td>
            )}
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}

type Assignment = {
  modelId?: string | null;
  modelCode?: string | null;
  reviewerUsername?: string | null;
  reviewerName?: string | null;
  source?: string | null;
  conflictDeclared?: boolean | null;
  conflictReason?: string | null;
  scorecardStatus?: string | null;
};

function AssignmentsTable({ assignments }: { assignments: Assignment[] }) {
  const { t, label } = useI18n();
  return (
    <Table data-testid="assignments-table">
      <Table.Thead>
        <Table.Tr>
          <Table.Th>{t("rounds.model")}</Table.Th>
          <Table.Th>{t("rounds.reviewer")}</Table.Th>
          <Table.Th>{t("rounds.source")}</Table.Th>
          <Table.Th>{t("scorecard.state")}</Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {assignments.map((a) => (
          <Table.Tr key={`${a.modelId}-${a.reviewerUsername}`}>
            <Table.Td>{a.modelCode}</Table.Td>
            <Table.Td>
              {a.reviewerName}{" "}
              <Text span size="xs" c="dimmed">
                ({a.reviewerUsername})
              </Text>
            </Table.Td>
            <Table.Td>{label("rounds.source", a.source)}</Table.Td>
            <Table.Td>
              {a.conflictDeclared ? (
                <Badge color="orange" title={a.conflictReason ?? ""}>
                  {t("scorecard.conflictBadge")}
                </Badge>
              ) : (
                <Badge color={a.scorecardStatus === "submitted" ? "green" : "gray"}>
                  {t(
                    a.scorecardStatus === "submitted"
                      ? "scorecard.status.submitted"
                      : a.scorecardStatus === "draft"
                        ? "scorecard.status.draft"
                        : "scorecard.status.none",
                  )}
                </Badge>
              )}
            </Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}

type Run = (
  action: () => Promise<
    | {
        __typename?: string;
        code?: string | null;
        message?: string | null;
        messageVi?: string | null;
        details?: string | null;
      }
    | null
    | undefined
  >,
  success: string,
) => Promise<boolean>;

/** Manual assignment, the seeded draw and its replay check, and who reviews what. */
function Reviewers({
  roundId,
  models,
  assignments,
  drawSeed,
  busy,
  run,
}: {
  roundId: string;
  models: { id: string; code: string }[];
  assignments: Assignment[];
  drawSeed: string | null;
  busy: boolean;
  run: Run;
}) {
  const { t } = useI18n();
  const { session } = useSession();
  const token = session?.token ?? null;
  const [modelId, setModelId] = useState("");
  const [username, setUsername] = useState<string | null>(null);
  const [replay, setReplay] = useState<{ seed: string | null; matches: boolean | null } | null>(null);
  const chosenModel = modelId || models[0]?.id || "";
  const candidates = useQuery(ReviewerCandidatesDocument, { roundId, modelId: chosenModel }, { skip: !chosenModel });
  const reviewerOptions = (
    (candidates.data?.node && "reviewerCandidates" in candidates.data.node
      ? candidates.data.node.reviewerCandidates
      : null) ?? []
  ).map((c) => {
    const why = c.assigned
      ? t("rounds.candidate.assigned")
      : c.conflictDeclared
        ? t("rounds.candidate.declared")
        : c.conflicted
          ? t("rounds.candidate.conflicted")
          : null;
    return {
      value: c.username ?? "",
      label: `${c.displayName} (${c.username}) · ${c.unitName ?? "—"} · ${t("rounds.candidate.load", { n: c.load ?? 0 })}${why ? ` — ${why}` : ""}`,
      disabled: why !== null,
    };
  });

  const assign = async () => {
    const chosen = username ?? "";
    await run(
      async () =>
        (
          await request(
            graphqlEndpoint,
            AssignReviewersDocument,
            { roundId, assignments: [{ modelId: chosenModel, reviewerUsername: chosen }] },
            { token },
          )
        ).assignReviewers,
      t("rounds.assigned", { username: chosen }),
    );
    setUsername(null);
    candidates.reload();
  };
  const draw = () =>
    run(
      async () => (await request(graphqlEndpoint, DrawReviewerPanelDocument, { roundId }, { token })).drawReviewerPanel,
      t("rounds.drawn"),
    );
  const check = async () => {
    const { panelReplay } = await request(graphqlEndpoint, PanelReplayDocument, { roundId }, { token });
    setReplay({ seed: panelReplay?.seed ?? null, matches: panelReplay?.matches ?? null });
  };

  return (
    <Paper withBorder p="sm">
      <Title order={3} size="h4">
        {t("rounds.reviewers")}
      </Title>
      <Group align="flex-end" my="xs">
        <NativeSelect
          label={t("rounds.model")}
          value={chosenModel}
          onChange={(e) => setModelId(e.currentTarget.value)}
          data={models.map((m) => ({ value: m.id, label: m.code }))}
        />
        <Select
          label={t("rounds.reviewer")}
          description={t("rounds.reviewerHint")}
          placeholder={t("rounds.reviewerPlaceholder")}
          searchable
          filter={foldedOptionsFilter}
          nothingFoundMessage={t("rounds.reviewerNone")}
          value={username}
          onChange={setUsername}
          data={reviewerOptions}
          miw="24rem"
          inputWrapperOrder={["label", "input", "description", "error"]}
        />
        <Button variant="default" onClick={assign} loading={busy} disabled={!username || !chosenModel}>
          {t("rounds.assign")}
        </Button>
      </Group>
      <Group align="center" my="xs">
        <Button onClick={draw} loading={busy} data-testid="draw-panel">
          {t("rounds.draw")}
        </Button>
        <Text size="sm">
          {t("rounds.seed")}: <Code data-testid="draw-seed">{drawSeed ?? "—"}</Code>
        </Text>
        <Button variant="subtle" size="xs" onClick={check}>
          {t("rounds.replay")}
        </Button>
        {replay && (
          <Badge color={replay.matches ? "green" : "red"} data-testid="replay-result">
            {t(replay.matches ? "rounds.replayMatches" : "rounds.replayDiffers")}
          </Badge>
        )}
      </Group>
      <Text size="xs" c="dimmed">
        {t("rounds.drawHelp")}
      </Text>
      <AssignmentsTable assignments={assignments} />
    </Paper>
  );
}

/** The council's vote: members, present, for, against, abstentions; the outcome against quorum and threshold. */
function Council({
  roundId,
  open,
  decisions,
  quorum,
  threshold,
  onRecorded,
}: {
  roundId: string;
  open: boolean;
  decisions: {
    members?: number | null;
    present?: number | null;
    votesFor?: number | null;
    votesAgainst?: number | null;
    abstentions?: number | null;
    outcome?: string | null;
    decidedAt?: string | null;
  }[];
  quorum: number | null;
  threshold: number | null;
  onRecorded(): void;
}) {
  const i18n = useI18n();
  const { t, label, formatDate, formatNumber } = i18n;
  const { session } = useSession();
  const [form, setForm] = useState({ members: 9, present: 0, votesFor: 0, votesAgainst: 0, abstentions: 0 });
  const [note, setNote] = useState("");
  const [outcome, setOutcome] = useState<Outcome | null>(null);
  const { busy, problem, act } = useAction(onRecorded);
  const field = (key: keyof typeof form, text: string) => (
    <NumberInput
      label={text}
      min={0}
      value={form[key]}
      onChange={(v) => setForm((f) => ({ ...f, [key]: typeof v === "number" ? v : Number(v) || 0 }))}
    />
  );
  const record = () =>
    act(async () => {
      const { recordCouncilDecision: r } = await request(
        graphqlEndpoint,
        RecordCouncilDecisionDocument,
        { roundId, ...form, note: note.trim() || null },
        { token: session?.token ?? null },
      );
      if (r?.__typename === "MutationRecordCouncilDecisionSuccess") setOutcome(r.data);
      return r && "code" in r ? refusalOf(r, i18n) : null;
    });
  return (
    <Paper withBorder p="sm" data-testid="council">
      <Title order={3} size="h4">
        {t("rounds.council")}
      </Title>
      <Text size="sm" c="dimmed">
        {t("rounds.councilRule", {
          quorum: formatNumber((quorum ?? 2 / 3) * 100, { maximumFractionDigits: 1 }),
          threshold: formatNumber((threshold ?? 0.7) * 100, { maximumFractionDigits: 1 }),
        })}
      </Text>
      {open && (
        <>
          <SimpleGrid cols={{ base: 2, md: 5 }} my="xs">
            {field("members", t("rounds.members"))}
            {field("present", t("rounds.present"))}
            {field("votesFor", t("rounds.votesFor"))}
            {field("votesAgainst", t("rounds.votesAgainst"))}
            {field("abstentions", t("rounds.abstentions"))}
          </SimpleGrid>
          <TextInput label={t("rounds.note")} value={note} onChange={(e) => setNote(e.currentTarget.value)} />
          <Button mt="xs" onClick={record} loading={busy}>
            {t("rounds.recordVote")}
          </Button>
        </>
      )}
      {outcome && (
        <Alert
          mt="xs"
          color={outcome.outcome === "approved" ? "green" : "orange"}
          role="status"
          data-testid="council-outcome"
        >
          {t("rounds.outcomeLine", {
            outcome: label("rounds.outcome", outcome.outcome),
            quorum: outcome.quorumNeeded ?? "—",
            approvals: outcome.approvalsNeeded ?? "—",
          })}
        </Alert>
      )}
      {problem && (
        <Alert mt="xs" color="red" role="alert">
          {problem.text}
        </Alert>
      )}
      {decisions.length > 0 && (
        <Table mt="xs">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t("rounds.decidedAt")}</Table.Th>
              <Table.Th>{t("rounds.members")}</Table.Th>
              <Table.Th>{t("rounds.present")}</Table.Th>
              <Table.Th>{t("rounds.votesFor")}</Table.Th>
              <Table.Th>{t("rounds.votesAgainst")}</Table.Th>
              <Table.Th>{t("rounds.abstentions")}</Table.Th>
              <Table.Th>{t("rounds.outcomeHeader")}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {decisions.map((d, n) => (
              // biome-ignore lint/suspicious/noArrayIndexKey: decisions are listed in the order recorded.
              <Table.Tr key={n}>
                <Table.Td>{d.decidedAt ? formatDate(d.decidedAt, true) : "—"}</Table.Td>
                <Table.Td>{d.members}</Table.Td>
                <Table.Td>{d.present}</Table.Td>
                <Table.Td>{d.votesFor}</Table.Td>
                <Table.Td>{d.votesAgainst}</Table.Td>
                <Table.Td>{d.abstentions}</Table.Td>
                <Table.Td>{label("rounds.outcome", d.outcome)}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
    </Paper>
  );
}
