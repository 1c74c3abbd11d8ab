import { MyAssignmentsDocument } from "@lantoa/client";
import { Badge, Paper, Stack, Table, Text, Title } from "@mantine/core";
import { Link } from "wouter";
import { useI18n } from "../i18n/i18n";
import { EmptyNote, QueryStatus } from "../query-status";
import { useSession } from "../session";
import { useQuery } from "../use-query";

/** "Phiếu chấm của tôi": the reviewer's assignments in every round, each a link to its scorecard. */
export default function MyScorecardsPage() {
  const { t, label } = useI18n();
  const { session } = useSession();
  const query = useQuery(MyAssignmentsDocument, {});
  const me = session?.viewer.username;
  const rounds = (query.data?.rounds ?? [])
    .map((r) => ({ ...r, mine: (r.assignments ?? []).filter((a) => a.reviewerUsername === me) }))
    .filter((r) => r.mine.length > 0);

  return (
    <Stack component="section" aria-labelledby="my-scorecards-heading" gap="sm">
      <Title order={2} id="my-scorecards-heading">
        {t("scorecard.mine")}
      </Title>
      <Text>{t("scorecard.mineIntro")}</Text>
      <QueryStatus state={query} reload={query.reload} />
      {query.status === "ready" && rounds.length === 0 && <EmptyNote text={t("scorecard.mineEmpty")} />}
      {rounds.map((r) => (
        <Paper key={r.id} withBorder p="sm" data-testid={`my-round-${r.code}`}>
          <Title order={3} size="h5">
            {r.name} ({r.code}) <Badge variant="light">{label("rounds.status", r.status)}</Badge>
          </Title>
          <Table>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t("rounds.model")}</Table.Th>
                <Table.Th>{t("scorecard.state")}</Table.Th>
                <Table.Th />
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {r.mine.map((a) => (
                <Table.Tr key={a.modelId}>
                  <Table.Td>{a.modelCode}</Table.Td>
                  <Table.Td>
                    {a.conflictDeclared ? (
                      <Badge color="orange">{t("scorecard.conflictBadge")}</Badge>
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
                  <Table.Td>
                    {!a.conflictDeclared && a.modelId && (
                      <Link
                        href={`/rounds/${encodeURIComponent(r.id)}/review/${encodeURIComponent(a.modelId)}`}
                        aria-label={t("scorecard.openFor", { code: a.modelCode ?? "" })}
                      >
                        {t("scorecard.open")}
                      </Link>
                    )}
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Paper>
      ))}
    </Stack>
  );
}
