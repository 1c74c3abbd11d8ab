import { CreateCriteriaSetDocument, CriteriaSetsDocument, NewCriteriaDraftDocument, request } from "@lantoa/client";
import { Alert, Badge, Button, Group, NativeSelect, Paper, Stack, Table, Text, TextInput, Title } from "@mantine/core";
import { useState } from "react";
import { Link, useLocation } from "wouter";
import { useI18n } from "../i18n/i18n";
import { QueryStatus } from "../query-status";
import { useSession, viewerRoles } from "../session";
import { errorMessageKey, graphqlEndpoint, useQuery } from "../use-query";

const newKey = () => `criteria-${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 10)}`;
const CODE = /^[A-Za-z0-9][A-Za-z0-9_-]{0,63}$/;

/** The criteria sets and their versions; system admins create sets and start drafts here. */
export default function CriteriaSetsPage() {
  const { t, formatDate, locale } = useI18n();
  const { session } = useSession();
  const [, navigate] = useLocation();
  const isAdmin = viewerRoles(session).includes("system-admin");
  const query = useQuery(CriteriaSetsDocument, {});
  const [code, setCode] = useState("");
  const [name, setName] = useState("");
  const [startFrom, setStartFrom] = useState<"DEFAULT" | "BLANK">("DEFAULT");
  const [failure, setFailure] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const codeError = code && !CODE.test(code) ? t("criteria.create.codeHint") : null;

  const create = async () => {
    if (!code || !name.trim() || codeError) {
      setFailure(t("criteria.create.required"));
      return;
    }
    setBusy(true);
    setFailure(null);
    try {
      const { createCriteriaSet: r } = await request(
        graphqlEndpoint,
        CreateCriteriaSetDocument,
        { input: { code, name: name.trim(), startFrom }, idempotencyKey: newKey() },
        { token: session?.token },
      );
      if (r?.__typename === "MutationCreateCriteriaSetSuccess") {
        navigate(`/criteria/versions/${encodeURIComponent(r.data.draft.id)}`);
      } else if (r && "code" in r) setFailure((locale === "vi" ? r.messageVi : r.message) ?? t("error.unknown"));
    } catch (error) {
      setFailure(t(errorMessageKey(error)));
    } finally {
      setBusy(false);
    }
  };

  const newDraft = async (fromVersionId: string) => {
    setBusy(true);
    setFailure(null);
    try {
      const { newCriteriaDraft: r } = await request(
        graphqlEndpoint,
        NewCriteriaDraftDocument,
        { fromVersionId, idempotencyKey: newKey() },
        { token: session?.token },
      );
      if (r?.__typename === "MutationNewCriteriaDraftSuccess") {
        navigate(`/criteria/versions/${encodeURIComponent(r.data.version.id)}`);
      } else if (r && "code" in r) setFailure((locale === "vi" ? r.messageVi : r.message) ?? t("error.unknown"));
    } catch (error) {
      setFailure(t(errorMessageKey(error)));
    } finally {
      setBusy(false);
    }
  };

  const sets = query.status === "ready" ? query.data.criteriaSets : null;
  return (
    <Stack gap="md" component="section" aria-labelledby="criteria-heading">
      <Title order={2} id="criteria-heading">
        {t("criteria.title")}
      </Title>
      <Text c="dimmed">{t("criteria.intro")}</Text>
      {failure && (
        <Alert color="red" role="alert">
          {failure}
        </Alert>
      )}
      {isAdmin && (
        <Paper
          withBorder
          p="sm"
          component="form"
          aria-labelledby="create-heading"
          onSubmit={(e) => {
            e.preventDefault();
            void create();
          }}
        >
          <Title order={3} id="create-heading" mb="xs">
            {t("criteria.create.title")}
          </Title>
          <Group align="flex-end" gap="sm" wrap="wrap">
            <TextInput
              label={t("criteria.create.code")}
              description={t("criteria.create.codeHint")}
              value={code}
              error={codeError}
              onChange={(e) => setCode(e.currentTarget.value.trim())}
              required
            />
            <TextInput
              label={t("criteria.create.name")}
              value={name}
              onChange={(e) => setName(e.currentTarget.value)}
              required
              style={{ flex: 1, minWidth: "16rem" }}
            />
            <NativeSelect
              label={t("criteria.create.startFrom")}
              value={startFrom}
              data={[
                { value: "DEFAULT", label: t("criteria.create.default") },
                { value: "BLANK", label: t("criteria.create.blank") },
              ]}
              onChange={(e) => setStartFrom(e.currentTarget.value as "DEFAULT" | "BLANK")}
            />
            <Button type="submit" loading={busy}>
              {t("criteria.create.submit")}
            </Button>
          </Group>
        </Paper>
      )}
      <QueryStatus state={query} reload={query.reload} errorKey="criteria.error" />
      {sets && sets.length === 0 && <p className="empty">{t("criteria.empty")}</p>}
      {sets?.map((set) => {
        const hasDraft = set.versions.some((v) => v.status === "draft");
        const latestPublished = set.versions.find((v) => v.status === "published");
        return (
          <Paper key={set.id} withBorder p="sm" data-testid={`criteria-set-${set.code}`}>
            <Group justify="space-between" mb="xs">
              <Title order={3}>
                {set.name}{" "}
                <Text span c="dimmed" size="sm">
                  ({set.code})
                </Text>
              </Title>
              <Group gap="xs">
                {set.versions.filter((v) => v.status === "published").length >= 2 && (
                  <Button
                    component={Link}
                    variant="default"
                    size="compact-sm"
                    href={`/criteria/compare?set=${encodeURIComponent(set.code)}`}
                  >
                    {t("criteria.compare")}
                  </Button>
                )}
                {isAdmin && latestPublished && !hasDraft && (
                  <Button size="compact-sm" onClick={() => void newDraft(latestPublished.id)} loading={busy}>
                    {t("criteria.newDraft")}
                  </Button>
                )}
              </Group>
            </Group>
            <div className="table-wrap">
              <Table withTableBorder>
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th scope="col">{t("criteria.version")}</Table.Th>
                    <Table.Th scope="col">{t("criteria.status")}</Table.Th>
                    <Table.Th scope="col">{t("criteria.publishedAt")}</Table.Th>
                    <Table.Th scope="col">{t("criteria.contentHash")}</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {set.versions.map((v) => (
                    <Table.Tr key={v.id}>
                      <Table.Td>
                        <Link href={`/criteria/versions/${encodeURIComponent(v.id)}`}>
                          {t(v.status === "draft" && isAdmin ? "criteria.editVersion" : "criteria.viewVersion", {
                            n: v.versionNumber,
                          })}
                        </Link>
                      </Table.Td>
                      <Table.Td>
                        <Badge variant="light" color={v.status === "draft" ? "yellow" : "green"}>
                          {t(v.status === "draft" ? "criteria.status.draft" : "criteria.status.published")}
                        </Badge>
                      </Table.Td>
                      <Table.Td>{v.publishedAt ? formatDate(v.publishedAt, true) : "—"}</Table.Td>
                      <Table.Td>
                        <code>{v.contentHash ? v.contentHash.slice(0, 12) : "—"}</code>
                      </Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            </div>
          </Paper>
        );
      })}
    </Stack>
  );
}
