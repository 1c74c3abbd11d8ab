import { MyTasksDocument, type MyTasksQuery, type TaskKind } from "@lantoa/client";
import { Anchor, Badge, Group, Paper, Stack, Table, Text, Title, VisuallyHidden } from "@mantine/core";
import { useQuery } from "@tanstack/react-query";
import { Link } from "wouter";
import { graphqlQuery } from "./data/graphql";
import { useI18n } from "./i18n/i18n";
import type { MessageKey } from "./i18n/messages-vi";
import { ListTable } from "./layout/list-table";
import { EmptyNote, QueryStatus } from "./query-status";

type TaskItem = NonNullable<NonNullable<NonNullable<MyTasksQuery["myTasks"]>[number]["items"]>[number]>;

/** Each kind's heading, what it asks of the viewer, and where its link goes. */
const kinds: Record<
  TaskKind,
  { title: MessageKey; intro: MessageKey; action: MessageKey; href: (t: TaskItem) => string | null }
> = {
  MODEL_RETURNED: {
    title: "tasks.modelReturned",
    intro: "tasks.modelReturnedIntro",
    action: "tasks.openModel",
    href: (t) => (t.modelId ? `/models/${encodeURIComponent(t.modelId)}` : null),
  },
  SELF_ASSESSMENT_DUE: {
    title: "tasks.selfAssessmentDue",
    intro: "tasks.selfAssessmentDueIntro",
    action: "tasks.openSelfAssessment",
    href: (t) =>
      t.roundId && t.modelId ? `/rounds/${encodeURIComponent(t.roundId)}/self/${encodeURIComponent(t.modelId)}` : null,
  },
  SCORECARD_DUE: {
    title: "tasks.scorecardDue",
    intro: "tasks.scorecardDueIntro",
    action: "tasks.openScorecard",
    href: (t) =>
      t.roundId && t.modelId
        ? `/rounds/${encodeURIComponent(t.roundId)}/review/${encodeURIComponent(t.modelId)}`
        : null,
  },
  APPROVAL_WAITING: {
    title: "tasks.approvalWaiting",
    intro: "tasks.approvalWaitingIntro",
    action: "tasks.openModel",
    href: (t) => (t.modelId ? `/models/${encodeURIComponent(t.modelId)}` : null),
  },
  SCORECARD_LATE: {
    title: "tasks.scorecardLate",
    intro: "tasks.scorecardLateIntro",
    action: "tasks.openRound",
    href: (t) => (t.roundId ? `/rounds/${encodeURIComponent(t.roundId)}` : null),
  },
  CORRECTIVE_ACTION_OVERDUE: {
    title: "tasks.correctiveActionOverdue",
    intro: "tasks.correctiveActionOverdueIntro",
    action: "tasks.openInspections",
    href: () => "/inspections",
  },
};

/**
 * "Việc cần làm": what waits for the signed-in user, one section per kind that has
 * something (models returned, self-assessments and scorecards due, approvals waiting,
 * corrective actions overdue), each row a link to where the work is done.
 */
export default function TasksPage() {
  const { t } = useI18n();
  const query = useQuery(graphqlQuery(MyTasksDocument, { first: 50 }));
  const groups = (query.data?.myTasks ?? []).filter((g) => (g.total ?? 0) > 0 && g.kind);
  return (
    <Stack component="section" aria-labelledby="tasks-heading" gap="sm">
      <Title order={2} id="tasks-heading">
        {t("tasks.title")}
      </Title>
      <QueryStatus query={query} />
      {query.isSuccess && groups.length === 0 && <EmptyNote text={t("tasks.none")} />}
      {groups.map((group) => {
        const kind = kinds[group.kind as TaskKind];
        const items = group.items ?? [];
        return (
          <Paper
            key={group.kind}
            withBorder
            p="sm"
            component="section"
            aria-label={t(kind.title)}
            data-testid={`tasks-${group.kind}`}
          >
            <Group gap="xs" mb={4}>
              <Title order={3} size="h5">
                {t(kind.title)}
              </Title>
              <Badge variant="light" color="orange">
                {group.total}
              </Badge>
            </Group>
            <Text size="sm" c="dimmed" mb="xs">
              {t(kind.intro)}
            </Text>
            <ListTable highlightOnHover={false}>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th scope="col">{t("tasks.what")}</Table.Th>
                  <Table.Th scope="col">{t("tasks.unit")}</Table.Th>
                  <Table.Th scope="col">{t("tasks.due")}</Table.Th>
                  <Table.Th scope="col">
                    <VisuallyHidden>{t(kind.action)}</VisuallyHidden>
                  </Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {items.map((item) => {
                  const href = kind.href(item);
                  // A corrective action is named by what it asks; anything else by its model.
                  const action = group.kind === "CORRECTIVE_ACTION_OVERDUE";
                  const name = (action ? item.description : item.modelName) ?? "";
                  const reviewer = group.kind === "SCORECARD_LATE" ? item.description : null;
                  return (
                    <Table.Tr key={`${item.roundId ?? ""}-${item.modelId ?? ""}-${item.correctiveActionId ?? ""}`}>
                      <Table.Td>
                        <Text fw={600} inherit>
                          {name}
                        </Text>
                        <Text size="sm" c="dimmed">
                          {[item.modelCode, item.roundName, reviewer && t("tasks.reviewer", { name: reviewer })]
                            .filter(Boolean)
                            .join(" · ")}
                        </Text>
                      </Table.Td>
                      <Table.Td data-label={t("tasks.unit")}>{item.unitName}</Table.Td>
                      <Table.Td data-label={t("tasks.due")}>{item.dueOn ?? "—"}</Table.Td>
                      <Table.Td>
                        {href && (
                          <Anchor component={Link} href={href} aria-label={`${t(kind.action)}: ${name}`}>
                            {t(kind.action)}
                          </Anchor>
                        )}
                      </Table.Td>
                    </Table.Tr>
                  );
                })}
              </Table.Tbody>
            </ListTable>
            {(group.total ?? 0) > items.length && (
              <Text size="sm" c="dimmed" mt="xs">
                {t("tasks.more", { shown: String(items.length), total: String(group.total) })}
              </Text>
            )}
          </Paper>
        );
      })}
    </Stack>
  );
}
