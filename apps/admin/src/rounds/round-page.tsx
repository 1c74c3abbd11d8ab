import {
  AdvanceRoundStepDocument,
  AssignReviewersDocument,
  ComputeRoundResultsDocument,
  DrawReviewerPanelDocument,
  PanelReplayDocument,
  RecordCouncilDecisionDocument,
  ReviewerCandidatesDocument,
  RoundOverviewDocument,
} from "@lantoa/client";
import {
  Alert,
  Anchor,
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
  VisuallyHidden,
} from "@mantine/core";
import { useMediaQuery } from "@mantine/hooks";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { lazy, Suspense, useState } from "react";
import { Link } from "wouter";
import { z } from "zod";
import { DomainRefusal, graphqlMutation, graphqlQuery } from "../data/graphql";
import { useRoundProgressFeed } from "../data/round-progress-feed";
import { ProblemAlert } from "../errors/problem-alert";
import { foldedOptionsFilter } from "../fold-vietnamese";
import { useMutationForm } from "../forms/use-mutation-form";
import { useI18n } from "../i18n/i18n";
import type { MessageKey } from "../i18n/messages-vi";
import { useConfirm } from "../layout/confirm";
import { ListTable, phoneQuery } from "../layout/list-table";
import { LoadingBlock, QueryStatus } from "../query-status";
import { scorecardStatusColor } from "../status-colors";
import { RoundAssignmentGrid, RoundAssignmentSheet } from "./round-assignment-grid";
import { RoundChairDecisions } from "./round-chair-decisions";
import { RoundDeadlinesPanel } from "./round-deadlines-panel";
import { modelIdsOf, rawId, roundNode } from "./round-ids";
import { RoundResults } from "./round-results";
import { nextStep, roundStatuses } from "./round-steps";

const RoundCommendations = lazy(() => import("./round-commendations"));
const RoundCertificates = lazy(() => import("../spreading/certificate-buttons"));
const RoundWhatIf = lazy(() => import("./round-what-if"));

/** How often the page refreshes progress while scorecards come in, when it cannot follow them live. */
const fallbackRefreshMs = 15_000;

/**
 * One round for the organizer's admins: where it stands (stepper and "next step", with the
 * refusal's reasons and the models concerned), its scope with each model's gates, the
 * self-assessments, the reviewers (by hand or drawn with the recorded draw code, replayable),
 * progress fed live from the gateway, the council's vote, the results with the export,
 * commendations and what-if.
 */
