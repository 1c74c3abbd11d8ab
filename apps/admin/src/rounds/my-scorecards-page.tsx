import { MyAssignmentsDocument, type MyAssignmentsQuery, MySelfAssessmentsDocument } from "@lantoa/client";
import { Anchor, Badge, Button, Group, Paper, Stack, Table, Text, Title } from "@mantine/core";
import { useQuery } from "@tanstack/react-query";
import { Link } from "wouter";
import { graphqlQuery } from "../data/graphql";
import { useI18n } from "../i18n/i18n";
import { ListTable } from "../layout/list-table";
import { EmptyNote, QueryStatus } from "../query-status";
import { useSession, viewerRoles } from "../session";
import { scorecardStatusColor } from "../status-colors";
import { queuePosition, reviewQueue } from "./review-queue";

/**
 * "Phiếu chấm của tôi": the self-assessments the viewer's units file (unit staff), then the
 * reviewer's queue in every round (model, unit, state of their scorecard, progress), each
 * model a link into the review workspace.
 */
export default function MyScorecardsPage() {
  const { t, label } = useI18n();
  const { session } = useSession();
  const query = useQuery(graphqlQuery(MyAssignmentsDocument, {}));
  const selfQuery = useQuery(graphqlQuery(MySelfAssessmentsDocument, {}));
  type SelfAssessment = NonNullable<NonNullable<typeof selfQuery.data>["mySelfAssessments"]>[number];
  const selfByRound = new Map<string, SelfAssessment[]>();
  for (const a of selfQuery.data?.mySelfAssessments ?? []) {
    const key = a.round?.id ?? "";
    selfByRound.set(key, [...(selfByRound.get(key) ?? []), a]);
  }
  const me = session?.viewer.username;
  const rounds = (query.data?.rounds ?? []).filter((r) => (r.assignments ?? []).some((a) => a.reviewerUsername === me));
  // Unit staff who review nothing see only their units' self-assessments.
  const reviews = viewerRoles(session).includes("reviewer") || rounds.length > 0;

  return (
    <Stack component="section" aria-labelledby="my-scorecards-heading" gap="sm">
      <Title order={2} id="my-scorecards-heading">
        {t("scorecard.mine")}
      </Title>
      <QueryStatus query={selfQuery} />
      {selfByRound.size > 0 && (
        <>
          <Title order={3} size="h4">
            {t("scorecard.selfMine")}
          </Title>
          <Text>{t("scorecard.selfMineIntro")}</Text>
        </>
      )}
      {[...selfByRound.values()].map((list) => {
        const round = list[0]?.round;
        if (!round) return null;
        const open = round.status === "self-assessment";
        return (
          <Paper key={round.id} withBorder p="sm" data-testid={`my-self-${round.code}`}>
            <Title order={4} size="h5">
              {round.name} ({round.code}) <Badge variant="light">{label("rounds.status", round.status)}</Badge>
            </Title>
            <ListTable highlightOnHover={false}>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th scope="col">{t("rounds.model")}</Table.Th>
                  <Table.Th scope="col">{t("scorecard.unit")}</Table.Th>
                  <Table.Th scope="col">{t("scorecard.state")}</Table.Th>
                  <Table.Th scope="col">{t("scorecard.selfOpen")}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {list.map((a) => (
                  <Table.Tr key={a.modelId}>
                    <Table.Td>
                      <div>
                        <Text fw={600}>{a.modelName}</Text>
                        <Text size="sm" c="dimmed">
                          {a.modelCode}
                        </Text>
                      </div>
                    </Table.Td>
                    <Table.Td data-label={t("scorecard.unit")}>{a.unitName}</Table.Td>
                    <Table.Td data-label={t("scorecard.state")}>
                      <StatusBadge status={a.scorecardStatus} />
                    </Table.Td>
                    <Table.Td>
                      {a.modelId && (
                        <Anchor
                          component={Link}
                          href={`/rounds/${encodeURIComponent(round.id)}/self/${encodeURIComponent(a.modelId)}`}
                          aria-label={t(open ? "scorecard.selfOpenFor" : "scorecard.viewFor", {
                            code: a.modelCode ?? "",
                          })}
                        >
                          {t(open ? "scorecard.selfOpen" : "scorecard.view")}
                        </Anchor>
                      )}
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </ListTable>
          </Paper>
        );
      })}
      {reviews && (rounds.length > 0 || selfByRound.size > 0) && (
        <Title order={3} size="h4">
          {t("scorecard.reviewMine")}
        </Title>
      )}
      {reviews && <Text>{t("scorecard.mineIntro")}</Text>}
      <QueryStatus query={query} />
      {query.isSuccess && rounds.length === 0 && (reviews || selfByRound.size === 0) && (
        <EmptyNote text={t(reviews ? "scorecard.mineEmpty" : "scorecard.selfMineEmpty")} />
      )}
      {rounds.map((r) => (
        <ReviewRound key={r.id} round={r} username={me ?? undefined} />
      ))}
    </Stack>
  );
}

type AssignedRound = NonNullable<MyAssignmentsQuery["rounds"]>[number];

/**
 * One round's queue: its progress ("3/12 đã nộp"), a link on to the next model still to score,
 * and each assigned model with its unit and the state of the reviewer's scorecard.
 */
function ReviewRound({ round: r, username }: { round: AssignedRound; username: string | undefined }) {
  const { t, label, formatDate } = useI18n();
  const mine = (r.assignments ?? []).filter((a) => a.reviewerUsername === username);
  const queue = reviewQueue(r.assignments ?? [], username);
  const progress = queuePosition(queue, "");
  const href = (modelId: string) => `/rounds/${encodeURIComponent(r.id)}/review/${encodeURIComponent(modelId)}`;
  return (
    <Paper withBorder p="sm" data-testid={`my-round-${r.code}`}>
      <Group justify="space-between" gap="xs" mb="xs" wrap="wrap">
        <Title order={3} size="h5">
          {r.name} ({r.code}) <Badge variant="light">{label("rounds.status", r.status)}</Badge>
        </Title>
        {queue.length > 0 && (
          <Badge variant="outline" size="lg" data-testid={`my-progress-${r.code}`}>
            {t("review.queueProgress", { submitted: progress.submitted, total: progress.total })}
          </Badge>
        )}
      </Group>
      {r.deadlines?.review && (
        <Text size="sm" mb="xs">
          {t("deadlines.reviewDue", { date: formatDate(r.deadlines.review) })}
        </Text>
      )}
      {r.status === "review" &&
        queue.length > 0 &&
        (progress.nextUnscored ? (
          <Button component={Link} href={href(progress.nextUnscored.modelId)} mb="xs">
            {t("review.queueContinue", { name: progress.nextUnscored.modelName })}
          </Button>
        ) : (
          <Text size="sm" c="dimmed" mb="xs">
            {t("review.queueDone")}
          </Text>
        ))}
      <ListTable highlightOnHover={false}>
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">{t("rounds.model")}</Table.Th>
            <Table.Th scope="col">{t("scorecard.unit")}</Table.Th>
            <Table.Th scope="col">{t("scorecard.state")}</Table.Th>
            <Table.Th scope="col">{t("scorecard.open")}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {mine.map((a) => (
            <Table.Tr key={a.modelId}>
              <Table.Td>
                <div>
                  <Text fw={600} inherit>
                    {a.modelName}
                  </Text>
                  <Text size="sm" c="dimmed">
                    {a.modelCode}
                  </Text>
                </div>
              </Table.Td>
              <Table.Td data-label={t("scorecard.unit")}>{a.unitName}</Table.Td>
              <Table.Td data-label={t("scorecard.state")} style={{ whiteSpace: "nowrap" }}>
                {a.conflictDeclared ? (
                  <Badge color="orange" variant="light">
                    {t("scorecard.conflictBadge")}
                  </Badge>
                ) : (
                  <StatusBadge status={a.scorecardStatus} />
                )}
              </Table.Td>
              <Table.Td style={{ whiteSpace: "nowrap" }}>
                {!a.conflictDeclared && a.modelId && (
                  <Anchor
                    component={Link}
                    href={href(a.modelId)}
                    aria-label={t(
                      scoring(r.status, a.scorecardStatus) ? "scorecard.openFor" : "scorecard.viewReviewFor",
                      { code: a.modelCode ?? "" },
                    )}
                  >
                    {t(scoring(r.status, a.scorecardStatus) ? "scorecard.open" : "scorecard.view")}
                  </Anchor>
                )}
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </ListTable>
    </Paper>
  );
}

/** Whether the reviewer can still score: the round is in review and the card not yet submitted. */
function scoring(roundStatus: string | null, scorecardStatus: string | null | undefined): boolean {
  return roundStatus === "review" && scorecardStatus !== "submitted";
}

/** A scorecard's state: submitted, draft, or not started. */
function StatusBadge({ status }: { status: string | null | undefined }) {
  const { t } = useI18n();
  return (
    <Badge color={scorecardStatusColor[status ?? ""] ?? "gray"} variant="light">
      {t(
        status === "submitted"
          ? "scorecard.status.submitted"
          : status === "draft"
            ? "scorecard.status.draft"
            : "scorecard.status.none",
      )}
    </Badge>
  );
}
