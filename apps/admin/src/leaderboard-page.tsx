import { LeaderboardDocument, PublishedRoundsDocument } from "@lantoa/client";
import { Button, Code, NativeSelect, Stack, Text, Title } from "@mantine/core";
import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { useState } from "react";
import { useLocation, useSearch } from "wouter";
import { graphqlQuery } from "./data/graphql";
import { useI18n } from "./i18n/i18n";
import { LeaderboardTable } from "./leaderboard-table";
import { EmptyNote, QueryStatus } from "./query-status";

const pageSize = 50;

/**
 * A published round's results in rank order, readable without signing in: the newest round
 * unless the address names one (`?round=CODE`), with the results' check code.
 */
export default function LeaderboardPage() {
  const { t } = useI18n();
  const [location, navigate] = useLocation();
  const asked = new URLSearchParams(useSearch()).get("round");
  const rounds = useQuery(graphqlQuery(PublishedRoundsDocument, {}));
  const published = rounds.data?.publishedRounds ?? [];
  const round = published.find((r) => r.code === asked) ?? published[0] ?? null;
  const roundCode = round?.code ?? "";
  const [limit, setLimit] = useState(pageSize);
  const query = useQuery({
    ...graphqlQuery(LeaderboardDocument, { roundCode, limit, offset: 0 }),
    enabled: roundCode !== "",
    placeholderData: keepPreviousData,
  });
  const rows = roundCode ? (query.data?.leaderboard ?? null) : null;

  return (
    <Stack component="section" aria-labelledby="leaderboard-heading" gap="sm">
      <Title order={2} id="leaderboard-heading">
        {t("leaderboard.title")}
      </Title>
      <Text>{t("leaderboard.intro")}</Text>
      <QueryStatus query={rounds} />
      {rounds.isSuccess && published.length === 0 && <EmptyNote text={t("leaderboard.noRounds")} />}
      {round && (
        <>
          <NativeSelect
            label={t("leaderboard.round")}
            value={roundCode}
            onChange={(e) => {
              setLimit(pageSize);
              navigate(`${location}?round=${encodeURIComponent(e.currentTarget.value)}`, { replace: true });
            }}
            data={published.map((r) => ({ value: r.code ?? "", label: `${r.name} (${r.period})` }))}
            maw="40rem"
          />
          <Title order={3} size="h4" data-testid="leaderboard-round">
            {round.name} · {t("rounds.period")}: {round.period}
          </Title>
          {round.resultsHash && (
            <Text size="sm" c="dimmed">
              {t("leaderboard.hash")}{" "}
              <Code className="long-code" data-testid="leaderboard-hash">
                {round.resultsHash}
              </Code>
            </Text>
          )}
          <QueryStatus query={query} lines={10} />
        </>
      )}
      {rows && rows.length === 0 && <EmptyNote text={t("leaderboard.empty")} />}
      {rows && rows.length > 0 && (
        <>
          <LeaderboardTable rows={rows} />
          {rows.length === limit && (
            <Button
              variant="default"
              loading={query.isFetching}
              onClick={() => setLimit((n) => n + pageSize)}
              style={{ alignSelf: "flex-start" }}
            >
              {t("leaderboard.more")}
            </Button>
          )}
        </>
      )}
    </Stack>
  );
}
