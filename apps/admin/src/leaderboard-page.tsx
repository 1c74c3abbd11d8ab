import { LeaderboardDocument } from "@lantoa/client";
import { Button, Stack, Text, Title } from "@mantine/core";
import { useState } from "react";
import { useI18n } from "./i18n/i18n";
import { LeaderboardTable } from "./leaderboard-table";
import { EmptyNote, QueryStatus } from "./query-status";
import { useQuery } from "./use-query";

/** The published demo round; a round picker can come when the API lists rounds. */
const roundCode = "TL-BINHXET-2022";
const pageSize = 50;

/** A published round's results in rank order, readable without signing in. */
export default function LeaderboardPage() {
  const { t } = useI18n();
  const [limit, setLimit] = useState(pageSize);
  const query = useQuery(LeaderboardDocument, { roundCode, limit, offset: 0 });
  const rows = query.data?.leaderboard ?? null;

  return (
    <Stack component="section" aria-labelledby="leaderboard-heading" gap="sm">
      <Title order={2} id="leaderboard-heading">
        {t("leaderboard.title")}
      </Title>
      <Text>{t("leaderboard.intro")}</Text>
      <QueryStatus state={query} reload={query.reload} lines={10} />
      {rows && rows.length === 0 && <EmptyNote text={t("leaderboard.empty")} />}
      {rows && rows.length > 0 && (
        <>
          <LeaderboardTable rows={rows} />
          {rows.length === limit && (
            <Button variant="default" onClick={() => setLimit((n) => n + pageSize)} style={{ alignSelf: "flex-start" }}>
              {t("leaderboard.more")}
            </Button>
          )}
        </>
      )}
    </Stack>
  );
}