export default function RoundPage({ id }: { id: string }) {
  const { t, label, formatDate } = useI18n();
  const client = useQueryClient();
  const phone = useMediaQuery(phoneQuery);
  const taking = (status: string | null | undefined) => status === "self-assessment" || status === "review";
  const [polling, setPolling] = useState(false);
  const query = useQuery({
    ...graphqlQuery(RoundOverviewDocument, { id }),
    refetchInterval: (q) => (polling && taking(roundNode(q.state.data?.node)?.status) ? fallbackRefreshMs : false),
  });
  const round = roundNode(query.data?.node);
  const status = round?.status ?? null;
  // Scorecards arrive from reviewers elsewhere: while the round takes them, the gateway's
  // stream feeds the cache; should it end, the page polls instead.
  const live = useRoundProgressFeed(id, taking(status));
  if (taking(status) && !live && !polling && query.isSuccess) setPolling(true);
  if (live && polling) setPolling(false);

  const compute = useMutation(graphqlMutation(ComputeRoundResultsDocument));
  const advance = useMutation({
    ...graphqlMutation(AdvanceRoundStepDocument),
    onMutate: () => compute.reset(),
  });
  const [notice, setNotice] = useState<string | null>(null);
  const step = nextStep(status);

  const confirm = useConfirm();
  const takeStep = async () => {
    if (!round || !step) return;
    setNotice(null);
    const going = await confirm({
      title: t("confirm.step.title", { step: t(`rounds.step.${step}` as MessageKey), name: round.name ?? "" }),
      consequence: t(`confirm.step.${step}` as MessageKey),
      confirmLabel: t(`rounds.step.${step}` as MessageKey),
    });
    if (!going) return;
    try {
      // Opening the council needs results computed after the last scorecard: compute them first.
      if (step === "OPEN_COUNCIL") await compute.mutateAsync({ roundId: id });
      // The round's version moves with every scorecard and assignment: take the latest.
      const fresh = await client.fetchQuery({ ...graphqlQuery(RoundOverviewDocument, { id }), staleTime: 0 });
      const version = roundNode(fresh.node)?.version ?? round.version ?? 0;
      await advance.mutateAsync({ id, step, expectedVersion: version });
      setNotice(t(`rounds.stepDone.${step}` as MessageKey));
    } catch {
      // Shown below from the mutations' errors.
    }
  };
  const refusal = compute.error ?? advance.error;
  const refusalModels = refusal instanceof DomainRefusal ? modelIdsOf(refusal.details) : [];
  const codeOf = (modelId: string) =>
    round?.models?.find((m) => m.modelId === modelId || (m.modelId && rawId(m.modelId) === modelId))?.code ?? modelId;

  if (!round) return <QueryStatus query={query} />;
  // A published round has taken every step: the stepper shows them all done.
  const active =
    status === "published"
      ? roundStatuses.length
      : Math.max(0, roundStatuses.indexOf((status ?? "draft") as (typeof roundStatuses)[number]));
  const progress = round.progress;
  const eligible = (round.models ?? []).filter((m) => m.eligible);
  const requirement =
    refusal instanceof DomainRefusal && typeof refusal.details.requirement === "string"
      ? refusal.details.requirement
      : null;

  return (
    <Stack component="section" aria-labelledby="round-heading" gap="md">
      <Anchor component={Link} href="/rounds">
        {t("rounds.backToList")}
      </Anchor>
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
      {!phone && (
        <Stepper active={active} size="sm" allowNextStepsSelect={false} data-testid="round-stepper">
          {roundStatuses.map((s) => (
            <Stepper.Step key={s} label={label("rounds.status", s)} />
          ))}
        </Stepper>
      )}
      <Group>
        <Badge size="lg" data-testid="round-status">
          {label("rounds.status", status)}
        </Badge>
        {phone && (
          <Text size="sm" c="dimmed">
            {t("rounds.stepOf", {
              n: Math.min(active + 1, roundStatuses.length),
              total: roundStatuses.length,
            })}
          </Text>
        )}
        {live && (
          <Badge color="teal" variant="dot" data-testid="round-live">
            {t("rounds.live")}
          </Badge>
        )}
        {step && (
          <Button
            onClick={() => void takeStep()}
            loading={compute.isPending || advance.isPending}
            data-testid="next-step"
          >
            {t(`rounds.step.${step}` as MessageKey)}
          </Button>
        )}
      </Group>
      {live && (
        <Text size="xs" c="dimmed">
          {t("rounds.liveHint")}
        </Text>
      )}
      {notice && (
        <Alert color="green" role="status">
          {notice}
        </Alert>
      )}
      <ProblemAlert error={refusal} testId="round-problem">
        {refusalModels.length > 0 && (
          <Text size="sm" mt={4}>
            {t("rounds.modelsConcerned")}: {refusalModels.map(codeOf).join(", ")}
          </Text>
        )}
      </ProblemAlert>

      <RoundDeadlinesPanel roundId={id} />
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
        />
      )}
      {(status === "review" || (round.chairDecisions ?? []).length > 0) && (
        <RoundChairDecisions
          roundId={id}
          open={status === "review"}
          models={eligible.map((m) => ({ id: m.modelId ?? "", code: m.code ?? "" }))}
          decisions={round.chairDecisions ?? []}
          needed={requirement === "disagreements" ? refusalModels.map(codeOf) : []}
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
        />
      )}

      {round.resultsHash && (
        <Paper withBorder p="sm">
          <Text fw={600}>{t("rounds.resultsHash")}</Text>
          <Code block className="long-code" data-testid="results-hash">
            {round.resultsHash}
          </Code>
          {round.finalizedAt && (
            <Text size="sm" c="dimmed">
              {t("rounds.finalizedAt", { date: formatDate(round.finalizedAt, true) })}
            </Text>
          )}
        </Paper>
      )}

      {(status === "council" || status === "finalized" || status === "published") && <RoundResults roundId={id} />}
      {(status === "finalized" || status === "published") && (
        <Suspense fallback={<LoadingBlock />}>
          <RoundCommendations roundId={id} />
          <RoundCertificates roundId={id} />
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
  const { formatCount } = useI18n();
  return (
    <Paper withBorder p="xs">
      <Text size="xs" c="dimmed">
        {label}
      </Text>
      <Text fw={700} size="lg" data-testid={testId}>
        {value == null ? "—" : formatCount(value)}
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
    <ListTable data-testid="scope-table" highlightOnHover={false}>
      <Table.Thead>
        <Table.Tr>
          <Table.Th scope="col">{t("rounds.model")}</Table.Th>
          <Table.Th scope="col">{t("rounds.eligible")}</Table.Th>
          <Table.Th scope="col">{t("rounds.gates")}</Table.Th>
          {selfOpen && (
            <Table.Th scope="col">
              <VisuallyHidden>{t("rounds.self")}</VisuallyHidden>
            </Table.Th>
          )}
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {models.map((m) => (
          <Table.Tr key={m.modelId ?? m.code}>
            <Table.Td>
              <div>
                <Text size="sm" fw={600}>
                  {m.name}
                </Text>
                <Text size="xs" c="dimmed">
                  {m.code}
                </Text>
              </div>
            </Table.Td>
            <Table.Td data-label={t("rounds.eligible")}>
              <Badge color={m.eligible ? "green" : "red"} variant="light">
                {t(m.eligible ? "rounds.eligibleYes" : "rounds.eligibleNo")}
              </Badge>
            </Table.Td>
            <Table.Td data-label={t("rounds.gates")}>
              <Group gap={4}>
                {(m.gates ?? []).map((g) => (
                  <Badge key={g.criterionId} variant="light" color={g.passed ? "green" : "red"}>
                    <span aria-hidden="true">{g.passed ? "✓" : "✗"}</span> {g.label ?? g.criterionId}
                    <VisuallyHidden>: {t(g.passed ? "rounds.gatePassed" : "rounds.gateFailed")}</VisuallyHidden>
                  </Badge>
                ))}
              </Group>
            </Table.Td>
            {selfOpen && roundId && (
              <Table.Td>
                {m.eligible && m.modelId && (
                  <Anchor
                    component={Link}
                    href={`/rounds/${encodeURIComponent(roundId)}/self/${encodeURIComponent(m.modelId)}?from=round`}
                    aria-label={t("rounds.selfFor", { code: m.code ?? "" })}
                  >
                    {t("rounds.self")}
                  </Anchor>
                )}
              </Table.Td>
            )}
          </Table.Tr>
        ))}
      </Table.Tbody>
    </ListTable>
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
    <ListTable data-testid="assignments-table" highlightOnHover={false}>
      <Table.Thead>
        <Table.Tr>
          <Table.Th scope="col">{t("rounds.model")}</Table.Th>
          <Table.Th scope="col">{t("rounds.reviewer")}</Table.Th>
          <Table.Th scope="col">{t("rounds.source")}</Table.Th>
          <Table.Th scope="col">{t("scorecard.state")}</Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {assignments.map((a) => (
          <Table.Tr key={`${a.modelId}-${a.reviewerUsername}`}>
            <Table.Td>
              <Text fw={600} inherit>
                {a.modelCode}
              </Text>
            </Table.Td>
            <Table.Td data-label={t("rounds.reviewer")}>
              <span>
                {a.reviewerName}{" "}
                <Text span size="xs" c="dimmed">
                  ({a.reviewerUsername})
                </Text>
              </span>
            </Table.Td>
            <Table.Td data-label={t("rounds.source")}>{label("rounds.source", a.source)}</Table.Td>
            <Table.Td data-label={t("scorecard.state")}>
              {a.conflictDeclared ? (
                <Badge color="orange" variant="light">
                  {t("scorecard.conflictBadge")}
                </Badge>
              ) : (
                <Badge color={scorecardStatusColor[a.scorecardStatus ?? ""] ?? "gray"} variant="light">
                  {t(
                    a.scorecardStatus === "submitted"
                      ? "scorecard.status.submitted"
                      : a.scorecardStatus === "draft"
                        ? "scorecard.status.draft"
                        : "scorecard.status.none",
                  )}
                </Badge>
              )}
              {a.conflictDeclared && a.conflictReason && (
                <Text size="xs" c="dimmed">
                  {a.conflictReason}
                </Text>
              )}
            </Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </ListTable>
  );
}

/** Manual assignment, the recorded draw and its replay check, and who reviews what. */
function Reviewers({
  roundId,
  models,
  assignments,
  drawSeed,
}: {
  roundId: string;
  models: { id: string; code: string }[];
  assignments: Assignment[];
  drawSeed: string | null;
}) {
  const { t } = useI18n();
  const assign = useMutation(graphqlMutation(AssignReviewersDocument));
  const draw = useMutation(graphqlMutation(DrawReviewerPanelDocument));
  const [replaying, setReplaying] = useState(false);
  const replay = useQuery({ ...graphqlQuery(PanelReplayDocument, { roundId }), enabled: replaying, staleTime: 0 });
  const { form, onSubmit, problem } = useMutationForm({
    initialValues: { modelId: models[0]?.id ?? "", username: null as string | null },
    schema: z.object({ modelId: z.string().min(1), username: z.string().min(1) }),
    messages: { modelId: "rounds.assignModelRequired", username: "rounds.assignReviewerRequired" },
    submit: ({ modelId, username }) =>
      assign.mutateAsync({ roundId, assignments: [{ modelId, reviewerUsername: username ?? "" }] }),
    onSuccess: (_data, { username }) => {
      notify(t("rounds.assigned", { username: username ?? "" }));
      form.setFieldValue("username", null);
    },
  });
  const [done, notify] = useState<string | null>(null);
  const chosenModel = form.values.modelId;
  const candidates = useQuery({
    ...graphqlQuery(ReviewerCandidatesDocument, { roundId, modelId: chosenModel }),
    enabled: chosenModel !== "",
  });
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
  const replayed = replay.data?.panelReplay ?? null;

  return (
    <Paper withBorder p="sm">
      <Title order={3} size="h4">
        {t("rounds.reviewers")}
      </Title>
      <Group align="center" my="xs">
        <Button
          onClick={() => draw.mutate({ roundId }, { onSuccess: () => notify(t("rounds.drawn")) })}
          loading={draw.isPending}
          data-testid="draw-panel"
        >
          {t("rounds.draw")}
        </Button>
        <Text size="sm">
          {t("rounds.seed")}:{" "}
          <Code className="long-code" data-testid="draw-seed">
            {drawSeed ?? "—"}
          </Code>
        </Text>
        <Button
          variant="subtle"
          size="xs"
          loading={replay.isFetching}
          onClick={() => (replaying ? void replay.refetch() : setReplaying(true))}
        >
          {t("rounds.replay")}
        </Button>
        {replayed && (
          <Badge color={replayed.matches ? "green" : "red"} variant="light" data-testid="replay-result">
            {t(replayed.matches ? "rounds.replayMatches" : "rounds.replayDiffers")}
          </Badge>
        )}
      </Group>
      <Text size="xs" c="dimmed">
        {t("rounds.drawHelp")}
      </Text>
      {done && (
        <Alert color="green" role="status" my="xs">
          {done}
        </Alert>
      )}
      <ProblemAlert error={draw.error ?? replay.error} />
      <Title order={4} size="h5" mt="md">
        {t("rounds.grid.title")}
      </Title>
      <Text size="xs" c="dimmed">
        {t("rounds.grid.help")}
      </Text>
      <RoundAssignmentGrid roundId={roundId} />
      <RoundAssignmentSheet roundId={roundId} />
      <form onSubmit={onSubmit} noValidate aria-label={t("rounds.assign")}>
        <Group align="flex-end" my="xs">
          <NativeSelect
            label={t("rounds.model")}
            data={models.map((m) => ({ value: m.id, label: m.code }))}
            {...form.getInputProps("modelId")}
          />
          <Select
            label={t("rounds.reviewer")}
            description={t("rounds.reviewerHint")}
            placeholder={t("rounds.reviewerPlaceholder")}
            searchable
            filter={foldedOptionsFilter}
            nothingFoundMessage={t("rounds.reviewerNone")}
            data={reviewerOptions}
            w={{ base: "100%", sm: "24rem" }}
            inputWrapperOrder={["label", "input", "description", "error"]}
            {...form.getInputProps("username")}
          />
          <Button type="submit" variant="default" loading={form.submitting}>
            {t("rounds.assign")}
          </Button>
        </Group>
        <ProblemAlert problem={problem} />
      </form>
      <AssignmentsTable assignments={assignments} />
    </Paper>
  );
}

const count = z.number().int().min(0);
const voteSchema = z.object({
  members: count.min(1),
  present: count,
  votesFor: count,
  votesAgainst: count,
  abstentions: count,
});

/** The council's vote: members, present, for, against, abstentions; the outcome against quorum and threshold. */
function Council({
  roundId,
  open,
  decisions,
  quorum,
  threshold,
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
}) {
  const { t, label, formatDate, formatNumber, formatCount } = useI18n();
  const record = useMutation(graphqlMutation(RecordCouncilDecisionDocument));
  const { form, onSubmit, problem } = useMutationForm({
    initialValues: { members: 9, present: 0, votesFor: 0, votesAgainst: 0, abstentions: 0, note: "" } as Record<
      "members" | "present" | "votesFor" | "votesAgainst" | "abstentions",
      number | string
    > & { note: string },
    schema: voteSchema,
    messages: {
      members: "rounds.votesInvalid",
      present: "rounds.votesInvalid",
      votesFor: "rounds.votesInvalid",
      votesAgainst: "rounds.votesInvalid",
      abstentions: "rounds.votesInvalid",
    },
    submit: (v) =>
      record.mutateAsync({
        roundId,
        members: Number(v.members),
        present: Number(v.present),
        votesFor: Number(v.votesFor),
        votesAgainst: Number(v.votesAgainst),
        abstentions: Number(v.abstentions),
        note: v.note.trim() || null,
      }),
  });
  const outcome = record.data?.data ?? null;
  const field = (key: "members" | "present" | "votesFor" | "votesAgainst" | "abstentions", text: string) => (
    <NumberInput label={text} min={0} allowDecimal={false} {...form.getInputProps(key)} />
  );
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
        <form onSubmit={onSubmit} noValidate aria-label={t("rounds.recordVote")}>
          <SimpleGrid cols={{ base: 2, md: 5 }} my="xs">
            {field("members", t("rounds.members"))}
            {field("present", t("rounds.present"))}
            {field("votesFor", t("rounds.votesFor"))}
            {field("votesAgainst", t("rounds.votesAgainst"))}
            {field("abstentions", t("rounds.abstentions"))}
          </SimpleGrid>
          <TextInput label={t("rounds.note")} {...form.getInputProps("note")} />
          <ProblemAlert problem={problem} />
          <Button mt="xs" type="submit" loading={form.submitting}>
            {t("rounds.recordVote")}
          </Button>
        </form>
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
      {decisions.length > 0 && (
        <ListTable mt="xs" highlightOnHover={false}>
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col">{t("rounds.decidedAt")}</Table.Th>
              <Table.Th scope="col">{t("rounds.members")}</Table.Th>
              <Table.Th scope="col">{t("rounds.present")}</Table.Th>
              <Table.Th scope="col">{t("rounds.votesFor")}</Table.Th>
              <Table.Th scope="col">{t("rounds.votesAgainst")}</Table.Th>
              <Table.Th scope="col">{t("rounds.abstentions")}</Table.Th>
              <Table.Th scope="col">{t("rounds.outcomeHeader")}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {decisions.map((d, n) => (
              // biome-ignore lint/suspicious/noArrayIndexKey: decisions are listed in the order recorded.
              <Table.Tr key={n}>
                <Table.Td>{d.decidedAt ? formatDate(d.decidedAt, true) : "—"}</Table.Td>
                <Table.Td data-label={t("rounds.members")}>{formatCount(d.members ?? 0)}</Table.Td>
                <Table.Td data-label={t("rounds.present")}>{formatCount(d.present ?? 0)}</Table.Td>
                <Table.Td data-label={t("rounds.votesFor")}>{formatCount(d.votesFor ?? 0)}</Table.Td>
                <Table.Td data-label={t("rounds.votesAgainst")}>{formatCount(d.votesAgainst ?? 0)}</Table.Td>
                <Table.Td data-label={t("rounds.abstentions")}>{formatCount(d.abstentions ?? 0)}</Table.Td>
                <Table.Td data-label={t("rounds.outcomeHeader")}>{label("rounds.outcome", d.outcome)}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </ListTable>
      )}
    </Paper>
  );
}
